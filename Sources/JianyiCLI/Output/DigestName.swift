import ArgumentParser
import Casework

/// What the digests are written as: CSV (UTF-8 with a BOM) or spreadsheets.
enum DigestFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, xlsx
}

/// The names of an overdue run's digest files.
///
/// The index is `<as-of>-index.csv`; a unit's digest is `<as-of>-<code>.csv` (`.xlsx` for
/// spreadsheets), its code written
/// safely: ASCII letters, digits, `_`, `-` and a `.` that does not begin the code stay as they
/// are, every other byte of its UTF-8 becomes `%XX` (so `.`, `..`, `.hidden`, `a/b` or `x y`
/// cannot name a folder, a hidden file or another place), and a code spelled `index` in any
/// case has its first letter written so (`%69ndex`), so no unit can take the index's name,
/// even on a file system that ignores case. Distinct codes give distinct names; the code is
/// also inside each file (the digest's `单位代码` column, the index's first column).
enum DigestName {
    static func index(asOf: Day, _ format: DigestFormat = .csv) -> String { "\(asOf)-index.\(format.rawValue)" }

    static func unit(_ code: String, asOf: Day, _ format: DigestFormat = .csv) -> String { "\(asOf)-\(safe(code)).\(format.rawValue)" }

    static func safe(_ code: String) -> String {
        var name = ""
        for (offset, byte) in code.utf8.enumerated() {
            let plain = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || (byte == UInt8(ascii: ".") && offset > 0)
            let spelledIndex = offset == 0 && code.lowercased() == "index"
            name += plain && !spelledIndex ? String(UnicodeScalar(byte)) : percent(byte)
        }
        return name
    }

    private static func percent(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}
