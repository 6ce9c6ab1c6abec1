import Postgres
import Testing

/// Interpolation is the only way values enter SQL, so its numbering must be exact.
@Suite("Building and running statements")
struct QueryTests {
    @Test("each interpolation becomes the next $n, repeats included")
    func repeatedInterpolation() throws {
        let db = try freshConnection()
        let code = "A'1"
        let query: PostgresQuery = "SELECT \(code) AS a, \(code) AS b, \(7) + \(code == "A'1") ::int AS n"
        #expect(query.sql == "SELECT $1 AS a, $2 AS b, $3 + $4 ::int AS n")
        #expect(query.binds == [
            PostgresBind(type: PostgresType.text, text: "A'1"), PostgresBind(type: PostgresType.text, text: "A'1"),
            PostgresBind(type: PostgresType.int8, text: "7"), PostgresBind(type: PostgresType.bool, text: "t"),
        ])
        let row = try db.query(query).rows[0]
        #expect(row["a"] == code)
        #expect(row["b"] == code)
        #expect(try row.decode(Int.self, "n") == 8)
    }

    @Test("a literal without interpolation binds nothing")
    func plainLiteral() {
        let query: PostgresQuery = "SELECT '$1' AS dollar"
        #expect(query.sql == "SELECT '$1' AS dollar")
        #expect(query.binds.isEmpty)
    }

    @Test("unsafeSQL with explicit binds can reuse a parameter")
    func unsafeSQL() throws {
        let db = try freshConnection()
        let query = PostgresQuery(
            unsafeSQL: "SELECT $1 || $1 AS twice, $2 + 1 AS next, $3 AS tagged",
            binds: ["关于".postgresBind, 41.postgresBind, PostgresBind(type: PostgresType.unknown, text: "2024-01-02")])
        let row = try db.query(query).rows[0]
        #expect(row["twice"] == "关于关于")
        #expect(try row.decode(Int.self, "next") == 42)
        #expect(row["tagged"] == "2024-01-02")
    }

    @Test("an explicit bind and a Substring interpolate like any value")
    func explicitBind() throws {
        let db = try freshConnection()
        let whole = "代表建议"
        let part = whole.prefix(2)
        let row = try db.query(
            "SELECT \(bind: PostgresBind(type: PostgresType.int4, text: "5")) AS five, \(part) AS part").rows[0]
        #expect(try row.decode(Int32.self, "five") == 5)
        #expect(row["part"] == "代表")
    }

    @Test("execute reports affected rows and query reports the command tag")
    func affectedRows() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (id int PRIMARY KEY, body text)")
        let inserted = try db.query("INSERT INTO note (id, body) VALUES (1, 'a'), (2, 'b'), (3, 'c')")
        #expect(inserted.commandTag == "INSERT 0 3")
        #expect(inserted.affectedRows == 3)
        #expect(try db.execute("UPDATE note SET body = \("z") WHERE id >= \(2)") == 2)
        #expect(try db.execute("DELETE FROM note WHERE id = \(99)") == 0)
        let selected = try db.query("SELECT id, body FROM note ORDER BY id")
        #expect(selected.columns.names == ["id", "body"])
        #expect(selected.columns.types == [PostgresType.int4, PostgresType.text])
        #expect(selected.rows.map { $0["body"] } == ["a", "z", "z"])
    }

    @Test("a duplicated column name reads the first column")
    func duplicateColumns() throws {
        let db = try freshConnection()
        let row = try db.query("SELECT 1 AS v, 2 AS v").rows[0]
        #expect(try row.decode(Int.self, "v") == 1)
        #expect(row.values == ["1", "2"])
    }
}
