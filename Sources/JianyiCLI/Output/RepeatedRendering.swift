import CaseStore
import Casework
import Foundation

/// The columns of an earlier case a later one repeats, as `show` and `report repeated` print
/// them: how alike, which case, whose, and what became of it.
enum EarlierColumns {
    static func header(zh: Bool) -> [String] {
        zh ? ["相似度", "往届编号", "往届标题", "往届领衔代表", "届次", "答复", "评价"]
           : ["score", "earlier", "earlier title", "earlier deputy", "session", "reply", "rating"]
    }

    static func cells(_ e: EarlierCase, zh: Bool) -> [String] {
        let reply = e.outcome.map { outcome in
            [e.repliedOn?.description, e.leadUnit, zh ? String(outcome.zh.prefix(1)) : outcome.rawValue].compactMap { $0 }.joined(separator: " ")
        } ?? e.state.label(zh: zh)
        return [String(format: "%.2f", e.score), e.number, e.title, e.deputy, e.session ?? (zh ? "闭会期间" : "recess"), reply,
                e.ratingResult?.label(zh: zh) ?? "—"]
    }
}
