import Casework
import Presentation

/// A domain error as the CLI reports it: the contract's kind (its exit code) and the one line,
/// with the flag the value came from, in English or (`--lang zh`) Chinese. Only this file and
/// the *ErrorText.swift files beside it word Casework's and CaseStore's typed errors;
/// ExitCodes.swift maps the kind to the code.
protocol Refusal: Error {
    /// In English, a day named `--on`.
    var failure: Failure { get }
    /// In `lang`, a day named by `day`: the flag or column it was given in (`--as-of`, a
    /// file's `submitted_on`).
    func failure(_ lang: Language, day: String) -> Failure
}

extension Refusal {
    /// A refusal worded in English only says so in either language.
    func failure(_ lang: Language, day: String) -> Failure { failure }
    func failure(day: String) -> Failure { failure(.en, day: day) }
}

/// A refusal worded in Chinese and in English (`worded`), which gives both of `Refusal`'s.
protocol BilingualRefusal: Refusal {
    func worded(_ lang: Language, day: String) -> Failure
}

extension BilingualRefusal {
    var failure: Failure { worded(.en, day: "--on") }
    func failure(_ lang: Language, day: String) -> Failure { worded(lang, day: day) }
}

/// A refusal whose day was given in `day` rather than `--on`.
struct DayGivenIn: BilingualRefusal {
    let refusal: any Refusal
    let day: String

    func worded(_ lang: Language, day _: String) -> Failure { refusal.failure(lang, day: day) }
}

extension Language {
    /// The Chinese or the English of one message.
    func say(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}

/// The step refusals.
extension CaseError: BilingualRefusal {
    /// The one line a user sees, a day named by the flag (or column) `day` was given for.
    func message(_ lang: Language = .en, day: String = "--on") -> String {
        switch self {
        case .notAllowed(let number, let step, let state):
            return StepRefusalText.notAllowed(number: number, step: step, state: state, zh: lang == .zh)
        case .dayAfterToday(let given, let today):
            return lang.say("\(day): \(given) 晚于今天（\(today)）；jianyi 不登记尚未到来的日子（--today 可改变今天）",
                            "\(day): \(given) is after today (\(today)); jianyi records nothing for a day that has not come (--today moves today)")
        case .dateBeforePreviousStep(let number, let given, let previous, let kind):
            return lang.say("\(day): \(given) 早于 \(number) 上一步骤（\(kind.zh)）的日期 \(previous)；案件的步骤须依次办理",
                            "\(day): \(given) is before \(previous), the day of \(number)'s previous step (\(kind.rawValue)); the steps of a case follow one another")
        case .deadlineUncountable(let kind, let from, let refusal):
            return lang.say("\(Self.flag(from)): 无法计算\(kind.zh)的办理期限：\(refusal)",
                            "\(Self.flag(from)): the \(kind.rawValue) deadline, \(refusal)")
        case .unknownUnit(let unit, let role, let congress):
            return lang.say("\(Self.flag(role)): \(unit) 不是 \(congress) 的承办单位", "\(Self.flag(role)): \(unit) is not a unit of \(congress)")
        case .coUnitRepeated(let unit):
            return lang.say("--co: 协办单位 \(unit) 重复给出，或同时是主办单位", "--co: \(unit) is given twice or is also the lead")
        case .notAssigned(let unit, let number, let step):
            let transfer = step == .transferRequest
            return lang.say("--unit: \(unit) 未承办 \(number)\(transfer ? "；只有承办单位可以申请调整交办" : "")",
                            "--unit: \(unit) is not assigned to \(number)\(transfer ? "; only its assigned units may ask for a transfer" : "")")
        case .notCoHandler(let unit, let number):
            return lang.say("--unit: \(unit) 不是 \(number) 的协办单位；只有协办单位提出协办意见",
                            "--unit: \(unit) is not a co-handler of \(number); only co-handlers send opinions")
        case .notLeadUnit(let unit, let number, let lead):
            return lang.say("--unit: \(unit) 不是 \(number) 的主办单位（\(lead ?? "无")）；只有主办单位答复",
                            "--unit: \(unit) is not the lead unit of \(number) (\(lead ?? "none")); only the lead replies")
        case .transferWindowClosed(let unit, let number, let due):
            return lang.say("\(unit) 对 \(number) 申请调整交办的期限已于 \(due) 届满；交办不变",
                            "\(unit)'s transfer window for \(number) closed on \(due); the assignment stands")
        case .transferPending(let number, let unit):
            return lang.say("\(number) 已有 \(unit) 的调整交办申请待处理；请先同意或不同意",
                            "\(number) already has a pending transfer request from \(unit); approve or reject it first")
        case .noPendingTransfer(let number):
            return lang.say("\(number) 没有待处理的调整交办申请", "\(number) has no pending transfer request")
        case .alreadyAssigned(let unit, let number):
            return lang.say("--to: \(unit) 正在或曾经承办 \(number)", "--to: \(unit) is or was already assigned to \(number)")
        case .planDateMissing:
            return lang.say("--plan-by: B 类答复（正在解决或列入计划解决）须给出计划解决日期",
                            "--plan-by: outcome B (正在解决或列入计划解决) needs the plan date")
        case .planDateBeforeReply(let plan, let reply):
            return lang.say("--plan-by: 计划解决日期 \(plan) 早于答复日期 \(reply)", "--plan-by: \(plan) is before the reply date \(reply)")
        case .planDateNotForOutcome:
            return lang.say("--plan-by: 只有 B 类答复有计划解决日期", "--plan-by: only outcome B carries a plan date")
        case .noReplyToRate(let number):
            return lang.say("\(number) 尚无答复，无从评价", "\(number) has no reply to rate")
        case .commentRequired:
            return lang.say("--comment: 代表不满意时须写明意见", "--comment: a comment is required when the deputy is dissatisfied")
        }
    }

    static func flag(_ role: UnitRole) -> String {
        switch role {
        case .lead: "--lead"
        case .co: "--co"
        case .transferTo: "--to"
        }
    }

    static func flag(_ day: StepDay) -> String {
        switch day {
        case .step: "--on"
        case .planBy: "--plan-by"
        }
    }

    /// The refusal as the contract reports it, a malformed value (64) or a broken rule (65).
    func worded(_ lang: Language, day: String) -> Failure {
        let message = message(lang, day: day)
        return switch self {
        case .coUnitRepeated, .planDateMissing, .planDateBeforeReply, .planDateNotForOutcome, .commentRequired:
            .badValue(message)
        case .notAllowed, .dayAfterToday, .dateBeforePreviousStep, .deadlineUncountable, .unknownUnit, .notAssigned, .notCoHandler,
             .notLeadUnit, .transferWindowClosed, .transferPending, .noPendingTransfer, .alreadyAssigned, .noReplyToRate:
            .ruleBroken(message)
        }
    }
}
