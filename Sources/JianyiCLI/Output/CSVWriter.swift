import Casework
import Foundation

/// RFC 4180 output: fields with commas, quotes or line breaks are quoted, quotes doubled.
/// Text cells are neutralized against formulas (see `CSVCell`).
enum CSV {
    static func line(_ cells: [any CSVCell]) -> String {
        cells.map { field($0.csvText) }.joined(separator: ",") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsQuotes) else { return text }
        // Doubled scalar by scalar: Foundation's search would skip a quote that carries a
        // combining mark, and the field would end early.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// A comma, a quote, or any line break (CR, LF, VT, FF, NEL, LS, PS), scalar by scalar:
    /// cheaper than walking characters, and a comma carrying a combining mark still counts.
    private static func needsQuotes(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2C, 0x22, 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `text` as a spreadsheet will show it and never run it: a cell a spreadsheet would read
    /// as a formula gets a leading `'` (OWASP's advice for CSV injection). That is a cell
    /// starting with `=`, `+`, `-`, `@`, tab, CR or NUL, or with their full-width forms
    /// (＝＋－＠, which CJK input methods type and some spreadsheets read as the ASCII ones),
    /// or with any of those after leading white space, which an import may trim.
    static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        if first == "\t" || first == "\r" || first == "\0" || startsFormula(first) { return "'" + text }
        guard first.properties.isWhitespace,
              let lead = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }),
              startsFormula(lead) else { return text }
        return "'" + text
    }

    private static func startsFormula(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "=", "+", "-", "@", "＝", "＋", "－", "＠": return true
        default: return false
        }
    }

    static let byteOrderMark = "\u{FEFF}"
}

/// A cell of a CSV the product writes. Which cells could run as formulas is decided by type,
/// never by looking at the value: a `String` is text, and anything a person typed or could
/// have (a title, a name, a code, a reason) is a `String`, so it is neutralized; counts, days,
/// dates and rates are formatted by the program from numbers, so they are written as they
/// are and a due-soon flag's `-3` stays the number -3.
protocol CSVCell {
    var csvText: String { get }
}

extension String: CSVCell {
    var csvText: String { CSV.neutralized(self) }
}

extension Int: CSVCell {
    var csvText: String { String(self) }
}

extension Day: CSVCell {
    var csvText: String { description }
}

extension Rate: CSVCell {
    var csvText: String { formatted }
}

/// A number the program formatted itself with a fixed number of places (a score).
struct FormattedNumber: CSVCell {
    let csvText: String
    init(_ text: String) { csvText = text }
}
