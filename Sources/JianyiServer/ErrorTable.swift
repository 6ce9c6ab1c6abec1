import CaseStore
import Casework
import HTTPTypes
import Hummingbird
import Presentation

/// The one table from the project's typed errors to HTTP: status, code and the message in both
/// languages. Each switch is exhaustive, so a new refusal cannot reach a client unmapped.
///
/// The statuses and codes are the OpenAPI document's (its table of errors): 400 `invalid` a
/// malformed request (what makes the CLI exit 64), 404 `not_found` something that does not
/// exist or that the caller may not see, 403 `forbidden` a step the caller may not take, 409
/// `conflict` a step the case's state does not allow now, 422 `invalid` a rule of the data
/// refuses it (the CLI's exit 65; messages name the JSON key), 503 `unavailable` busy or
/// unreachable, 500 `internal` anything else, saying nothing of the internals.
public enum ErrorTable {
    public static func serviceError(for error: Error) -> ServiceError {
        switch error {
        case let error as ServiceError: error
        case let error as CaseError: serviceError(error)
        case let error as LookupError: serviceError(error)
        case let error as RegistrationError: serviceError(error)
        case let error as OverdueRunError: serviceError(error)
        case let error as SetupError: serviceError(error)
        case let error as InputError: serviceError(error)
        case let error as ConflictError: serviceError(error)
        case let error as AccessError: serviceError(error)
        case let error as AccountError: serviceError(error)
        case let error as ReplyDraftError: serviceError(error)
        case is PolicyError, is SchemaError: unavailable
        case let error as Failure: serviceError(error)
        case let error as HTTPResponseError: serviceError(status: error.status)
        default: DatabaseFailure(error).map(serviceError) ?? .internal
        }
    }

    /// A value the data's rules refuse (422), naming the body key it came in.
    static func refused(_ key: String, zh: String, en: String) -> ServiceError {
        ServiceError(.unprocessableContent, "invalid", zh: "\(key)：\(zh)", en: "\(key): \(en)")
    }

    /// A malformed value (400, the CLI's exit 64), naming the body key.
    static func malformed(_ key: String, zh: String, en: String) -> ServiceError {
        ServiceError.invalid(key: key, zh: zh, en: en)
    }

    static func conflict(zh: String, en: String) -> ServiceError {
        ServiceError(.conflict, "conflict", zh: zh, en: en)
    }

    static func forbidden(zh: String, en: String) -> ServiceError {
        ServiceError(.forbidden, "forbidden", zh: zh, en: en)
    }

    static func notFound(zh: String, en: String) -> ServiceError {
        ServiceError(.notFound, "not_found", zh: zh, en: en)
    }

    static let unavailable = ServiceError(.serviceUnavailable, "unavailable", zh: "数据库暂时无法服务，请稍后重试",
                                          en: "the database cannot serve now; try again later", retryAfter: 1)

    /// Worded as the CLI words it (Presentation), the values named by their JSON keys: 409 for
    /// what the case's state or its pending transfer does not allow now, 422 for the rest.
    static func serviceError(_ error: CaseError) -> ServiceError {
        let status: HTTPResponse.Status, code: String
        switch error {
        case .notAllowed, .transferPending, .noPendingTransfer, .noReplyToRate, .contactAnswered, .mergeIntoMerged, .mergeChain,
             .mergeTargetState:
            (status, code) = (.conflict, "conflict")
        case .dayAfterToday, .dateBeforePreviousStep, .deadlineUncountable, .unknownUnit, .coUnitRepeated, .notAssigned, .notCoHandler,
             .notLeadUnit, .transferWindowClosed, .alreadyAssigned, .planDateMissing, .planDateBeforeReply, .planDateNotForOutcome,
             .commentRequired, .noSuchContact, .dateBeforeContact, .disputeNoteRequired, .mergeIntoItself, .mergeAcrossCongresses:
            (status, code) = (.unprocessableContent, "invalid")
        }
        return ServiceError(status, code, zh: error.message(zh: true, naming: .jsonKeys, day: "on"),
                            en: error.message(zh: false, naming: .jsonKeys, day: "on"))
    }

    static func serviceError(_ error: LookupError) -> ServiceError {
        switch error {
        case .noSuchCase(let number, _):
            return notFound(zh: "建议\(number)不存在", en: "suggestion \(number) does not exist")
        case .noSuchCongress(let code, _):
            return notFound(zh: "人大\(code)不存在", en: "congress \(code) does not exist")
        case .noCongressYet, .severalCongresses:
            // The service always knows its congress (from the account): this is a bug.
            return .internal
        case .unknownDeputy(let code, let role, let congress):
            return refused(role == .lead ? "deputy" : "cosigners", zh: "\(code)不是\(congress)的代表",
                            en: "\(code) is not a deputy of \(congress)")
        case .unknownSession(let code, let congress):
            return refused("session", zh: "\(code)不是\(congress)的会次", en: "\(code) is not a session of \(congress)")
        }
    }

    static func serviceError(_ error: RegistrationError) -> ServiceError {
        switch error {
        case .titleTooLong(let count, let limit):
            refused("title", zh: "标题有\(count)个字，最多\(limit)个", en: "the title has \(count) characters; at most \(limit)")
        case .noDeputy:
            malformed("deputy", zh: "缺少代表编号", en: "no deputy code given")
        case .sessionMissing:
            refused("session", zh: "大会期间提出的建议须注明会次", en: "a suggestion of the session channel needs its session")
        case .sessionOutsideSession(let channel, _):
            refused("session", zh: "\(channel.zh)提出的建议不注明会次", en: "a suggestion of the \(channel.rawValue) channel has no session")
        case .cosignerIsLead(let code):
            refused("cosigners", zh: "\(code)是领衔代表，不能同时附议", en: "\(code) is the lead deputy and cannot also co-sign")
        case .cosignerRepeated(let code):
            refused("cosigners", zh: "\(code)重复", en: "\(code) is given twice")
        }
    }

    static func serviceError(_ error: OverdueRunError) -> ServiceError {
        switch error {
        case .inProgress:
            ServiceError(.serviceUnavailable, "unavailable", zh: "另一次逾期检查正在进行，请稍后重试",
                         en: "another overdue run is working; try again later", retryAfter: 5)
        case .noSuchRun(let id, _):
            notFound(zh: "逾期检查#\(id)不存在", en: "overdue run #\(id) does not exist")
        }
    }

    static func serviceError(_ error: SetupError) -> ServiceError {
        switch error {
        case .unknownTimeZone(let zone):
            refused("time_zone", zh: "“\(zone)”不是有效时区", en: "'\(zone)' is not a time zone PostgreSQL knows")
        case .sessionClosesBeforeOpening(let opened, let closed):
            refused("closed", zh: "\(closed)早于开幕日期\(opened)", en: "\(closed) is before the opening day \(opened)")
        case .yearOutOfRange(let year):
            refused("year", zh: "\(year)超出范围", en: "\(year) is out of range")
        case .makeupDayOnWeekday(let day):
            refused("date", zh: "\(day)是工作日，不能作为调休上班日", en: "\(day) is a weekday, not a makeup working day")
        }
    }

    static func serviceError(_ error: InputError) -> ServiceError {
        switch error {
        case .blank(let field, _):
            malformed(field.apiKey, zh: "不能为空", en: "must not be empty")
        case .notOneOf(let field, let value, let choices):
            malformed(field.apiKey, zh: "“\(value)”不是\(choices.joined(separator: "|"))之一",
                     en: "'\(value)' is not one of \(choices.joined(separator: "|"))")
        case .notACode(let code):
            refused("code", zh: "“\(code)”不是代码", en: "'\(code)' is not a code")
        }
    }

    static func serviceError(_ error: ConflictError) -> ServiceError {
        switch error {
        case .duplicate(_, let code, _):
            conflict(zh: "\(code)已存在", en: "\(code) already exists")
        case .suggestionRegistered(let number):
            conflict(zh: "该建议已登记为\(number)", en: "this suggestion is already registered as \(number)")
        case .suggestionRepeated(let line):
            conflict(zh: "与第\(line)行重复", en: "repeats line \(line)")
        }
    }

    static func serviceError(_ error: AccessError) -> ServiceError {
        switch error {
        case .notPermitted(let step, let party):
            forbidden(zh: "\(party.zh)不能\(step.zh)", en: "\(party.en) may not take the step \(step.apiName) on this case")
        case .mayNotSubmit(let party, let deputy):
            forbidden(zh: "\(party.zh)不能替代表\(deputy)提交建议", en: "\(party.en) may not submit a suggestion for deputy \(deputy)")
        }
    }

    /// 404 for drafts the caller may not see, 403 for a step it may not take, 409 for what the
    /// case's drafts do not allow now, 422 for the data's rules.
    static func serviceError(_ error: ReplyDraftError) -> ServiceError {
        let status: HTTPResponse.Status, code: String
        switch error {
        case .draftsNotVisible: (status, code) = (.notFound, "not_found")
        case .notPermitted, .signerOnly, .draftRequired: (status, code) = (.forbidden, "forbidden")
        case .noSigner, .draftPending, .noPendingDraft: (status, code) = (.conflict, "conflict")
        case .dayBeforeDraft, .noteRequired: (status, code) = (.unprocessableContent, "invalid")
        }
        return ServiceError(status, code, zh: error.message(zh: true, day: "on", note: "comment"),
                            en: error.message(zh: false, day: "on", note: "comment"))
    }

    static func serviceError(_ error: AccountError) -> ServiceError {
        switch error {
        case .signInFailed:
            ServiceError(.unauthorized, "unauthorized", zh: "登录名或密码错误，或账户已停用",
                         en: "the login or the password is wrong, or the account is disabled")
        case .badLogin, .passwordTooShort, .passwordTooLong, .passwordControl, .codeDoesNotFitRole:
            malformed("password", zh: "账户信息不符合要求", en: "the account's login or password is not acceptable")
        case .signerNeedsUnitRole:
            malformed("signer", zh: "只有承办单位的账户可以签发", en: "only a unit's account signs replies")
        case .loginTaken, .noSuchAccount, .unknownUnit, .unknownDeputy, .signerNotUnit:
            refused("login", zh: "账户信息与现有数据不符", en: "the account does not fit the data")
        }
    }

    /// A `Failure` carries the CLI's English line only; Chinese gets a plain sentence before it.
    static func serviceError(_ failure: Failure) -> ServiceError {
        switch failure.kind {
        case .badValue, .noInput:
            ServiceError(.badRequest, "invalid", zh: "请求中的值有误：\(failure.message)", en: failure.message)
        case .ruleBroken:
            ServiceError(.unprocessableContent, "invalid", zh: "不符合办理规则：\(failure.message)", en: failure.message)
        case .unavailable, .configuration:
            unavailable
        case .tryLater:
            .busy(retryAfter: 1)
        case .cannotCreateOutput, .ioError:
            .internal
        }
    }

    static func serviceError(_ failure: DatabaseFailure) -> ServiceError {
        switch failure.category {
        case .dataRejected:
            ServiceError(.unprocessableContent, "invalid", zh: "数据库拒绝了这些数据", en: "the database refused the data")
        case .conflict, .busy:
            .busy(retryAfter: 1)
        case .readOnly, .connectionLost, .schemaMismatch:
            unavailable
        case .refused:
            // Row-level security or a missing grant: the web role may not do this.
            forbidden(zh: "无权进行此操作", en: "not permitted")
        case .bug:
            .internal
        }
    }

    /// Hummingbird's own refusals (no such route, a body it cannot read), by status alone.
    static func serviceError(status: HTTPResponse.Status) -> ServiceError {
        switch status {
        case .notFound:
            notFound(zh: "没有这个地址", en: "no such resource")
        case .methodNotAllowed:
            ServiceError(status, "method_not_allowed", zh: "不支持此请求方法", en: "method not allowed")
        case .badRequest:
            ServiceError(status, "invalid", zh: "请求格式有误", en: "malformed request")
        case .contentTooLarge:
            ServiceError(status, "too_large", zh: "请求内容过大", en: "request body too large")
        default:
            status.code >= 500 ? .internal : ServiceError(status, "invalid", zh: "请求无法处理", en: status.reasonPhrase)
        }
    }
}

extension Field {
    /// The JSON key a request carries the value in.
    var apiKey: String {
        switch self {
        case .title: "title"
        case .body: "body"
        case .station: "station"
        case .category: "category"
        case .text: "text"
        case .reason: "reason"
        case .leader: "leader"
        case .committee: "committee"
        case .note: "note"
        case .progress: "progress"
        case .comment: "comment"
        case .delegation: "delegation"
        case .congressName, .deputyName, .unitName, .holidayName: "name"
        case .unitKind: "kind"
        case .file(let field): field.apiKey
        }
    }
}

extension CaseStep {
    /// The step as the API names it: the last segment of its `POST /api/v1/cases/{number}/…`.
    public var apiName: String {
        switch self {
        case .accept, .reject: "review"
        case .withdraw: "withdraw"
        case .assign: "assign"
        case .transferRequest: "transfer-requests"
        case .transferApprove, .transferReject: "transfer-decision"
        case .contact: "contacts"
        case .opinion: "opinions"
        case .reply: "reply"
        case .rate: "rating"
        case .followUp: "follow-ups"
        case .supervise: "supervision"
        case .confirmContact, .disputeContact: "contact-confirmations"
        case .merge: "merge"
        }
    }

    var zh: String {
        switch self {
        case .accept: "立案"
        case .reject: "不予立案"
        case .withdraw: "撤回"
        case .assign: "交办"
        case .transferRequest: "申请调整交办"
        case .transferApprove: "同意调整交办"
        case .transferReject: "驳回调整交办"
        case .contact: "沟通"
        case .opinion: "提出协办意见"
        case .reply: "答复"
        case .rate: "评价"
        case .followUp: "跟踪落实"
        case .supervise: "督办"
        case .confirmContact: "确认沟通"
        case .disputeContact: "对沟通提出异议"
        case .merge: "并案"
        }
    }
}
