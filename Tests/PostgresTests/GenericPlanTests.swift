import Postgres
import Testing

/// A word of a closed vocabulary, as the domain's enums are.
private enum Status: String, PostgresConstant, CaseIterable {
    case open, met, quoted = "it's"
    static var postgresType: UInt32 { PostgresType.text }
    var postgresText: String { rawValue }
}

/// Statements a web request repeats keep one generic plan per connection, and a partial index's
/// predicate written as a literal is one that plan can use.
@Suite("Generic plans for repeated statements")
struct GenericPlanTests {
    /// A table of 20,000 obligations, 200 of them open, with a partial index on the open ones.
    func owed() throws -> Connection {
        let db = try freshConnection()
        db.prepareStatements()
        try db.runScript("""
            CREATE TABLE owed (id int PRIMARY KEY, unit text NOT NULL, status text NOT NULL, due int NOT NULL);
            INSERT INTO owed SELECT i, 'U' || ((i / 100) % 10), CASE WHEN i % 100 = 0 THEN 'open' ELSE 'met' END, i % 365
            FROM generate_series(1, 20000) i;
            CREATE INDEX owed_open ON owed (unit, due) WHERE status = 'open';
            ANALYZE owed;
            """)
        return db
    }

    /// How often the server planned `sql` (as this session prepared it) generically and custom.
    func plans(_ db: Connection, like pattern: String) throws -> (generic: Int, custom: Int) {
        let row = try db.query("SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE \(pattern)").rows[0]
        return (try row.decode(Int.self, "generic_plans"), try row.decode(Int.self, "custom_plans"))
    }

    func page(_ unit: String, limit: Int, offset: Int) -> PostgresQuery {
        "SELECT id FROM owed WHERE unit = \(unit) AND status = \(literal: Status.open) ORDER BY due, id LIMIT \(limit) OFFSET \(offset)"
    }

    @Test("a constant is written into the text as a quoted literal, quotes doubled")
    func literal() throws {
        let query: PostgresQuery = "SELECT \(literal: Status.open) AS a, \(literal: Status.quoted) AS b, \(1) AS c"
        #expect(query.sql == "SELECT 'open' AS a, 'it''s' AS b, $1 AS c")
        #expect(query.binds.count == 1)
        let row = try freshConnection().query(query).rows[0]
        #expect(row["a"] == "open")
        #expect(row["b"] == "it's")
    }

    @Test("a page read through pipelineWithGenericPlans is planned once, the same page through pipeline every time")
    func plannedOnce() throws {
        let db = try owed()
        for offset in 0..<7 {
            let results = try db.pipelineWithGenericPlans([page("U0", limit: 5, offset: offset)])
            #expect(try results.count == 1 && results[0].rows.map { try $0.decode(Int.self, "id") }.count == 5)
        }
        #expect(try plans(db, like: "SELECT id FROM owed WHERE unit = $1%") == (generic: 7, custom: 0))
        // The statements that set plan_cache_mode and put it back are prepared too: parsed once,
        // not on every call.
        #expect(try db.query("SELECT count(*) AS n FROM pg_prepared_statements WHERE statement LIKE '%set_config(%plan_cache_mode%'")
            .rows[0].decode(Int.self, "n") == 3)
        // The control: left to itself PostgreSQL plans at least the first five executions with
        // their values (and every one after while the generic plan looks dearer, as a LIMIT $n
        // makes it on a large table: the unit's obligation page at a million cases).
        let other: PostgresQuery = "SELECT id, due FROM owed WHERE unit = \("U1") AND status = \(literal: Status.open) ORDER BY due, id LIMIT \(5) OFFSET \(0)"
        for _ in 0..<7 { _ = try db.pipeline([other]) }
        #expect(try plans(db, like: "SELECT id, due FROM owed%").custom >= 5)
    }

    @Test("the generic plan uses the partial index when its predicate is a literal, not when it is a parameter")
    func partialIndex() throws {
        let db = try owed()
        // The statement prepared by name, its generic plan explained.
        func plan(_ query: PostgresQuery, types: String, values: String) throws -> String {
            try db.transaction { db in
                try db.runScript("PREPARE q(\(types)) AS \(query.sql); SET LOCAL plan_cache_mode = force_generic_plan")
                defer { _ = try? db.runScript("DEALLOCATE q") }
                return try db.query(PostgresQuery(unsafeSQL: "EXPLAIN EXECUTE q(\(values))")).rows
                    .map { try $0.decode(String.self, "QUERY PLAN") }.joined(separator: "\n")
            }
        }
        #expect(try plan(page("U3", limit: 5, offset: 0), types: "text, bigint, bigint", values: "'U3', 5, 0").contains("owed_open"))
        let bound: PostgresQuery = "SELECT id FROM owed WHERE unit = \("U3") AND status = \(Status.open) ORDER BY due, id LIMIT \(5) OFFSET \(0)"
        #expect(try !plan(bound, types: "text, text, bigint, bigint", values: "'U3', 'open', 5, 0").contains("owed_open"))
    }

    @Test("only a connection that prepares its statements is told to keep generic plans")
    func onlyWhenPrepared() throws {
        let mode: PostgresQuery = "SELECT current_setting('plan_cache_mode') AS m, \(1) AS x"
        let unprepared = try freshConnection()
        #expect(try unprepared.pipelineWithGenericPlans([mode])[0].rows[0]["m"] == "auto")
        let prepared = try freshConnection()
        prepared.prepareStatements()
        #expect(try prepared.pipelineWithGenericPlans([mode])[0].rows[0]["m"] == "force_generic_plan")
        // A statement past the connection's capacity runs unprepared, and so do the others with it.
        let full = try freshConnection()
        full.prepareStatements(capacity: 1)
        _ = try full.query("SELECT \(1) AS filler")
        #expect(try full.pipelineWithGenericPlans([mode])[0].rows[0]["m"] == "auto")
    }

    @Test("outside a transaction the pipeline is one implicit transaction: a failure undoes the statements before it")
    func implicitTransaction() throws {
        let db = try owed()
        #expect(throws: PostgresError.self) {
            try db.pipelineWithGenericPlans(["DELETE FROM owed WHERE id = \(1)", "SELECT 1 / \(0) AS n"])
        }
        #expect(try count("SELECT count(*) AS n FROM owed WHERE id = \(1)", on: db) == 1)
    }

    @Test("plan_cache_mode is back to what it was after the statements, in a transaction, outside one and after a failure")
    func settingRestored() throws {
        let db = try owed()
        func mode() throws -> String { try db.query("SELECT current_setting('plan_cache_mode') AS m").rows[0].decode(String.self, "m") }
        _ = try db.pipelineWithGenericPlans([page("U0", limit: 1, offset: 0)])
        #expect(try mode() == "auto")
        try db.transaction { db in
            _ = try db.query("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)")
            let results = try db.pipelineWithGenericPlans([page("U0", limit: 1, offset: 0), "SELECT \(2) AS n"])
            #expect(try results[1].rows[0].decode(Int.self, "n") == 2)
            #expect(try mode() == "force_custom_plan")
        }
        #expect(throws: PostgresError.self) { try db.pipelineWithGenericPlans(["SELECT 1 / \(0) AS n"]) }
        #expect(try mode() == "auto")
    }
}
