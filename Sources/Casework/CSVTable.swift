/// A CSV file as RFC 4180 reads it: a header, then records with the line each starts on.
///
/// Accepts a UTF-8 BOM (Excel/WPS write one), CRLF or LF, quoted fields with commas,
/// doubled quotes and line breaks. Every problem names its line.
public struct CSVTable: Sendable {
    public struct Record: Sendable {
        public let line: Int
        public let fields: [String]

        /// The field under `column`, trimmed; empty when absent.
        public func callAsFunction(_ index: Int) -> String {
            index < fields.count ? fields[index].trimmingWhitespace() : ""
        }
    }

    public let header: [String]
    public let records: [Record]

    /// Parses `text` and checks that its header is `expected`, in order (extra columns at the
    /// end are ignored).
    public init(_ text: String, expecting expected: [String], file: String) throws {
        var rows = try Self.parse(text, file: file)
        guard !rows.isEmpty else { throw Failure.ruleBroken("\(file): the file is empty; expected a header \(expected.joined(separator: ","))") }
        let header = rows.removeFirst().fields.map { $0.trimmingWhitespace().lowercased() }
        guard header.count >= expected.count, Array(header.prefix(expected.count)) == expected else {
            throw Failure.ruleBroken("\(file) line 1: the header is '\(header.joined(separator: ","))'; expected '\(expected.joined(separator: ","))'")
        }
        for row in rows where row.fields.count > header.count {
            throw Failure.ruleBroken("\(file) line \(row.line): \(row.fields.count) fields, but the header has \(header.count)")
        }
        self.header = header
        self.records = rows
    }

    static func parse(_ text: String, file: String) throws -> [Record] {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoted = false
        var wasQuoted = false
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            // A line with nothing on it is not a record.
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            wasQuoted = false
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty:
                quoted = true
                wasQuoted = true
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                if scalar == "\"" {
                    throw Failure.ruleBroken("\(file) line \(line): a quote inside an unquoted field (quote the whole field and double the quote)")
                }
                field.append(scalar)
            }
        }
        if quoted { throw Failure.ruleBroken("\(file) line \(recordLine): a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
