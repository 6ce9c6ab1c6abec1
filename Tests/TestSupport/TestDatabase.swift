import CaseStore
import Foundation
import Postgres

/// Fresh databases on the test cluster that `Scripts/test` starts.
///
/// The cluster is found through libpq's PG* variables (Scripts/test exports PGHOST, PGPORT,
/// PGUSER), so a database is named by `dbname=…` alone. Each test gets its own database,
/// copied from a migrated template, so tests run in parallel without seeing each other.
public enum TestDatabase {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var template: String?

    /// A new, empty database (no schema); returns its conninfo.
    public static func empty() throws -> String {
        let name = uniqueName("jianyi_t")
        try admin().execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8'"))
        return "dbname=\(name)"
    }

    /// A new database with every migration applied; returns its conninfo.
    public static func migrated() throws -> String {
        let template = try migratedTemplate()
        let name = uniqueName("jianyi_t")
        try admin().execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name) TEMPLATE \(template)"))
        return "dbname=\(name)"
    }

    /// Connects to the cluster's maintenance database, failing loudly when the test
    /// cluster is not there: a test that cannot reach PostgreSQL must fail, never skip.
    public static func admin() throws -> Connection {
        guard ProcessInfo.processInfo.environment["PGHOST"] != nil else {
            throw PostgresError(kind: .connection, message: "PGHOST is not set: run the tests with Scripts/test, which starts a private PostgreSQL")
        }
        return try Connection("dbname=postgres")
    }

    private static func migratedTemplate() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let template { return template }
        let name = uniqueName("jianyi_tpl")
        try admin().execute(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8'"))
        do {
            let connection = try Connection("dbname=\(name)")
            try Migrator().migrate(connection)
        }
        template = name
        return name
    }

    private static func uniqueName(_ prefix: String) -> String {
        "\(prefix)_\(getpid())_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    }
}
