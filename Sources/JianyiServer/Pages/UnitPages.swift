import CaseStore
import Casework
import Hummingbird
import Presentation

/// A unit's pages beside 待办: 签发 (`/drafts`: the drafts waiting for its signer, each
/// signed or returned on its case page) and 本单位统计 (`/figures`: its on-time and
/// satisfaction rates, the congress's and each session's, as the satisfaction summary counts
/// them for the cases it leads).
enum UnitPages {
    static func addRoutes(to group: RouterGroup<WebContext>, site: Site) {
        group.get("drafts") { try await drafts(site: site, $0, context: $1) }
        group.get("figures") { try await figures(site: site, $0, context: $1) }
    }

    struct DraftsView {
        struct Item {
            let number: String
            let title: String
            let meta: String
            let text: String
        }

        let signer: Bool
        let total: Int
        let items: [Item]
        let more: Bool
    }

    /// The most drafts listed on one page.
    static let limit = 200

    static func drafts(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        let congress = site.congress
        let view = try await site.act(context) { store, account in
            let unit = try unitOf(account)
            let waiting = try store.pendingDrafts(congress, unit: unit, page: Page(limit: limit, offset: 0))
            return DraftsView(signer: account.signer, total: waiting.total, items: waiting.items.map { d in
                DraftsView.Item(number: d.number, title: d.title,
                                meta: "\(d.draft.draftedOn) · \(d.draft.draftedBy) 拟稿 · 第\(d.draft.round == 1 ? "一" : "二")轮 · \(d.draft.input.outcome.zh)"
                                    + (d.draft.input.planBy.map { " · 计划 \($0) 前解决" } ?? ""),
                                text: d.draft.input.text)
            }, more: waiting.total > waiting.items.count)
        }
        return try site.page("drafts", title: "待签发", page: view, context: context, path: "/drafts")
    }

    struct FiguresView {
        struct Row {
            let scope: String
            let cases: Int
            let replied: Int
            let onTime: String
            let rated: Int
            let satisfaction: String
            let satisfied: String
        }

        let unit: String
        let asOf: String
        let rows: [Row]
    }

    static func figures(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        let (congress, asOf) = (site.congress, try site.today())
        let view = try await site.act(context) { store, account in
            let unit = try unitOf(account)
            let scopes = [(nil as String?, "全部（含闭会期间）")] + (try store.sessions(congress)).map { ($0.code as String?, "\($0.code) 次会议") }
            let rows = try scopes.map { session, label in
                var measures = Measures(group: unit)
                try store.satisfaction(congress, by: .unit, scope: SummaryScope(asOf: asOf, session: session)) { m in
                    if Code.same(m.group, unit) { measures = m }
                }
                return FiguresView.Row(scope: label, cases: measures.cases, replied: measures.replied,
                                       onTime: percent(measures.onTimeRate), rated: measures.rated,
                                       satisfaction: percent(measures.satisfactionRate), satisfied: percent(measures.satisfiedRate))
            }
            return FiguresView(unit: (try store.unitNames(congress))[unit] ?? unit, asOf: asOf.description, rows: rows)
        }
        return try site.page("figures", title: "本单位统计", page: view, context: context, path: "/figures")
    }

    /// A rate as a percentage with one decimal, its counts beside it; "—" with nothing to count.
    static func percent(_ rate: Rate) -> String {
        guard rate.denominator > 0 else { return "—" }
        let tenths = (rate.numerator * 2000 / rate.denominator + 1) / 2
        return "\(tenths / 10).\(tenths % 10)%（\(rate.numerator)/\(rate.denominator)）"
    }

    static func unitOf(_ account: Account) throws -> String {
        guard case .unit(let unit) = account.party else {
            throw ErrorTable.forbidden(zh: "此页只对承办单位的账户开放", en: "only a unit's account has this page")
        }
        return unit
    }
}
