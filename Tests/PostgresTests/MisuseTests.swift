import Postgres
import Testing

/// Calls a careless caller could make: each fails clearly and leaves the connection usable.
@Suite struct MisuseTests {
    @Test("a nested transaction is a savepoint: the outer failure undoes both")
    func nestedRollsBackWithOuter() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE t (n int)")
        #expect(throws: Boom.self) {
            try db.transaction { db in
                try db.execute("INSERT INTO t VALUES (1)")
                _ = try db.transaction { try $0.execute("INSERT INTO t VALUES (2)") }
                throw Boom()
            }
        }
        #expect(try count("SELECT count(*) AS n FROM t", on: db) == 0)
    }

    @Test("an inner failure undoes only the inner work")
    func innerFailureKeepsOuter() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE t (n int PRIMARY KEY)")
        try db.transaction { db in
            try db.execute("INSERT INTO t VALUES (1)")
            let inner = try #require(throws: PostgresError.self) {
                try db.transaction { db in
                    try db.execute("INSERT INTO t VALUES (2)")
                    try db.execute("INSERT INTO t VALUES (1)")
                }
            }
            #expect(inner.isUniqueViolation)
            try db.execute("INSERT INTO t VALUES (3)")
        }
        let rows = try db.query("SELECT n FROM t ORDER BY n").rows.map { try $0.decode(Int.self, "n") }
        #expect(rows == [1, 3])
    }

    @Test("a two-dimensional array or trailing text is not a [String]")
    func arrayShapes() throws {
        let db = try freshConnection()
        let row = try db.query("SELECT ARRAY[['a','b'],['c','d']]::text[] AS m, '{a}junk'::text AS j").rows[0]
        #expect(throws: PostgresError.self) { try row.decode([String].self, "m") }
        #expect(throws: PostgresError.self) { try row.decode([String].self, "j") }
    }

    @Test("COPY in the wrong direction, or through query, is a client error")
    func copyDirections() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE t (n int)")
        let wrongIn = try #require(throws: PostgresError.self) {
            try db.copyIn("COPY t TO STDOUT") { try $0.writeRow(["1"]) }
        }
        #expect(wrongIn.kind == .client)
        #expect(wrongIn.message == "copyIn needs a COPY … FROM STDIN statement")
        let wrongOut = try #require(throws: PostgresError.self) {
            try db.copyOut("COPY t FROM STDIN") { _ in }
        }
        #expect(wrongOut.message == "copyOut needs a COPY … TO STDOUT statement")
        let viaQuery = try #require(throws: PostgresError.self) { try db.query("COPY t FROM STDIN") }
        #expect(viaQuery.kind == .client)
        let bound = try #require(throws: PostgresError.self) {
            try db.copyIn("COPY t FROM STDIN WITH (NULL \("x"))") { try $0.writeRow(["1"]) }
        }
        #expect(bound.message.hasPrefix("COPY takes no bound parameters"))
        #expect(try count("SELECT count(*) AS n FROM t", on: db) == 0)
    }
}
