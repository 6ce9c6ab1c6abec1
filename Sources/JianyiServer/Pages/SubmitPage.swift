import CaseStore
import Casework
import Hummingbird

/// 提交建议 (`/submit`, deputies): title, occasion (a session, or 闭会期间), category, body and
/// co-signers picked by name. The first press shows the deputy's own earlier suggestions with
/// a like title (`Store.similar`, as the row policies let it see them); the second sends the
/// suggestion through the API's own registration (`Submissions.register`).
enum SubmitPage {
    static let kinds: [String: FormState.Kind] = ["title": .text, "occasion": .word, "category": .text, "body": .text, "cosigners": .list]
    /// The API's body keys the occasion field stands for.
    static let occasionKeys = ["session": "occasion", "recess": "occasion", "channel": "occasion"]
    static let recess = "recess"

    struct View {
        let title: FieldView
        let occasion: ChoiceView
        let category: FieldView
        let body: FieldView
        let cosigners: ChoiceView
        let problem: String?
        let checked: Bool
        let similar: [SimilarItem]
        let hasSimilar: Bool
    }

    struct SimilarItem {
        let number: String
        let title: String
        let submittedOn: String
        let state: String
        let score: String
    }

    /// What the form offers: the congress's sessions and deputies (the signed-in one left out).
    struct Choices: Sendable {
        let sessions: [String]
        let deputies: [(code: String, text: String)]
    }

    static func show(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try requireDeputy(context)
        let choices = try await Self.choices(site, context)
        var form = FormState()
        form.values["occasion"] = choices.sessions.last
        return try render(site, context, form: form, choices: choices, similar: nil)
    }

    static func post(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try requireDeputy(context)
        let fields = try await FormFields.read(request, context: context)
        var form = FormState(fields, kinds)
        let choices = try await Self.choices(site, context)
        if fields["action"] == "send" {
            do {
                let number = try await Submissions(site: site).register(body(form), context: context)
                return seeOther("/?submitted=\(number)")
            } catch {
                let status = try form.refuse(error, fields: Array(kinds.keys), aliases: occasionKeys)
                return try render(site, context, form: form, choices: choices, similar: nil, status: status)
            }
        }
        let title: String
        do {
            title = try Registration.title(form.values["title"] ?? "")
        } catch {
            let status = try form.refuse(error, fields: ["title"])
            return try render(site, context, form: form, choices: choices, similar: nil, status: status)
        }
        let (congress, today) = (site.congress, try site.today())
        let similar = try await site.act(context) { store, _ in
            try store.similar(congress, title: title, excluding: nil, before: today, limit: 5, threshold: 0.3)
        }
        return try render(site, context, form: form, choices: choices, similar: similar)
    }

    /// The API's body from the form: the occasion becomes `session` or `recess`.
    static func body(_ form: FormState) -> StrictBody {
        var form = form
        let occasion = form.values.removeValue(forKey: "occasion") ?? ""
        var kinds = kinds
        kinds["occasion"] = nil
        if occasion == recess {
            form.values["recess"] = "true"
            kinds["recess"] = .flag
        } else if !occasion.isEmpty {
            form.values["session"] = occasion
            kinds["session"] = .word
        }
        return form.body(kinds)
    }

    static func requireDeputy(_ context: WebContext) throws {
        guard let account = context.account else { throw ServiceError.noSession }
        guard case .deputy = account.party else {
            throw ServiceError(.forbidden, "forbidden", zh: "只有代表可以在此提交建议", en: "only a deputy submits here")
        }
    }

    static func choices(_ site: Site, _ context: WebContext) async throws -> Choices {
        let congress = site.congress
        return try await site.act(context) { store, account in
            Choices(sessions: try store.sessions(congress).map(\.code),
                    deputies: try store.deputies(congress).filter { !Code.same($0.code, account.party.code ?? "") }
                        .map { ($0.code, $0.delegation.isEmpty ? $0.name : "\($0.name)（\($0.delegation)）") })
        }
    }

    static func render(_ site: Site, _ context: WebContext, form: FormState, choices: Choices, similar: [SimilarCase]?,
                       status: HTTPResponse.Status = .ok) throws -> Response {
        let occasions = choices.sessions.map { (value: $0, text: "大会期间（\($0)）") } + [(value: recess, text: "闭会期间")]
        let view = View(
            title: FieldView("title", "标题", form: form, required: true),
            occasion: ChoiceView("occasion", "提出场合", form: form, required: true, choices: occasions),
            category: FieldView("category", "类别", form: form, hint: "如：城乡建设、交通运输；可不填"),
            body: FieldView("body", "建议内容", form: form, multiline: true, rows: 10),
            cosigners: ChoiceView("cosigners", "附议代表", form: form, multiple: true,
                                  choices: choices.deputies.map { (value: $0.code, text: $0.text) }, layout: "picks"),
            problem: form.problem, checked: similar != nil,
            similar: (similar ?? []).map {
                SimilarItem(number: $0.number, title: $0.title, submittedOn: $0.submittedOn.description, state: $0.state.zh,
                            score: String(Int(($0.score * 100).rounded())) + "%")
            },
            hasSimilar: !(similar ?? []).isEmpty)
        return try site.page("submit", title: "提交建议", page: view, context: context, path: "/submit", status: status)
    }
}
