import Postgres
import Testing

/// Fragments spliced into queries keep their values as parameters, renumbered in order.
@Suite("Composing statements from fragments")
struct QueryCompositionTests {
    @Test("a spliced fragment's parameters follow the ones before it")
    func splicedFragment() throws {
        let db = try freshConnection()
        let filter: PostgresQuery = "n > \(1) AND n < \(4)"
        let query: PostgresQuery = "SELECT \("a") AS tag, n FROM generate_series(\(0), \(5)) n WHERE \(filter) AND n <> \(2) ORDER BY n"
        #expect(query.sql == "SELECT $1 AS tag, n FROM generate_series($2, $3) n WHERE n > $4 AND n < $5 AND n <> $6 ORDER BY n")
        #expect(query.binds.map(\.text) == ["a", "0", "5", "1", "4", "2"])
        #expect(try db.query(query).rows.map { try $0.decode(Int.self, "n") } == [3])
    }

    @Test("a string literal interpolated is a value, never SQL")
    func literalIsBound() {
        let query: PostgresQuery = "SELECT \("1; DROP TABLE x") AS v"
        #expect(query.sql == "SELECT $1 AS v")
        #expect(query.binds == [PostgresBind(type: PostgresType.text, text: "1; DROP TABLE x")])
    }

    @Test("+, += and joined renumber; a dollar in literal text is left alone")
    func appending() throws {
        let db = try freshConnection()
        var query: PostgresQuery = "SELECT '$1' AS dollar, \(10) AS a"
        query += ", \(20) AS b"
        query = query + ", \(30) AS c WHERE "
        let conditions: [PostgresQuery] = ["\(1) = \(1)", "true", "\("x") <> \("y")"]
        query += conditions.joined(separator: " AND ")
        #expect(query.sql == "SELECT '$1' AS dollar, $1 AS a, $2 AS b, $3 AS c WHERE $4 = $5 AND true AND $6 <> $7")
        let row = try db.query(query).rows[0]
        #expect(row["dollar"] == "$1")
        #expect(try [row.decode(Int.self, "a"), row.decode(Int.self, "b"), row.decode(Int.self, "c")] == [10, 20, 30])
        #expect([PostgresQuery]().joined(separator: " AND ") == "")
    }

    @Test("a fragment with multi-byte text and a nil value splices exactly")
    func multiByteAndNil() throws {
        let db = try freshConnection()
        let none: String? = nil
        let fragment: PostgresQuery = "'关于' || \("建议") AS t, \(none)::text IS NULL AS empty"
        let query: PostgresQuery = "SELECT \(7) AS n, \(fragment)"
        #expect(query.sql == "SELECT $1 AS n, '关于' || $2 AS t, $3::text IS NULL AS empty")
        let row = try db.query(query).rows[0]
        #expect(row["t"] == "关于建议")
        #expect(try row.decode(Bool.self, "empty"))
    }

    @Test("a hand-numbered query may begin a longer one")
    func handNumberedFirst() throws {
        let db = try freshConnection()
        let start = PostgresQuery(unsafeSQL: "SELECT $1 || $1 AS twice", binds: ["ab".postgresBind])
        let query = start + ", \(5) AS five"
        #expect(query.sql == "SELECT $1 || $1 AS twice, $2 AS five")
        let row = try db.query(query).rows[0]
        #expect(row["twice"] == "abab")
        #expect(try row.decode(Int.self, "five") == 5)
    }
}
