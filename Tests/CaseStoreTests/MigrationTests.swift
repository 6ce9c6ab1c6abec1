@testable import CaseStore
import Casework
import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct MigrationTests {
    @Test func migratesOnceAndRerunsAsNoOp() throws {
        let db = try Connection(try TestDatabase.empty())
        #expect(throws: SchemaError.notSetUp) {
            try Migrator().requireCurrent(db)
        }
        let first = try Migrator().migrate(db)
        #expect(first.map(\.version) == Migration.all.map(\.version))
        #expect(try Migrator().migrate(db).isEmpty)
        #expect(try Migrator().status(db).allSatisfy { $0.state == .applied })
        try Migrator().requireCurrent(db)
    }

    @Test func aServerOlderThanNeededIsRefusedBeforeAnythingIsApplied() throws {
        let db = try Connection(try TestDatabase.empty())
        let version = db.serverVersion
        let oldest = (version / 10_000 + 1) * 10_000
        #expect(throws: SchemaError.serverTooOld(oldest: oldest, server: version)) { try Migrator(oldestServer: oldest).migrate(db) }
        let tables = try db.query("SELECT count(*) AS n FROM pg_tables WHERE tablename = 'schema_migrations'").rows[0]
        #expect(try tables.decode(Int.self, "n") == 0)
        #expect(try Migrator(oldestServer: version).migrate(db).count == Migration.all.count)
    }

    @Test func serverVersionsReadAsPeopleWriteThem() {
        #expect(Migrator.versionText(150004) == "15.4")
        #expect(Migrator.versionText(140000) == "14")
        #expect(Migrator.versionText(90624) == "9.6.24")
    }

    @Test func pendingMigrationIsReported() throws {
        let db = try Connection(try TestDatabase.empty())
        try Migrator(migrations: Array(Migration.all.prefix(1))).migrate(db)
        #expect(throws: SchemaError.pending(Migration.all.dropFirst().map(\.version))) {
            try Migrator().requireCurrent(db)
        }
        let status = try Migrator().status(db)
        #expect(status.map(\.state) == [.applied] + Array(repeating: .pending, count: Migration.all.count - 1))
    }

    @Test func newerSchemaIsRefused() throws {
        let db = try Connection(try TestDatabase.migrated())
        try db.execute("INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'future', 'x')")
        #expect(throws: SchemaError.newerThanBinary(version: 9999, name: nil)) {
            try Migrator().requireCurrent(db)
        }
        #expect(try Migrator().status(db).last?.state == .unknown)
    }

    @Test func editedMigrationShowsAsModified() throws {
        let db = try Connection(try TestDatabase.migrated())
        try db.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
        #expect(try Migrator().status(db).first?.state == .modified)
    }

    @Test func concurrentMigratorsApplyEachMigrationOnce() throws {
        let url = try TestDatabase.empty()
        let failures = NSLockedArray()
        let threads = (0..<4).map { _ in
            Thread {
                do { try Migrator().migrate(try Connection(url)) } catch { failures.append("\(error)") }
            }
        }
        try runAll(threads)
        #expect(failures.items.isEmpty)
        let db = try Connection(url)
        let rows = try db.query("SELECT count(*) AS n, count(DISTINCT version) AS d FROM schema_migrations").rows[0]
        #expect(try rows.decode(Int.self, "n") == Migration.all.count)
        #expect(try rows.decode(Int.self, "d") == Migration.all.count)
    }

    /// The migrations compiled into the binary are exactly the files in Schema/.
    @Test func embeddedSchemaMatchesSchemaFolder() throws {
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Schema").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: schema.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files.count == Migration.all.count, "run Scripts/embed-schema")
        for (file, migration) in zip(files, Migration.all) {
            let text = try String(contentsOf: schema.appendingPathComponent(file), encoding: .utf8)
            #expect(file == String(format: "%04d_%@.sql", migration.version, migration.name))
            #expect(text == migration.sql, "\(file) differs from the embedded copy: run Scripts/embed-schema")
        }
    }
}

final class NSLockedArray: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ item: String) { lock.lock(); storage.append(item); lock.unlock() }
    var items: [String] { lock.lock(); defer { lock.unlock() }; return storage }
}

/// Starts every thread, then waits for all of them (real OS threads, so blocking libpq calls
/// truly overlap, unlike tasks on a 2-core cooperative pool).
func runAll(_ threads: [Thread], timeout: TimeInterval = 120) throws {
    threads.forEach { $0.start() }
    let deadline = Date().addingTimeInterval(timeout)
    while threads.contains(where: { !$0.isFinished }) {
        guard Date() < deadline else { throw PostgresError(kind: .client, message: "threads did not finish in \(timeout) s") }
        Thread.sleep(forTimeInterval: 0.01)
    }
}
