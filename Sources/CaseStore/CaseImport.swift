import Casework
import Postgres

/// What `import cases` did: how many cases it recreated, the first and last number in file order.
public struct CaseImport: Sendable, Equatable {
    public let imported: Int
    public let first: String?
    public let last: String?
}

extension Store {
    /// Recreates every case of a file `export cases` wrote — numbers, state, units,
    /// deadlines, transfers, contacts, replies, ratings and history with their own dates —
    /// in `congress`, whose sessions, deputies and units must be there: all cases or none.
    ///
    /// The file is streamed into COPY and checked in Swift (the layout) and in set-based SQL
    /// (numbers and refs not already taken, codes known); every bad row is reported at once
    /// (the first `RowProblems.limit` and a count). The number counters then continue after
    /// the highest number imported in each series, so the next registration leaves no gap.
    @discardableResult
    public func importCases(
        _ congress: Congress, source: ImportSource, format: CaseFileFormat, file: String, progress: ImportProgress? = nil
    ) throws -> CaseImport {
        try connection.retryingTransaction { connection in
            try connection.advisoryLock(Self.importLock(congress))
            try connection.execute(PostgresQuery(unsafeSQL: Self.stagingTable))
            var problems = try stageCases(connection, source: source, format: format, file: file, progress: progress)
            try connection.execute("ANALYZE staging_case")
            problems.add(contentsOf: try badReferences(congress, connection))
            try problems.check()
            do {
                return try insertCases(congress, connection)
            } catch let error as PostgresError where error.kind == .server && error.sqlState?.hasPrefix("23") == true {
                throw Failure.ruleBroken("\(file): the cases break a rule of the database (\(error.message)); nothing was imported")
            }
        }
    }

    /// One typed column per field of the layout, and the line each row came from.
    static let stagingTable: String = {
        let columns = CaseExchange.fields.map { field -> String in
            let type = switch field.kind {
            case .text, .word: "text"
            case .day: "date"
            case .int: "integer"
            case .bool: "boolean"
            case .instant: "timestamptz"
            case .codes: "text[]"
            case .object, .list: "jsonb"
            }
            return "\"\(field.name)\" \(type)"
        }
        return "CREATE TEMP TABLE staging_case (line integer, \(columns.joined(separator: ", "))) ON COMMIT DROP"
    }()

    private func stageCases(
        _ connection: Connection, source: ImportSource, format: CaseFileFormat, file: String, progress: ImportProgress?
    ) throws -> RowProblems {
        var problems = RowProblems(file: file, columns: CaseExchange.names)
        var rows = 0
        try connection.copyIn("COPY staging_case FROM STDIN") { writer in
            try CaseRecordReader(source: source, format: format, file: file).read { record, bytes in
                rows += 1
                if rows % 4096 == 0 { progress?(rows, bytes) }
                switch record {
                case .bad(let line, let column, let why, let row):
                    problems.add(line: line, column: column, why, row: row)
                case .values(let line, let values, let row):
                    switch CaseExchange.staged(values) {
                    case .failure(let problem):
                        problems.add(line: line, column: problem.column, problem.why, value: problem.value, row: row)
                    case .success(let fields):
                        try writer.writeRow([String(line)] + fields)
                    }
                }
            }
        }
        progress?(rows, source.size ?? 0)
        guard rows > 0 else { throw Failure.ruleBroken("\(file): the file holds no case; there is nothing to import") }
        return problems
    }

    /// The staged rows whose number or ref is taken (in the congress or on an earlier line),
    /// whose number is not `SERIES-SEQUENCE`, or that name a deputy, session or unit the
    /// congress does not have: each row's first problem, the first `limit` by line, a count.
    private func badReferences(_ congress: Congress, _ connection: Connection) throws -> RowProblems {
        let columns = CaseExchange.names
        var problems = RowProblems(file: "", columns: columns)
        let found = try connection.query("""
            WITH units AS (
                SELECT line, 'lead_unit' AS what, lead_unit AS code FROM staging_case WHERE lead_unit IS NOT NULL
                UNION ALL SELECT line, 'units', x->>'unit' FROM staging_case, jsonb_array_elements(units) x
                UNION ALL SELECT line, 'deadlines', x->>'unit' FROM staging_case, jsonb_array_elements(deadlines) x
                          WHERE x->>'unit' IS NOT NULL
                UNION ALL SELECT line, 'transfer_requests', x->>'unit' FROM staging_case, jsonb_array_elements(transfer_requests) x
                UNION ALL SELECT line, 'transfer_requests', x->>'to_unit' FROM staging_case, jsonb_array_elements(transfer_requests) x
                          WHERE x->>'to_unit' IS NOT NULL
                UNION ALL SELECT line, 'contacts', x->>'unit' FROM staging_case, jsonb_array_elements(contacts) x
                UNION ALL SELECT line, 'replies', x->>'unit' FROM staging_case, jsonb_array_elements(replies) x
            ), p AS (
                SELECT line, 0 AS rank, 'number' AS what, number AS code, 'format' AS why, NULL::integer AS first
                FROM staging_case WHERE number !~ '^.+-0*[1-9][0-9]{0,8}$'
                UNION ALL
                SELECT st.line, 1, 'number', st.number, 'taken', NULL
                FROM staging_case st JOIN suggestion s ON \(congress.scope("s")) AND s.number = st.number
                UNION ALL
                SELECT line, 2, 'number', number, 'repeated', first FROM (
                    SELECT line, number, min(line) OVER (PARTITION BY number) AS first FROM staging_case) f
                WHERE line <> first
                UNION ALL
                SELECT st.line, 3, 'ref', st.ref, 'taken', NULL
                FROM staging_case st JOIN suggestion s ON \(congress.scope("s")) AND s.ref = st.ref
                UNION ALL
                SELECT line, 4, 'ref', ref, 'repeated', first FROM (
                    SELECT line, ref, min(line) OVER (PARTITION BY ref) AS first FROM staging_case WHERE ref IS NOT NULL) f
                WHERE line <> first
                UNION ALL
                SELECT line, 5, 'deputy', deputy, 'deputy', NULL FROM staging_case st
                WHERE NOT EXISTS (SELECT 1 FROM deputy d WHERE \(congress.scope("d")) AND d.code = st.deputy)
                UNION ALL
                SELECT line, 6, 'cosigners', c.code, 'deputy', NULL FROM staging_case st, unnest(st.cosigners) AS c(code)
                WHERE NOT EXISTS (SELECT 1 FROM deputy d WHERE \(congress.scope("d")) AND d.code = c.code)
                UNION ALL
                SELECT line, 7, 'session', session, 'session', NULL FROM staging_case st
                WHERE session IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM session s WHERE \(congress.scope("s")) AND s.code = st.session)
                UNION ALL
                SELECT line, 8, what, code, 'unit', NULL FROM units u
                WHERE NOT EXISTS (SELECT 1 FROM unit n WHERE \(congress.scope("n")) AND n.code = u.code)
            ), firsts AS (
                SELECT DISTINCT ON (line) line, what, code, why, first FROM p ORDER BY line, rank
            )
            SELECT line, what, code, why, first, count(*) OVER () AS total FROM firsts ORDER BY line LIMIT \(RowProblems.limit)
            """).rows
        for bad in found {
            let line = try bad.decode(Int.self, "line")
            let what = try bad.decode(String.self, "what")
            let code = try bad.decode(String.self, "code")
            let first = try bad.decode(Int?.self, "first")
            let kind = try bad.decode(String.self, "why")
            let why: String = switch kind {
            case "format": "\(code) is not a case number (SERIES-SEQUENCE, e.g. 5-4-0012)"
            case "taken": "\(code) is already a \(what == "ref" ? "ref" : "number") of a case of \(congress.code); the case is there already"
            case "repeated": "\(code) is already on line \(first ?? 0)"
            case "deputy": "\(code) is not a deputy of \(congress.code)"
            case "session": "\(code) is not a session of \(congress.code)"
            default: "\(code) is not a unit of \(congress.code)"
            }
            problems.add(line: line, column: columns.firstIndex(of: what), why, value: code)
        }
        if let total = try found.first?.decode(Int.self, "total"), total > found.count {
            problems.add(unlisted: total - found.count)
        }
        return problems
    }

    /// Writes the staged cases and everything they hold, in file order, then moves each
    /// series' counter past the highest sequence it now has.
    private func insertCases(_ congress: Congress, _ connection: Connection) throws -> CaseImport {
        let c = congress.id
        try connection.execute("""
            CREATE TEMP TABLE import_whole_case ON COMMIT DROP AS
            SELECT nextval(pg_get_serial_sequence('suggestion', 'suggestion_id')) AS id, n.*
            FROM (
                SELECT st.*, substring(st.number FROM '^(.+)-[0-9]+$') AS series,
                       substring(st.number FROM '-([0-9]+)$')::integer AS seq
                FROM staging_case st ORDER BY st.line OFFSET 0
            ) n
            """)
        try connection.execute("""
            INSERT INTO suggestion (congress_id, suggestion_id, number, series, seq, title, body, deputy_code, session_code,
                                    channel, station, category, submitted_on, state, is_key, registered_at, updated_at,
                                    lead_unit, complex, assigned_on, round, outcome, plan_by, plan_done_on, replied_on,
                                    rating_result, rating_attitude, key_leader, key_committee, closed_on, ref)
            OVERRIDING SYSTEM VALUE
            SELECT \(c), id, number, series, seq, title, body, deputy, session, channel, station, category, submitted_on,
                   state, "key", registered_at, updated_at, lead_unit, complex, assigned_on, round, outcome, plan_by,
                   plan_done_on, replied_on, rating_result, rating_attitude, key_leader, key_committee, closed_on, ref
            FROM import_whole_case ORDER BY line
            """)
        try connection.execute("""
            INSERT INTO suggestion_cosigner (congress_id, suggestion_id, position, deputy_code)
            SELECT \(c), id, x.position, x.code FROM import_whole_case, unnest(cosigners) WITH ORDINALITY AS x(code, position)
            """)
        try connection.execute("""
            INSERT INTO assignment (congress_id, suggestion_id, unit_code, role, assigned_on, ended_on)
            SELECT \(c), id, x.unit, x.role, x.assigned_on, x.ended_on
            FROM import_whole_case, jsonb_to_recordset(units) AS x(unit text, role text, assigned_on date, ended_on date)
            """)
        try connection.execute("""
            INSERT INTO obligation (congress_id, suggestion_id, obligation_no, kind, unit_code, round, start_on, period, policy,
                                    due_on, status, met_on, cancelled_on, note, flagged)
            SELECT \(c), id, x.no, x.obligation, x.unit, x.round, x.start_on, x.period, x.policy, x.due, x.status, x.met_on,
                   x.cancelled_on, x.note, x.flagged
            FROM import_whole_case, jsonb_to_recordset(deadlines) AS x(no integer, obligation text, unit text, round integer,
                 start_on date, period text, policy text, due date, status text, met_on date, cancelled_on date, note text,
                 flagged smallint)
            """)
        try connection.execute("""
            INSERT INTO transfer_request (congress_id, suggestion_id, request_no, unit_code, reason, requested_on, decision,
                                          decided_on, to_unit, decision_note)
            SELECT \(c), id, x.no, x.unit, x.reason, x.requested_on, x.decision, x.decided_on, x.to_unit, x.note
            FROM import_whole_case, jsonb_to_recordset(transfer_requests) AS x(no integer, unit text, reason text,
                 requested_on date, decision text, decided_on date, to_unit text, note text)
            """)
        try connection.execute("""
            INSERT INTO contact (congress_id, suggestion_id, contact_no, unit_code, mode, on_date, note)
            SELECT \(c), id, x.no, x.unit, x.mode, x.on, x.note
            FROM import_whole_case, jsonb_to_recordset(contacts) AS x(no integer, unit text, mode text, "on" date, note text)
            """)
        try connection.execute("""
            INSERT INTO contact_confirmation (congress_id, suggestion_id, contact_no, answer, on_date, note)
            SELECT \(c), id, x.contact_no, x.answer, x.on, x.note
            FROM import_whole_case, jsonb_to_recordset(contact_confirmations) AS x(contact_no integer, answer text, "on" date,
                 note text)
            """)
        try connection.execute("""
            INSERT INTO reply (congress_id, suggestion_id, round, unit_code, outcome, plan_by, text, on_date)
            SELECT \(c), id, x.round, x.unit, x.outcome, x.plan_by, x.text, x.on
            FROM import_whole_case, jsonb_to_recordset(replies) AS x(round integer, unit text, outcome text, plan_by date,
                 text text, "on" date)
            """)
        try connection.execute("""
            INSERT INTO rating (congress_id, suggestion_id, round, result, attitude, comment, on_date)
            SELECT \(c), id, x.round, x.result, x.attitude, x.comment, x.on
            FROM import_whole_case, jsonb_to_recordset(ratings) AS x(round integer, result text, attitude text, comment text,
                 "on" date)
            """)
        try connection.execute("""
            INSERT INTO case_event (congress_id, suggestion_id, event_no, kind, on_date, recorded_at, actor, data)
            SELECT \(c), id, x.no, x.kind, x.on, x.recorded_at, x.actor, x.data
            FROM import_whole_case, jsonb_to_recordset(history) AS x(no integer, kind text, "on" date, recorded_at timestamptz,
                 actor text, data jsonb)
            """)
        try connection.execute("""
            INSERT INTO number_counter (congress_id, series, last_value)
            SELECT \(c), series, max(seq) FROM import_whole_case GROUP BY series ORDER BY series
            ON CONFLICT (congress_id, series) DO UPDATE SET last_value = greatest(number_counter.last_value, EXCLUDED.last_value)
            """)
        let summary = try connection.query("""
            SELECT count(*) AS n,
                   (SELECT number FROM import_whole_case ORDER BY line LIMIT 1) AS first,
                   (SELECT number FROM import_whole_case ORDER BY line DESC LIMIT 1) AS last
            FROM import_whole_case
            """).rows[0]
        return CaseImport(imported: try summary.decode(Int.self, "n"), first: try summary.decode(String?.self, "first"),
                          last: try summary.decode(String?.self, "last"))
    }
}
