/// The bad rows of an imported file: the first problem of each, by line, so that one run
/// reports all of them (up to `limit`) and the import writes nothing.
///
/// Shape of the refusal (exit 65): with one bad row, one line
/// `FILE line L, column C (name): why: 'value'`; with several, a first line that says how
/// many rows are bad, then one line per row in that same form, then `… and N more bad rows`
/// past the limit.
public struct RowProblems: Sendable {
    public static let limit = 100

    public let file: String
    public let columns: [String]
    /// Each bad row's place (`FILE line L, column C (name)`) and why.
    private var byLine: [Int: (place: String, why: String)] = [:]

    public init(file: String, columns: [String]) {
        self.file = file
        self.columns = columns
    }

    public var isEmpty: Bool { byLine.isEmpty }
    public var count: Int { byLine.count }
    public func contains(line: Int) -> Bool { byLine[line] != nil }

    /// Records a row's problem; `column` is the 0-based index of the column in the header.
    /// A row keeps its first problem.
    public mutating func add(line: Int, column: Int? = nil, _ why: String) {
        guard byLine[line] == nil else { return }
        var place = "\(file) line \(line)"
        if let column {
            place += ", column \(column + 1)"
            if column < columns.count { place += " (\(columns[column]))" }
        }
        byLine[line] = (place, why)
    }

    /// Records a failure raised while reading a row; a message that starts with a column's
    /// name or flag (`--title: …`, `session: …`) is placed under that column.
    /// Any other message (`--on: …`, about the whole command) is kept as it was said.
    public mutating func add(line: Int, _ failure: Failure) {
        let message = failure.message
        let unflagged = message.hasPrefix("--") ? message.dropFirst(2) : Substring(message)
        for (index, name) in columns.enumerated() where unflagged.hasPrefix(name + ": ") {
            add(line: line, column: index, String(unflagged.dropFirst(name.count + 2)))
            return
        }
        add(line: line, message)
    }

    /// Runs `body` for the row at `line`: a refusal it throws (a `Failure`, or an error that
    /// `describe` words) is recorded and gives nil; any other error ends the reading.
    public mutating func checking<T>(
        line: Int, describe: (Error) -> Failure? = { _ in nil }, _ body: () throws -> T
    ) throws -> T? {
        do { return try body() } catch let failure as Failure {
            add(line: line, failure)
        } catch {
            guard let failure = describe(error) else { throw error }
            add(line: line, failure)
        }
        return nil
    }

    /// Removes and returns the problem of `line` without its place.
    mutating func take(line: Int) -> String? {
        byLine.removeValue(forKey: line)?.why
    }

    /// Throws the report (exit 65) when any row is bad.
    public func check() throws {
        let texts = byLine.sorted { $0.key < $1.key }.map { $0.value.place + ": " + $0.value.why }
        guard let first = texts.first else { return }
        if texts.count == 1 { throw Failure.ruleBroken(first) }
        var details = Array(texts.prefix(Self.limit))
        if texts.count > Self.limit { details.append("… and \(texts.count - Self.limit) more bad rows") }
        throw Failure(.ruleBroken, "\(file): \(texts.count) rows are bad, so nothing was imported; each is listed below", details: details)
    }
}
