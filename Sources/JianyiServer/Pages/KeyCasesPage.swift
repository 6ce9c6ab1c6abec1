import CaseStore
import Casework
import Hummingbird

/// 重点建议 (`/key`): the cases marked for supervision (重点督办) with their leader and
/// committee, and a form to mark one — the API's `supervision` step. The number field offers
/// the open cases not yet marked (a datalist: typing works without it).
enum KeyCasesPage {
    struct Item {
        let number: String
        let title: String
        let state: String
        let leader: String
        let committee: String
        let lead: String
    }

    struct Candidate {
        let number: String
        let title: String
    }

    struct View {
        let items: [Item]
        let candidates: [Candidate]
        let number: FieldView
        let leader: FieldView
        let committee: FieldView
        let problem: String?
        let notice: String?
    }

    static let limit = 500
    static let kinds: [String: FormState.Kind] = ["leader": .text, "committee": .text]

    static func show(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try SecretariatPages.requireSecretariat(context)
        let marked = request.uri.queryParameters["marked"].map(String.init).flatMap { CaseNumberText.plausible($0) ? $0 : nil }
        return try await render(site, context, form: FormState(), notice: marked.map { "已将 \($0) 列为重点督办建议。" })
    }

    /// `POST /key`: `number`, `leader`, `committee`.
    static func post(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try SecretariatPages.requireSecretariat(context)
        let fields = try await FormFields.read(request, context: context)
        var form = FormState(fields, kinds.merging(["number": .text]) { $1 })
        let number = (form.values["number"] ?? "").trimmingCharacters(in: .whitespaces)
        guard CaseNumberText.plausible(number) else {
            form.errors["number"] = number.isEmpty ? "number：不能为空" : "number：不是建议编号（如 5-4-0001）"
            return try await render(site, context, form: form, status: .badRequest)
        }
        // Blank leader and committee are left out, as the CLI's absent flags are.
        var body = form
        for key in kinds.keys where (body.values[key] ?? "").trimmingCharacters(in: .whitespaces).isEmpty { body.values[key] = nil }
        do {
            _ = try await Steps(site: site).perform("supervision", on: number, body.body(kinds), context)
            return seeOther("/key?marked=\(number)")
        } catch let error as LookupError {
            form.errors["number"] = "number：" + ErrorTable.serviceError(for: error).zh
            return try await render(site, context, form: form, status: .notFound)
        } catch {
            let status = try form.refuse(error, fields: Array(kinds.keys))
            return try await render(site, context, form: form, status: status)
        }
    }

    static func render(_ site: Site, _ context: WebContext, form: FormState, notice: String? = nil,
                       status: HTTPResponse.Status = .ok) async throws -> Response {
        let congress = site.congress
        let view = try await site.act(context) { store, _ in
            let names = try store.unitNames(congress)
            var items: [Item] = [], candidates: [Candidate] = []
            try store.listCases(congress, CaseFilter(keyOnly: true), page: Page(limit: limit, offset: 0)) { c in
                items.append(Item(number: c.number, title: c.title, state: c.state.zh, leader: c.keyLeader ?? "—",
                                  committee: c.keyCommittee ?? "—", lead: c.leadUnit.map { names[$0] ?? $0 } ?? "尚未交办"))
            }
            try store.listCases(congress, CaseFilter(), page: Page(limit: limit, offset: 0)) { c in
                if !c.isKey, CaseStep.supervise.allowedStates.contains(c.state) { candidates.append(Candidate(number: c.number, title: c.title)) }
            }
            return View(
                items: items, candidates: candidates,
                number: FieldView("number", "建议编号", form: form, required: true, hint: "如 5-4-0001"),
                leader: FieldView("leader", "督办领导", form: form), committee: FieldView("committee", "督办工委", form: form),
                problem: form.problem, notice: notice)
        }
        return try site.page("sec-key", title: "重点建议", page: view, context: context, path: "/key", status: status)
    }
}
