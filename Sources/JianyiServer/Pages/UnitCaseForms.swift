import CaseStore
import Casework

/// The unit's forms beside 沟通, 协办意见 and 答复: 跟踪落实 of its B plan, 申请调整交办, and the
/// draft steps of a unit with a signer (拟稿 by its staff, 签发 and 退回 by its signer). The
/// draft steps are not in `Steps.table` (the API has them as their own routes, `Drafts`): their
/// forms run the same store calls here.
extension CaseForms {
    static let followUp = CaseForm(path: "follow-ups", step: .followUp, kinds: ["progress": .text, "done": .flag, "on": .word],
                                   done: "落实情况已记录。")
    static let transferRequest = CaseForm(path: "transfer-requests", step: .transferRequest, kinds: ["reason": .text, "on": .word],
                                          done: "调整交办申请已提交，等待人大常委会办公厅决定。")
    static let draft = CaseForm(path: "reply-drafts", step: .reply, kinds: reply.kinds, done: "答复草稿已提交，等待签发。",
                                run: draftStep { store, congress, number, body, day, account in
                                    _ = try store.submitDraft(
                                        congress, number, unit: body.ownCode("unit", of: account),
                                        outcome: body.requiredChoice("outcome", Outcome.self), planBy: body.day("plan_by"),
                                        text: body.requiredText("text"), on: day)
                                })
    static let approveDraft = CaseForm(path: "reply-drafts/current/approve", step: .reply, kinds: ["on": .word],
                                       done: "答复已签发，已送达代表。",
                                       run: draftStep { store, congress, number, _, day, _ in
                                           _ = try store.signDraft(congress, number, on: day)
                                       })
    static let returnDraft = CaseForm(path: "reply-drafts/current/return", step: .reply, kinds: ["comment": .text, "on": .word],
                                      done: "答复草稿已退回拟稿人。",
                                      run: draftStep { store, congress, number, body, day, _ in
                                          _ = try store.returnDraft(congress, number, note: body.text("comment") ?? "", on: day)
                                      })

    /// The unit's forms, for `all`.
    static let unitSide = [followUp, transferRequest, draft, approveDraft, returnDraft]

    /// A draft step as a form's `run`: read the day (400 before the case's 404, as the API
    /// does), then the store's call in one transaction as the account.
    static func draftStep(
        _ step: @escaping @Sendable (Store, Congress, String, StrictBody, Day, Account) throws -> Void
    ) -> CaseForm.Run {
        { site, number, body, context in
            let (congress, day) = (site.congress, try body.on(today: try site.today()))
            try await site.act(context) { store, account in try step(store, congress, number, body, day, account) }
        }
    }
}
