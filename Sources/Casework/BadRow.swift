/// One bad row of an imported file as a program reads it (`--format json`): where, what and why.
public struct BadRow: Sendable, Equatable {
    public let line: Int
    /// 1-based, as the text report counts columns.
    public let column: Int?
    public let columnName: String?
    /// The offending value, when the row was read far enough to have one.
    public let value: String?
    public let reason: String

    public init(line: Int, column: Int?, columnName: String?, value: String?, reason: String) {
        self.line = line
        self.column = column
        self.columnName = columnName
        self.value = value
        self.reason = reason
    }
}

/// The bad rows of a refused file, beside the text lines of its `Failure`.
public struct BadRows: Sendable, Equatable {
    public let file: String
    /// All bad rows, listed or not.
    public let count: Int
    /// The first `RowProblems.limit` by line.
    public let listed: [BadRow]
}
