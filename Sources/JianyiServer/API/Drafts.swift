import CaseStore
import Casework
import Hummingbird

/// Draft replies and their signing (签发): `POST /api/v1/cases/{number}/reply-drafts` (the lead
/// unit's staff), `…/reply-drafts/current/approve` and `…/current/return` (a signer of that
/// unit), `GET /api/v1/cases/{number}/reply-drafts` (the secretariat and the lead unit) and
/// `GET /api/v1/me/drafts` (the unit's drafts waiting for its signer). Who may do what is the
/// store's and the row policies' to decide; here only bodies are read and answers written.
struct Drafts {
    let site: Site

    func addRoutes(to group: RouterGroup<WebContext>) {
        let steps = Steps(site: site)
        group.post("cases/:number/reply-drafts") { request, context in
            try await steps.run(request, context, keys: ["unit", "outcome", "plan_by", "text", "on"]) { target, body in
                DraftJSON.json(try target.store.submitDraft(
                    target.congress, target.number, unit: target.unit(body), outcome: body.requiredChoice("outcome", Outcome.self),
                    planBy: body.day("plan_by"), text: body.requiredText("text"), on: target.day))
            }
        }
        group.post("cases/:number/reply-drafts/current/approve") { request, context in
            try await steps.run(request, context, keys: ["on"]) { target, _ in
                StepResultJSON.json(try target.store.signDraft(target.congress, target.number, on: target.day))
            }
        }
        group.post("cases/:number/reply-drafts/current/return") { request, context in
            // A missing or blank comment is the rule's refusal (422), like a dissatisfied rating's.
            try await steps.run(request, context, keys: ["comment", "on"]) { target, body in
                DraftJSON.json(try target.store.returnDraft(target.congress, target.number, note: body.text("comment") ?? "", on: target.day))
            }
        }
        group.get("cases/:number/reply-drafts", use: caseDrafts)
        group.get("me/drafts", use: queue)
    }

    func caseDrafts(_ request: Request, context: WebContext) async throws -> Response {
        let number = try context.parameters.require("number")
        _ = try Query(request, known: [])
        let congress = site.congress
        let drafts = try await site.act(context) { store, _ in try store.drafts(congress, number) }
        return JSONBody.response(.array(drafts.map { DraftJSON.json(number: number, title: nil, $0) }))
    }

    func queue(_ request: Request, context: WebContext) async throws -> Response {
        let page = try Query(request, known: Query.pageParameters).page()
        guard let account = context.account else { throw ServiceError.unauthorized }
        guard case .unit = account.party else {
            throw ErrorTable.forbidden(zh: "只有承办单位的账户有待签发的答复草稿", en: "only a unit's account has draft replies waiting for signing")
        }
        let congress = site.congress
        let body = try await site.act(context) { store, account in
            guard case .unit(let unit) = account.party else { throw ServiceError.internal }
            let waiting = try store.pendingDrafts(congress, unit: unit, page: page)
            return JSONBody.bytes(.object([
                ("drafts", .array(waiting.items.map(DraftJSON.json))),
                ("limit", .int(page.limit)), ("offset", .int(page.offset)), ("total", .int(waiting.total)),
            ]))
        }
        return JSONBody.response(bytes: body)
    }
}

/// A draft reply as the API answers it.
enum DraftJSON {
    static func json(_ draft: CaseDraft) -> JSONValue { json(number: draft.number, title: draft.title, draft.draft) }

    static func json(number: String, title: String?, _ draft: ReplyDraft) -> JSONValue {
        .object([("number", .string(number))] + (title.map { [("title", JSONValue.string($0))] } ?? []) + [
            ("draft", .int(draft.number)), ("round", .int(draft.round)), ("unit", .string(draft.input.unit)),
            ("outcome", .string(draft.input.outcome.rawValue)), ("plan_by", .optional(draft.input.planBy?.description)),
            ("text", .string(draft.input.text)), ("drafted_on", .string(draft.draftedOn.description)),
            ("drafted_by", .string(draft.draftedBy)), ("status", .string(draft.status.rawValue)),
            ("decided_on", .optional(draft.decidedOn?.description)), ("decided_by", .optional(draft.decidedBy)),
            ("note", .optional(draft.note)),
        ])
    }
}
