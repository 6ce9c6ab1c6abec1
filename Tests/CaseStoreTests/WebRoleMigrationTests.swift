import CaseStore
import Casework
import Foundation
import Postgres
import Testing
import TestSupport

/// Migration 8 and the cluster-wide role jianyi_web: databases migrating side by side, and an
/// owner that may not create roles once a DBA has made it.
@Suite struct WebRoleMigrationTests {
    @Test func databasesMigratingAtOnceEachGrantTheWebRole() throws {
        let urls = try (0..<3).map { _ in try TestDatabase.empty() }
        let failures = NSLockedArray()
        try runAll(urls.map { url in
            Thread { do { try Migrator().migrate(try Connection(url)) } catch { failures.append("\(error)") } }
        })
        #expect(failures.items.isEmpty)
        for url in urls {
            let web = try Connection("\(url) user=jianyi_web")
            #expect(try web.query("SELECT count(*) AS n FROM schema_migrations").rows[0].decode(Int.self, "n") == Migration.all.count)
        }
    }

    @Test func anOwnerWhoMayNotCreateRolesMigratesOnceTheRoleExists() throws {
        let admin = try TestDatabase.admin()
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).lowercased()
        let owner = "jianyi_owner_\(suffix)", database = "jianyi_t_owner_\(suffix)"
        try admin.execute(PostgresQuery(unsafeSQL: "CREATE ROLE \(owner) LOGIN NOSUPERUSER NOCREATEROLE"))
        try admin.execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(database) OWNER \(owner) TEMPLATE template0 ENCODING 'UTF8'"))
        defer {
            _ = try? admin.execute(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(database)"))
            _ = try? admin.execute(PostgresQuery(unsafeSQL: "DROP ROLE IF EXISTS \(owner)"))
        }
        // PostgreSQL 15 and later no longer let everyone create in the public schema.
        try Connection("dbname=\(database)").execute(PostgresQuery(unsafeSQL: "ALTER SCHEMA public OWNER TO \(owner)"))
        let applied = try Migrator().migrate(try Connection("dbname=\(database) user=\(owner)"))
        #expect(applied.count == Migration.all.count)
        let web = try Connection("dbname=\(database) user=jianyi_web")
        #expect(try web.query("SELECT count(*) AS n FROM congress").rows[0].decode(Int.self, "n") == 0)
    }
}

/// A migration the migrating user lacks a privilege for (8, creating jianyi_web without
/// CREATEROLE) stops, typed, and passes on who can do it (the CLI words it with exit 69:
/// ErrorTextTests).
@Suite struct MigrationPrivilegeTests {
    @Test func aRefusedMigrationSaysWhoCanDoIt() throws {
        let url = try TestDatabase.empty()
        let refusing = Migration(version: 1, name: "needs_a_role", sql: """
            DO $$ BEGIN
                RAISE EXCEPTION 'needs a role' USING ERRCODE = 'insufficient_privilege', HINT = 'have a DBA create it';
            END $$;
            """)
        #expect(throws: SchemaError.migrationRefused(version: 1, name: "needs_a_role", reason: "needs a role", hint: "have a DBA create it")) {
            try Migrator(migrations: [refusing]).migrate(try Connection(url))
        }
    }
}
