import CaseStore
import Casework
import Hummingbird
import Presentation

/// `GET /api/v1/me/obligations` (a unit's open obligations, most urgent first),
/// `GET /api/v1/overdue/runs` and `GET /api/v1/satisfaction` (the secretariat's): the JSON the
/// CLI's `overdue runs` and `export satisfaction` print.
struct Reports {
    let site: Site

    func obligations(_ request: Request, context: WebContext) async throws -> Response {
        let page = try Query(request, known: Query.pageParameters).page()
        try Self.require(.ownObligations, context)
        let asOf = try site.today()
        let congress = site.congress
        let body = try await site.act(context) { store, account in
            guard case .unit(let unit) = account.party else { throw ServiceError.internal }
            let owed = try store.owedObligations(congress, unit: unit, asOf: asOf, page: page)
            return JSONBody.bytes(.object([
                ("as_of", .string(asOf.description)), ("obligations", .array(owed.items.map(owedObligationJSON))),
                ("limit", .int(page.limit)), ("offset", .int(page.offset)), ("total", .int(owed.total)),
            ]))
        }
        return JSONBody.response(bytes: body)
    }

    func overdueRuns(_ request: Request, context: WebContext) async throws -> Response {
        let limit = try Query(request, known: ["limit"]).integer("limit", in: 1...1000, otherwise: 20)
        try Self.require(.overdueRuns, context)
        let (congress, clock) = (site.congress, site.clock)
        let body = try await site.act(context) { store, _ in
            JSONBody.bytes(.array(try store.overdueRuns(congress, limit: limit).map { overdueRunJSON($0, clock) }))
        }
        return JSONBody.response(bytes: body)
    }

    func satisfaction(_ request: Request, context: WebContext) async throws -> Response {
        let query = try Query(request, known: ["by", "session", "from", "to", "key"])
        let by = try query.word("by", Grouping.self) ?? .unit
        let (from, to) = (try query.day("from"), try query.day("to"))
        if let from, let to, to < from {
            throw ServiceError.invalid(key: "to", zh: "\(to)早于 from（\(from)）", en: "\(to) is before from (\(from))")
        }
        let session = query.text("session"), keyOnly = try query.flag("key")
        try Self.require(.satisfaction, context)
        let scope = SummaryScope(asOf: try site.today(), session: session, from: from, to: to, keyOnly: keyOnly)
        let congress = site.congress
        let body = try await site.act(context) { store, _ in
            var groups: [JSONValue] = []
            try store.satisfaction(congress, by: by, scope: scope) { groups.append(measureJSON($0)) }
            return JSONBody.bytes(.array(groups))
        }
        return JSONBody.response(bytes: body)
    }

    /// 403 unless the signed-in party reads `report`.
    private static func require(_ report: PartyReport, _ context: WebContext) throws {
        guard let account = context.account else { throw ServiceError.unauthorized }
        guard account.party.mayRead(report) else {
            let (zh, en) = switch report {
            case .ownObligations: ("只有承办单位的账户可以查看本单位的办理期限", "only a unit's account has obligations to list")
            case .overdueRuns: ("只有代表工作机构可以查看逾期检查记录", "only the secretariat may read the overdue runs")
            case .satisfaction: ("只有代表工作机构可以查看满意度测评", "only the secretariat may read the satisfaction summary")
            }
            throw ErrorTable.forbidden(zh: zh, en: en)
        }
    }
}
