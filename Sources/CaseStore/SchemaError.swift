import Casework

/// Why the database cannot serve this jianyi as it is: its server, or its migrations.
public enum SchemaError: DomainError, Equatable {
    /// The server is older than the oldest jianyi runs on (versions as `server_version_num`).
    case serverTooOld(oldest: Int, server: Int)
    /// A migration that checks the data first found rows it cannot convert, and changed nothing.
    case migrationStopped(version: Int, name: String, reason: String, hint: String?)
    /// A migration needs a privilege the migrating user lacks (8: creating the role jianyi_web); the hint says who can.
    case migrationRefused(version: Int, name: String, reason: String, hint: String)
    /// No `schema_migrations` table: nothing was ever migrated.
    case notSetUp
    /// The database has a migration this binary does not know (after `migrate`, its name).
    case newerThanBinary(version: Int, name: String?)
    case pending([Int])
    /// A `schema_migrations` table without the columns jianyi gives it: another program's.
    case foreignMigrationsTable(missing: [String])
}
