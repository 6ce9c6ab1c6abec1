/// The bad rows of an imported file: the first problem of each, by line, so that one run
/// reports all of them (up to `limit`) and the import writes nothing.
public struct RowProblems: Sendable {
    public static let limit = 100

    /// Why a row is bad: said here (the file's own shape, a value of a column), or a typed
    /// refusal of the domain that the front end words.
    public enum Why: Sendable {
        case said(String)
        case refused(any DomainError)
    }

    public struct Problem: Sendable {
        public let line: Int
        /// The 0-based index of the column in the header, when known.
        public let column: Int?
        public let why: Why
        /// The offending value, when it is not simply the row's field under the column.
        public var value: String? = nil
        /// The row's fields as read, when it was read.
        public var row: [String]? = nil

        /// The offending value under `column` (the problem's, or the one the front end placed it under).
        public func value(under column: Int?) -> String? {
            if let value { return value }
            guard let column, let row, column < row.count else { return nil }
            return row[column]
        }
    }

    public let file: String
    public let columns: [String]
    /// The first `limit` bad rows by line; a file of a million bad rows is reported in
    /// constant memory.
    private var byLine: [Int: Problem] = [:]
    /// Bad rows known but not kept: past the first `limit` by line.
    private var beyond = 0

    public init(file: String, columns: [String]) {
        self.file = file
        self.columns = columns
    }

    public var isEmpty: Bool { byLine.isEmpty }
    /// How many rows are bad.
    public var count: Int { byLine.count + beyond }
    public func contains(line: Int) -> Bool { byLine[line] != nil }
    /// The bad rows' problems by line: every one, or the first `limit` when there are more.
    public var all: [Problem] { byLine.values.sorted { $0.line < $1.line } }

    /// Records a row's problem; `column` is the 0-based index of the column in the header.
    /// A row keeps its first problem.
    /// `value` is the offending value when it is not the field under `column` of `row`.
    public mutating func add(line: Int, column: Int? = nil, _ why: String, value: String? = nil, row: [String]? = nil) {
        add(Problem(line: line, column: column, why: .said(why), value: value, row: row))
    }

    /// Records a row's typed refusal, for the front end to word and place.
    public mutating func add(line: Int, refused error: any DomainError, value: String? = nil, row: [String]? = nil) {
        add(Problem(line: line, column: nil, why: .refused(error), value: value, row: row))
    }

    /// Keeps the row's first problem; past `limit` rows, only the first by line are kept and
    /// the others counted (a row counted so must not be added again: each caller adds a line
    /// once, or only lines it has not seen).
    private mutating func add(_ problem: Problem) {
        guard byLine[problem.line] == nil else { return }
        guard byLine.count >= Self.limit else { byLine[problem.line] = problem; return }
        beyond += 1
        if let last = byLine.keys.max(), problem.line < last {
            byLine[last] = nil
            byLine[problem.line] = problem
        }
    }

    /// Counts `count` more bad rows that are not listed (past the first `limit` of a reading
    /// that counted them).
    public mutating func add(unlisted count: Int) {
        beyond += count
    }

    /// Adds every problem of `other`, a later reading of the same file (rows it did not see).
    public mutating func add(contentsOf other: RowProblems) {
        for problem in other.byLine.values { add(problem) }
        beyond += other.beyond
    }

    /// Records a failure raised while reading a row; a message that starts with a column's
    /// name (`session: …`) is placed under that column, any other is kept as it was said.
    public mutating func add(line: Int, _ failure: Failure, row: [String]? = nil) {
        let (column, why) = place(failure.message)
        add(line: line, column: column, why, row: row)
    }

    /// The column a message is about, when it starts with `prefix` and that column's name
    /// (`session: …`), and the message without them.
    public func place(_ message: String, after prefix: String = "") -> (column: Int?, why: String) {
        for (index, name) in columns.enumerated() where message.hasPrefix(prefix + name + ": ") {
            return (index, String(message.dropFirst(prefix.count + name.count + 2)))
        }
        return (nil, message)
    }

    /// Runs `body` for the row at `line`: a refusal it throws (a `Failure` or a
    /// `DomainError`) is recorded and gives nil; any other error ends the reading.
    public mutating func checking<T>(line: Int, row: [String]? = nil, _ body: () throws -> T) throws -> T? {
        do { return try body() } catch let failure as Failure {
            add(line: line, failure, row: row)
        } catch let error as any DomainError {
            add(line: line, refused: error, row: row)
        }
        return nil
    }

    /// Throws when any row is bad: a file whose problems are all said here is refused (65)
    /// at once; one with a typed refusal among them throws `RowRefusals`, for the front end
    /// to word.
    public func check() throws {
        guard !isEmpty else { return }
        if byLine.values.contains(where: { if case .refused = $0.why { true } else { false } }) {
            throw RowRefusals(problems: self)
        }
        throw report { problem in
            switch problem.why {
            case .said(let why): (problem.column, why)
            // Not met here (a refusal among the rows was thrown above as RowRefusals); said
            // as the domain describes it rather than trapping.
            case .refused(let error): (problem.column, String(describing: error))
            }
        }
    }

    /// The refusal (exit 65), each problem said as `words` says it, under the column it names.
    ///
    /// One bad row is one line `FILE line L, column C (name): why`; several are a first line
    /// that counts them, then one line each in that form, then `… and N more bad rows` past
    /// the limit.
    public func report(_ words: (Problem) -> (column: Int?, why: String)) -> Failure {
        let rows = all.map { problem in
            let (column, why) = words(problem)
            return BadRow(line: problem.line, column: column.map { $0 + 1 },
                          columnName: column.flatMap { $0 < columns.count ? columns[$0] : nil },
                          value: problem.value(under: column), reason: why)
        }
        let texts = rows.map { row in
            var place = "\(file) line \(row.line)"
            if let column = row.column {
                place += ", column \(column)"
                if let name = row.columnName { place += " (\(name))" }
            }
            return place + ": " + row.reason
        }
        var failure = count == 1 ? Failure.ruleBroken(texts[0])
            : Failure(.ruleBroken, "\(file): \(count) rows are bad, so nothing was imported; each is listed below",
                      details: Array(texts.prefix(Self.limit)) + (count > Self.limit ? ["… and \(count - Self.limit) more bad rows"] : []))
        failure.badRows = BadRows(file: file, count: count, listed: rows)
        return failure
    }
}

/// A file with bad rows, one of them (at least) refused by a typed error of the domain: the
/// front end words each (`RowProblems.report`), and nothing of the file was imported.
public struct RowRefusals: Error, Sendable {
    public let problems: RowProblems
}
