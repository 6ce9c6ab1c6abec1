import Postgres
import Testing

/// Non-text types go in through their bound type and come back through `decode`; each
/// test also asks the server what it stored, so a symmetric encode/decode bug cannot hide.
@Suite("Typed values through bound parameters")
struct ValueTests {
    @Test("Int round-trips through int8, extremes included", arguments: [0, 1, -1, 42, Int.min, Int.max])
    func int(_ value: Int) throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE t (v int8)")
        try db.execute("INSERT INTO t (v) VALUES (\(value))")
        let row = try db.query("SELECT v, v::text AS printed, pg_typeof(\(value))::text AS type FROM t").rows[0]
        #expect(try row.decode(Int.self, "v") == value)
        #expect(row["printed"] == String(value))
        #expect(row["type"] == "bigint")
    }

    @Test("Int32 round-trips through int4", arguments: [Int32.min, -1, 0, Int32.max])
    func int32(_ value: Int32) throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE t (v int4)")
        try db.execute("INSERT INTO t (v) VALUES (\(value))")
        let row = try db.query("SELECT v, pg_typeof(\(value))::text AS type FROM t").rows[0]
        #expect(try row.decode(Int32.self, "v") == value)
        #expect(row["type"] == "integer")
    }

    @Test("Bool round-trips", arguments: [true, false])
    func bool(_ value: Bool) throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE t (v boolean)")
        try db.execute("INSERT INTO t (v) VALUES (\(value))")
        #expect(try db.query("SELECT v FROM t").rows[0].decode(Bool.self, "v") == value)
        #expect(try count("SELECT count(*) AS n FROM t WHERE v IS TRUE", on: db) == (value ? 1 : 0))
    }

    @Test("Double round-trips bit for bit", arguments: [
        0.1, 0.1 + 0.2, -1.5, Double.pi, 1e300, -2.2250738585072014e-308, Double.leastNonzeroMagnitude, -0.0,
        123_456_789.123_456_789, Double.infinity, -Double.infinity,
    ])
    func double(_ value: Double) throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE t (v float8)")
        try db.execute("INSERT INTO t (v) VALUES (\(value))")
        let back = try db.query("SELECT v FROM t").rows[0].decode(Double.self, "v")
        #expect(back.bitPattern == value.bitPattern, "sent \(value), got \(back)")
        #expect(try count("SELECT count(*) AS n FROM t WHERE v = \(value)", on: db) == 1)
    }

    @Test("NaN round-trips")
    func notANumber() throws {
        let db = try freshConnection()
        let row = try db.query("SELECT \(Double.nan) AS v, \(Double.nan) = 'NaN'::float8 AS is_nan").rows[0]
        #expect(try row.decode(Double.self, "v").isNaN)
        #expect(try row.decode(Bool.self, "is_nan"))
    }

    @Test("PostgresDate round-trips", arguments: [
        PostgresDate(year: 2024, month: 2, day: 29), PostgresDate(year: 1, month: 1, day: 1),
        PostgresDate(year: 1970, month: 1, day: 1), PostgresDate(year: 9999, month: 12, day: 31),
    ])
    func date(_ value: PostgresDate) throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE t (v date)")
        try db.execute("INSERT INTO t (v) VALUES (\(value))")
        let row = try db.query(
            "SELECT v, v = make_date(\(Int32(value.year)), \(Int32(value.month)), \(Int32(value.day))) AS same FROM t"
        ).rows[0]
        #expect(try row.decode(PostgresDate.self, "v") == value)
        #expect(try row.decode(Bool.self, "same"))
    }

    @Test("a date literal decodes to its calendar day")
    func dateFromServer() throws {
        let db = try freshConnection()
        let row = try db.query("SELECT DATE '2023-07-04' AS d, NULL::date AS none").rows[0]
        #expect(try row.decode(PostgresDate.self, "d") == PostgresDate(year: 2023, month: 7, day: 4))
        #expect(try row.decode(PostgresDate?.self, "none") == nil)
    }

    @Test("a nil optional is sent as a typed NULL")
    func nilIsNull() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE t (s text, i int8, d date, b boolean)")
        let s: String? = nil, i: Int? = nil, d: PostgresDate? = nil, b: Bool? = nil
        let insert: PostgresQuery = "INSERT INTO t (s, i, d, b) VALUES (\(s), \(i), \(d), \(b))"
        #expect(insert.binds == [
            PostgresBind(type: PostgresType.text, text: nil), PostgresBind(type: PostgresType.int8, text: nil),
            PostgresBind(type: PostgresType.date, text: nil), PostgresBind(type: PostgresType.bool, text: nil),
        ])
        try db.execute(insert)
        #expect(try count("SELECT count(*) AS n FROM t WHERE s IS NULL AND i IS NULL AND d IS NULL AND b IS NULL", on: db) == 1)
        let row = try db.query("SELECT s, i FROM t").rows[0]
        #expect(try row.decode(String?.self, "s") == nil)
        #expect(try row.decode(Int?.self, "i") == nil)
    }

    @Test("a present optional is sent as its value")
    func someIsValue() throws {
        let db = try freshConnection()
        let i: Int? = 5
        let s: String? = "五"
        let row = try db.query("SELECT \(i) + 1 AS i, \(s) || '六' AS s").rows[0]
        #expect(try row.decode(Int?.self, "i") == 6)
        #expect(try row.decode(String?.self, "s") == "五六")
    }

    static let awkwardTags: [String] = [
        "a,b", #"say "hi""#, #"back\slash"#, #"\""#, "{braces}", "}", "{", " padded ", "two  spaces",
        "", "关于加快老旧小区改造的建议", "NULL", "null", "tab\tnewline\n", "👨‍👩‍👧", "plain",
    ]

    @Test("text[] round-trips awkward elements, and the server sees each one exactly")
    func textArray() throws {
        let db = try freshConnection()
        let tags = Self.awkwardTags
        try db.execute("CREATE TABLE t (tags text[])")
        try db.execute("INSERT INTO t (tags) VALUES (\(tags))")

        #expect(try db.query("SELECT tags FROM t").rows[0].decode([String].self, "tags") == tags)
        let elements = try db.query("""
            SELECT element, octet_length(element) AS octets
            FROM t, unnest(tags) WITH ORDINALITY AS u(element, position) ORDER BY position
            """).rows
        #expect(try elements.map { try $0.decode(String.self, "element") } == tags)
        #expect(try elements.map { try $0.decode(Int.self, "octets") } == tags.map(\.utf8.count))
    }

    @Test("bigint[] and integer[] bind as typed arrays and unnest side by side with text[]")
    func integerArrays() throws {
        let db = try freshConnection()
        let ids = [Int.max, -1, 0, 3_000_000_000]
        let numbers: [Int32] = [Int32.min, 7, 0, 42]
        let tags = ["甲", #"q"uote"#, #"b\s"#, ""]
        let rows = try db.query("""
            SELECT id, n, tag, pg_typeof(\(ids))::text AS ids_type, pg_typeof(\(numbers))::text AS numbers_type
            FROM unnest(\(ids), \(numbers), \(tags)) WITH ORDINALITY AS u(id, n, tag, position) ORDER BY position
            """).rows
        #expect(try rows.map { try $0.decode(Int.self, "id") } == ids)
        #expect(try rows.map { try $0.decode(Int32.self, "n") } == numbers)
        #expect(try rows.map { try $0.decode(String.self, "tag") } == tags)
        #expect(try rows[0].decode(String.self, "ids_type") == "bigint[]")
        #expect(try rows[0].decode(String.self, "numbers_type") == "integer[]")
        let none: [Int] = []
        #expect(try count("SELECT cardinality(\(none)) AS n", on: db) == 0)
    }

    @Test("an empty array and an array of one empty string stay distinct")
    func emptyArrays() throws {
        let db = try freshConnection()
        let none: [String] = []
        let blank = [""]
        let row = try db.query(
            "SELECT \(none) AS none, cardinality(\(none)) AS none_n, \(blank) AS blank, cardinality(\(blank)) AS blank_n"
        ).rows[0]
        #expect(try row.decode([String].self, "none") == [])
        #expect(try row.decode(Int.self, "none_n") == 0)
        #expect(try row.decode([String].self, "blank") == [""])
        #expect(try row.decode(Int.self, "blank_n") == 1)
    }

    @Test("a text[] built by the server decodes")
    func arrayFromServer() throws {
        let db = try freshConnection()
        let row = try db.query(#"SELECT ARRAY['x', 'a b', 'c,d', 'e"f', 'g\h', '', '中文'] AS tags"#).rows[0]
        #expect(try row.decode([String].self, "tags") == ["x", "a b", "c,d", #"e"f"#, #"g\h"#, "", "中文"])
    }

    @Test("a NULL element cannot decode into [String]")
    func nullElement() throws {
        let db = try freshConnection()
        let row = try db.query("SELECT ARRAY['a', NULL] AS tags").rows[0]
        let error = try #require(throws: PostgresError.self) { try row.decode([String].self, "tags") }
        #expect(error.kind == .decoding)
        #expect(error.message.contains("tags"))
    }
}
