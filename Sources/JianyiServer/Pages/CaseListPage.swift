import CaseStore
import Casework
import Hummingbird

/// `/` for a deputy (我的建议: the suggestions it raised or co-signed) and `/cases` for the
/// secretariat (every case): each case with its state, lead unit, next deadline
/// and whether a reply awaits the deputy's rating. What the list shows is what
/// `GET /api/v1/cases` answers the same account.
enum CaseListPage {
    struct Item {
        let number: String
        let title: String
        let state: String
        let role: String
        let lead: String
        let nextDeadline: String
        let awaitsRating: Bool
    }

    struct View {
        let cases: [Item]
        let hasCases: Bool
        let total: Int
        let awaiting: Int?
        let notice: String?
        /// A deputy's list offers 提交建议; the secretariat's does not (the form is a deputy's).
        let deputy: Bool
    }

    /// At most this many, newest first is not the list's order (numbers are): enough for a
    /// deputy's own; the secretariat's overview is another page.
    static let limit = 500

    static func show(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        let (congress, today) = (site.congress, try site.today())
        let view = try await site.act(context) { store, account in
            let names = try store.unitNames(congress)
            let filter = CaseFilter(seenBy: account.party)
            var items: [Item] = []
            try store.listCases(congress, filter, page: Page(limit: limit, offset: 0)) { view in
                items.append(Item(
                    number: view.number, title: view.title, state: view.state.zh,
                    role: Code.same(view.deputy, account.party.code ?? "") ? "领衔" : (account.party.role == .deputy ? "附议" : view.deputyName),
                    lead: view.leadUnit.map { names[$0] ?? $0 } ?? "尚未交办",
                    nextDeadline: Wording.nextDeadline(view, today: today, unitNames: names),
                    awaitsRating: view.state == .replied))
            }
            let total = try store.countCases(congress, filter)
            let awaiting = items.filter(\.awaitsRating).count
            return View(cases: items, hasCases: !items.isEmpty, total: total, awaiting: awaiting > 0 ? awaiting : nil,
                        notice: Self.notice(request), deputy: account.party.role == .deputy)
        }
        let title = context.account?.party.role == .deputy ? "我的建议" : "全部建议"
        let path = context.account?.party.role == .secretariat ? "/cases" : "/"
        return try site.page("my-cases", title: title, page: view, context: context, path: path)
    }

    /// `?submitted=NUMBER`, said after a submission succeeded.
    static func notice(_ request: Request) -> String? {
        guard let number = request.uri.queryParameters["submitted"].map(String.init), CaseNumberText.plausible(number) else { return nil }
        return "建议已提交，编号 \(number)。"
    }
}

/// Case numbers as they appear in a URL (`5-4-0012`): only these are echoed back on a page.
enum CaseNumberText {
    static func plausible(_ text: String) -> Bool {
        (1...32).contains(text.utf8.count) && text.utf8.allSatisfy { (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") || (0x41...0x5A).contains($0) }
    }
}
