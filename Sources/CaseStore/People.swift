import Casework
import Postgres

public struct Deputy: Sendable, Equatable {
    public let code: String
    public let name: String
    public let delegation: String
}

public struct HandlingUnit: Sendable, Equatable {
    public let code: String
    public let name: String
    public let kind: UnitKind
}

public struct Session: Sendable, Equatable {
    public let code: String
    public let openedOn: Day
    public let closedOn: Day
}

/// How an import went: rows new to the congress, rows that updated an existing code, and
/// rows equal to what the congress already had.
public struct ImportCount: Sendable, Equatable {
    public let inserted: Int
    public let updated: Int
    public let unchanged: Int

    public init(inserted: Int, updated: Int, unchanged: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
    }
}

extension Store {
    public func addSession(_ congress: Congress, code: SessionCode, opened: Day, closed: Day) throws -> Session {
        guard closed >= opened else {
            throw SetupError.sessionClosesBeforeOpening(opened: opened, closed: closed)
        }
        try translate({ $0.isUniqueViolation ? ConflictError.duplicate(.session, code: code.description, congress: congress.code) : nil }) {
            try connection.execute("""
                INSERT INTO session (congress_id, code, term, meeting, opened_on, closed_on)
                VALUES (\(congress.id), \(code.description), \(code.term), \(code.meeting), \(opened), \(closed))
                """)
        }
        return Session(code: code.description, openedOn: opened, closedOn: closed)
    }

    public func sessions(_ congress: Congress) throws -> [Session] {
        try connection.query("""
            SELECT code, opened_on, closed_on FROM session WHERE \(congress.scope) ORDER BY term, meeting
            """).rows.map {
            Session(code: try $0.decode(String.self, "code"), openedOn: try $0.decode(Day.self, "opened_on"),
                    closedOn: try $0.decode(Day.self, "closed_on"))
        }
    }

    public func addDeputy(_ congress: Congress, code: String, name: String, delegation: String?) throws -> Deputy {
        let deputy = try Self.deputy(code: code, name: name, delegation: delegation)
        try translate({ $0.isUniqueViolation ? ConflictError.duplicate(.deputy, code: code, congress: congress.code) : nil }) {
            try connection.execute("""
                INSERT INTO deputy (congress_id, code, name, delegation)
                VALUES (\(congress.id), \(deputy.code), \(deputy.name), \(deputy.delegation))
                """)
        }
        return deputy
    }

    /// Adds or updates every deputy of a `code,name,delegation` file, all rows or none: a code
    /// the congress has is updated to the file's name and delegation (counted as unchanged
    /// when they are the same), so importing a file twice changes nothing.
    public func importDeputies(_ congress: Congress, csv: some CSVSource, file: String) throws -> ImportCount {
        var table = try CSVTable(csv, expecting: ["code", "name", "delegation"], file: file)
        let rows = try table.checkedRows { record in
            let deputy = try Self.deputy(code: record(0), name: record(1), delegation: record(2))
            return [deputy.code, deputy.name, deputy.delegation]
        }
        return try upsert(congress, table: "deputy", columns: ["code", "name", "delegation"], rows: rows, problems: table.problems)
    }

    public func deputies(_ congress: Congress) throws -> [Deputy] {
        try connection.query("SELECT code, name, delegation FROM deputy WHERE \(congress.scope) ORDER BY code").rows.map {
            Deputy(code: try $0.decode(String.self, "code"), name: try $0.decode(String.self, "name"),
                   delegation: try $0.decode(String.self, "delegation"))
        }
    }

    public func addUnit(_ congress: Congress, code: String, name: String, kind: UnitKind) throws -> HandlingUnit {
        let unit = try Self.unit(code: code, name: name, kind: kind.rawValue)
        try translate({ $0.isUniqueViolation ? ConflictError.duplicate(.unit, code: code, congress: congress.code) : nil }) {
            try connection.execute("""
                INSERT INTO unit (congress_id, code, name, kind) VALUES (\(congress.id), \(unit.code), \(unit.name), \(unit.kind))
                """)
        }
        return unit
    }

    /// Adds or updates every unit of a `code,name,kind` file, all rows or none (as deputies).
    public func importUnits(_ congress: Congress, csv: some CSVSource, file: String) throws -> ImportCount {
        var table = try CSVTable(csv, expecting: ["code", "name", "kind"], file: file)
        let rows = try table.checkedRows { record in
            let unit = try Self.unit(code: record(0), name: record(1), kind: record(2).isEmpty ? "government" : record(2))
            return [unit.code, unit.name, unit.kind.rawValue]
        }
        return try upsert(congress, table: "unit", columns: ["code", "name", "kind"], rows: rows, problems: table.problems)
    }

    public func units(_ congress: Congress) throws -> [HandlingUnit] {
        try connection.query("SELECT code, name, kind FROM unit WHERE \(congress.scope) ORDER BY code").rows.map {
            HandlingUnit(code: try $0.decode(String.self, "code"), name: try $0.decode(String.self, "name"),
                         kind: try $0.decode(UnitKind.self, "kind"))
        }
    }

    private static func deputy(code: String, name: String, delegation: String?) throws -> Deputy {
        try requireCode(code)
        let name = try Text.required(name, field: .deputyName(code: code))
        let delegation = try Text.optional(delegation, field: .delegation)
        return Deputy(code: code, name: name, delegation: delegation ?? "")
    }

    private static func unit(code: String, name: String, kind: String) throws -> HandlingUnit {
        try requireCode(code)
        let name = try Text.required(name, field: .unitName(code: code))
        guard let unitKind = UnitKind(rawValue: kind) else {
            throw InputError.notOneOf(.unitKind, value: kind, choices: UnitKind.allCases.map(\.rawValue))
        }
        return HandlingUnit(code: code, name: name, kind: unitKind)
    }

    /// Copies rows into a staging table, adds every code given twice to the file's problems,
    /// refuses the file if any row is bad, then inserts or updates in one statement; a row
    /// equal to the one stored is left alone and counted as unchanged.
    private func upsert(
        _ congress: Congress, table: String, columns: [String], rows: [(line: Int, fields: [String])], problems: RowProblems
    ) throws -> ImportCount {
        let columnList = columns.joined(separator: ", ")
        return try connection.retryingTransaction { connection in
            // Each attempt starts from the file's own problems: a retry must not keep what
            // an attempt that was rolled back found.
            var problems = problems
            try connection.execute(PostgresQuery(unsafeSQL: """
                CREATE TEMP TABLE staging (line integer, \(columns.map { "\($0) text" }.joined(separator: ", "))) ON COMMIT DROP
                """))
            try connection.copyIn(PostgresQuery(unsafeSQL: "COPY staging (line, \(columnList)) FROM STDIN")) { writer in
                for row in rows { try writer.writeRow([String(row.line)] + row.fields) }
            }
            for row in try connection.query("""
                SELECT line, code, first FROM (SELECT line, code, min(line) OVER (PARTITION BY code) AS first FROM staging) s
                WHERE line <> first ORDER BY line
                """).rows {
                let code = try row.decode(String.self, "code")
                problems.add(line: try row.decode(Int.self, "line"), column: 0,
                             "code \(code) is already on line \(try row.decode(Int.self, "first"))", value: code)
            }
            try problems.check()
            let updates = columns.dropFirst().map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
            let changed = columns.dropFirst().map { "\(table).\($0) IS DISTINCT FROM EXCLUDED.\($0)" }.joined(separator: " OR ")
            // The table and column names are the callers' constants; the congress is a parameter.
            let result = try connection.query(
                PostgresQuery(unsafeSQL: "INSERT INTO \(table) (congress_id, \(columnList))\nSELECT ") + "\(congress.id), "
                + PostgresQuery(unsafeSQL: """
                    \(columnList) FROM staging ORDER BY line
                    ON CONFLICT (congress_id, code) DO UPDATE SET \(updates) WHERE \(changed)
                    RETURNING (xmax = 0) AS inserted
                    """))
            let inserted = try result.rows.filter { try $0.decode(Bool.self, "inserted") }.count
            return ImportCount(inserted: inserted, updated: result.rows.count - inserted, unchanged: rows.count - result.rows.count)
        }
    }
}

extension Day: PostgresBindable, PostgresDecodable {
    public static var postgresType: UInt32 { PostgresType.date }
    public var postgresText: String { description }
    public init?(postgresText: String) { self.init(postgresText) }
}
