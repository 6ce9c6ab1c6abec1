import CaseStore
import Casework
import Hummingbird
import Presentation

/// 待办 (`/` for a unit): its open obligations, most urgent first, coloured by the nightly
/// job's tier (临期/超期/严重超期) with the counts at the top — `GET /api/v1/me/obligations`
/// in words.
enum ObligationsPage {
    struct Item {
        let number: String
        let title: String
        let obligation: String
        let second: Bool
        let words: String
        let tier: String
        let tierLabel: String?
    }

    struct Tier {
        let tier: String
        let label: String
        let count: Int
    }

    struct View {
        let asOf: String
        let total: Int
        let tiers: [Tier]
        let items: [Item]
        let more: Bool
        let shown: Int
    }

    /// The most shown on one page; the counts cover these.
    static let limit = 500

    static func show(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        let (congress, asOf) = (site.congress, try site.today())
        let view = try await site.act(context) { store, account in
            guard case .unit(let unit) = account.party else { throw ServiceError.internal }
            let owed = try store.owedObligations(congress, unit: unit, asOf: asOf, page: Page(limit: limit, offset: 0))
            let items = owed.items.map { o in
                let left = asOf.days(until: o.due)
                let words = left > 0 ? "\(o.due)，还有 \(left) 天" : left == 0 ? "\(o.due)，今天到期" : "\(o.due)，已超期 \(-left) 天"
                return Item(number: o.number, title: o.title, obligation: o.obligation.zh, second: o.round > 1, words: words,
                            tier: o.tier?.rawValue ?? "none", tierLabel: o.tier?.zh)
            }
            let tiers = OverdueTier.allCases.map { tier in
                Tier(tier: tier.rawValue, label: tier.zh, count: owed.items.filter { $0.tier == tier }.count)
            }
            return View(asOf: asOf.description, total: owed.total, tiers: tiers, items: items, more: owed.total > items.count,
                        shown: items.count)
        }
        return try site.page("obligations", title: "待办", page: view, context: context, path: "/")
    }
}
