/// What counts as a value a person actually wrote: the one place that decides "blank".
///
/// A title of spaces, tabs or zero-width characters looks empty in every list and report,
/// so it is refused like an empty one, as `InputError.blank` of the field it was given for.
public enum Text {
    /// Scalars nobody can see: white space, controls, format characters (U+200B–U+200F,
    /// U+2060–U+2064, U+FEFF, U+00AD …) and the other default-ignorable code points
    /// (variation selectors, the Hangul fillers).
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return properties.isWhitespace || properties.isDefaultIgnorableCodePoint
        }
    }

    /// True when `value` holds nothing visible (the empty string included).
    public static func isBlank(_ value: some StringProtocol) -> Bool {
        value.unicodeScalars.allSatisfy(isInvisible)
    }

    /// `value` without white space or format characters at either end. Marks that belong to
    /// a visible character (a variation selector after an emoji) are kept.
    public static func trimmed(_ value: some StringProtocol) -> String {
        let scalars = Array(value.unicodeScalars)
        func edge(_ scalar: Unicode.Scalar) -> Bool {
            let category = scalar.properties.generalCategory
            return scalar.properties.isWhitespace || category == .format || category == .control
        }
        guard let start = scalars.firstIndex(where: { !edge($0) }),
              let end = scalars.lastIndex(where: { !edge($0) }) else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start...end])
        return String(view)
    }

    /// A value that must be there: trimmed, or refused as blank (`InputError.blank`).
    public static func required(_ value: String, field: Field) throws(InputError) -> String {
        let text = trimmed(value)
        guard !isBlank(text) else { throw .blank(field, value: value) }
        return text
    }

    /// A value kept exactly as written (a body's indentation and line breaks are the
    /// deputy's), refused when blank.
    public static func nonBlank(_ value: String, field: Field) throws(InputError) -> String {
        guard !isBlank(value) else { throw .blank(field, value: value) }
        return value
    }

    /// A value that may be absent (nil or "") but, when given, must not be blank.
    public static func optional(_ value: String?, field: Field) throws(InputError) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return try required(value, field: field)
    }

    /// `value` as it can be shown inside one line of a message: invisible and control
    /// characters as `\u{…}`, cut after `limit` characters.
    public static func printable(_ value: some StringProtocol, limit: Int = 60) -> String {
        var out = ""
        var count = 0
        for scalar in value.unicodeScalars {
            if count == limit { out += "…"; break }
            count += 1
            if scalar == " " {
                out += " "
            } else if isInvisible(scalar) || scalar.properties.generalCategory == .surrogate {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return "'" + out + "'"
    }
}

extension Text {
    /// The UTF-8 text of a file given as a value (`--body-file`, `--text-file`), refused (65)
    /// naming the line and column of the first invalid byte sequence or NUL byte: PostgreSQL
    /// cannot store a NUL, and a guessed encoding would store mojibake.
    public static func decode(_ bytes: [UInt8], file: String) throws -> String {
        var reader = ScalarReader(bytes.makeIterator())
        var text = String.UnicodeScalarView()
        var line = 1, column = 1
        while let item = reader.next() {
            guard case .scalar(let scalar) = item else {
                throw Failure.ruleBroken("\(file) line \(line), column \(column): invalid UTF-8 (save the file as UTF-8)")
            }
            if scalar == "\0" { throw Failure.ruleBroken("\(file) line \(line), column \(column): a NUL byte") }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            text.append(scalar)
        }
        return String(text)
    }
}
