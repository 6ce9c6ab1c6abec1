import CaseStore
import Casework
import Hummingbird
import Presentation

/// `GET /api/v1/cases` (the caller's cases, filtered as `list` filters them, a page at a time)
/// and `GET /api/v1/cases/{number}` (`show --format json`). Row security decides what the
/// caller sees: a case it may not see reads as one that does not exist (404).
struct CaseReads {
    let site: Site

    static let listParameters = Set(["state", "unit", "deputy", "session", "key", "overdue"]).union(Query.pageParameters)

    func list(_ request: Request, context: WebContext) async throws -> Response {
        let query = try Query(request, known: Self.listParameters)
        let page = try query.page()
        let today = try site.today()
        let (state, key, overdue) = (try query.word("state", CaseState.self), try query.flag("key"), try query.flag("overdue"))
        let (unit, deputy, session) = (query.text("unit"), query.text("deputy"), query.text("session"))
        let congress = site.congress
        let body = try await site.act(context) { store, account in
            let filter = CaseFilter(state: state, deputy: deputy, session: session, keyOnly: key, unit: unit,
                                    overdueOn: overdue ? today : nil, seenBy: account.party)
            let total = try store.countCases(congress, filter)
            var cases: [JSONValue] = []
            if total > page.offset {
                try store.listCases(congress, filter, page: page) { cases.append(caseJSON($0, today: today)) }
            }
            return JSONBody.bytes(.object([("cases", .array(cases)), ("limit", .int(page.limit)), ("offset", .int(page.offset)),
                                           ("total", .int(total))]))
        }
        return JSONBody.response(bytes: body)
    }

    /// Takes no query parameter, and (as the document has it answer no 400) reads none.
    func show(_ request: Request, context: WebContext) async throws -> Response {
        let number = try context.parameters.require("number")
        let today = try site.today()
        let (congress, clock) = (site.congress, site.clock)
        let body = try await site.act(context) { store, _ in
            let view = try store.caseView(congress, number: number)
            let events = try store.history(congress, caseID: view.id)
            let contacts = try store.contacts(congress, caseID: view.id)
            return JSONBody.bytes(caseJSON(view, today: today, contacts: contacts, timeline: events.map { eventJSON($0, clock) }))
        }
        return JSONBody.response(bytes: body)
    }
}

extension JSONBody {
    /// A value serialized where it was made (a `JSONValue` does not cross threads).
    static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        value.write(to: &out)
        return out
    }

    static func response(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
