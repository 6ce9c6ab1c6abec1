@testable import CaseStore
import Casework
import Postgres

/// The suggestion import as it was before it streamed into COPY (commit dfe51a4), kept to
/// check that the streaming one registers exactly the same cases, numbers and events.
struct ReferenceImport: Sendable, Equatable {
    struct Skipped: Sendable, Equatable {
        let line: Int
        let existing: String?
        let sameAsLine: Int?
    }

    let registered: [Registered]
    let skipped: [Skipped]
}

private let referenceColumns = ["title", "deputy", "cosigners", "session", "channel", "category", "body", "submitted_on"]

extension Store {
    func referenceImportSuggestions(
        _ congress: Congress, csv: some CSVSource, file: String, defaultDay: Day, today: Day? = nil, skipExisting: Bool
    ) throws -> ReferenceImport {
        var table = try CSVTable(csv, expecting: referenceColumns, file: file)
        let rows = try table.checkedRows { record in
            let session = record(3).isEmpty ? nil : try SessionCode.parse(record(3), for: "session")
            let channel = record(4).isEmpty ? nil : try Channel.parse(record(4), for: "channel")
            let day = record(7).isEmpty ? defaultDay : try Day.parse(record(7), for: "submitted_on")
            if let today { try StepDate.checkNotAfterToday(day, today: today) }
            return try Registration(
                title: record(0), body: record(6), deputy: record(1),
                cosigners: record(2).split(separator: ";").map(String.init),
                session: session, channel: channel, category: record(5), submittedOn: day)
        }
        let fileProblems = table.problems
        return try connection.retryingTransaction { connection in
            // Each attempt starts from the file's own problems: a retry must not keep what
            // an attempt that was rolled back found (a case registered since, say).
            var problems = fileProblems
            try connection.advisoryLock(Store.importLock(congress))
            try connection.execute("""
                CREATE TEMP TABLE staging_suggestion (
                    line integer, number text, series text, seq integer, title text, body text, deputy text,
                    cosigners text[], session text, channel text, station text, category text, submitted_on date
                ) ON COMMIT DROP
                """)
            try connection.copyIn("COPY staging_suggestion FROM STDIN") { writer in
                for (line, r) in rows {
                    try writer.writeRow([String(line), nil, r.series.description, nil, r.title, r.body, r.deputy,
                                         r.cosigners.postgresText, r.session?.description, r.channel.rawValue, r.station,
                                         r.category, r.submittedOn.description])
                }
            }
            for bad in try connection.query("""
                SELECT line, what, code FROM (
                    SELECT line, 'deputy' AS what, deputy AS code FROM staging_suggestion st
                    WHERE NOT EXISTS (SELECT 1 FROM deputy d WHERE \(congress.scope("d")) AND d.code = st.deputy)
                    UNION ALL
                    SELECT line, 'cosigners', c.code FROM staging_suggestion st, unnest(st.cosigners) AS c(code)
                    WHERE NOT EXISTS (SELECT 1 FROM deputy d WHERE \(congress.scope("d")) AND d.code = c.code)
                    UNION ALL
                    SELECT line, 'session', session FROM staging_suggestion st
                    WHERE session IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM session s WHERE \(congress.scope("s")) AND s.code = st.session)
                ) problems ORDER BY line
                """).rows {
                let what = try bad.decode(String.self, "what")
                let code = try bad.decode(String.self, "code")
                let column = referenceColumns.firstIndex(of: what)
                problems.add(line: try bad.decode(Int.self, "line"), column: column,
                             "\(code) is not \(what == "session" ? "a session" : "a deputy") of \(congress.code)")
            }
            var skipped: [ReferenceImport.Skipped] = []
            for twice in try connection.query("""
                SELECT st.line, s.number AS existing, NULL::integer AS first
                FROM staging_suggestion st
                JOIN LATERAL (
                    SELECT number FROM suggestion s
                    WHERE \(congress.scope("s")) AND s.deputy_code = st.deputy AND s.series = st.series
                      AND md5(s.title) = md5(st.title) AND s.title = st.title
                    ORDER BY s.seq LIMIT 1
                ) s ON true
                UNION ALL
                SELECT line, NULL, first FROM (
                    SELECT line, min(line) OVER (PARTITION BY deputy, series, title) AS first FROM staging_suggestion
                ) f WHERE line <> first
                ORDER BY 1
                """).rows {
                let entry = ReferenceImport.Skipped(
                    line: try twice.decode(Int.self, "line"), existing: try twice.decode(String?.self, "existing"),
                    sameAsLine: try twice.decode(Int?.self, "first"))
                if skipExisting {
                    if !skipped.contains(where: { $0.line == entry.line }) { skipped.append(entry) }
                } else if let existing = entry.existing {
                    problems.add(line: entry.line, refused: ConflictError.suggestionRegistered(as: existing))
                } else {
                    problems.add(line: entry.line, refused: ConflictError.suggestionRepeated(line: entry.sameAsLine!))
                }
            }
            try problems.check()
            let skippedLines = Set(skipped.map(\.line))
            let registrations = rows.filter { !skippedLines.contains($0.line) }
            logger.debug("\(file): \(registrations.count) rows staged and checked, \(skipped.count) skipped")
            guard !registrations.isEmpty else { return ReferenceImport(registered: [], skipped: skipped) }
            // Numbers follow the file's order within each series.
            var next: [String: Int] = [:]
            for series in Set(registrations.map(\.fields.series.description)).sorted() {
                next[series] = try reserveNumbers(congress, series: series,
                                                  count: registrations.filter { $0.fields.series.description == series }.count)
            }
            var numbered: [(line: Int, number: String, seq: Int)] = []
            for (line, r) in registrations {
                let seq = next[r.series.description]!
                next[r.series.description] = seq + 1
                numbered.append((line, r.series.number(seq), seq))
            }
            try connection.execute("""
                DELETE FROM staging_suggestion WHERE line = ANY(\(skipped.map(\.line))::integer[])
                """)
            try connection.execute("""
                UPDATE staging_suggestion st SET number = n.number, seq = n.seq
                FROM unnest(\(numbered.map(\.line))::integer[], \(numbered.map(\.number))::text[],
                            \(numbered.map(\.seq))::integer[]) AS n(line, number, seq)
                WHERE st.line = n.line
                """)
            let registered = try connection.query("""
                WITH s AS (
                    INSERT INTO suggestion (congress_id, number, series, seq, title, body, deputy_code, session_code,
                                            channel, station, category, submitted_on)
                    SELECT \(congress.id), number, series, seq, title, body, deputy, session, channel, station, category, submitted_on
                    FROM staging_suggestion ORDER BY line
                    RETURNING suggestion_id, number
                ), co AS (
                    INSERT INTO suggestion_cosigner (congress_id, suggestion_id, position, deputy_code)
                    SELECT \(congress.id), s.suggestion_id, c.position, c.code
                    FROM s JOIN staging_suggestion st USING (number), unnest(st.cosigners) WITH ORDINALITY AS c(code, position)
                ), e AS (
                    INSERT INTO case_event (congress_id, suggestion_id, event_no, kind, on_date, actor, data)
                    SELECT \(congress.id), s.suggestion_id, 1, \(EventKind.registered), st.submitted_on, \(actor),
                           jsonb_build_object('number', st.number, 'title', st.title, 'deputy', st.deputy,
                                              'cosigners', to_jsonb(st.cosigners), 'session', st.session,
                                              'channel', st.channel, 'category', st.category, 'file', \(file)::text)
                    FROM s JOIN staging_suggestion st USING (number)
                )
                SELECT s.suggestion_id, s.number FROM s JOIN staging_suggestion st USING (number) ORDER BY st.line
                """).rows.map { Registered(id: try $0.decode(Int.self, "suggestion_id"), number: try $0.decode(String.self, "number")) }
            return ReferenceImport(registered: registered, skipped: skipped)
        }
    }
}
