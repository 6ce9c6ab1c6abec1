import Casework
import Postgres

/// One numbered schema change, compiled into the binary from `Schema/NNNN_name.sql`.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// FNV-1a of the SQL, to notice a migration edited after it was applied.
    public var checksum: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// What `db status` reports for one migration.
public struct MigrationStatus: Sendable, Equatable {
    public enum State: String, Sendable, Labelled {
        case applied, pending, modified, unknown

        public var zh: String {
            switch self {
            case .applied: "已应用"
            case .pending: "待应用"
            case .modified: "已应用后被修改"
            case .unknown: "本程序未知"
            }
        }
    }
    public let version: Int
    public let name: String
    public let state: State
    public let appliedAt: String?
}

/// Applies the embedded migrations in order, each in its own transaction, and refuses to
/// work on a schema that is behind or ahead of this binary.
public struct Migrator {
    public let migrations: [Migration]
    /// Serializes concurrent `db migrate` runs: the second waits, then finds nothing to do.
    static let lockKey: Int64 = 0x6A69_616E_7969_0001

    /// The oldest server the migrations run on, as `server_version_num`: by default 14, the
    /// first with statistics on expressions (migration 5).
    public let oldestServer: Int

    /// `130012` → `13.12`, `140000` → `14`, and before 10: `90624` → `9.6.24`.
    public static func versionText(_ number: Int) -> String {
        if number < 100_000 { return "\(number / 10_000).\(number / 100 % 100).\(number % 100)" }
        return number % 10_000 == 0 ? "\(number / 10_000)" : "\(number / 10_000).\(number % 10_000)"
    }

    public init(migrations: [Migration] = Migration.all, oldestServer: Int = 140_000) {
        self.migrations = migrations
        self.oldestServer = oldestServer
    }

    /// Applies what is pending; returns the migrations it applied (none on a rerun).
    @discardableResult
    public func migrate(_ connection: Connection, progress: (Migration) -> Void = { _ in }) throws -> [Migration] {
        // Said before anything is applied, rather than as a syntax error halfway through.
        guard connection.serverVersion >= oldestServer else {
            throw SchemaError.serverTooOld(oldest: oldestServer, server: connection.serverVersion)
        }
        try connection.transaction { connection in
            try connection.advisoryLock(Self.lockKey)
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            _ = try tableExists(connection)
        }
        var applied: [Migration] = []
        for migration in migrations {
            let didApply = try connection.transaction { connection -> Bool in
                try connection.advisoryLock(Self.lockKey)
                let done = try connection.query(
                    "SELECT 1 FROM schema_migrations WHERE version = \(migration.version)")
                guard done.rows.isEmpty else { return false }
                progress(migration)
                do {
                    try connection.runScript(migration.sql)
                } catch let error as PostgresError where error.category == .dataRejected {
                    // A migration that checks the data first (0006) says what it found; the
                    // generic "a row breaks a rule" would leave the user stuck at 78.
                    throw SchemaError.migrationStopped(version: migration.version, name: migration.name, reason: error.message, hint: error.hint)
                } catch let error as PostgresError where error.category == .refused && error.hint != nil {
                    // One that needs what the migrating user may not do (8: create the role
                    // jianyi_web) says who can, as its hint does.
                    throw SchemaError.migrationRefused(version: migration.version, name: migration.name, reason: error.message, hint: error.hint ?? "")
                }
                try connection.execute("""
                    INSERT INTO schema_migrations (version, name, checksum)
                    VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                    """)
                return true
            }
            if didApply { applied.append(migration) }
        }
        let newer = try status(connection).filter { $0.state == .unknown }
        if let first = newer.first {
            throw SchemaError.newerThanBinary(version: first.version, name: first.name)
        }
        return applied
    }

    /// Every known migration with its state, then any the database has that this binary lacks.
    public func status(_ connection: Connection) throws -> [MigrationStatus] {
        var recorded: [Int: (name: String, checksum: String, appliedAt: String)] = [:]
        if try tableExists(connection) {
            for row in try connection.query(
                "SELECT version, name, checksum, to_char(applied_at, 'YYYY-MM-DD HH24:MI:SS TZ') AS applied_at FROM schema_migrations ORDER BY version"
            ).rows {
                recorded[try row.decode(Int.self, "version")] = (
                    try row.decode(String.self, "name"), try row.decode(String.self, "checksum"),
                    try row.decode(String.self, "applied_at"))
            }
        }
        var result = migrations.map { migration -> MigrationStatus in
            guard let done = recorded.removeValue(forKey: migration.version) else {
                return MigrationStatus(version: migration.version, name: migration.name, state: .pending, appliedAt: nil)
            }
            let state: MigrationStatus.State = done.checksum == migration.checksum ? .applied : .modified
            return MigrationStatus(version: migration.version, name: migration.name, state: state, appliedAt: done.appliedAt)
        }
        result += recorded.sorted { $0.key < $1.key }.map {
            MigrationStatus(version: $0.key, name: $0.value.name, state: .unknown, appliedAt: $0.value.appliedAt)
        }
        return result
    }

    /// Throws a configuration failure (exit 78) unless every migration is applied and the
    /// database has none this binary does not know.
    public func requireCurrent(_ connection: Connection) throws {
        guard try tableExists(connection) else {
            throw SchemaError.notSetUp
        }
        let versions = Set(try connection.query("SELECT version FROM schema_migrations").rows.map { try $0.decode(Int.self, "version") })
        let known = Set(migrations.map(\.version))
        if let newer = versions.subtracting(known).min() {
            throw SchemaError.newerThanBinary(version: newer, name: nil)
        }
        let pending = known.subtracting(versions).sorted()
        if !pending.isEmpty {
            throw SchemaError.pending(pending)
        }
    }

    /// Whether schema_migrations exists. One that lacks the columns jianyi gives it belongs to
    /// another program's database: said as a configuration problem (78), before any query on
    /// it fails in a way that looks like a bug.
    private func tableExists(_ connection: Connection) throws -> Bool {
        guard try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present").rows[0].decode(Bool.self, "present") else {
            return false
        }
        let columns = try connection.query("""
            SELECT attname::text AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
            WHERE attrelid = 'schema_migrations'::regclass AND attnum > 0 AND NOT attisdropped
            """).rows.map { "\(try $0.decode(String.self, "name")) \(try $0.decode(String.self, "type"))" }
        let missing = Self.recordColumns.filter { !columns.contains($0) }
        guard missing.isEmpty else {
            throw SchemaError.foreignMigrationsTable(missing: missing)
        }
        return true
    }

    /// The columns `migrate` creates schema_migrations with, as `name type`.
    static let recordColumns = ["version integer", "name text", "checksum text", "applied_at timestamp with time zone"]
}
