import Postgres
import Testing

/// COPY is all-or-nothing: every failure test checks that no row arrived and that the
/// connection is back in a state where an ordinary query works.
@Suite("COPY FROM STDIN and TO STDOUT")
struct CopyTests {
    static let trickyRows: [[String?]] = [
        ["1", "tab\there\tand there", nil],
        ["2", "line\nbreak\r\ncrlf\rlone cr", #"back\slash \N \. \t"#],
        ["3", "关于加快老旧小区改造的建议", ""],
        ["4", #"\"#, "ends with backslash\\"],
        ["5", "\\.", "👨‍👩‍👧‍👦🇨🇳 \"quoted\" 'single'"],
        ["6", "", nil],
    ]

    @Test("tricky fields round-trip exactly")
    func trickyFields() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (id int PRIMARY KEY, body text, remark text)")
        let copied = try db.copyIn("COPY note (id, body, remark) FROM STDIN") { writer in
            for row in Self.trickyRows { try writer.writeRow(row) }
        }
        #expect(copied == Self.trickyRows.count)

        let rows = try db.query("SELECT id, body, remark, octet_length(body) AS octets FROM note ORDER BY id").rows
        try #require(rows.count == Self.trickyRows.count)
        for (row, expected) in zip(rows, Self.trickyRows) {
            let body = try row.decode(String.self, "body")
            #expect(try row.decode(Int.self, "id") == Int(expected[0]!))
            #expect(Array(body.utf8) == Array(expected[1]!.utf8))
            #expect(try row.decode(Int.self, "octets") == expected[1]!.utf8.count)
            #expect(try row.decode(String?.self, "remark") == expected[2])
        }
        #expect(try count("SELECT count(*) AS n FROM note WHERE remark IS NULL", on: db) == 2)
    }

    @Test("an empty field in a one-column table is an empty string, not NULL")
    func singleEmptyField() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (body text)")
        try db.copyIn("COPY note FROM STDIN") { writer in
            try writer.writeRow([""])
            try writer.writeRow([nil])
        }
        #expect(try count("SELECT count(*) AS n FROM note WHERE body = ''", on: db) == 1)
        #expect(try count("SELECT count(*) AS n FROM note WHERE body IS NULL", on: db) == 1)
    }

    @Test("many rows across several chunks all arrive")
    func manyChunks() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (id int8, body text)")
        let rows = 50_000
        let copied = try db.copyIn("COPY note FROM STDIN") { writer in
            for id in 1...rows { try writer.writeRow([String(id), "第\(id)条建议"]) }
        }
        #expect(copied == rows)
        let check = try db.query("SELECT count(*) AS n, sum(id) AS total FROM note").rows[0]
        #expect(try check.decode(Int.self, "n") == rows)
        #expect(try check.decode(Int.self, "total") == rows * (rows + 1) / 2)
    }

    @Test("raw write passes text through in the COPY's own format")
    func rawWrite() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (id int, body text)")
        let copied = try db.copyIn("COPY note FROM STDIN (FORMAT csv)") { writer in
            try writer.write("1,\"a, \"\"quoted\"\" 中文\"\n")
            try writer.write("2,\n")
        }
        #expect(copied == 2)
        let rows = try db.query("SELECT body FROM note ORDER BY id").rows
        #expect(try rows[0].decode(String.self, "body") == "a, \"quoted\" 中文")
        #expect(try rows[1].decode(String?.self, "body") == nil)
    }

    @Test("a throw inside the body aborts the COPY, even after data was sent")
    func throwAborts() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (id int8, body text)")
        #expect(throws: Boom()) {
            try db.copyIn("COPY note FROM STDIN") { writer in
                // Well past one chunk, so some rows have already reached the server.
                for id in 1...20_000 { try writer.writeRow([String(id), "关于加快老旧小区改造的建议"]) }
                throw Boom()
            }
        }
        #expect(try count("SELECT count(*) AS n FROM note", on: db) == 0)
    }

    @Test("a bad row raises the server's error and copies nothing", arguments: [1, 100_000])
    func badRow(goodRowsAfter: Int) throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE tally (n int)")
        let error = try #require(throws: PostgresError.self) {
            try db.copyIn("COPY tally FROM STDIN") { writer in
                try writer.writeRow(["1"])
                try writer.writeRow(["abc"])
                // Many rows after the bad one: the server has failed while data still flows.
                for n in 0..<goodRowsAfter { try writer.writeRow([String(n)]) }
            }
        }
        #expect(error.kind == .server)
        #expect(error.sqlState == "22P02")
        #expect(error.message.contains("abc"))
        #expect(try count("SELECT count(*) AS n FROM tally", on: db) == 0)
    }

    @Test("a NUL byte in a field is refused and nothing is copied")
    func nulField() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (body text)")
        let error = try #require(throws: PostgresError.self) {
            try db.copyIn("COPY note FROM STDIN") { writer in
                try writer.writeRow(["fine"])
                try writer.writeRow(["bad\u{0}byte"])
            }
        }
        #expect(error.kind == .client)
        #expect(error.message.contains("NUL"))
        #expect(try count("SELECT count(*) AS n FROM note", on: db) == 0)
    }

    @Test("copyIn refuses a statement that is not COPY FROM STDIN")
    func notACopy() throws {
        let db = try freshConnection()
        let error = try #require(throws: PostgresError.self) {
            try db.copyIn("SELECT 1") { writer in try writer.writeRow(["1"]) }
        }
        #expect(error.kind == .client)
        let serverError = try #require(throws: PostgresError.self) {
            try db.copyIn("COPY no_such_table FROM STDIN") { writer in try writer.writeRow(["1"]) }
        }
        #expect(serverError.sqlState == SQLState.undefinedTable)
        #expect(try count("SELECT 1 AS n", on: db) == 1)
    }

    @Test("COPY TO STDOUT delivers the expected bytes and row count")
    func copyOut() throws {
        let db = try freshConnection()
        var bytes: [UInt8] = []
        let copied = try db.copyOut("COPY (SELECT n, 'row ' || n FROM generate_series(1, 1000) n) TO STDOUT") { chunk in
            bytes.append(contentsOf: chunk)
        }
        #expect(copied == 1000)
        let expected = (1...1000).map { "\($0)\trow \($0)\n" }.joined()
        #expect(bytes == Array(expected.utf8))
    }

    @Test("COPY TO STDOUT escapes what COPY FROM STDIN unescapes")
    func copyOutEscapes() throws {
        let db = try freshConnection()
        try db.execute("CREATE TABLE note (id int PRIMARY KEY, body text, remark text)")
        try db.copyIn("COPY note FROM STDIN") { writer in
            for row in Self.trickyRows { try writer.writeRow(row) }
        }
        var bytes: [UInt8] = []
        let copied = try db.copyOut("COPY (SELECT * FROM note ORDER BY id) TO STDOUT") { bytes.append(contentsOf: $0) }
        #expect(copied == Self.trickyRows.count)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("1\ttab\\there\\tand there\t\\N\n2\tline\\nbreak\\r\\ncrlf\\rlone cr\t"))
        #expect(text.contains("3\t关于加快老旧小区改造的建议\t\n"))
        #expect(text.hasSuffix("6\t\t\\N\n"))
    }

    @Test("a throw while reading COPY output is rethrown and the connection stays usable")
    func copyOutThrows() throws {
        let db = try freshConnection()
        var chunks = 0
        #expect(throws: Boom()) {
            try db.copyOut("COPY (SELECT n FROM generate_series(1, 10000) n) TO STDOUT") { _ in
                chunks += 1
                throw Boom()
            }
        }
        #expect(chunks == 1)
        #expect(try count("SELECT 2 AS n", on: db) == 2)
    }
}
