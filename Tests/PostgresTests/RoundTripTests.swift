import Postgres
import Testing

/// Text must come back exactly as it went in; `==` alone is not enough because Swift
/// compares strings by canonical equivalence, so the UTF-8 bytes and the server's own
/// byte count are checked too.
@Suite("Text round-trips through bound parameters")
struct RoundTripTests {
    static let awkwardValues: [String] = [
        "关于加快老旧小区改造的建议",
        "👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 🇨🇳🇺🇸🇪🇺 ❤️‍🔥 🧑🏿‍🚀",
        #"It's "quoted": '' and "" and 'single' and "double""#,
        #"C:\path\to\file \\ \n \t \x00 \' \" E'\\'"#,
        "tab\tnewline\ncrlf\r\nlone cr\r end",
        "  leading and trailing spaces  ",
        // Precomposed and decomposed é are == in Swift but must stay distinct bytes.
        "e\u{301} vs \u{e9}",
        "$1 $2 ? %s :name",
        "NULL",
        #"\N"#,
        "\u{FEFF}BOM and zero\u{200B}width",
    ]

    @Test("awkward text comes back byte for byte", arguments: awkwardValues)
    func awkwardText(_ value: String) throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (id int PRIMARY KEY, body text)")
        try expectRoundTrip(value, in: db)
    }

    @Test("empty string and NULL stay distinct")
    func emptyIsNotNull() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (id int PRIMARY KEY, body text)")
        let empty = ""
        let missing: String? = nil
        try db.execute("INSERT INTO note (id, body) VALUES (1, \(empty)), (2, \(missing))")

        #expect(try count("SELECT count(*) AS n FROM note WHERE body = ''", on: db) == 1)
        #expect(try count("SELECT count(*) AS n FROM note WHERE body IS NULL", on: db) == 1)
        let rows = try db.query("SELECT id, body, octet_length(body) AS octets FROM note ORDER BY id").rows
        try #require(rows.count == 2)
        #expect(try rows[0].decode(String?.self, "body") == "")
        #expect(try rows[0].decode(Int.self, "octets") == 0)
        #expect(try rows[1].decode(String?.self, "body") == nil)
        #expect(try rows[1].decode(Int?.self, "octets") == nil)
    }

    @Test("SQL in a value stays a value and the table survives")
    func injectionIsInert() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE x (id int PRIMARY KEY, body text)")
        let hostile = "'; DROP TABLE x; --"
        try db.execute("INSERT INTO x (id, body) VALUES (1, \(hostile))")
        try db.execute("INSERT INTO x (id, body) VALUES (2, \("$$; DROP TABLE x; $$"))")

        #expect(try db.query("SELECT to_regclass('x') IS NOT NULL AS present").rows[0].decode(Bool.self, "present"))
        #expect(try db.query("SELECT body FROM x WHERE id = 1").rows[0].decode(String.self, "body") == hostile)
        #expect(try count("SELECT count(*) AS n FROM x", on: db) == 2)
    }

    @Test("a value over 1 MB of mixed CJK comes back whole")
    func megabyte() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (id int PRIMARY KEY, body text)")
        let piece = "关于加快老旧小区改造的建议：增设电梯、更换管网。Mixed ASCII 123 😀\t\"'\\\n"
        var big = ""
        while big.utf8.count < 1_048_576 { big += piece }
        try #require(big.utf8.count >= 1_048_576)
        try expectRoundTrip(big, in: db)
    }

    private func expectRoundTrip(
        _ value: String, in db: Connection, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try db.execute("INSERT INTO note (id, body) VALUES (1, \(value))")
        let rows = try db.query(
            "SELECT body, octet_length(body) AS octets, body = \(value) AS same FROM note WHERE id = 1").rows
        try #require(rows.count == 1, sourceLocation: sourceLocation)
        let back = try rows[0].decode(String.self, "body")
        #expect(back == value, sourceLocation: sourceLocation)
        #expect(Array(back.utf8) == Array(value.utf8), sourceLocation: sourceLocation)
        #expect(try rows[0].decode(Int.self, "octets") == value.utf8.count, sourceLocation: sourceLocation)
        #expect(try rows[0].decode(Bool.self, "same"), sourceLocation: sourceLocation)
    }
}
