import CaseStore
import Casework
import Hummingbird

/// 调整交办 (`/transfers`): the units' requests to be relieved of a case, oldest first, each
/// decided with the API's `transfer-decision` step: approved with the new unit (picked by
/// name) or refused with a reason.
enum TransferPage {
    struct Item {
        let number: String
        let title: String
        let unit: String
        let reason: String
        let requestedOn: String
        let to: ChoiceView
        let refusal: FieldView
        let problem: String?
    }

    struct View {
        let items: [Item]
        let notice: String?
    }

    static let kinds: [String: FormState.Kind] = ["to": .word, "reason": .text]

    static func show(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try SecretariatPages.requireSecretariat(context)
        return try await render(site, context, refused: nil,
                                notice: SecretariatPages.notice(request, ["approved": "已同意调整交办。", "rejected": "已不同意调整交办。"]))
    }

    /// `POST /transfers/{number}`: `decision` `approve` (with `to`) or `reject` (with `reason`).
    static func post(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try SecretariatPages.requireSecretariat(context)
        let number = try SecretariatPages.number(context)
        let fields = try await FormFields.read(request, context: context)
        var form = state(number)
        form.merge(FormState(fields, kinds))
        let approve = fields["decision"] == "approve"
        var body = form
        body.values[approve ? "reason" : "to"] = nil
        body.values[approve ? "approve" : "reject"] = "true"
        let bodyKinds = kinds.merging([approve ? "approve" : "reject": .flag]) { $1 }
        do {
            _ = try await Steps(site: site).perform("transfer-decision", on: number, body.body(bodyKinds), context)
            return seeOther("/transfers?done=\(approve ? "approved" : "rejected")")
        } catch {
            let status = try form.refuse(error, fields: Array(kinds.keys))
            return try await render(site, context, refused: (number, form), status: status)
        }
    }

    static func state(_ number: String) -> FormState {
        var form = FormState()
        form.idPrefix = "transfer-\(number)-"
        return form
    }

    static func render(_ site: Site, _ context: WebContext, refused: (String, FormState)?, notice: String? = nil,
                       status: HTTPResponse.Status = .ok) async throws -> Response {
        let congress = site.congress
        let view = try await site.act(context) { store, _ in
            let units = try store.units(congress)
            let names = Dictionary(units.map { ($0.code, $0.name) }) { first, _ in first }
            let items = try store.pendingTransfers(congress).map { t in
                let form = refused.flatMap { $0.0 == t.number ? $0.1 : nil } ?? state(t.number)
                return Item(
                    number: t.number, title: t.title, unit: names[t.unit] ?? t.unit, reason: t.reason, requestedOn: t.requestedOn.description,
                    to: ChoiceView("to", "改由哪个单位办理", form: form, choices: SecretariatPages.unitChoices(units.filter { $0.code != t.unit }),
                                   layout: "picks"),
                    refusal: FieldView("reason", "不同意的理由", form: form, multiline: true, rows: 2, hint: "不同意时必须填写"),
                    problem: form.problem)
            }
            return View(items: items, notice: notice)
        }
        return try site.page("sec-transfers", title: "调整交办", page: view, context: context, path: "/transfers", status: status)
    }
}
