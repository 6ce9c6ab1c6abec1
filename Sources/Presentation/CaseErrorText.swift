import Casework

/// How a front end names the values it was given: the CLI by its flags (`--plan-by`), the
/// HTTP API by its JSON keys (`plan_by`).
public enum ValueNaming: Sendable {
    case flags, jsonKeys

    /// `key` (a JSON key, snake_case) as this front end names it.
    public func name(_ key: String) -> String {
        switch self {
        case .flags: "--" + key.replacingOccurrences(of: "_", with: "-")
        case .jsonKeys: key
        }
    }
}

/// The step refusals worded once, in Chinese or English, for both front ends; the CLI adds
/// its exit code, the API its status.
extension CaseError {
    /// The one line a user sees; `day` names the value the day came in (`--on`, `on`,
    /// a file's `submitted_on`).
    public func message(zh: Bool, naming: ValueNaming, day: String) -> String {
        func say(_ zh_: String, _ en: String) -> String { zh ? zh_ : en }
        let name = naming.name
        switch self {
        case .notAllowed(let number, let step, let state):
            let possible = CaseStep.allowed(in: state).map(\.rawValue)
            let now = possible.isEmpty ? say("已无可办理的步骤", "nothing more can be done")
                : say("现在可以：", "allowed now: ") + possible.joined(separator: ", ")
            let need = step.allowedStates.sorted { $0.rawValue < $1.rawValue }
            return say("\(number) 当前为\(state.zh)（\(state.rawValue)）；\(step.rawValue) 须在\(need.map(\.zh).joined(separator: "或"))时办理；\(now)",
                       "\(number) is \(state.rawValue) (\(state.zh)); \(step.rawValue) needs \(need.map(\.rawValue).joined(separator: " or ")); \(now)")
        case .dayAfterToday(let given, let today):
            // Only the CLI can move today (--today); a client of the API cannot.
            let hint = naming == .flags ? say("（--today 可改变今天）", " (--today moves today)") : ""
            return say("\(day): \(given) 晚于今天（\(today)）；jianyi 不登记尚未到来的日子\(hint)",
                       "\(day): \(given) is after today (\(today)); jianyi records nothing for a day that has not come\(hint)")
        case .dateBeforePreviousStep(let number, let given, let previous, let kind):
            return say("\(day): \(given) 早于 \(number) 上一步骤（\(kind.zh)）的日期 \(previous)；案件的步骤须依次办理",
                       "\(day): \(given) is before \(previous), the day of \(number)'s previous step (\(kind.rawValue)); the steps of a case follow one another")
        case .deadlineUncountable(let kind, let from, let refusal):
            let key = name(from == .planBy ? "plan_by" : "on")
            return say("\(key): 无法计算\(kind.zh)的办理期限：\(refusal)", "\(key): the \(kind.rawValue) deadline, \(refusal)")
        case .unknownUnit(let unit, let role, let congress):
            let field = switch role { case .lead: "lead"; case .co: "co"; case .transferTo: "to" }
            let key = name(field)
            return say("\(key): \(unit) 不是 \(congress) 的承办单位", "\(key): \(unit) is not a unit of \(congress)")
        case .coUnitRepeated(let unit):
            return say("\(name("co")): 协办单位 \(unit) 重复给出，或同时是主办单位", "\(name("co")): \(unit) is given twice or is also the lead")
        case .notAssigned(let unit, let number, let step):
            let transfer = step == .transferRequest
            return say("\(name("unit")): \(unit) 未承办 \(number)\(transfer ? "；只有承办单位可以申请调整交办" : "")",
                       "\(name("unit")): \(unit) is not assigned to \(number)\(transfer ? "; only its assigned units may ask for a transfer" : "")")
        case .notCoHandler(let unit, let number):
            return say("\(name("unit")): \(unit) 不是 \(number) 的协办单位；只有协办单位提出协办意见",
                       "\(name("unit")): \(unit) is not a co-handler of \(number); only co-handlers send opinions")
        case .notLeadUnit(let unit, let number, let lead):
            return say("\(name("unit")): \(unit) 不是 \(number) 的主办单位（\(lead ?? "无")）；只有主办单位答复",
                       "\(name("unit")): \(unit) is not the lead unit of \(number) (\(lead ?? "none")); only the lead replies")
        case .transferWindowClosed(let unit, let number, let due):
            return say("\(unit) 对 \(number) 申请调整交办的期限已于 \(due) 届满；交办不变",
                       "\(unit)'s transfer window for \(number) closed on \(due); the assignment stands")
        case .transferPending(let number, let unit):
            return say("\(number) 已有 \(unit) 的调整交办申请待处理；请先同意或不同意",
                       "\(number) already has a pending transfer request from \(unit); approve or reject it first")
        case .noPendingTransfer(let number):
            return say("\(number) 没有待处理的调整交办申请", "\(number) has no pending transfer request")
        case .alreadyAssigned(let unit, let number):
            return say("\(name("to")): \(unit) 正在或曾经承办 \(number)", "\(name("to")): \(unit) is or was already assigned to \(number)")
        case .planDateMissing:
            return say("\(name("plan_by")): B 类答复（正在解决或列入计划解决）须给出计划解决日期",
                       "\(name("plan_by")): outcome B (正在解决或列入计划解决) needs the plan date")
        case .planDateBeforeReply(let plan, let reply):
            return say("\(name("plan_by")): 计划解决日期 \(plan) 早于答复日期 \(reply)", "\(name("plan_by")): \(plan) is before the reply date \(reply)")
        case .planDateNotForOutcome:
            return say("\(name("plan_by")): 只有 B 类答复有计划解决日期", "\(name("plan_by")): only outcome B carries a plan date")
        case .noReplyToRate(let number):
            return say("\(number) 尚无答复，无从评价", "\(number) has no reply to rate")
        case .commentRequired:
            return say("\(name("comment")): 代表不满意时须写明意见", "\(name("comment")): a comment is required when the deputy is dissatisfied")
        case .noSuchContact(let number, let contact, let known):
            let list = known.map(String.init).joined(separator: ", ")
            return known.isEmpty
                ? say("\(name("contact")): \(number) 尚无沟通记录", "\(name("contact")): \(number) has no contact recorded")
                : say("\(name("contact")): \(number) 没有第 \(contact) 次沟通（现有：\(list)；jianyi show 列出）",
                      "\(name("contact")): \(number) has no contact \(contact) (its contacts: \(list); jianyi show lists them)")
        case .contactAnswered(let number, let contact, let answer, let on):
            return say("\(number) 的第 \(contact) 次沟通已于 \(on) 答复（\(answer.zh)）；每次沟通只答复一次",
                       "\(number)'s contact \(contact) was already \(answer.rawValue) on \(on); a contact is answered once")
        case .dateBeforeContact(let number, let contact, let given, let contactDay):
            return say("\(day): \(given) 早于 \(number) 第 \(contact) 次沟通的日期 \(contactDay)；代表在沟通之后答复",
                       "\(day): \(given) is before \(contactDay), the day of \(number)'s contact \(contact); the deputy answers a contact after it")
        case .disputeNoteRequired:
            return say("\(name("note")): 对沟通有异议时须写明实际情况", "\(name("note")): a dispute needs a note: the deputy's account of what happened")
        case .mergeIntoItself(let number):
            return say("\(name("into")): \(number) 不能并入自身", "\(name("into")): \(number) cannot be merged into itself")
        case .mergeAcrossCongresses(let number, let target, let congress, let other):
            return say("\(name("into")): \(target) 属于 \(other)，\(number) 属于 \(congress)；只能在同一人大内并案",
                       "\(name("into")): \(target) is a case of \(other), \(number) of \(congress); cases merge within one congress")
        case .mergeIntoMerged(let number, let target, let further):
            return say("\(name("into")): \(target) 已并入 \(further)，不能再并入；请将 \(number) 并入 \(further)",
                       "\(name("into")): \(target) was merged into \(further) and takes no case; merge \(number) into \(further) instead")
        case .mergeChain(let number, let mergedIn):
            let list = mergedIn.joined(separator: ", ")
            return say("\(number) 已有案件并入（\(list)），不能再并入他案；请将其他案件并入 \(number)",
                       "cases were merged into \(number) (\(list)), so it cannot be merged into another; merge the other case into \(number) instead")
        case .mergeTargetState(let number, let target, let state):
            return say("\(name("into")): \(target) 当前为\(state.zh)（\(state.rawValue)）；只能并入尚未交办的案件（已提交或已立案），\(number) 未并案",
                       "\(name("into")): \(target) is \(state.rawValue) (\(state.zh)); a case merges only into one not yet assigned (submitted or accepted), so \(number) was not merged")
        }
    }
}
