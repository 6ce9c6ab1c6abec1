import Postgres
import TestSupport

/// A connection to a database of its own: tests run in parallel and a Connection
/// must never be shared between tasks.
func freshConnection() throws -> Connection {
    try Connection(TestDatabase.empty())
}

/// An error only the test throws, so a rethrow can be told apart from anything libpq says.
struct Boom: Error, Equatable {}

/// The single integer a query like `SELECT count(*) AS n …` returns.
func count(_ query: PostgresQuery, on db: Connection) throws -> Int {
    try db.query(query).rows[0].decode(Int.self, "n")
}
