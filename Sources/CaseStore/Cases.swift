import Casework
import Postgres

/// A case as `show` and `list` report it.
public struct CaseView: Sendable, Equatable {
    public let id: Int
    public let number: String
    public let title: String
    public let body: String
    public let state: CaseState
    public let deputy: String
    public let deputyName: String
    public let delegation: String
    public let cosigners: [String]
    public let session: String?
    public let channel: Channel
    public let station: String?
    public let category: String
    public let submittedOn: Day
    public let isKey: Bool
    public let keyLeader: String?
    public let keyCommittee: String?
    public let leadUnit: String?
    public let coUnits: [String]
    public let complex: Bool
    public let assignedOn: Day?
    public let round: Int
    public let replyDue: Day?
    public let repliedOn: Day?
    public let outcome: Outcome?
    public let planBy: Day?
    public let planDoneOn: Day?
    public let ratingResult: Satisfaction?
    public let ratingAttitude: Satisfaction?
    public let closedOn: Day?
    public let deadlines: [Deadline.Brief]
    /// 并案: the case this one was merged into, and the cases merged into this one (those the
    /// actor sees).
    public let mergedInto: String?
    public let merged: [String]

    init(row: Row) throws {
        id = try row.decode(Int.self, "suggestion_id")
        number = try row.decode(String.self, "number")
        title = try row.decode(String.self, "title")
        body = try row.decode(String.self, "body")
        state = try row.decode(CaseState.self, "state")
        deputy = try row.decode(String.self, "deputy_code")
        deputyName = try row.decode(String.self, "deputy_name")
        delegation = try row.decode(String.self, "delegation")
        cosigners = try row.decode([String].self, "cosigners")
        session = try row.decode(String?.self, "session_code")
        channel = try row.decode(Channel.self, "channel")
        station = try row.decode(String?.self, "station")
        category = try row.decode(String.self, "category")
        submittedOn = try row.decode(Day.self, "submitted_on")
        isKey = try row.decode(Bool.self, "is_key")
        keyLeader = try row.decode(String?.self, "key_leader")
        keyCommittee = try row.decode(String?.self, "key_committee")
        leadUnit = try row.decode(String?.self, "lead_unit")
        coUnits = try row.decode([String].self, "co_units")
        complex = try row.decode(Bool.self, "complex")
        assignedOn = try row.decode(Day?.self, "assigned_on")
        round = try row.decode(Int.self, "round")
        replyDue = try row.decode(Day?.self, "reply_due")
        repliedOn = try row.decode(Day?.self, "replied_on")
        outcome = try row.decode(Outcome?.self, "outcome")
        planBy = try row.decode(Day?.self, "plan_by")
        planDoneOn = try row.decode(Day?.self, "plan_done_on")
        ratingResult = try row.decode(Satisfaction?.self, "rating_result")
        ratingAttitude = try row.decode(Satisfaction?.self, "rating_attitude")
        closedOn = try row.decode(Day?.self, "closed_on")
        deadlines = try Deadline.Brief.decodeList(try row.decode(String.self, "deadlines"))
        mergedInto = try row.decode(String?.self, "merged_into_number")
        merged = try row.decode([String].self, "merged_in")
    }
}

/// Which cases `list` shows; nil means any.
public struct CaseFilter: Sendable {
    public var state: CaseState?
    public var deputy: String?
    public var session: String?
    public var keyOnly = false
    /// Only cases this unit is currently assigned to.
    public var unit: String?
    /// Only cases with a reply, opinion, rehandle or plan obligation past due on this day.
    public var overdueOn: Day?
    /// The cases as they stood at the end of this day (`case_state_as_of`): their state,
    /// units and deadlines then, the filters applied to that; nil: as they stand now.
    public var asOf: Day?
    /// Only cases this party sees (issue 13's table, as `Party.sees` and the row policies
    /// say). Under row security the policies alone would hide the rest, but only by testing
    /// every case of the congress; this lets the database start from the party's own rows.
    public var seenBy: Party?

    public init(state: CaseState? = nil, deputy: String? = nil, session: String? = nil, keyOnly: Bool = false,
                unit: String? = nil, overdueOn: Day? = nil, seenBy: Party? = nil, asOf: Day? = nil) {
        self.state = state
        self.deputy = deputy
        self.session = session
        self.keyOnly = keyOnly
        self.unit = unit
        self.overdueOn = overdueOn
        self.seenBy = seenBy
        self.asOf = asOf
    }
}

/// One entry of a case's history.
public struct CaseEvent: Sendable, Equatable {
    public let number: Int
    public let kind: EventKind
    public let on: Day
    public let recordedAt: Instant
    public let actor: String
    /// The event's details as a JSON object.
    public let data: String
}

extension Store {
    /// The cases with their units and deadlines as they stand now, or, `asOf` a day, as they
    /// stood at its end: the state columns from `case_state_as_of`, the assignments and
    /// obligations by their dates.
    private static func caseSelect(_ congress: Congress, asOf day: Day?) -> PostgresQuery {
        let st = stateSource(asOf: day)
        let obligationSeen: PostgresQuery = day.map { "o.start_on <= \($0)" } ?? "true"
        let status: PostgresQuery = day.map {
            "CASE WHEN o.met_on <= \($0) THEN \(ObligationStatus.met) WHEN o.cancelled_on <= \($0) THEN \(ObligationStatus.cancelled) ELSE \(ObligationStatus.open) END"
        } ?? "o.status"
        let metOn: PostgresQuery = day.map { "CASE WHEN o.met_on <= \($0) THEN o.met_on END" } ?? "o.met_on"
        return """
            SELECT s.suggestion_id, s.number, s.title, s.body, \(st).state, s.deputy_code, d.name AS deputy_name,
                   d.delegation, s.session_code, s.channel, s.station, s.category, s.submitted_on, \(st).is_key,
                   \(st).key_leader, \(st).key_committee, \(st).lead_unit, \(st).complex, \(st).assigned_on, \(st).round,
                   \(st).replied_on, \(st).outcome, \(st).plan_by, \(st).plan_done_on, \(st).rating_result, \(st).rating_attitude,
                   \(st).closed_on,
                   coalesce((SELECT array_agg(c.deputy_code ORDER BY c.position) FROM suggestion_cosigner c
                             WHERE \(sameCase("c", "s"))), '{}') AS cosigners,
                   coalesce((SELECT array_agg(a.unit_code ORDER BY a.assigned_on, a.unit_code) FROM assignment a
                             WHERE \(sameCase("a", "s")) AND a.role = \(AssignmentRole.co) AND \(assignmentActive("a", on: day))), '{}') AS co_units,
                   (SELECT o.due_on FROM obligation o
                     WHERE \(sameCase("o", "s")) AND o.kind = ANY(\([ObligationKind.reply, .rehandle])::text[])
                       AND \(obligationInForce("o", on: day))
                     ORDER BY o.obligation_no DESC LIMIT 1) AS reply_due,
                   coalesce((SELECT json_agg(json_build_object('kind', o.kind, 'unit', o.unit_code, 'due', o.due_on,
                                                                'status', \(status), 'met_on', \(metOn)) ORDER BY o.obligation_no)
                             FROM obligation o WHERE \(sameCase("o", "s")) AND \(obligationSeen)), '[]') AS deadlines,
                   \(mergeLinks("s", asOf: day))
            FROM suggestion s
            \(joinCaseState(congress, asOf: day))
            \(joinDeputy)
            """
    }

    /// The case with this number, or a rule failure naming it.
    public func caseView(_ congress: Congress, number: String) throws -> CaseView {
        let rows = try connection.query(Self.caseSelect(congress, asOf: nil) + " WHERE \(congress.scope("s")) AND s.number = \(number)").rows
        guard let row = rows.first else { throw LookupError.noSuchCase(number: number, congress: congress.code) }
        return try CaseView(row: row)
    }

    /// Cases in number order, streamed to `body` so a long list never sits in memory whole;
    /// with a page, only the cases of that page.
    public func listCases(_ congress: Congress, _ filter: CaseFilter, page: Page? = nil, _ body: (CaseView) throws -> Void) throws {
        var query = Self.caseSelect(congress, asOf: filter.asOf) + " WHERE " + Self.conditions(congress, filter).joined(separator: " AND ") + " ORDER BY s.series, s.seq"
        if let page { query = query + page.clause }
        try connection.forEachRow(query) { try body(CaseView(row: $0)) }
    }

    /// How many cases `listCases` lists with this filter (all pages).
    public func countCases(_ congress: Congress, _ filter: CaseFilter) throws -> Int {
        try connection.query("SELECT count(*) AS n FROM suggestion s " + joinCaseState(congress, asOf: filter.asOf) + " WHERE "
                                    + Self.conditions(congress, filter).joined(separator: " AND "))
            .rows[0].decode(Int.self, "n")
    }

    /// The tenant filter and one condition per filter that is set.
    private static func conditions(_ congress: Congress, _ filter: CaseFilter) -> [PostgresQuery] {
        var conditions = [congress.scope("s")]
        // As of a day, what changes is read from the case as it stood then (`caseSelect`).
        let st = stateSource(asOf: filter.asOf)
        if let state = filter.state { conditions.append("\(st).state = \(state)") }
        if let deputy = filter.deputy { conditions.append("s.deputy_code = \(deputy)") }
        if let session = filter.session { conditions.append("s.session_code = \(session)") }
        if filter.keyOnly { conditions.append("\(st).is_key") }
        if let unit = filter.unit {
            conditions.append("""
                EXISTS (SELECT 1 FROM assignment a
                        WHERE \(sameCase("a", "s")) AND a.unit_code = \(unit) AND \(assignmentActive("a", on: filter.asOf)))
                """)
        }
        if let day = filter.overdueOn {
            conditions.append("EXISTS (SELECT 1 FROM obligation o WHERE \(sameCase("o", "s")) AND \(pastDue("o", on: day)))")
        }
        if let party = filter.seenBy { conditions.append(seen(by: party, congress)) }
        return conditions
    }

    /// The cases of `s` that `party` sees, written so each party's index leads: a unit's
    /// assignments (ended ones too), a deputy's own and co-signed suggestions.
    private static func seen(by party: Party, _ congress: Congress) -> PostgresQuery {
        switch party {
        case .secretariat:
            return "true"
        case .unit(let unit):
            return "s.suggestion_id IN (SELECT a.suggestion_id FROM assignment a WHERE \(congress.scope("a")) AND a.unit_code = \(unit))"
        case .deputy(let deputy):
            return """
                s.suggestion_id IN (SELECT r.suggestion_id FROM suggestion r WHERE \(congress.scope("r")) AND r.deputy_code = \(deputy)
                                    UNION ALL
                                    SELECT c.suggestion_id FROM suggestion_cosigner c WHERE \(congress.scope("c")) AND c.deputy_code = \(deputy)
                                    UNION ALL
                                    SELECT m.merged_into FROM suggestion m WHERE \(congress.scope("m")) AND m.merged_into IS NOT NULL
                                       AND (m.deputy_code = \(deputy)
                                            OR EXISTS (SELECT 1 FROM suggestion_cosigner mc WHERE \(sameCase("mc", "m")) AND mc.deputy_code = \(deputy))))
                """
        }
    }

    /// An obligation `o` past due on `day`: one OverdueTier.of places in .overdue or
    /// .severelyOverdue (watched, started and still open on the day, due before it).
    /// OverdueTierAgreementTests holds the two together.
    static func pastDue(_ o: StaticString, on day: Day) -> PostgresQuery {
        """
        \(unsafeRaw: o).kind = ANY(\(OverdueTier.watched)::text[]) AND \(unsafeRaw: o).start_on <= \(day)
        AND (\(unsafeRaw: o).status = \(ObligationStatus.open) OR coalesce(\(unsafeRaw: o).met_on, \(unsafeRaw: o).cancelled_on) > \(day))
        AND \(unsafeRaw: o).due_on < \(day)
        """
    }

    /// The internal id of a case, or a rule failure naming the number.
    public func caseID(_ congress: Congress, number: String) throws -> Int {
        guard let row = try connection.query("""
            SELECT suggestion_id FROM suggestion WHERE \(congress.scope) AND number = \(number)
            """).rows.first else {
            throw LookupError.noSuchCase(number: number, congress: congress.code)
        }
        return try row.decode(Int.self, "suggestion_id")
    }

    /// Every event of a case, oldest first.
    public func history(_ congress: Congress, number: String) throws -> [CaseEvent] {
        try history(congress, caseID: try caseID(congress, number: number))
    }

    public func history(_ congress: Congress, caseID: Int) throws -> [CaseEvent] {
        try connection.query("""
            SELECT event_no, kind, on_date, floor(extract(epoch FROM recorded_at))::bigint AS recorded_at, actor, data::text AS data
            FROM case_event WHERE \(congress.scope(case: caseID))
            ORDER BY event_no
            """).rows.map {
            CaseEvent(number: try $0.decode(Int.self, "event_no"), kind: try $0.decode(EventKind.self, "kind"),
                      on: try $0.decode(Day.self, "on_date"), recordedAt: try $0.decode(Instant.self, "recorded_at"),
                      actor: try $0.decode(String.self, "actor"), data: try $0.decode(String.self, "data"))
        }
    }
}
