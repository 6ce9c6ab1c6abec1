import Foundation
import Postgres
import TestSupport
import Testing

/// The backup of docs/operations.md, done as written: `pg_dump -Fc`, `pg_restore` into a new
/// database, `jianyi db status`, the same export, and numbering that goes on without a gap.
@Suite struct BackupRestoreTests {
    /// The server's own programs, from the folder Scripts/pg found (`Scripts/pg env` exports it).
    static func program(_ name: String) throws -> String {
        let folder = try #require(ProcessInfo.processInfo.environment["PG_BINDIR"],
                                  "PG_BINDIR is not set: run the tests with Scripts/test (eval \"$(Scripts/pg env test)\")")
        return folder + "/" + name
    }

    static func runProgram(_ path: String, _ arguments: [String]) throws -> (code: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    static func rowCounts(_ conninfo: String) throws -> String {
        let connection = try Connection(conninfo)
        return try ["suggestion", "case_event", "obligation", "assignment", "reply", "rating", "contact", "number_counter"]
            .map { table in
                let n = try connection.query(PostgresQuery(unsafeSQL: "SELECT count(*) AS n FROM \(table)")).rows[0].decode(Int.self, "n")
                return "\(table) \(n)"
            }.joined(separator: "\n")
    }

    @Test func aDumpRestoredIntoANewDatabaseExportsTheSameAndNumberingGoesOn() throws {
        let jianyi = try Jianyi()
        try jianyi.exchangeCases()
        let before = try jianyi.ok("export", "cases", "--format", "jsonl").stdout
        #expect(before.split(separator: "\n").count == 3)

        let dump = try temporaryDirectory() + "/jianyi.dump"
        let dumped = try Self.runProgram(try Self.program("pg_dump"), ["-Fc", "-f", dump, "-d", jianyi.database])
        try #require(dumped.code == 0, "pg_dump: \(dumped.stderr)")

        let restored = try TestDatabase.empty()
        let loaded = try Self.runProgram(try Self.program("pg_restore"), ["--exit-on-error", "-d", restored, dump])
        try #require(loaded.code == 0, "pg_restore: \(loaded.stderr)")

        let status = try jianyi.run(["db", "status", "--lang", "en"], databaseURL: restored)
        #expect(status.code == 0, "\(status.stderr)")
        #expect(!status.stdout.contains("pending"), "\(status.stdout)")
        #expect(try Self.rowCounts(restored) == Self.rowCounts(jianyi.database))
        let after = try jianyi.run(["export", "cases", "--format", "jsonl"], databaseURL: restored)
        #expect(after.code == 0)
        #expect(after.stdout == before)

        // The counter came with the rows: the next case is 5-4-0003, in the restored database
        // as it would have been in the original.
        let next = try jianyi.run(["register", "--title", "恢复后的第一件建议", "--deputy", "D001", "--session", "5-4",
                                   "--on", "2024-02-01"], databaseURL: restored)
        #expect(next.code == 0, "\(next.stderr)")
        #expect(next.stdout == "5-4-0003\n")
    }
}
