/// The first row of an imported file, checked: exactly the expected columns in order, then
/// any of the optional ones (each once). A file without a header, or with a bad one, is
/// refused at once (65): no row of it can be read.
public struct CSVHeader: Sendable {
    /// The columns as the file names them: the expected ones, then the optional ones it has.
    public let names: [String]

    public init(_ first: CSVReader.Row, expecting expected: [String], optional: [String] = [], file: String) throws {
        if let problem = first.problem {
            throw Failure.ruleBroken("\(file) line \(first.line): the header is not well-formed: \(problem.why)")
        }
        let header = first.fields.map { $0.trimmingWhitespace().lowercased() }
        let extra = header.dropFirst(expected.count)
        guard Array(header.prefix(expected.count)) == expected,
              extra.allSatisfy(optional.contains), Set(extra).count == extra.count else {
            let shown = expected + optional.map { "[,\($0)]" }
            throw Failure.ruleBroken("\(file) line \(first.line): the header is \(Text.printable(header.joined(separator: ","), limit: 200)); expected '\(shown.joined(separator: ","))' (\(Self.mismatch(header, expected, optional)))")
        }
        names = header
    }

    /// Where the file has column `name`, if it has it.
    public func index(of name: String) -> Int? { names.firstIndex(of: name) }

    /// Why a row cannot be read as a record: its own problem, or a count of fields that is not
    /// the header's.
    public func problem(of row: CSVReader.Row) -> (column: Int?, why: String)? {
        if let problem = row.problem { return (problem.column, problem.why) }
        if row.fields.count != names.count { return (nil, "\(row.fields.count) fields, but the header has \(names.count)") }
        return nil
    }

    public static func empty(_ file: String, _ expected: [String]) -> Failure {
        Failure.ruleBroken("\(file): the file is empty; expected a header \(expected.joined(separator: ",")) and rows")
    }

    public static func noRows(_ file: String) -> Failure {
        Failure.ruleBroken("\(file): the file has a header but no rows; there is nothing to import")
    }

    /// Which column is missing, unknown or given twice, in words.
    static func mismatch(_ header: [String], _ expected: [String], _ optional: [String]) -> String {
        var counts: [String: Int] = [:]
        for name in header { counts[name, default: 0] += 1 }
        if let twice = header.first(where: { counts[$0, default: 0] > 1 }) { return "column '\(twice)' is given twice" }
        if let unknown = header.first(where: { !expected.contains($0) && !optional.contains($0) }) {
            return "column \(Text.printable(unknown, limit: 40)) is not one of them"
        }
        if let missing = expected.first(where: { counts[$0] == nil }) { return "column '\(missing)' is missing" }
        return "the columns are in another order"
    }
}
