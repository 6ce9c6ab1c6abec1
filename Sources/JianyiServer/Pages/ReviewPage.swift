import CaseStore
import Casework
import Hummingbird

/// 审查 (`/review`): the cases registered and not yet reviewed, oldest number first, each with
/// 立案 and 不予立案 (a reason required) — the API's `review` step.
enum ReviewPage {
    struct Item {
        let number: String
        let title: String
        let deputy: String
        let occasion: String
        let submittedOn: String
        let category: String
        let reason: FieldView
        let problem: String?
    }

    struct View {
        let items: [Item]
        let total: Int
        let more: Bool
        let shown: Int
        let notice: String?
    }

    static let limit = 200
    static let kinds: [String: FormState.Kind] = ["reason": .text]

    static func show(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try SecretariatPages.requireSecretariat(context)
        return try await render(site, context, refused: nil,
                                notice: SecretariatPages.notice(request, ["accepted": "已立案。", "rejected": "已不予立案。"]))
    }

    /// `POST /review/{number}`: `decision` is `accept` or `reject` (with `reason`).
    static func post(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try SecretariatPages.requireSecretariat(context)
        let number = try SecretariatPages.number(context)
        let fields = try await FormFields.read(request, context: context)
        var form = state(number)
        form.merge(FormState(fields, kinds))
        let decision = fields["decision"] == "accept" ? "accept" : "reject"
        var body = form
        if decision == "accept" { body.values["reason"] = nil }
        body.values[decision] = "true"
        do {
            _ = try await Steps(site: site).perform("review", on: number, body.body(kinds.merging([decision: .flag]) { $1 }), context)
            return seeOther("/review?done=\(decision == "accept" ? "accepted" : "rejected")")
        } catch {
            let status = try form.refuse(error, fields: Array(kinds.keys))
            return try await render(site, context, refused: (number, form), status: status)
        }
    }

    static func state(_ number: String) -> FormState {
        var form = FormState()
        form.idPrefix = "review-\(number)-"
        return form
    }

    static func render(_ site: Site, _ context: WebContext, refused: (String, FormState)?, notice: String? = nil,
                       status: HTTPResponse.Status = .ok) async throws -> Response {
        let congress = site.congress
        let view = try await site.act(context) { store, _ in
            let filter = CaseFilter(state: .submitted)
            var items: [Item] = []
            try store.listCases(congress, filter, page: Page(limit: limit, offset: 0)) { c in
                let form = refused.flatMap { $0.0 == c.number ? $0.1 : nil } ?? state(c.number)
                items.append(Item(
                    number: c.number, title: c.title, deputy: "\(c.deputyName)（\(c.deputy)）", occasion: Wording.occasion(c),
                    submittedOn: c.submittedOn.description, category: c.category.isEmpty ? "未分类" : c.category,
                    reason: FieldView("reason", "不予立案的理由", form: form, multiline: true, rows: 2, hint: "不予立案时必须填写"),
                    problem: form.problem))
            }
            let total = try store.countCases(congress, filter)
            return View(items: items, total: total, more: total > items.count, shown: items.count, notice: notice)
        }
        return try site.page("sec-review", title: "审查", page: view, context: context, path: "/review", status: status)
    }
}
