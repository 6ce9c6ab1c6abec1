/// Text bound for a terminal, from data anyone could have typed: a title, a name, a reason,
/// a holiday's name, a value echoed in an error. A terminal obeys control characters (ESC
/// starts sequences that retitle the window, clear the screen, rewrite what is shown; BEL,
/// CR and backspace hide or overwrite text; the C1 range has 8-bit forms of the same) and
/// bidi overrides reorder what is shown. Each is replaced by a visible sign rather than
/// dropped, so a secretariat sees that the data is odd and can find it.
///
/// - ESC, BEL and the other C0 controls: their Control Pictures (␛ ␇ ␀ …), DEL: ␡.
/// - C1 controls (U+0080–U+009F) and bidi embeddings, overrides and isolates
///   (U+202A–U+202E, U+2066–U+2069): `<U+XXXX>`.
/// - Line breaks (LF, CRLF, CR, VT, FF, NEL, U+2028, U+2029): ⏎ where a layout is one
///   line (a table cell, an error); kept as a newline where it has lines (a body), except a
///   lone CR (␍), which would send the cursor back over the line.
/// - Tab: ␉ on one line, kept in text with lines.
///
/// JSON needs none of this: its writer escapes every one of these characters, so a JSON
/// document passes through unchanged (see `JSONValue`).
extension String {
    /// For one line: a table cell, a labelled value, an error or a warning.
    var terminalLine: String { terminalSafe(keepingLines: false) }

    /// For text with lines (a suggestion's body, a whole report): newline and tab stay.
    var terminalText: String { terminalSafe(keepingLines: true) }

    private func terminalSafe(keepingLines: Bool) -> String {
        // Most text holds nothing to replace: only these lead bytes can start one.
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return self }
        var out = String.UnicodeScalarView()
        var scalars = unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                out.append(keepingLines ? "\n" : "⏎")
            case 0x0D:
                if pending == "\n" {
                    pending = scalars.next()
                    out.append(keepingLines ? "\n" : "⏎")
                } else {
                    out.append("␍")
                }
            case 0x09:
                out.append(keepingLines ? "\t" : "␉")
            case 0x00..<0x20:
                out.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F:
                out.append("␡")
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                out.append(contentsOf: scalar.codePointName)
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }
}

extension Unicode.Scalar {
    /// `<U+202E>`: how a character with no visible form of its own is shown.
    var codePointName: String.UnicodeScalarView {
        let hex = String(value, radix: 16, uppercase: true)
        return ("<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">").unicodeScalars
    }
}
