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
    }

    public let file: String
    public let columns: [String]
    private var byLine: [Int: Problem] = [:]

    public init(file: String, columns: [String]) {
        self.file = file
        self.columns = columns
    }

    public var isEmpty: Bool { byLine.isEmpty }
    public var count: Int { byLine.count }
    public func contains(line: Int) -> Bool { byLine[line] != nil }
    /// Every bad row's problem, by line.
    public var all: [Problem] { byLine.values.sorted { $0.line < $1.line } }

    /// Records a row's problem; `column` is the 0-based index of the column in the header.
    /// A row keeps its first problem.
    public mutating func add(line: Int, column: Int? = nil, _ why: String) {
        add(Problem(line: line, column: column, why: .said(why)))
    }

    /// Records a row's typed refusal, for the front end to word and place.
    public mutating func add(line: Int, refused error: any DomainError) {
        add(Problem(line: line, column: nil, why: .refused(error)))
    }

    private mutating func add(_ problem: Problem) {
        if byLine[problem.line] == nil { byLine[problem.line] = problem }
    }

    /// Records a failure raised while reading a row; a message that starts with a column's
    /// name (`session: …`) is placed under that column, any other is kept as it was said.
    public mutating func add(line: Int, _ failure: Failure) {
        let (column, why) = place(failure.message)
        add(line: line, column: column, why)
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
    public mutating func checking<T>(line: Int, _ body: () throws -> T) throws -> T? {
        do { return try body() } catch let failure as Failure {
            add(line: line, failure)
        } catch let error as any DomainError {
            add(line: line, refused: error)
        }
        return nil
    }

    /// Removes and returns the problem of `line` without its place.
    mutating func take(line: Int) -> String? {
        guard case .said(let why) = byLine.removeValue(forKey: line)?.why else { return nil }
        return why
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
        let texts = all.map { problem in
            let (column, why) = words(problem)
            var place = "\(file) line \(problem.line)"
            if let column {
                place += ", column \(column + 1)"
                if column < columns.count { place += " (\(columns[column]))" }
            }
            return place + ": " + why
        }
        if texts.count == 1 { return Failure.ruleBroken(texts[0]) }
        var details = Array(texts.prefix(Self.limit))
        if texts.count > Self.limit { details.append("… and \(texts.count - Self.limit) more bad rows") }
        return Failure(.ruleBroken, "\(file): \(texts.count) rows are bad, so nothing was imported; each is listed below", details: details)
    }
}

/// A file with bad rows, one of them (at least) refused by a typed error of the domain: the
/// front end words each (`RowProblems.report`), and nothing of the file was imported.
public struct RowRefusals: Error, Sendable {
    public let problems: RowProblems
}
