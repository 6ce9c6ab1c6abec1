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

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }

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
        var rows = CSVReader.rows(bytes)[...]
        guard let first = rows.popFirst() else { throw CSVHeader.empty(file, expected) }
        let header = try CSVHeader(first, expecting: expected, file: file)
        var records: [Record] = []
        for row in rows {
            if let problem = header.problem(of: row) {
                problems.add(line: row.line, column: problem.column, problem.why, row: row.fields)
            } else {
                records.append(Record(line: row.line, fields: row.fields))
            }
        }
        guard !records.isEmpty || !problems.isEmpty else { throw CSVHeader.noRows(file) }
        self.file = file
        self.header = header.names
        self.records = records
        self.problems = problems
    }

    public init(_ source: some CSVSource, expecting expected: [String], file: String) throws {
        try self.init(source.csvBytes, expecting: expected, file: file)
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
            if let row = try problems.checking(line: record.line, row: record.fields, { try body(record) }) {
                rows.append((record.line, row))
            }
        }
        return rows
    }
}
