import CaseStore
import Casework
import Postgres
import TestSupport
import Testing

/// Migration 6: no date column holds a day outside 1900-01-01…9999-12-31, the days jianyi can
/// read back; rows already outside stop the migration, named, rather than being changed.
@Suite struct DateRangeMigrationTests {
    @Test func everyDateColumnIsCheckedToTheRange() throws {
        let db = try Connection(try TestDatabase.migrated())
        let unchecked = try db.query("""
            SELECT c.table_name || '.' || c.column_name AS col FROM information_schema.columns c
            WHERE c.table_schema = current_schema() AND c.data_type = 'date'
              AND NOT EXISTS (
                  SELECT 1 FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                  WHERE k.conrelid = format('%I', c.table_name)::regclass AND k.contype = 'c' AND a.attname = c.column_name
                    AND pg_get_constraintdef(k.oid) LIKE '%1900-01-01%9999-12-31%')
            ORDER BY 1
            """).rows.map { try $0.decode(String.self, "col") }
        #expect(unchecked == [], "date columns without the range check: \(unchecked)")
    }

    @Test(arguments: ["10000-01-17", "1899-12-31"])
    func aDayOutsideCannotBeStored(day: String) throws {
        let db = try Connection(try TestDatabase.migrated())
        try db.execute("INSERT INTO congress (code, name, level) VALUES ('LL', '吕梁市人民代表大会', 'city')")
        let refusal = try #require(throws: PostgresError.self) {
            try db.execute("""
                INSERT INTO session (congress_id, code, term, meeting, opened_on, closed_on)
                SELECT congress_id, '5-4', 5, 4, \(day)::date, \(day)::date FROM congress
                """)
        }
        #expect(refusal.sqlState == "23514")
        #expect(refusal.message.contains("_on_in_range"), "\(refusal.message)")
    }

    @Test func rowsAlreadyOutsideStopTheMigrationNamingWhereTheyAre() throws {
        let db = try Connection(try TestDatabase.empty())
        let before = Migration.all.filter { $0.version < 6 }
        try Migrator(migrations: before).migrate(db)
        try db.execute("INSERT INTO congress (code, name, level) VALUES ('LL', '吕梁市人民代表大会', 'city')")
        try db.execute("""
            INSERT INTO session (congress_id, code, term, meeting, opened_on, closed_on)
            SELECT congress_id, '5-4', 5, 4, '0024-01-20', '10000-01-17' FROM congress
            """)
        let refusal = try #require(throws: SchemaError.self) { try Migrator().migrate(db) }
        // Where the rows are, and what to do: not the generic "a row breaks a rule".
        guard case .migrationStopped(6, "dates_in_range", let reason, let hint) = refusal else { Issue.record("\(refusal)"); return }
        #expect(reason.contains("rows outside: session.closed_on: 1, session.opened_on: 1"), "\(reason)")
        #expect(("\(reason); \(hint ?? "")").contains("case_event is append-only"), "\(reason) \(hint ?? "")")
        #expect(try Migrator().status(db).first { $0.version == 6 }?.state == .pending)
        // Once the rows are put right, the migration applies.
        try db.execute("UPDATE session SET opened_on = '2024-01-20', closed_on = '2024-01-23'")
        #expect(try Migrator().migrate(db).map(\.version).contains(6))
    }
}
