import CaseStore
import Casework
import Hummingbird

/// 交办 (`/assign`): the accepted cases not yet assigned; the secretariat ticks one or more,
/// picks the lead unit and any co-handlers by name and whether the case is complex, and the
/// API's `assign` step runs for each.
///
/// Several cases are assigned all or nothing: one transaction, so when one is refused (its
/// state changed meanwhile, a unit named twice) none is assigned, the page names the case and
/// why, and every tick and choice is kept to correct and send again. A half-done batch would
/// leave the secretariat to work out which cases went through.
enum AssignPage {
    struct Item {
        let number: String
        let title: String
        let deputy: String
        let submittedOn: String
        let category: String
        let option: ChoiceView.Option
    }

    struct View {
        let items: [Item]
        let hasItems: Bool
        let total: Int
        let more: Bool
        let shown: Int
        let casesError: String?
        let lead: ChoiceView
        let co: ChoiceView
        let complex: ChoiceView
        let problem: String?
        let notice: String?
    }

    static let limit = 200
    static let kinds: [String: FormState.Kind] = ["lead": .word, "co": .list, "complex": .flag]

    static func show(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try SecretariatPages.requireSecretariat(context)
        let count = request.uri.queryParameters["assigned"].flatMap { Int($0) }
        return try await render(site, context, form: FormState(), notice: count.map { "已交办 \($0) 件。" })
    }

    /// `POST /assign`: `cases` (one or more numbers), `lead`, `co`, `complex`.
    static func post(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try SecretariatPages.requireSecretariat(context)
        let fields = try await FormFields.read(request, context: context)
        var form = FormState(fields, kinds.merging(["cases": .list]) { $1 })
        let numbers = (form.lists["cases"] ?? []).filter { !$0.isEmpty }
        guard !numbers.isEmpty else {
            form.errors["cases"] = "cases：请至少勾选一件建议"
            return try await render(site, context, form: form, status: .badRequest)
        }
        do {
            try await Steps(site: site).performAll("assign", on: numbers, form.body(kinds), context)
            return seeOther("/assign?assigned=\(numbers.count)")
        } catch let failure as StepOnCase {
            let status = try form.refuse(failure.error, fields: Array(kinds.keys))
            if let problem = form.problem { form.problem = "\(failure.number)：\(problem)（本次勾选的建议均未交办）" }
            return try await render(site, context, form: form, status: status)
        }
    }

    static func render(_ site: Site, _ context: WebContext, form: FormState, notice: String? = nil,
                       status: HTTPResponse.Status = .ok) async throws -> Response {
        let congress = site.congress
        let view = try await site.act(context) { store, _ in
            let filter = CaseFilter(state: .accepted)
            let ticked = Set(form.lists["cases"] ?? [])
            var items: [Item] = []
            try store.listCases(congress, filter, page: Page(limit: limit, offset: 0)) { c in
                items.append(Item(
                    number: c.number, title: c.title, deputy: "\(c.deputyName)（\(c.deputy)）", submittedOn: c.submittedOn.description,
                    category: c.category.isEmpty ? "未分类" : c.category,
                    option: .init(id: "case-\(c.number)", name: "cases", type: "checkbox", value: c.number, text: c.number,
                                  checked: ticked.contains(c.number))))
            }
            let total = try store.countCases(congress, filter)
            let units = SecretariatPages.unitChoices(try store.units(congress))
            return View(
                items: items, hasItems: !items.isEmpty, total: total, more: total > items.count, shown: items.count, casesError: form.errors["cases"],
                lead: ChoiceView("lead", "主办单位", form: form, required: true, choices: units, layout: "picks"),
                co: ChoiceView("co", "协办单位", form: form, multiple: true, choices: units, layout: "picks"),
                complex: ChoiceView("complex", "办理难度", form: form.flagTicked("complex"), multiple: true,
                                    choices: [("true", "复杂件（答复期限按复杂件计算）")]),
                problem: form.problem, notice: notice)
        }
        return try site.page("sec-assign", title: "交办", page: view, context: context, path: "/assign", status: status)
    }
}

extension FormState {
    /// The form with the flag `name` (one checkbox, read as a value) shown ticked when it was.
    func flagTicked(_ name: String) -> FormState {
        var form = self
        if let value = values[name], !value.isEmpty { form.lists[name] = [value] }
        return form
    }
}

/// A step refused on one case of several: which, and why.
struct StepOnCase: Error {
    let number: String
    let error: Error
}

extension Steps {
    /// Runs the step at `path` of `table` with the same `body` on every case of `numbers`, in
    /// order, in ONE transaction as the signed-in account: all are taken or none. A refusal
    /// comes back as `StepOnCase`, naming the case.
    func performAll(_ path: String, on numbers: [String], _ body: StrictBody, _ context: WebContext) async throws {
        guard let step = Self.table.first(where: { $0.path == path })?.step else { throw ServiceError.internal }
        let (congress, day) = (site.congress, try body.on(today: try site.today()))
        try await site.act(context) { store, account in
            for number in numbers {
                do {
                    _ = try step(Target(store: store, account: account, congress: congress, number: number, day: day), body)
                } catch where DatabaseFailure(error) == nil {
                    // A database failure stays itself: the transaction may be retried.
                    throw StepOnCase(number: number, error: error)
                }
            }
        }
    }
}
