import Casework
import Postgres

extension Store {
    static let suggestionColumns = ["title", "deputy", "cosigners", "session", "channel", "category", "body", "submitted_on"]

    /// Registers every suggestion of a CSV file, numbered in file order within each series:
    /// all rows or none. Codes are checked in SQL against the congress; the first failing
    /// row is named.
    public func importSuggestions(_ congress: Congress, csv: String, file: String, defaultDay: Day) throws -> [Registered] {
        let table = try CSVTable(csv, expecting: Self.suggestionColumns, file: file)
        guard !table.records.isEmpty else { throw Failure.ruleBroken("\(file): no suggestions in the file") }
        let registrations = try table.records.map { record -> Registration in
            do {
                let session = record(3).isEmpty ? nil : try SessionCode.parse(record(3), for: "session")
                let channel = record(4).isEmpty ? nil : try Channel.parse(record(4), for: "channel")
                let day = record(7).isEmpty ? defaultDay : try Day.parse(record(7), for: "submitted_on")
                return try Registration(
                    title: record(0), body: record(6), deputy: record(1),
                    cosigners: record(2).split(separator: ";").map(String.init),
                    session: session, channel: channel, category: record(5), submittedOn: day)
            } catch let failure as Failure {
                throw Failure.ruleBroken("\(file) line \(record.line): \(failure.message.replacingFlagPrefix())")
            }
        }
        return try connection.retryingTransaction { connection in
            try connection.execute("""
                CREATE TEMP TABLE staging_suggestion (
                    line integer, number text, series text, seq integer, title text, body text, deputy text,
                    cosigners text[], session text, channel text, station text, category text, submitted_on date
                ) ON COMMIT DROP
                """)
            try connection.copyIn("COPY staging_suggestion FROM STDIN") { writer in
                for (record, r) in zip(table.records, registrations) {
                    try writer.writeRow([String(record.line), nil, r.series.description, nil, r.title, r.body, r.deputy,
                                         r.cosigners.postgresText, r.session?.description, r.channel.rawValue, r.station,
                                         r.category, r.submittedOn.description])
                }
            }
            if let bad = try connection.query("""
                SELECT line, what, code FROM (
                    SELECT line, 'deputy' AS what, deputy AS code FROM staging_suggestion st
                    WHERE NOT EXISTS (SELECT 1 FROM deputy d WHERE d.congress_id = \(congress.id) AND d.code = st.deputy)
                    UNION ALL
                    SELECT line, 'cosigner', c.code FROM staging_suggestion st, unnest(st.cosigners) AS c(code)
                    WHERE NOT EXISTS (SELECT 1 FROM deputy d WHERE d.congress_id = \(congress.id) AND d.code = c.code)
                    UNION ALL
                    SELECT line, 'session', session FROM staging_suggestion st
                    WHERE session IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM session s WHERE s.congress_id = \(congress.id) AND s.code = st.session)
                ) problems ORDER BY line LIMIT 1
                """).rows.first {
                let what = try bad.decode(String.self, "what")
                throw Failure.ruleBroken("\(file) line \(try bad.decode(Int.self, "line")): \(what) \(try bad.decode(String.self, "code")) is not \(what == "session" ? "a session" : "a deputy") of \(congress.code)")
            }
            logger.debug("\(file): \(registrations.count) rows staged and checked")
            // Numbers follow the file's order within each series.
            var next: [String: Int] = [:]
            for series in Set(registrations.map(\.series.description)).sorted() {
                next[series] = try reserveNumbers(congress, series: series, count: registrations.filter { $0.series.description == series }.count)
            }
            var numbered: [(line: Int, number: String, seq: Int)] = []
            for (record, r) in zip(table.records, registrations) {
                let seq = next[r.series.description]!
                next[r.series.description] = seq + 1
                numbered.append((record.line, r.series.number(seq), seq))
            }
            try connection.execute("""
                UPDATE staging_suggestion st SET number = n.number, seq = n.seq
                FROM unnest(\(numbered.map(\.line))::integer[], \(numbered.map(\.number))::text[],
                            \(numbered.map(\.seq))::integer[]) AS n(line, number, seq)
                WHERE st.line = n.line
                """)
            return try connection.query("""
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
                    SELECT \(congress.id), s.suggestion_id, 1, 'registered', st.submitted_on, \(actor),
                           jsonb_build_object('number', st.number, 'title', st.title, 'deputy', st.deputy,
                                              'cosigners', to_jsonb(st.cosigners), 'session', st.session,
                                              'channel', st.channel, 'category', st.category, 'file', \(file)::text)
                    FROM s JOIN staging_suggestion st USING (number)
                )
                SELECT s.suggestion_id, s.number FROM s JOIN staging_suggestion st USING (number) ORDER BY st.line
                """).rows.map { Registered(id: try $0.decode(Int.self, "suggestion_id"), number: try $0.decode(String.self, "number")) }
        }
    }
}

extension String {
    /// "--title: the title is empty" → "title: the title is empty", for messages about CSV rows.
    func replacingFlagPrefix() -> String {
        hasPrefix("--") ? String(dropFirst(2)) : self
    }
}
