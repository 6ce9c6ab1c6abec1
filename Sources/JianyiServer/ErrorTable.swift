import CaseStore
import Casework
import HTTPTypes
import Hummingbird

/// The one table from the project's typed errors to HTTP: status, code and the message in both
/// languages. Each switch is exhaustive, so a new refusal cannot reach a client unmapped.
///
/// 404 something that does not exist (or that the caller may not see), 409 a step the case's
/// state or history does not allow now, 422 a bad value (the message names the JSON field),
/// 403 a step the caller may not take, 503 busy or unavailable, 500 anything else, saying
/// nothing of the internals.
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

    static func badValue(_ field: String, zh: String, en: String) -> ServiceError {
        ServiceError(.unprocessableContent, "bad_value", zh: "\(field)：\(zh)", en: "\(field): \(en)")
    }

    static func conflict(_ code: String, zh: String, en: String) -> ServiceError {
        ServiceError(.conflict, code, zh: zh, en: en)
    }

    static func forbidden(zh: String, en: String) -> ServiceError {
        ServiceError(.forbidden, "forbidden", zh: zh, en: en)
    }

    static func notFound(zh: String, en: String) -> ServiceError {
        ServiceError(.notFound, "not_found", zh: zh, en: en)
    }

    static let unavailable = ServiceError(.serviceUnavailable, "unavailable", zh: "数据库暂时无法服务，请稍后重试",
                                          en: "the database cannot serve now; try again later")

    static func serviceError(_ error: CaseError) -> ServiceError {
        switch error {
        case .notAllowed(let number, let step, let state):
            return conflict("not_allowed_in_state",
                            zh: "\(number)当前为“\(state.zh)”，不能\(step.zh)",
                            en: "\(number) is \(state.rawValue); \(step.apiName) is not allowed now")
        case .dayAfterToday(let day, let today):
            return badValue("on", zh: "\(day)晚于今天（\(today)）", en: "\(day) is after today (\(today))")
        case .dateBeforePreviousStep(let number, let day, let previous, _):
            return badValue("on", zh: "\(day)早于\(number)上一步骤的日期\(previous)",
                            en: "\(day) is before \(previous), the day of \(number)'s previous step")
        case .deadlineUncountable(let kind, let from, let refusal):
            return badValue(from == .planBy ? "plan_by" : "on", zh: "无法计算\(kind.zh)期限（\(refusal)）",
                            en: "the \(kind.rawValue) deadline cannot be counted (\(refusal))")
        case .unknownUnit(let unit, let role, let congress):
            let field = switch role { case .lead: "lead"; case .co: "co"; case .transferTo: "to" }
            return badValue(field, zh: "\(unit)不是\(congress)的承办单位", en: "\(unit) is not a unit of \(congress)")
        case .coUnitRepeated(let unit):
            return badValue("co", zh: "\(unit)重复或同时为主办单位", en: "\(unit) is given twice or is also the lead")
        case .notAssigned(let unit, let number, _):
            return forbidden(zh: "\(unit)不是\(number)的承办单位", en: "\(unit) is not assigned to \(number)")
        case .notCoHandler(let unit, let number):
            return forbidden(zh: "\(unit)不是\(number)的协办单位，只有协办单位提出协办意见",
                             en: "\(unit) is not a co-handler of \(number); only co-handlers send opinions")
        case .notLeadUnit(let unit, let number, _):
            return forbidden(zh: "\(unit)不是\(number)的主办单位，只有主办单位答复",
                             en: "\(unit) is not the lead unit of \(number); only the lead replies")
        case .transferWindowClosed(let unit, let number, let due):
            return conflict("transfer_window_closed", zh: "\(unit)对\(number)申请调整的期限已于\(due)届满",
                            en: "\(unit)'s transfer window for \(number) closed on \(due)")
        case .transferPending(let number, let unit):
            return conflict("transfer_pending", zh: "\(number)已有\(unit)待决定的调整申请",
                            en: "\(number) already has a pending transfer request from \(unit)")
        case .noPendingTransfer(let number):
            return conflict("no_pending_transfer", zh: "\(number)没有待决定的调整申请", en: "\(number) has no pending transfer request")
        case .alreadyAssigned(let unit, let number):
            return badValue("to", zh: "\(unit)已经或曾经承办\(number)", en: "\(unit) is or was already assigned to \(number)")
        case .planDateMissing:
            return badValue("plan_by", zh: "B类答复须填写计划完成日期", en: "outcome B needs the plan date")
        case .planDateBeforeReply(let plan, let reply):
            return badValue("plan_by", zh: "\(plan)早于答复日期\(reply)", en: "\(plan) is before the reply date \(reply)")
        case .planDateNotForOutcome:
            return badValue("plan_by", zh: "只有B类答复有计划完成日期", en: "only outcome B carries a plan date")
        case .noReplyToRate(let number):
            return conflict("no_reply_to_rate", zh: "\(number)尚无可评价的答复", en: "\(number) has no reply to rate")
        case .commentRequired:
            return badValue("comment", zh: "不满意时须填写意见", en: "a comment is required when the deputy is dissatisfied")
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
            return badValue(role == .lead ? "deputy" : "cosigners", zh: "\(code)不是\(congress)的代表",
                            en: "\(code) is not a deputy of \(congress)")
        case .unknownSession(let code, let congress):
            return badValue("session", zh: "\(code)不是\(congress)的会次", en: "\(code) is not a session of \(congress)")
        }
    }

    static func serviceError(_ error: RegistrationError) -> ServiceError {
        switch error {
        case .titleTooLong(let count, let limit):
            badValue("title", zh: "标题有\(count)个字，最多\(limit)个", en: "the title has \(count) characters; at most \(limit)")
        case .noDeputy:
            badValue("deputy", zh: "缺少代表编号", en: "no deputy code given")
        case .sessionMissing:
            badValue("session", zh: "大会期间提出的建议须注明会次", en: "a suggestion of the session channel needs its session")
        case .sessionOutsideSession(let channel, _):
            badValue("session", zh: "\(channel.zh)提出的建议不注明会次", en: "a suggestion of the \(channel.rawValue) channel has no session")
        case .cosignerIsLead(let code):
            badValue("cosigners", zh: "\(code)是领衔代表，不能同时附议", en: "\(code) is the lead deputy and cannot also co-sign")
        case .cosignerRepeated(let code):
            badValue("cosigners", zh: "\(code)重复", en: "\(code) is given twice")
        }
    }

    static func serviceError(_ error: OverdueRunError) -> ServiceError {
        switch error {
        case .inProgress:
            ServiceError(.serviceUnavailable, "busy", zh: "另一次逾期检查正在进行，请稍后重试",
                         en: "another overdue run is working; try again later", retryAfter: 5)
        case .noSuchRun(let id, _):
            notFound(zh: "逾期检查#\(id)不存在", en: "overdue run #\(id) does not exist")
        }
    }

    static func serviceError(_ error: SetupError) -> ServiceError {
        switch error {
        case .unknownTimeZone(let zone):
            badValue("time_zone", zh: "“\(zone)”不是有效时区", en: "'\(zone)' is not a time zone PostgreSQL knows")
        case .sessionClosesBeforeOpening(let opened, let closed):
            badValue("closed", zh: "\(closed)早于开幕日期\(opened)", en: "\(closed) is before the opening day \(opened)")
        case .yearOutOfRange(let year):
            badValue("year", zh: "\(year)超出范围", en: "\(year) is out of range")
        case .makeupDayOnWeekday(let day):
            badValue("date", zh: "\(day)是工作日，不能作为调休上班日", en: "\(day) is a weekday, not a makeup working day")
        }
    }

    static func serviceError(_ error: InputError) -> ServiceError {
        switch error {
        case .blank(let field, _):
            badValue(field.apiKey, zh: "不能为空", en: "must not be empty")
        case .notOneOf(let field, let value, let choices):
            badValue(field.apiKey, zh: "“\(value)”不是\(choices.joined(separator: "|"))之一",
                     en: "'\(value)' is not one of \(choices.joined(separator: "|"))")
        case .notACode(let code):
            badValue("code", zh: "“\(code)”不是代码", en: "'\(code)' is not a code")
        }
    }

    static func serviceError(_ error: ConflictError) -> ServiceError {
        switch error {
        case .duplicate(_, let code, _):
            conflict("duplicate", zh: "\(code)已存在", en: "\(code) already exists")
        case .suggestionRegistered(let number):
            conflict("duplicate", zh: "该建议已登记为\(number)", en: "this suggestion is already registered as \(number)")
        case .suggestionRepeated(let line):
            conflict("duplicate", zh: "与第\(line)行重复", en: "repeats line \(line)")
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
            badValue("password", zh: "账户信息不符合要求", en: "the account's login or password is not acceptable")
        case .loginTaken, .noSuchAccount, .unknownUnit, .unknownDeputy:
            conflict("rule_broken", zh: "账户信息与现有数据不符", en: "the account does not fit the data")
        }
    }

    /// A `Failure` carries the CLI's English line only; Chinese gets a plain sentence before it.
    static func serviceError(_ failure: Failure) -> ServiceError {
        switch failure.kind {
        case .badValue, .noInput:
            ServiceError(.unprocessableContent, "bad_value", zh: "请求中的值有误：\(failure.message)", en: failure.message)
        case .ruleBroken:
            conflict("rule_broken", zh: "不符合办理规则：\(failure.message)", en: failure.message)
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
            conflict("rejected", zh: "数据库拒绝了这些数据", en: "the database refused the data")
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
            ServiceError(status, "bad_request", zh: "请求格式有误", en: "malformed request")
        case .contentTooLarge:
            ServiceError(status, "too_large", zh: "请求内容过大", en: "request body too large")
        default:
            status.code >= 500 ? .internal : ServiceError(status, "http_\(status.code)", zh: "请求无法处理", en: status.reasonPhrase)
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
