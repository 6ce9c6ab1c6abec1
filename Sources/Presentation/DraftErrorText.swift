import Casework

extension DraftStep {
    public var zh: String {
        switch self {
        case .submit: "提交答复草稿"
        case .approve: "签发答复草稿"
        case .return: "退回答复草稿"
        }
    }

    public var en: String {
        switch self {
        case .submit: "submit a draft reply"
        case .approve: "approve a draft reply"
        case .return: "return a draft reply"
        }
    }
}

/// The draft refusals worded once for both front ends; `day` and `note` name the values as
/// the front end took them (`on`/`--on`, `comment`).
extension ReplyDraftError {
    public func message(zh: Bool, day: String, note: String) -> String {
        func say(_ zh_: String, _ en: String) -> String { zh ? zh_ : en }
        switch self {
        case .noSigner(let unit, let number):
            return say("承办单位 \(unit) 没有签发账户，\(number) 由其直接答复",
                       "unit \(unit) has no signer account: it replies to \(number) directly")
        case .draftPending(let number, let draft):
            return say("\(number) 的答复草稿 #\(draft) 正在等待签发；签发或退回之后才能再提交",
                       "draft #\(draft) of \(number) already waits for its signer; another can follow once it is approved or returned")
        case .noPendingDraft(let number):
            return say("\(number) 没有待签发的答复草稿", "\(number) has no draft reply waiting for a signer")
        case .draftsNotVisible(let number):
            return say("\(number) 没有可查看的答复草稿", "\(number) has no draft replies you may see")
        case .notPermitted(let step, let party):
            return say("\(party.zh) 不能\(step.zh)", "\(party.en) may not \(step.en) on this case")
        case .signerOnly(let step, let unit):
            return say("只有承办单位 \(unit) 的签发人可以\(step.zh)", "only a signer of unit \(unit) may \(step.en)")
        case .draftRequired(let unit):
            return say("承办单位 \(unit) 的答复须经签发：请提交答复草稿，由签发人签发",
                       "unit \(unit)'s replies are signed by its signer: submit a draft reply for signing instead")
        case .dayBeforeDraft(let number, let given, let drafted):
            return say("\(day): \(given) 早于 \(number) 答复草稿的日期 \(drafted)",
                       "\(day): \(given) is before \(drafted), the day \(number)'s draft reply was submitted")
        case .noteRequired:
            return say("\(note): 退回答复草稿须说明需要修改之处", "\(note): a returned draft needs a comment saying what to change")
        }
    }
}
