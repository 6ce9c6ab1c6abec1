import Foundation

/// RFC 4180 output: fields with commas, quotes or line breaks are quoted, quotes doubled.
enum CSV {
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
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

    static let byteOrderMark = "\u{FEFF}"
}
