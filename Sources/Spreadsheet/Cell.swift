import Casework

/// A value in a sheet, typed by what it is, never guessed from how it looks.
public enum Cell: Sendable, Equatable {
    /// Text as given: a name, a title, a code (`5-4`, `D001`, `0012` stay text, never a date or
    /// a number), written as a string cell with the text format `@`, never as a formula.
    case text(String)
    case integer(Int)
    /// A number shown with `places` decimals (a score).
    case decimal(Double, places: Int)
    /// A fraction shown as a percentage with one decimal (`0.0%`); nil leaves the cell empty
    /// (nothing to divide by).
    case percentage(Double?)
    /// A calendar day, written as the text `YYYY-MM-DD`: the same day in every time zone and
    /// spreadsheet, and sorted correctly as text.
    case date(Day)
    case empty
}

extension Cell: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}

extension Cell {
    /// The text a person reads in the cell, to size its column.
    var shown: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .decimal(let value, let places): String(format: places, value)
        case .percentage(let value): value.map { String(format: 1, $0 * 100) + "%" } ?? ""
        case .date(let day): day.description
        case .empty: ""
        }
    }
}

private extension String {
    /// Enough of a number's width to size a column, without Foundation's formatting.
    init(format places: Int, _ value: Double) {
        let whole = value.isFinite ? String(Int(value.rounded(.towardZero))) : "0"
        self = places == 0 ? whole : whole + "." + String(repeating: "0", count: places)
    }
}
