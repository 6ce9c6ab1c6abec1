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

extension Store {
    /// Replaces the congress's calendar for every year the `date,kind,name` file names,
    /// all rows or none. Returns the number of rows per year.
    public func importCalendar(_ congress: Congress, csv: String, file: String) throws -> [(year: Int, days: Int)] {
        let table = try CSVTable(csv, expecting: ["date", "kind", "name"], file: file)
        var seen: [Day: Int] = [:]
        let entries = try table.records.map { record -> WorkCalendar.Entry in
            let place = "\(file) line \(record.line)"
            guard let day = Day(record(0)) else {
                throw Failure.ruleBroken("\(place): '\(record(0))' is not a date (YYYY-MM-DD)")
            }
            guard let kind = CalendarDayKind(rawValue: record(1)) else {
                throw Failure.ruleBroken("\(place): kind '\(record(1))' is not off or work")
            }
            if let first = seen.updateValue(record.line, forKey: day) {
                throw Failure.ruleBroken("\(place): \(day) is already on line \(first)")
            }
            let entry = WorkCalendar.Entry(day: day, kind: kind, name: record(2))
            do { try WorkCalendar.validate(entry) } catch let failure as Failure {
                throw Failure.ruleBroken("\(place): \(failure.message)")
            }
            return entry
        }
        guard !entries.isEmpty else { throw Failure.ruleBroken("\(file): no days in the file") }
        let years = Array(Set(entries.map(\.day.year))).sorted()
        try connection.retryingTransaction { connection in
            try connection.execute("""
                DELETE FROM calendar_day WHERE congress_id = \(congress.id) AND year = ANY(\(years)::integer[])
                """)
            try connection.execute("""
                INSERT INTO calendar_year (congress_id, year, source)
                SELECT \(congress.id), unnest(\(years)::integer[]), 'import'
                ON CONFLICT (congress_id, year) DO UPDATE SET source = 'import', loaded_at = now()
                """)
            try connection.copyIn("COPY calendar_day (congress_id, day, kind, name) FROM STDIN") { writer in
                for entry in entries {
                    try writer.writeRow([String(congress.id), entry.day.description, entry.kind.rawValue, entry.name])
                }
            }
        }
        return years.map { year in (year, entries.filter { $0.day.year == year }.count) }
    }

    /// The calendar for the given years (days off and makeup working days).
    public func workCalendar(_ congress: Congress, years: ClosedRange<Int>) throws -> WorkCalendar {
        let held = try connection.query("""
            SELECT year FROM calendar_year WHERE congress_id = \(congress.id) AND year BETWEEN \(years.lowerBound) AND \(years.upperBound)
            """).rows.map { try $0.decode(Int.self, "year") }
        let entries = try connection.query("""
            SELECT day, kind, name FROM calendar_day
            WHERE congress_id = \(congress.id) AND year BETWEEN \(years.lowerBound) AND \(years.upperBound)
            ORDER BY day
            """).rows.map { row in
            WorkCalendar.Entry(
                day: try row.decode(Day.self, "day"),
                kind: CalendarDayKind(rawValue: try row.decode(String.self, "kind")) ?? .off,
                name: try row.decode(String.self, "name"))
        }
        return WorkCalendar(years: Set(held), entries: entries)
    }

    public func calendarYear(_ congress: Congress, year: Int) throws -> CalendarYear {
        let source = try connection.query("""
            SELECT source FROM calendar_year WHERE congress_id = \(congress.id) AND year = \(year)
            """).rows.first?.decode(String.self, "source")
        let calendar = try workCalendar(congress, years: year...year)
        let first = Day(year: year, month: 1, day: 1)!
        let count = Day.isLeap(year) ? 366 : 365
        let working = (0..<count).filter { calendar.isWorkingDay(first.adding(days: $0)) }.count
        let entries = (0..<count).compactMap { calendar.entry(first.adding(days: $0)) }
        return CalendarYear(year: year, source: source, entries: entries, workingDays: working)
    }
}
