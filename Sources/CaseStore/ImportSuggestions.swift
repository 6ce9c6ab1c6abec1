import Casework
import Postgres

/// What `import suggestions` did: how many cases it registered (their numbers from `first` to
/// `last` in file order), and how many rows it skipped as already registered (with
/// `skipExisting`).
public struct SuggestionImport: Sendable, Equatable {
    public let registered: Int
    public let first: String?
    public let last: String?
    public let skipped: Int
}

/// How far an import has read: rows, and bytes of the file.
public typealias ImportProgress = (_ rows: Int, _ bytes: Int) -> Void

extension Store {
    static let suggestionColumns = ["title", "deputy", "cosigners", "session", "channel", "category", "body", "submitted_on"]

    /// Serializes imports within a congress, so that two runs of the same file cannot both
    /// find its rows new.
    static func importLock(_ congress: Congress) -> Int64 { 0x6A79_696D_0000_0000 + Int64(congress.id) }

    /// Registers every suggestion of a CSV file, numbered in file order within each series:
    /// all rows or none.
    public func importSuggestions(
        _ congress: Congress, csv: some CSVSource, file: String, defaultDay: Day
    ) throws -> [Registered] {
        var registered: [Registered] = []
        _ = try importSuggestions(congress, source: .bytes(csv.csvBytes), file: file, defaultDay: defaultDay,
                                  skipExisting: false, each: { registered.append($0) })
        return registered
    }

    /// The same, streamed: the file goes row by row into COPY, in constant memory whatever its
    /// size, and is checked, numbered and registered in set-based SQL in one transaction.
    ///
    /// Every bad row is reported at once (the first `RowProblems.limit` by line, and a count).
    /// A row already registered — with the same `ref` (the old platform's id, an optional last
    /// column) where the row has one; otherwise with the same deputy, series (session, or
    /// recess year) and title as a case of the congress without a ref, or as an earlier row
    /// of the file — is a bad row, or with `skipExisting` is skipped, so importing a file
    /// twice never registers a suggestion twice. A `submitted_on` after `today` (when given)
    /// is refused, as any step dated in the future. A row's typed refusal (of the
    /// registration, of its day) is listed for the front end to word (`RowRefusals`).
    ///
    /// `each`, when given, receives every registered case in file order once the import is
    /// committed; `progress` is called as the file is read.
    @discardableResult
    public func importSuggestions(
        _ congress: Congress, source: ImportSource, file: String, defaultDay: Day, today: Day? = nil,
        skipExisting: Bool, progress: ImportProgress? = nil, each: ((Registered) throws -> Void)? = nil
    ) throws -> SuggestionImport {
        let result = try connection.retryingTransaction { connection in
            try connection.advisoryLock(Self.importLock(congress))
            try connection.execute("DROP TABLE IF EXISTS import_case")
            try connection.execute("""
                CREATE TEMP TABLE staging_suggestion (
                    line integer, title text, body text, deputy text, cosigners text[], session text, channel text,
                    station text, category text, submitted_on date, series text, ref text, publish boolean
                ) ON COMMIT DROP
                """)
            var problems = try stage(connection, source: source, file: file, defaultDay: defaultDay, today: today, progress: progress)
            try connection.execute("ANALYZE staging_suggestion")
            try findRepeats(congress, connection)
            problems.add(contentsOf: try badCodesAndRepeats(congress, connection, columns: problems.columns, skipExisting: skipExisting))
            try problems.check()
            return try register(congress, connection, file: file)
        }
        if let each {
            defer { _ = try? connection.execute("DROP TABLE IF EXISTS import_case") }
            try readRegistered(each)
        }
        try connection.execute("DROP TABLE IF EXISTS import_case")
        return result
    }

    /// Reads the file into `staging_suggestion` through COPY, checking each row as
    /// `register` checks its values; returns the file's bad rows (left out of the table).
    private func stage(
        _ connection: Connection, source: ImportSource, file: String, defaultDay: Day, today: Day?, progress: ImportProgress?
    ) throws -> RowProblems {
        var problems: RowProblems?
        var rows = 0
        try connection.copyIn("COPY staging_suggestion FROM STDIN") { writer in
            let header = try source.rows(expecting: Self.suggestionColumns, optional: ["ref", "publish"], file: file) { header, row, bytes in
                if problems == nil { problems = RowProblems(file: file, columns: header.names) }
                rows += 1
                if rows % 4096 == 0 { progress?(rows, bytes) }
                if let problem = header.problem(of: row) {
                    problems!.add(line: row.line, column: problem.column, problem.why, row: row.fields)
                    return
                }
                let record = CSVTable.Record(line: row.line, fields: row.fields)
                let ref = header.index(of: "ref").map { record($0) }.flatMap { $0.isEmpty ? nil : $0 }
                let publish = header.index(of: "publish").map { record($0) } ?? ""
                guard let r = try problems!.checking(line: row.line, row: row.fields, {
                    try Self.registration(record, defaultDay: defaultDay, today: today, publish: publish)
                }) else { return }
                try writer.writeRow([String(row.line), r.title, r.body, r.deputy, r.cosigners.postgresText,
                                     r.session?.description, r.channel.rawValue, r.station, r.category,
                                     r.submittedOn.description, r.series.description, ref, r.publish.map { $0 ? "t" : "f" }])
            }
            if problems == nil { problems = RowProblems(file: file, columns: header.names) }
        }
        progress?(rows, source.size ?? 0)
        guard rows > 0 else { throw CSVHeader.noRows(file) }
        return problems!
    }

    /// A row's values as `register` takes them.
    static func registration(_ record: CSVTable.Record, defaultDay: Day, today: Day?, publish: String = "") throws -> Registration {
        let session = record(3).isEmpty ? nil : try SessionCode.parse(record(3), for: "session")
        let channel = record(4).isEmpty ? nil : try Channel.parse(record(4), for: "channel")
        let day = record(7).isEmpty ? defaultDay : try Day.parse(record(7), for: "submitted_on")
        if let today { try StepDate.checkNotAfterToday(day, today: today) }
        return try Registration(
            title: record(0), body: record(6), deputy: record(1),
            cosigners: record(2).split(separator: ";").map(String.init),
            session: session, channel: channel, category: record(5), submittedOn: day,
            publish: publish.isEmpty ? nil : try PublishConsent.parse(publish, for: "publish").consents)
    }

    /// Fills `import_repeat` with the staged rows already registered: by ref where the row
    /// has one, else by deputy, series and title (a case without a ref, or an earlier row of
    /// the file without one). `existing` is the case's number, `first` the earlier row's line.
    private func findRepeats(_ congress: Congress, _ connection: Connection) throws {
        try connection.execute("""
            CREATE TEMP TABLE import_repeat ON COMMIT DROP AS
            SELECT DISTINCT ON (line) line, existing, first, by_ref FROM (
                SELECT st.line, s.number AS existing, NULL::integer AS first, true AS by_ref, 0 AS rank, s.seq
                FROM staging_suggestion st JOIN suggestion s ON \(congress.scope("s")) AND s.ref = st.ref
                UNION ALL
                SELECT st.line, s.number, NULL, false, 1, s.seq
                FROM staging_suggestion st
                JOIN suggestion s ON \(congress.scope("s")) AND s.deputy_code = st.deputy AND s.series = st.series
                                 AND md5(s.title) = md5(st.title) AND s.title = st.title
                WHERE st.ref IS NULL OR s.ref IS NULL
                UNION ALL
                SELECT line, NULL, first, by_ref, 2, 0 FROM (
                    SELECT line, ref IS NOT NULL AS by_ref,
                           min(line) OVER (PARTITION BY ref IS NULL, CASE WHEN ref IS NULL THEN deputy END,
                                           CASE WHEN ref IS NULL THEN series END,
                                           CASE WHEN ref IS NULL THEN title ELSE ref END) AS first
                    FROM staging_suggestion
                ) f WHERE line <> first
            ) found ORDER BY line, rank, seq
            """)
    }

    /// The staged rows that name an unknown deputy, co-signer or session, and (unless
    /// skipped) the repeats: each row's first problem, the first `limit` by line and a count.
    private func badCodesAndRepeats(
        _ congress: Congress, _ connection: Connection, columns: [String], skipExisting: Bool
    ) throws -> RowProblems {
        var problems = RowProblems(file: "", columns: columns)
        let found = try connection.query("""
            WITH p AS (
                SELECT line, 0 AS rank, 0::bigint AS position, 'deputy' AS what, deputy AS code, NULL::integer AS first
                FROM staging_suggestion st
                WHERE NOT EXISTS (SELECT 1 FROM deputy d WHERE \(congress.scope("d")) AND d.code = st.deputy)
                UNION ALL
                SELECT line, 1, c.position, 'cosigners', c.code, NULL
                FROM staging_suggestion st, unnest(st.cosigners) WITH ORDINALITY AS c(code, position)
                WHERE NOT EXISTS (SELECT 1 FROM deputy d WHERE \(congress.scope("d")) AND d.code = c.code)
                UNION ALL
                SELECT line, 2, 0, 'session', session, NULL FROM staging_suggestion st
                WHERE session IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM session s WHERE \(congress.scope("s")) AND s.code = st.session)
                UNION ALL
                SELECT r.line, 3, 0, CASE WHEN by_ref THEN 'ref' END, CASE WHEN by_ref THEN st.ref ELSE existing END, first
                FROM import_repeat r JOIN staging_suggestion st USING (line) WHERE NOT \(skipExisting)
            ), firsts AS (
                SELECT DISTINCT ON (line) line, what, code, first FROM p ORDER BY line, rank, position
            )
            SELECT line, what, code, first, count(*) OVER () AS total FROM firsts ORDER BY line LIMIT \(RowProblems.limit)
            """).rows
        for bad in found {
            let line = try bad.decode(Int.self, "line")
            let what = try bad.decode(String?.self, "what")
            let code = try bad.decode(String?.self, "code")
            let first = try bad.decode(Int?.self, "first")
            switch (what, code, first) {
            case ("ref"?, let ref?, let first?):
                problems.add(line: line, column: columns.firstIndex(of: "ref"), "ref \(ref) is already on line \(first)", value: ref)
            case ("ref"?, let ref?, nil):
                problems.add(line: line, column: columns.firstIndex(of: "ref"),
                             "ref \(ref) is already imported; leave the row out, or skip the rows already imported", value: ref)
            case (nil, let existing?, _):
                problems.add(line: line, refused: ConflictError.suggestionRegistered(as: existing))
            case (nil, nil, let first?):
                problems.add(line: line, refused: ConflictError.suggestionRepeated(line: first))
            case (let what?, let code?, _):
                problems.add(line: line, column: columns.firstIndex(of: what),
                             "\(code) is not \(what == "session" ? "a session" : "a deputy") of \(congress.code)", value: code)
            default:
                continue
            }
        }
        if let total = try found.first?.decode(Int.self, "total"), total > found.count {
            problems.add(unlisted: total - found.count)
        }
        return problems
    }

    /// Numbers the new rows in file order within each series, from the series' counter, and
    /// registers them: the cases (ids in file order, as one INSERT of them in that order
    /// gives), their co-signers and their first events.
    private func register(_ congress: Congress, _ connection: Connection, file: String) throws -> SuggestionImport {
        let skipped = try connection.query("SELECT count(*) AS n FROM import_repeat").rows[0].decode(Int.self, "n")
        try connection.execute("""
            CREATE TEMP TABLE import_start ON COMMIT DROP AS
            WITH counts AS (
                SELECT series, count(*) AS n FROM staging_suggestion st
                WHERE NOT EXISTS (SELECT 1 FROM import_repeat r WHERE r.line = st.line)
                GROUP BY series
            ), reserved AS (
                INSERT INTO number_counter (congress_id, series, last_value)
                SELECT \(congress.id), series, n FROM counts ORDER BY series
                ON CONFLICT (congress_id, series) DO UPDATE SET last_value = number_counter.last_value + EXCLUDED.last_value
                RETURNING series, last_value
            )
            SELECT series, last_value - n + 1 AS start FROM reserved JOIN counts USING (series)
            """)
        try connection.execute("""
            CREATE TEMP TABLE import_case AS
            SELECT nextval(pg_get_serial_sequence('suggestion', 'suggestion_id')) AS id, n.*,
                   n.series || '-' || CASE WHEN n.seq < 1000 THEN lpad(n.seq::text, 4, '0') ELSE n.seq::text END AS number
            FROM (
                SELECT st.*, c.start + row_number() OVER (PARTITION BY st.series ORDER BY st.line) - 1 AS seq
                FROM staging_suggestion st JOIN import_start c USING (series)
                WHERE NOT EXISTS (SELECT 1 FROM import_repeat r WHERE r.line = st.line)
                ORDER BY st.line OFFSET 0
            ) n
            """)
        try connection.execute("""
            INSERT INTO suggestion (congress_id, suggestion_id, number, series, seq, title, body, deputy_code, session_code,
                                    channel, station, category, submitted_on, ref)
            OVERRIDING SYSTEM VALUE
            SELECT \(congress.id), id, number, series, seq, title, body, deputy, session, channel, station, category,
                   submitted_on, ref
            FROM import_case ORDER BY line
            """)
        try connection.execute("""
            INSERT INTO publication (congress_id, suggestion_id, consent, consent_on)
            SELECT \(congress.id), id, publish, submitted_on FROM import_case WHERE publish IS NOT NULL
            """)
        try connection.execute("""
            INSERT INTO suggestion_cosigner (congress_id, suggestion_id, position, deputy_code)
            SELECT \(congress.id), id, c.position, c.code
            FROM import_case, unnest(cosigners) WITH ORDINALITY AS c(code, position)
            """)
        try connection.execute("""
            INSERT INTO case_event (congress_id, suggestion_id, event_no, kind, on_date, actor, data)
            SELECT \(congress.id), id, 1, \(EventKind.registered), submitted_on, \(actor),
                   jsonb_build_object('number', number, 'title', title, 'deputy', deputy,
                                      'cosigners', to_jsonb(cosigners), 'session', session,
                                      'channel', channel, 'category', category, 'file', \(file)::text)
            FROM import_case
            """)
        let summary = try connection.query("""
            SELECT count(*) AS n,
                   (SELECT number FROM import_case ORDER BY line LIMIT 1) AS first,
                   (SELECT number FROM import_case ORDER BY line DESC LIMIT 1) AS last
            FROM import_case
            """).rows[0]
        let registered = try summary.decode(Int.self, "n")
        logger.debug("\(file): \(registered) rows registered, \(skipped) skipped")
        return SuggestionImport(registered: registered, first: try summary.decode(String?.self, "first"),
                                last: try summary.decode(String?.self, "last"), skipped: skipped)
    }

    /// Hands on the registered cases in file order, streamed from the committed import.
    private func readRegistered(_ each: (Registered) throws -> Void) throws {
        var pending: [UInt8] = []
        var failure: Error?
        try connection.copyOut("COPY (SELECT id, number FROM import_case ORDER BY line) TO STDOUT") { chunk in
            guard failure == nil else { return }
            pending.append(contentsOf: chunk)
            var start = 0
            while let end = pending[start...].firstIndex(of: 0x0A) {
                let line = pending[start..<end]
                if let tab = line.firstIndex(of: 0x09), let id = Int(String(decoding: line[..<tab], as: UTF8.self)) {
                    do { try each(Registered(id: id, number: String(decoding: line[(tab + 1)...], as: UTF8.self))) } catch {
                        failure = error
                        return
                    }
                }
                start = end + 1
            }
            pending.removeFirst(start)
        }
        if let failure { throw failure }
    }
}
