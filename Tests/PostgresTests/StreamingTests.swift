import Postgres
import Testing

@Suite("Streaming rows with forEachRow")
struct StreamingTests {
    @Test("100,000 rows stream through in order and sum correctly")
    func streamsEveryRow() throws {
        let db = try freshConnection()
        let limit = 100_000
        var seen = 0, sum = 0, inOrder = true
        try db.forEachRow("SELECT n, 'row ' || n AS label FROM generate_series(1, \(limit)) n") { row in
            let n = try row.decode(Int.self, "n")
            seen += 1
            sum += n
            if n != seen || row["label"] != "row \(n)" { inOrder = false }
        }
        #expect(seen == limit)
        #expect(sum == limit * (limit + 1) / 2)
        #expect(inOrder)
    }

    @Test("an empty result calls the body never")
    func emptyResult() throws {
        let db = try freshConnection()
        var calls = 0
        try db.forEachRow("SELECT n FROM generate_series(1, 0) n") { _ in calls += 1 }
        #expect(calls == 0)
    }

    @Test("a throw from the body stops the stream, is rethrown, and the connection recovers")
    func throwStopsEarly() throws {
        let db = try freshConnection()
        var calls = 0
        // A long series keeps rows in flight when the body throws, so the cancel path is taken.
        #expect(throws: Boom()) {
            try db.forEachRow("SELECT n FROM generate_series(1, 5000000) n") { row in
                calls += 1
                if try row.decode(Int.self, "n") == 10 { throw Boom() }
            }
        }
        #expect(calls == 10)
        #expect(try count("SELECT 41 + 1 AS n", on: db) == 42)
        var after = 0
        try db.forEachRow("SELECT n FROM generate_series(1, 3) n") { _ in after += 1 }
        #expect(after == 3)
    }

    @Test("a decoding error in the body is rethrown as is")
    func decodingErrorStops() throws {
        let db = try freshConnection()
        let error = try #require(throws: PostgresError.self) {
            try db.forEachRow("SELECT CASE WHEN n < 3 THEN n::text ELSE 'x' END AS v FROM generate_series(1, 100) n") { row in
                _ = try row.decode(Int.self, "v")
            }
        }
        #expect(error.kind == .decoding)
        #expect(try count("SELECT 1 AS n", on: db) == 1)
    }

    @Test("a server error mid-stream arrives after the rows before it")
    func serverErrorMidStream() throws {
        let db = try freshConnection()
        var values: [Int] = []
        let error = try #require(throws: PostgresError.self) {
            try db.forEachRow("SELECT 60 / (5 - n) AS v FROM generate_series(1, 10) n") { row in
                values.append(try row.decode(Int.self, "v"))
            }
        }
        #expect(error.sqlState == "22012")
        #expect(values == [15, 20, 30, 60])
        #expect(try count("SELECT 1 AS n", on: db) == 1)
    }

    @Test("a statement the server refuses throws without calling the body")
    func refusedStatement() throws {
        let db = try freshConnection()
        var calls = 0
        let error = try #require(throws: PostgresError.self) {
            try db.forEachRow("SELECT * FROM no_such_table") { _ in calls += 1 }
        }
        #expect(error.sqlState == SQLState.undefinedTable)
        #expect(calls == 0)
        #expect(try count("SELECT 1 AS n", on: db) == 1)
    }
}
