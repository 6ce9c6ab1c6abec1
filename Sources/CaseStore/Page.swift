import Postgres

/// One page of a long list: `limit` items after skipping `offset`. The list's order must be
/// total (ties broken to the last column) so that pages neither repeat nor skip an item.
public struct Page: Sendable, Equatable {
    public let limit: Int
    public let offset: Int

    public init(limit: Int, offset: Int) {
        self.limit = limit
        self.offset = offset
    }

    /// ` LIMIT … OFFSET …`, both as parameters.
    var clause: PostgresQuery { " LIMIT \(limit) OFFSET \(offset)" }
}
