import CaseStore
import Casework
import Hummingbird

/// `POST /api/v1/cases/{number}/…`: one route per step of a case's handling, each one
/// transaction as the signed-in account. Who may take the step is decided by the store on the
/// locked case (`Party.requirePermission`); here only the body is read.
struct Steps {
    let site: Site

    /// Each step's path segment, the body keys it takes, and what it does: the API's routes,
    /// and what the pages' forms run (`perform`).
    static let table: [(path: String, keys: Set<String>, step: Step)] = [
            ("review", ["accept", "reject", "reason", "on"], Self.review),
            ("withdraw", ["reason", "on"], { try $0.store.withdraw($0.congress, $0.number, reason: $1.requiredText("reason"), on: $0.day) }),
            ("assign", ["lead", "co", "complex", "on"], { try $0.store.assign(
                $0.congress, $0.number, lead: $1.requiredText("lead"), co: $1.texts("co"), complex: $1.bool("complex") ?? false, on: $0.day) }),
            ("transfer-requests", ["unit", "reason", "on"], { try $0.store.requestTransfer(
                $0.congress, $0.number, unit: $0.unit($1), reason: $1.requiredText("reason"), on: $0.day) }),
            ("transfer-decision", ["approve", "to", "reject", "reason", "on"], Self.transferDecision),
            ("contacts", ["unit", "mode", "note", "on"], { try $0.store.contact(
                $0.congress, $0.number, unit: $0.unit($1), mode: $1.requiredChoice("mode", ContactMode.self),
                note: $1.text("note") ?? "", on: $0.day) }),
            ("contact-confirmations", ["contact", "dispute", "note", "on"], { try $0.store.answerContact(
                $0.congress, $0.number, ContactAnswer(contact: $1.requiredInteger("contact"),
                                                      confirmation: try $1.bool("dispute") == true ? .disputed : .confirmed,
                                                      note: $1.text("note") ?? ""), on: $0.day) }),
            ("opinions", ["unit", "text", "on"], { try $0.store.opinion(
                $0.congress, $0.number, unit: $0.unit($1), text: $1.requiredText("text"), on: $0.day) }),
            ("reply", ["unit", "outcome", "plan_by", "text", "on"], { try $0.store.reply(
                $0.congress, $0.number, unit: $0.unit($1), outcome: $1.requiredChoice("outcome", Outcome.self),
                planBy: $1.day("plan_by"), text: $1.requiredText("text"), on: $0.day) }),
            ("rating", ["result", "attitude", "comment", "on"], { try $0.store.rate(
                $0.congress, $0.number, result: $1.requiredChoice("result", Satisfaction.self),
                attitude: $1.choice("attitude", Satisfaction.self), comment: $1.text("comment") ?? "", on: $0.day) }),
            ("follow-ups", ["progress", "done", "on"], { try $0.store.followUp(
                $0.congress, $0.number, progress: $1.requiredText("progress"), done: $1.bool("done") ?? false, on: $0.day) }),
            ("supervision", ["leader", "committee", "on"], { try $0.store.supervise(
                $0.congress, $0.number, leader: $1.text("leader"), committee: $1.text("committee"), on: $0.day) }),
            ("merge", ["into", "note", "on"], { try $0.store.merge(
                $0.congress, $0.number, into: $1.requiredText("into"), note: $1.text("note"), on: $0.day) }),
    ]

    func addRoutes(to group: RouterGroup<WebContext>) {
        for (path, keys, _) in Self.table {
            group.post("cases/:number/\(path)") { request, context in
                let number = try context.parameters.require("number")
                let body = try await StrictBody(request, context: context, keys: keys)
                return JSONBody.response(StepResultJSON.json(try await perform(path, on: number, body, context)))
            }
        }
    }

    /// What a step's body is applied to.
    struct Target {
        let store: Store
        let account: Account
        let congress: Congress
        let number: String
        let day: Day

        /// The unit acting: a unit account's own (named or implied), the one the secretariat
        /// names. A deputy names none: the store refuses its unit step on the case it sees.
        func unit(_ body: StrictBody) throws -> String {
            try body.ownCode("unit", of: account)
        }
    }

    typealias Step = @Sendable (Target, StrictBody) throws -> StepResult

    /// Runs the step at `path` of `table` on case `number` as the signed-in account, with
    /// `body` read already (as JSON by the API, from a form by the pages).
    func perform(_ path: String, on number: String, _ body: StrictBody, _ context: WebContext) async throws -> StepResult {
        guard let step = Self.table.first(where: { $0.path == path })?.step else { throw ServiceError.internal }
        return try await act(on: number, body, context, step)
    }

    /// Runs a POST on case `{number}` as the signed-in account and answers what `step` returns
    /// (the routes beside the table's, e.g. the drafts').
    func run(
        _ request: Request, _ context: WebContext, keys: Set<String>,
        answering step: @escaping @Sendable (Target, StrictBody) throws -> JSONValue
    ) async throws -> Response {
        let number = try context.parameters.require("number")
        let body = try await StrictBody(request, context: context, keys: keys)
        return JSONBody.response(bytes: try await act(on: number, body, context) { JSONBody.bytes(try step($0, $1)) })
    }

    private func act<T: Sendable>(
        on number: String, _ body: StrictBody, _ context: WebContext, _ step: @escaping @Sendable (Target, StrictBody) throws -> T
    ) async throws -> T {
        let (congress, today) = (site.congress, try site.today())
        // Every value the body holds is read (400) before the case is looked up (404).
        let day = try body.on(today: today)
        return try await site.act(context) { store, account in
            try step(Target(store: store, account: account, congress: congress, number: number, day: day), body)
        }
    }

    private static let review: Step = { target, body in
        switch (try body.only("accept"), try body.only("reject")) {
        case (true, false):
            guard !body.has("reason") else { throw ServiceError.invalid(key: "reason", zh: "只在不予立案时给出", en: "goes with reject only") }
            return try target.store.accept(target.congress, target.number, on: target.day)
        case (false, true):
            return try target.store.reject(target.congress, target.number, reason: body.requiredText("reason"), on: target.day)
        default:
            throw StrictBody.exactlyOne("accept", "reject")
        }
    }

    private static let transferDecision: Step = { target, body in
        switch (try body.only("approve"), try body.only("reject")) {
        case (true, false):
            guard !body.has("reason") else { throw ServiceError.invalid(key: "reason", zh: "只在驳回时给出", en: "goes with reject only") }
            return try target.store.approveTransfer(target.congress, target.number, to: body.requiredText("to"), on: target.day)
        case (false, true):
            guard !body.has("to") else { throw ServiceError.invalid(key: "to", zh: "只在同意时给出", en: "goes with approve only") }
            return try target.store.rejectTransfer(target.congress, target.number, reason: body.requiredText("reason"), on: target.day)
        default:
            throw StrictBody.exactlyOne("approve", "reject")
        }
    }
}

extension StrictBody {
    /// The acting party's own code under `key` (`unit`, `deputy`): implied by a unit's or a
    /// deputy's account when absent, refused (403) when it names another; required of the
    /// secretariat (400). A party of the other kind gets what it named (or nothing) and is
    /// refused by the step's permission check once the case is found.
    func ownCode(_ key: String, of account: Account) throws -> String {
        let given = try text(key)
        switch (account.party, key) {
        case (.unit(let own), "unit"), (.deputy(let own), "deputy"):
            guard let given else { return own }
            guard Code.same(given, own) else {
                throw ServiceError(.forbidden, "forbidden", zh: "\(key)：\(account.party.zh)不能以\(Text.printable(given))的名义办理",
                                   en: "\(key): \(account.party.en) may not act as \(Text.printable(given))")
            }
            return own
        case (.secretariat, _):
            guard let given else { throw Self.missing(key) }
            return given
        default:
            return given ?? ""
        }
    }
}

/// A `StepResult` as the API answers it.
enum StepResultJSON {
    static func json(_ result: StepResult) -> JSONValue {
        .object([
            ("number", .string(result.number)), ("state", .string(result.state.rawValue)),
            ("created", .array(result.created.map {
                .object([("obligation", .string($0.kind.rawValue)), ("unit", .optional($0.unit)), ("due", .string($0.due.description))])
            })),
            ("warnings", .array(result.warnings.map(JSONValue.string))),
        ])
    }
}
