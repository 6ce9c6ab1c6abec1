import Casework
import Postgres

/// A year of a congress's calendar as `calendar show` reports it.
public struct CalendarYear: Sendable {
    public let year: Int
    /// Where the year came from (`official`, `import`), or nil when the calendar lacks it.
    public let source: String?
    public let entries: [WorkCalendar.Entry]
    public let workingDays: Int
}

/// What `calendar import` did to one year of the congress's calendar.
public struct CalendarYearImport: Sendable, Equatable {
    public let year: Int
    public internal(set) var added = 0
    public internal(set) var corrected = 0
    public internal(set) var unchanged = 0
    /// The days `--replace-year` took out because the file does not list them.
    public internal(set) var removed: [WorkCalendar.Entry] = []

    /// The days of the file in this year.
    public var days: Int { added + corrected + unchanged }
}

extension Store {
    /// Serializes calendar imports within a congress: a second waits for the first.
    static func calendarLock(_ congress: Congress) -> Int64 { 0x6A79_6361_0000_0000 + Int64(congress.id) }

    /// Adds the days of a `date,kind,name` file to the congress's calendar and corrects the
    /// days it already has (by date), all rows or none; official days the file does not list
    /// stay. With `replaceYears`, each year the file names becomes exactly the file's days, and
    /// the days taken out are returned.
    public func importCalendar(_ congress: Congress, csv: some CSVSource, file: String, replaceYears: Bool = false) throws -> [CalendarYearImport] {
        var table = try CSVTable(csv, expecting: ["date", "kind", "name"], file: file)
        var seen: [Day: Int] = [:]
        var entries: [(line: Int, entry: WorkCalendar.Entry)] = []
        for record in table.records {
            let day: Day
            do { day = try Day.parse(record(0), for: "date") } catch let failure as Failure {
                table.problems.add(line: record.line, failure)
                continue
            }
            guard let kind = CalendarDayKind(rawValue: record(1)) else {
                table.problems.add(line: record.line, column: 1, "kind \(Text.printable(record(1))) is not off or work")
                continue
            }
            if let first = seen.updateValue(record.line, forKey: day) {
                table.problems.add(line: record.line, column: 0, "\(day) is already on line \(first)")
                continue
            }
            let entry = try table.problems.checking(line: record.line) {
                let entry = WorkCalendar.Entry(day: day, kind: kind, name: try Text.optional(record(2), field: .holidayName) ?? "")
                try WorkCalendar.validate(entry)
                return entry
            }
            if let entry { entries.append((record.line, entry)) }
        }
        try table.problems.check()
        let years = Array(Set(entries.map(\.entry.day.year))).sorted()
        let result = try connection.retryingTransaction { connection in
            // Counted afresh by each attempt: a retry must not add to a rolled-back one's.
            var result: [Int: CalendarYearImport] = [:]
            try connection.advisoryLock(Self.calendarLock(congress))
            try connection.execute("""
                CREATE TEMP TABLE staging_day (day date PRIMARY KEY, kind text, name text) ON COMMIT DROP
                """)
            try connection.copyIn("COPY staging_day (day, kind, name) FROM STDIN") { writer in
                for (_, entry) in entries { try writer.writeRow([entry.day.description, entry.kind.rawValue, entry.name]) }
            }
            if replaceYears {
                for row in try connection.query("""
                    DELETE FROM calendar_day c WHERE \(congress.scope) AND year = ANY(\(years)::integer[])
                      AND NOT EXISTS (SELECT 1 FROM staging_day s WHERE s.day = c.day)
                    RETURNING day, kind, name
                    """).rows {
                    let entry = WorkCalendar.Entry(day: try row.decode(Day.self, "day"),
                                                   kind: try row.decode(CalendarDayKind.self, "kind"),
                                                   name: try row.decode(String.self, "name"))
                    result[entry.day.year, default: CalendarYearImport(year: entry.day.year)].removed.append(entry)
                }
            }
            try connection.execute("""
                INSERT INTO calendar_year (congress_id, year, source)
                SELECT \(congress.id), unnest(\(years)::integer[]), 'import'
                ON CONFLICT (congress_id, year) DO UPDATE SET source = 'import', loaded_at = now()
                """)
            for row in try connection.query("""
                INSERT INTO calendar_day AS c (congress_id, day, kind, name)
                SELECT \(congress.id), day, kind, name FROM staging_day ORDER BY day
                ON CONFLICT (congress_id, day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name
                    WHERE (c.kind, c.name) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name)
                RETURNING extract(year FROM day)::integer AS year, (xmax = 0) AS inserted
                """).rows {
                let year = try row.decode(Int.self, "year")
                var counts = result[year, default: CalendarYearImport(year: year)]
                if try row.decode(Bool.self, "inserted") { counts.added += 1 } else { counts.corrected += 1 }
                result[year] = counts
            }
            return result
        }
        let given = Dictionary(grouping: entries, by: \.entry.day.year).mapValues(\.count)
        return years.map { year in
            var counts = result[year, default: CalendarYearImport(year: year)]
            counts.unchanged = given[year, default: 0] - counts.added - counts.corrected
            counts.removed.sort { $0.day < $1.day }
            return counts
        }
    }

    /// The calendar for the given years (days off and makeup working days).
    public func workCalendar(_ congress: Congress, years: ClosedRange<Int>) throws -> WorkCalendar {
        let held = try connection.query("""
            SELECT year FROM calendar_year WHERE \(congress.scope) AND year BETWEEN \(years.lowerBound) AND \(years.upperBound)
            """).rows.map { try $0.decode(Int.self, "year") }
        let entries = try connection.query("""
            SELECT day, kind, name FROM calendar_day
            WHERE \(congress.scope) AND year BETWEEN \(years.lowerBound) AND \(years.upperBound)
            ORDER BY day
            """).rows.map { row in
            WorkCalendar.Entry(
                day: try row.decode(Day.self, "day"),
                kind: try row.decode(CalendarDayKind.self, "kind"),
                name: try row.decode(String.self, "name"))
        }
        return WorkCalendar(years: Set(held), entries: entries)
    }

    public func calendarYear(_ congress: Congress, year: Int) throws -> CalendarYear {
        let source = try connection.query("""
            SELECT source FROM calendar_year WHERE \(congress.scope) AND year = \(year)
            """).rows.first?.decode(String.self, "source")
        let calendar = try workCalendar(congress, years: year...year)
        guard let first = Day(year: year, month: 1, day: 1) else {
            throw SetupError.yearOutOfRange(year)
        }
        let count = Day.isLeap(year) ? 366 : 365
        let working = (0..<count).filter { calendar.isWorkingDay(first.adding(days: $0)) }.count
        let entries = (0..<count).compactMap { calendar.entry(first.adding(days: $0)) }
        return CalendarYear(year: year, source: source, entries: entries, workingDays: working)
    }
}
