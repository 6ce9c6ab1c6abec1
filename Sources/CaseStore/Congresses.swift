import Casework
import Postgres

/// A congress: the tenant every other row belongs to.
public struct Congress: Sendable, Equatable {
    public let id: Int
    public let code: String
    public let name: String
    public let level: CongressLevel
    public let timeZone: String

    init(row: Row) throws {
        id = try row.decode(Int.self, "congress_id")
        code = try row.decode(String.self, "code")
        name = try row.decode(String.self, "name")
        level = try row.decode(CongressLevel.self, "level")
        timeZone = try row.decode(String.self, "time_zone")
    }
}

extension Store {
    /// Creates a congress and gives it a copy of the official holiday calendars.
    public func addCongress(code: String, name: String, level: CongressLevel, timeZone: String) throws -> Congress {
        try requireCode(code)
        let name = try Text.required(name, field: .congressName)
        return try connection.retryingTransaction { connection in
            let valid = try connection.query("SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = \(timeZone)) AS valid")
            guard try valid.rows[0].decode(Bool.self, "valid") else {
                throw SetupError.unknownTimeZone(timeZone)
            }
            let inserted = try translate({ $0.isUniqueViolation ? ConflictError.duplicate(.congress, code: code, congress: nil) : nil }) {
                try connection.query("""
                    INSERT INTO congress (code, name, level, time_zone)
                    VALUES (\(code), \(name), \(level), \(timeZone))
                    RETURNING congress_id, code, name, level, time_zone
                    """)
            }
            let congress = try Congress(row: inserted.rows[0])
            try connection.execute("""
                INSERT INTO calendar_year (congress_id, year, source)
                SELECT DISTINCT \(congress.id), extract(year FROM day)::integer, 'official' FROM official_calendar_day
                """)
            try connection.execute("""
                INSERT INTO calendar_day (congress_id, day, kind, name)
                SELECT \(congress.id), day, kind, name FROM official_calendar_day
                """)
            return congress
        }
    }

    public func congresses() throws -> [Congress] {
        try connection.query("SELECT congress_id, code, name, level, time_zone FROM congress ORDER BY code")
            .rows.map(Congress.init(row:))
    }

    /// The congress named by `code`, or the only one when no code is given.
    public func congress(_ code: String?) throws -> Congress {
        let all = try congresses()
        if let code {
            guard let congress = all.first(where: { $0.code == code }) else {
                throw LookupError.noSuchCongress(code: code, known: all.map(\.code))
            }
            return congress
        }
        switch all.count {
        case 0:
            throw LookupError.noCongressYet
        case 1:
            return all[0]
        default:
            throw LookupError.severalCongresses(known: all.map(\.code))
        }
    }
}

/// Codes are short ASCII identifiers: they go into numbers, file names and CSV keys.
func requireCode(_ code: String) throws(InputError) {
    let allowed = code.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)) }
    guard !code.isEmpty, code.count <= 32, allowed else { throw .notACode(code) }
}
