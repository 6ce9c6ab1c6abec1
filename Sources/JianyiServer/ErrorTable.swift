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

    static func serviceError(_ error: CaseError) -> ServiceError {
        switch error {
        case .notAllowed(let number, let step, let state):
            return conflict(zh: StepRefusalText.notAllowed(number: number, step: step, state: state, zh: true),
                            en: StepRefusalText.notAllowed(number: number, step: step, state: state, zh: false))
        case .dayAfterToday(let day, let today):
            return refused("on", zh: "\(day) 晚于今天（\(today)）；jianyi 不登记尚未到来的日子",
                           en: "\(day) is after today (\(today)); jianyi records nothing for a day that has not come")
        case .dateBeforePreviousStep(let number, let day, let previous, let kind):
            return refused("on", zh: "\(day) 早于 \(number) 上一步骤（\(kind.zh)）的日期 \(previous)；案件的步骤须依次办理",
                           en: "\(day) is before \(previous), the day of \(number)'s previous step (\(kind.rawValue)); the steps of a case follow one another")
        case .deadlineUncountable(let kind, let from, let refusal):
            return refused(from == .planBy ? "plan_by" : "on", zh: "无法计算\(kind.zh)的办理期限：\(refusal)",
                           en: "the \(kind.rawValue) deadline, \(refusal)")
        case .unknownUnit(let unit, let role, let congress):
            let key = switch role { case .lead: "lead"; case .co: "co"; case .transferTo: "to" }
            return refused(key, zh: "\(unit) 不是 \(congress) 的承办单位", en: "\(unit) is not a unit of \(congress)")
        case .coUnitRepeated(let unit):
            return refused("co", zh: "协办单位 \(unit) 重复给出，或同时是主办单位", en: "\(unit) is given twice or is also the lead")
        case .notAssigned(let unit, let number, let step):
            let transfer = step == .transferRequest
            return refused("unit", zh: "\(unit) 未承办 \(number)\(transfer ? "；只有承办单位可以申请调整交办" : "")",
                           en: "\(unit) is not assigned to \(number)\(transfer ? "; only its assigned units may ask for a transfer" : "")")
        case .notCoHandler(let unit, let number):
            return refused("unit", zh: "\(unit) 不是 \(number) 的协办单位；只有协办单位提出协办意见",
                           en: "\(unit) is not a co-handler of \(number); only co-handlers send opinions")
        case .notLeadUnit(let unit, let number, let lead):
            return refused("unit", zh: "\(unit) 不是 \(number) 的主办单位（\(lead ?? "无")）；只有主办单位答复",
                           en: "\(unit) is not the lead unit of \(number) (\(lead ?? "none")); only the lead replies")
        case .transferWindowClosed(let unit, let number, let due):
            return refused("on", zh: "\(unit) 对 \(number) 申请调整交办的期限已于 \(due) 届满；交办不变",
                           en: "\(unit)'s transfer window for \(number) closed on \(due); the assignment stands")
        case .transferPending(let number, let unit):
            return conflict(zh: "\(number) 已有 \(unit) 的调整交办申请待处理；请先同意或不同意",
                            en: "\(number) already has a pending transfer request from \(unit); approve or reject it first")
        case .noPendingTransfer(let number):
            return conflict(zh: "\(number) 没有待处理的调整交办申请", en: "\(number) has no pending transfer request")
        case .alreadyAssigned(let unit, let number):
            return refused("to", zh: "\(unit) 正在或曾经承办 \(number)", en: "\(unit) is or was already assigned to \(number)")
        case .planDateMissing:
            return refused("plan_by", zh: "B 类答复（正在解决或列入计划解决）须给出计划解决日期",
                           en: "outcome B (正在解决或列入计划解决) needs the plan date")
        case .planDateBeforeReply(let plan, let reply):
            return refused("plan_by", zh: "计划解决日期 \(plan) 早于答复日期 \(reply)", en: "\(plan) is before the reply date \(reply)")
        case .planDateNotForOutcome:
            return refused("plan_by", zh: "只有 B 类答复有计划解决日期", en: "only outcome B carries a plan date")
        case .noReplyToRate(let number):
            return conflict(zh: "\(number) 尚无答复，无从评价", en: "\(number) has no reply to rate")
        case .commentRequired:
            return refused("comment", zh: "代表不满意时须写明意见", en: "a comment is required when the deputy is dissatisfied")
        }
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

    static func serviceError(_ error: AccountError) -> ServiceError {
        switch error {
        case .signInFailed:
            ServiceError(.unauthorized, "unauthorized", zh: "登录名或密码错误，或账户已停用",
                         en: "the login or the password is wrong, or the account is disabled")
        case .badLogin, .passwordTooShort, .passwordTooLong, .passwordControl, .codeDoesNotFitRole:
            malformed("password", zh: "账户信息不符合要求", en: "the account's login or password is not acceptable")
        case .loginTaken, .noSuchAccount, .unknownUnit, .unknownDeputy:
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
        }
    }
}
