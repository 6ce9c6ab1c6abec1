import CaseStore
import Casework
import Hummingbird

/// `POST /api/v1/cases`: a deputy submits a suggestion (提交), or the secretariat registers one
/// for a deputy; 201 with its number. The store refuses a submission for another deputy.
struct Submissions {
    let site: Site

    static let keys: Set<String> = ["title", "deputy", "cosigners", "session", "recess", "channel", "station", "category", "body", "on"]

    func submit(_ request: Request, context: WebContext) async throws -> Response {
        let body = try await StrictBody(request, context: context, keys: Self.keys)
        let number = try await register(body, context: context)
        var response = JSONBody.response(.object([("number", .string(number))]), status: .created)
        response.headers[.location] = "/api/v1/cases/\(number)"
        return response
    }

    /// Registers what `body` describes as the signed-in account; the new case's number. The
    /// API reads `body` as JSON, the pages from the 提交建议 form.
    func register(_ body: StrictBody, context: WebContext) async throws -> String {
        let (congress, today) = (site.congress, try site.today())
        guard let account = context.account else { throw ServiceError.unauthorized }
        let session = try body.text("session").map { try SessionCode.parse($0, for: "session") }
        let recess = try body.bool("recess") ?? false
        let channel = try body.choice("channel", Channel.self)
        if session != nil && recess { throw ServiceError.invalid(key: nil, zh: "session 与 recess 只能给出其一", en: "give session or recess, not both") }
        if session == nil && !recess && channel == nil {
            throw ServiceError.invalid(key: nil, zh: "须说明提出的场合：session、recess 或 channel", en: "say where it was raised: session, recess or channel")
        }
        let deputy = try body.ownCode("deputy", of: account)
        // A unit submits nothing: said before its body's values are judged.
        if case .unit = account.party { try account.party.requireSubmit(for: deputy) }
        let registration = try Registration(
            title: body.requiredText("title"), body: body.text("body") ?? "", deputy: deputy, cosigners: body.texts("cosigners"),
            session: session, channel: channel ?? (recess ? .recess : nil), station: body.text("station"),
            category: body.text("category"), submittedOn: body.on(today: today))
        return try await site.act(context) { store, _ in try store.register(congress, registration) }.number
    }
}
