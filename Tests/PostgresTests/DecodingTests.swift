import Postgres
import Testing

/// A decoding error must name the column, since that is all a caller has to go on.
@Suite("Decoding errors")
struct DecodingTests {
    @Test("NULL into a non-optional is a decoding error naming the column")
    func nullIntoNonOptional() throws {
        let db = try freshConnection()
        let row = try db.query("SELECT NULL::text AS petition_title, NULL::int8 AS petition_count").rows[0]
        let text = try #require(throws: PostgresError.self) { try row.decode(String.self, "petition_title") }
        #expect(text.kind == .decoding)
        #expect(text.message.contains("petition_title"))
        let number = try #require(throws: PostgresError.self) { try row.decode(Int.self, "petition_count") }
        #expect(number.kind == .decoding)
        #expect(number.message.contains("petition_count"))
        #expect(try row.decode(String?.self, "petition_title") == nil)
    }

    @Test("text that is not a number is a decoding error naming column and value")
    func textAsInt() throws {
        let db = try freshConnection()
        let row = try db.query("SELECT 'abc' AS code, '1.5' AS ratio, 'yes' AS flag").rows[0]
        let error = try #require(throws: PostgresError.self) { try row.decode(Int.self, "code") }
        #expect(error.kind == .decoding)
        #expect(error.message.contains("code"))
        #expect(error.message.contains("abc"))
        #expect(throws: PostgresError.self) { try row.decode(Int?.self, "code") }
        #expect(throws: PostgresError.self) { try row.decode(Int.self, "ratio") }
        #expect(throws: PostgresError.self) { try row.decode(Bool.self, "flag") }
        #expect(throws: PostgresError.self) { try row.decode(PostgresDate.self, "code") }
    }

    @Test("an unknown column is a decoding error listing the columns there are")
    func unknownColumn() throws {
        let db = try freshConnection()
        let row = try db.query("SELECT 1 AS id, 'x' AS title").rows[0]
        let error = try #require(throws: PostgresError.self) { try row.decode(String.self, "titel") }
        #expect(error.kind == .decoding)
        #expect(error.message.contains("titel"))
        #expect(error.message.contains("id, title"))
        #expect(throws: PostgresError.self) { try row.decode(String?.self, "titel") }
        #expect(row["titel"] == nil)
        #expect(row["title"] == "x")
    }

    @Test("columns found once by name read by position, with the same errors naming them")
    func byPosition() throws {
        let db = try freshConnection()
        let row = try db.query("SELECT 1 AS id, NULL::text AS title, 'x' AS code").rows[0]
        let id = try row.columns.position(of: "id"), title = try row.columns.position(of: "title")
        #expect(try row.decode(Int.self, at: id) == 1)
        #expect(try row.decode(String.self, at: try row.columns.position(of: "code")) == "x")
        let null = try #require(throws: PostgresError.self) { try row.decode(String.self, at: title) }
        #expect(null.message.contains("\"title\" is NULL"))
        let wrong = try #require(throws: PostgresError.self) { try row.decode(Int.self, at: try row.columns.position(of: "code")) }
        #expect(wrong.message.contains("\"code\""))
        let missing = try #require(throws: PostgresError.self) { try row.columns.position(of: "titel") }
        #expect(missing.kind == .decoding && missing.message.contains("id, title, code"))
    }

    @Test("an int8 beyond Int32 does not silently truncate")
    func overflow() throws {
        let db = try freshConnection()
        let row = try db.query("SELECT 3000000000::int8 AS big").rows[0]
        #expect(throws: PostgresError.self) { try row.decode(Int32.self, "big") }
        #expect(try row.decode(Int.self, "big") == 3_000_000_000)
    }
}
