import CaseStore
import Casework
import Foundation

/// What the case page shows beyond its facts and the steps of the table: the deputy's ratings
/// round by round (so the second round's is seen beside the first), and the unit's side — its
/// drafts (a returned one with the signer's comment), 拟稿 instead of 答复 for staff of a unit
/// with a signer, 签发/退回 for the signer, 跟踪落实 and 申请调整交办.
enum CaseMore {
    /// What is read for it, in the case page's transaction.
    struct Loaded: Sendable {
        let account: Account
        let drafts: [ReplyDraft]
        /// Whether the account's unit has a signer (its staff draft; they do not reply).
        let unitSigns: Bool

        static func load(_ store: Store, _ congress: Congress, number: String, parties: CaseParties, account: Account) throws -> Loaded {
            guard case .unit(let unit) = account.party, account.seesDrafts(on: parties) else {
                return Loaded(account: account, drafts: [], unitSigns: false)
            }
            return Loaded(account: account, drafts: try store.drafts(congress, number), unitSigns: try store.unitHasSigner(congress, unit: unit))
        }
    }

    struct View {
        let ratings: [RatingItem]
        let hasRatings: Bool
        let unit: UnitView?
    }

    struct RatingItem {
        let round: String
        let on: String
        let words: String
        let comment: String?
    }

    struct UnitView {
        let drafts: [DraftItem]
        let hasDrafts: Bool
        let draftForm: CasePage.ReplyForm?
        let signForm: SignForm?
        let followUpForm: FollowUpForm?
        let transferForm: TransferForm?
    }

    struct DraftItem {
        let title: String
        let status: String
        let tone: String
        let meta: String
        let planBy: String?
        let text: String
        let note: String?
    }

    struct SignForm {
        let comment: FieldView
        let problem: String?
    }

    struct FollowUpForm {
        let progress: FieldView
        let done: ChoiceView
        let problem: String?
    }

    struct TransferForm {
        let reason: FieldView
        let on: FieldView
        let problem: String?
    }

    /// Whether the reply form is the table's 答复 (false: staff of a unit with a signer draft).
    static func repliesDirectly(_ more: Loaded) -> Bool {
        (try? more.account.requireDirectReply(unitSigns: more.unitSigns)) != nil
    }

    static func build(_ loaded: CasePage.Loaded, refused: (CaseForm, FormState)?, unitName: (String) -> String) -> View {
        let ratings = loaded.events.filter { $0.kind == .rated }.compactMap(rating)
        return View(ratings: ratings, hasRatings: !ratings.isEmpty, unit: unitView(loaded, refused: refused, unitName: unitName))
    }

    static func rating(_ event: CaseEvent) -> RatingItem? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(event.data.utf8))) as? [String: Any],
              let result = (object["result"] as? String).flatMap(Satisfaction.init(rawValue:)) else { return nil }
        let attitude = (object["attitude"] as? String).flatMap(Satisfaction.init(rawValue:))
        let round = object["round"] as? Int ?? 1
        let comment = (object["comment"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        return RatingItem(round: round == 1 ? "第一轮" : "第二轮", on: event.on.description,
                          words: "办理结果\(result.zh)" + (attitude.map { "，办理态度\($0.zh)" } ?? ""), comment: comment)
    }

    static func unitView(_ loaded: CasePage.Loaded, refused: (CaseForm, FormState)?, unitName: (String) -> String) -> UnitView? {
        let (more, parties, state) = (loaded.more, loaded.parties, loaded.view.state)
        guard case .unit = more.account.party else { return nil }
        func form(_ form: CaseForm, when allowed: Bool) -> FormState? {
            guard allowed else { return nil }
            return refused.flatMap { $0.0.path == form.path ? $0.1 : nil } ?? form.state()
        }
        func step(_ step: CaseStep) -> Bool { more.account.party.may(step, on: parties) && CaseStep.allowed(in: state).contains(step) }
        let pending = more.drafts.last { $0.status == .pending }
        let drafting = !repliesDirectly(more) && step(.reply) && pending == nil && more.account.may(.submit, on: parties)
        let signing = pending != nil && more.account.may(.approve, on: parties)
        let drafts = more.drafts.reversed().map { draft in
            DraftItem(title: "草稿 \(draft.number)（第\(draft.round == 1 ? "一" : "二")轮）", status: draft.status.zh, tone: draft.status.rawValue,
                      meta: "\(draft.draftedOn) · \(draft.draftedBy) 拟稿 · \(unitName(draft.input.unit)) · \(draft.input.outcome.zh)"
                          + (draft.decidedBy.map { by in " · \(by) \(draft.status.zh)于 \(draft.decidedOn?.description ?? "")" } ?? ""),
                      planBy: draft.input.planBy?.description, text: draft.input.text, note: draft.note)
        }
        return UnitView(
            drafts: drafts, hasDrafts: !drafts.isEmpty,
            draftForm: form(CaseForms.draft, when: drafting).map(CasePage.replyForm),
            signForm: form(CaseForms.returnDraft, when: signing).map { state in
                var state = state
                state.idPrefix = "return-"
                return SignForm(comment: FieldView("comment", "退回意见", form: state, multiline: true, rows: 4, hint: "退回时必须填写"),
                                problem: state.problem ?? (refused?.0.path == CaseForms.approveDraft.path ? refused?.1.problem : nil))
            },
            followUpForm: form(CaseForms.followUp, when: step(.followUp)).map { state in
                var state = state
                // A lone checkbox: the choice reads its ticks from the form's lists.
                state.lists["done"] = state.values["done"].map { [$0] } ?? []
                return FollowUpForm(progress: FieldView("progress", "落实进展", form: state, required: true, multiline: true, rows: 4),
                                    done: ChoiceView("done", "是否已落实", form: state, multiple: true,
                                                     choices: [(value: "true", text: "计划已全部落实，办结")]),
                                    problem: state.problem)
            },
            transferForm: form(CaseForms.transferRequest, when: step(.transferRequest)).map {
                TransferForm(reason: FieldView("reason", "申请理由", form: $0, required: true, multiline: true, rows: 4,
                                               hint: "说明为何不宜由本单位办理，应由哪个单位办理"),
                             on: CasePage.dayField($0), problem: $0.problem)
            })
    }
}
