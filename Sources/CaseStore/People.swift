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

/// How an import went: rows new to the congress, and rows that updated an existing code.
public struct ImportCount: Sendable, Equatable {
    public let inserted: Int
    public let updated: Int

    public init(inserted: Int, updated: Int) {
        self.inserted = inserted
        self.updated = updated
    }
}

extension Store {
    public func addSession(_ congress: Congress, code: SessionCode, opened: Day, closed: Day) throws -> Session {
        guard closed >= opened else {
            throw Failure.badValue("--closed: \(closed) is before --opened \(opened)")
        }
        try translate({ $0.isUniqueViolation ? .ruleBroken("session \(code) already exists in \(congress.code)") : nil }) {
            try connection.execute("""
                INSERT INTO session (congress_id, code, term, meeting, opened_on, closed_on)
                VALUES (\(congress.id), \(code.description), \(code.term), \(code.meeting), \(opened), \(closed))
                """)
        }
        return Session(code: code.description, openedOn: opened, closedOn: closed)
    }

    public func sessions(_ congress: Congress) throws -> [Session] {
        try connection.query("""
            SELECT code, opened_on, closed_on FROM session WHERE congress_id = \(congress.id) ORDER BY term, meeting
            """).rows.map {
            Session(code: try $0.decode(String.self, "code"), openedOn: try $0.decode(Day.self, "opened_on"),
                    closedOn: try $0.decode(Day.self, "closed_on"))
        }
    }

    public func addDeputy(_ congress: Congress, code: String, name: String, delegation: String) throws -> Deputy {
        let deputy = try Self.deputy(code: code, name: name, delegation: delegation, place: "")
        try translate({ $0.isUniqueViolation ? .ruleBroken("deputy \(code) already exists in \(congress.code)") : nil }) {
            try connection.execute("""
                INSERT INTO deputy (congress_id, code, name, delegation)
                VALUES (\(congress.id), \(deputy.code), \(deputy.name), \(deputy.delegation))
                """)
        }
        return deputy
    }

    /// Adds or updates every deputy of a `code,name,delegation` file, all rows or none.
    public func importDeputies(_ congress: Congress, csv: String, file: String) throws -> ImportCount {
        let table = try CSVTable(csv, expecting: ["code", "name", "delegation"], file: file)
        let deputies = try table.records.map {
            try Self.deputy(code: $0(0), name: $0(1), delegation: $0(2), place: "\(file) line \($0.line): ")
        }
        return try upsert(
            congress, table: "deputy", columns: ["code", "name", "delegation"],
            rows: zip(table.records, deputies).map { ($0.line, [$1.code, $1.name, $1.delegation]) }, file: file)
    }

    public func deputies(_ congress: Congress) throws -> [Deputy] {
        try connection.query("SELECT code, name, delegation FROM deputy WHERE congress_id = \(congress.id) ORDER BY code").rows.map {
            Deputy(code: try $0.decode(String.self, "code"), name: try $0.decode(String.self, "name"),
                   delegation: try $0.decode(String.self, "delegation"))
        }
    }

    public func addUnit(_ congress: Congress, code: String, name: String, kind: UnitKind) throws -> HandlingUnit {
        let unit = try Self.unit(code: code, name: name, kind: kind.rawValue, place: "")
        try translate({ $0.isUniqueViolation ? .ruleBroken("unit \(code) already exists in \(congress.code)") : nil }) {
            try connection.execute("""
                INSERT INTO unit (congress_id, code, name, kind) VALUES (\(congress.id), \(unit.code), \(unit.name), \(unit.kind.rawValue))
                """)
        }
        return unit
    }

    /// Adds or updates every unit of a `code,name,kind` file, all rows or none.
    public func importUnits(_ congress: Congress, csv: String, file: String) throws -> ImportCount {
        let table = try CSVTable(csv, expecting: ["code", "name", "kind"], file: file)
        let units = try table.records.map {
            try Self.unit(code: $0(0), name: $0(1), kind: $0(2).isEmpty ? "government" : $0(2), place: "\(file) line \($0.line): ")
        }
        return try upsert(
            congress, table: "unit", columns: ["code", "name", "kind"],
            rows: zip(table.records, units).map { ($0.line, [$1.code, $1.name, $1.kind.rawValue]) }, file: file)
    }

    public func units(_ congress: Congress) throws -> [HandlingUnit] {
        try connection.query("SELECT code, name, kind FROM unit WHERE congress_id = \(congress.id) ORDER BY code").rows.map {
            HandlingUnit(code: try $0.decode(String.self, "code"), name: try $0.decode(String.self, "name"),
                         kind: UnitKind(rawValue: try $0.decode(String.self, "kind")) ?? .other)
        }
    }

    private static func deputy(code: String, name: String, delegation: String, place: String) throws -> Deputy {
        try requireCode(code, flag: place.isEmpty ? "CODE" : "\(place)code")
        let name = name.trimmingWhitespace()
        guard !name.isEmpty else { throw Failure.badValue("\(place.isEmpty ? "--name: " : place)the name of deputy \(code) is empty") }
        return Deputy(code: code, name: name, delegation: delegation.trimmingWhitespace())
    }

    private static func unit(code: String, name: String, kind: String, place: String) throws -> HandlingUnit {
        try requireCode(code, flag: place.isEmpty ? "CODE" : "\(place)code")
        let name = name.trimmingWhitespace()
        guard !name.isEmpty else { throw Failure.badValue("\(place.isEmpty ? "--name: " : place)the name of unit \(code) is empty") }
        let kind = try UnitKind.parse(kind, for: place.isEmpty ? "--kind" : "\(place)kind")
        return HandlingUnit(code: code, name: name, kind: kind)
    }

    /// Copies rows into a staging table, refuses a code given twice, then inserts or updates
    /// them in one statement.
    private func upsert(
        _ congress: Congress, table: String, columns: [String], rows: [(line: Int, fields: [String])], file: String
    ) throws -> ImportCount {
        let columnList = columns.joined(separator: ", ")
        return try connection.retryingTransaction { connection in
            try connection.execute(PostgresQuery(unsafeSQL: """
                CREATE TEMP TABLE staging (line integer, \(columns.map { "\($0) text" }.joined(separator: ", "))) ON COMMIT DROP
                """))
            try connection.copyIn(PostgresQuery(unsafeSQL: "COPY staging (line, \(columnList)) FROM STDIN")) { writer in
                for row in rows { try writer.writeRow([String(row.line)] + row.fields) }
            }
            let twice = try connection.query("""
                SELECT code, min(line) AS first, max(line) AS again FROM staging GROUP BY code HAVING count(*) > 1 ORDER BY 2 LIMIT 1
                """)
            if let row = twice.rows.first {
                throw Failure.ruleBroken("\(file) line \(try row.decode(Int.self, "again")): code \(try row.decode(String.self, "code")) is already on line \(try row.decode(Int.self, "first"))")
            }
            let updates = columns.dropFirst().map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
            let result = try connection.query(PostgresQuery(unsafeSQL: """
                INSERT INTO \(table) (congress_id, \(columnList))
                SELECT $1, \(columnList) FROM staging ORDER BY line
                ON CONFLICT (congress_id, code) DO UPDATE SET \(updates)
                RETURNING (xmax = 0) AS inserted
                """, binds: [congress.id.postgresBind]))
            let inserted = try result.rows.filter { try $0.decode(Bool.self, "inserted") }.count
            return ImportCount(inserted: inserted, updated: result.rows.count - inserted)
        }
    }
}

extension Day: PostgresBindable, PostgresDecodable {
    public static var postgresType: UInt32 { PostgresType.date }
    public var postgresText: String { description }
    public init?(postgresText: String) { self.init(postgresText) }
}
