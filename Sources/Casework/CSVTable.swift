/// A CSV file read strictly, as RFC 4180 writes it: a header naming exactly the expected
/// columns, then records with the line each starts on.
///
/// Accepts a UTF-8 BOM (Excel/WPS write one), CRLF or LF, quoted fields with commas,
/// doubled quotes and line breaks. A row that is not well-formed (a wrong number of fields,
/// a quote inside an unquoted field or text after a closing quote, a quote never closed,
/// invalid UTF-8, a NUL byte) is not a record: it goes to `problems` with its line and
/// column, so an import can report every bad row at once and write nothing.
public struct CSVTable: Sendable {
    public struct Record: Sendable {
        public let line: Int
        public let fields: [String]

        /// The field under `column`, trimmed; empty when absent.
        public func callAsFunction(_ index: Int) -> String {
            index < fields.count ? fields[index].trimmingWhitespace() : ""
        }
    }

    public let file: String
    public let header: [String]
    /// The rows that are well-formed CSV with one field per column.
    public let records: [Record]
    /// The rows that are not; an import adds its own findings and calls `check()`.
    public var problems: RowProblems

    /// Parses UTF-8 `bytes` and checks that the header names exactly `expected`, in order.
    /// An empty file, a file with only a header, and a bad header are refused at once (65).
    public init(_ bytes: [UInt8], expecting expected: [String], file: String) throws {
        var problems = RowProblems(file: file, columns: expected)
        var rows = Self.parse(bytes, into: &problems)
        guard !rows.isEmpty else {
            throw Failure.ruleBroken("\(file): the file is empty; expected a header \(expected.joined(separator: ",")) and rows")
        }
        let first = rows.removeFirst()
        if let problem = problems.take(line: first.line) {
            throw Failure.ruleBroken("\(file) line \(first.line): the header is not well-formed: \(problem)")
        }
        let header = first.fields.map { $0.trimmingWhitespace().lowercased() }
        if header != expected {
            throw Failure.ruleBroken("\(file) line \(first.line): the header is \(Text.printable(header.joined(separator: ","), limit: 200)); expected '\(expected.joined(separator: ","))' (\(Self.headerMismatch(header, expected)))")
        }
        var records: [Record] = []
        for row in rows where !problems.contains(line: row.line) {
            if row.fields.count != header.count {
                problems.add(line: row.line, "\(row.fields.count) fields, but the header has \(header.count)")
            } else {
                records.append(Record(line: row.line, fields: row.fields))
            }
        }
        guard !records.isEmpty || !problems.isEmpty else {
            throw Failure.ruleBroken("\(file): the file has a header but no rows; there is nothing to import")
        }
        self.file = file
        self.header = header
        self.records = records
        self.problems = problems
    }

    public init(_ source: some CSVSource, expecting expected: [String], file: String) throws {
        try self.init(source.csvBytes, expecting: expected, file: file)
    }

    /// Which column is missing, unknown or given twice, in words.
    static func headerMismatch(_ header: [String], _ expected: [String]) -> String {
        var counts: [String: Int] = [:]
        for name in header { counts[name, default: 0] += 1 }
        if let twice = header.first(where: { counts[$0, default: 0] > 1 }) { return "column '\(twice)' is given twice" }
        if let unknown = header.first(where: { !expected.contains($0) }) {
            return "column \(Text.printable(unknown, limit: 40)) is not one of them"
        }
        if let missing = expected.first(where: { counts[$0] == nil }) { return "column '\(missing)' is missing" }
        return "the columns are in another order"
    }

    /// Splits the bytes into rows of fields; a row's first problem goes to `problems`.
    static func parse(_ bytes: [UInt8], into problems: inout RowProblems) -> [Record] {
        var reader = ScalarReader(bytes.makeIterator())
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoted = false, wasQuoted = false, closed = false
        var quoteLine = 1
        var rowProblem: (column: Int, why: String)?
        var valueShown = false

        func flag(_ why: String) {
            if rowProblem == nil { rowProblem = (fields.count, why); valueShown = false }
        }
        func endField() {
            // The value is shown whole, once the field is read to its end.
            if let problem = rowProblem, problem.column == fields.count, !valueShown {
                rowProblem = (problem.column, problem.why + ": " + Text.printable(String(field)))
                valueShown = true
            }
            fields.append(String(field))
            field = String.UnicodeScalarView()
            closed = false
        }
        func endRecord() {
            endField()
            // A line with nothing on it is not a record.
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted && rowProblem == nil) {
                records.append(Record(line: recordLine, fields: fields))
                if let problem = rowProblem { problems.add(line: recordLine, column: problem.column, problem.why) }
            }
            fields = []
            wasQuoted = false
            rowProblem = nil
        }
        func take(_ scalar: Unicode.Scalar) {
            if scalar == "\0" { flag("a NUL byte") }
            field.append(scalar)
        }

        var first = true
        while let next = reader.next() {
            var scalar: Unicode.Scalar
            switch next {
            case .scalar(let s): scalar = s
            case .invalid:
                flag("invalid UTF-8 (save the file as UTF-8; Excel: CSV UTF-8)")
                scalar = "\u{FFFD}"
            }
            defer { first = false }
            if first && scalar == "\u{FEFF}" { continue }
            if quoted {
                if scalar == "\"" {
                    if reader.peek(is: "\"") { field.append("\"") } else { quoted = false; closed = true }
                } else {
                    if scalar == "\n" { line += 1 }
                    take(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !closed:
                quoted = true
                wasQuoted = true
                quoteLine = line
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r" { _ = reader.peek(is: "\n") }
                endRecord()
                line += 1
                recordLine = line
            default:
                if closed {
                    flag("text after the closing quote (quote the whole field and double any quote inside it)")
                } else if scalar == "\"" {
                    flag("a quote inside an unquoted field (quote the whole field and double the quote)")
                }
                take(scalar)
            }
        }
        if quoted { flag("the quote opened on line \(quoteLine) is never closed") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted || rowProblem != nil { endRecord() }
        return records
    }
}

/// Unicode scalars from UTF-8 bytes, with invalid sequences reported rather than replaced
/// silently, and one scalar of look-ahead.
struct ScalarReader<Bytes: IteratorProtocol<UInt8>> {
    enum Item { case scalar(Unicode.Scalar), invalid }
    private var bytes: Bytes
    private var decoder = UTF8()
    private var pending: Item?

    init(_ bytes: Bytes) { self.bytes = bytes }

    mutating func next() -> Item? {
        if let item = pending { pending = nil; return item }
        switch decoder.decode(&bytes) {
        case .scalarValue(let scalar): return .scalar(scalar)
        case .emptyInput: return nil
        case .error: return .invalid
        }
    }

    /// Consumes the next scalar if it is `scalar`.
    mutating func peek(is scalar: Unicode.Scalar) -> Bool {
        let item = next()
        if case .scalar(scalar)? = item { return true }
        pending = item
        return false
    }
}

/// What an import reads: the file's bytes as read from disk, or text (tests, stdin).
public protocol CSVSource: Sendable {
    var csvBytes: [UInt8] { get }
}

extension Array: CSVSource where Element == UInt8 {
    public var csvBytes: [UInt8] { self }
}

extension String: CSVSource {
    public var csvBytes: [UInt8] { Array(utf8) }
}

extension CSVTable {
    /// Each record made into a row by `body`, with its line; a row `body` refuses is recorded
    /// among the problems and left out (`RowProblems.checking`).
    public mutating func checkedRows<Row>(
        _ body: (Record) throws -> Row
    ) throws -> [(line: Int, fields: Row)] {
        var rows: [(line: Int, fields: Row)] = []
        for record in records {
            if let row = try problems.checking(line: record.line, { try body(record) }) {
                rows.append((record.line, row))
            }
        }
        return rows
    }
}
