import Casework
import Logging
import Postgres

/// The jianyi database: one connection, used by one command at a time.
///
/// Every method is one use case and runs in one transaction, so a failure leaves nothing
/// half-written. Those that record something and call back into nothing run in
/// `retryingTransaction`: a serialization failure, a deadlock or a lock or statement timeout
/// runs them again (3 attempts in all) before the error reaches the user.
public final class Store {
    /// Only CaseStore speaks SQL: front ends go through the use cases below.
    let connection: Connection
    /// Who is acting, recorded with every event: the CLI's user, or inside `acting(as:)` the
    /// account's login.
    public internal(set) var actor: String
    /// The account acting inside `acting(as:)`, whose party each step checks on the locked
    /// case; nil for the CLI (the owner), which acts as the secretariat.
    public internal(set) var account: Account?
    /// Where the store says what it did (stderr when the CLI enables it).
    public var logger = Logger(label: "jianyi.store")
    /// The acting congress's `rules_version`, read as `acting(as:)` set the actor; nil outside.
    var rulesVersion: Int64?
    /// Rules read while acting, reused while their congress's rules_version stands.
    var rulesCache = RulesCache()

    /// Opens the database at `url` (libpq URI or conninfo; nil uses libpq's defaults).
    /// An unreachable server becomes `Failure(.unavailable)`, which says where it tried.
    public init(url: String?, actor: String) throws {
        do {
            connection = try Connection(url, applicationName: "jianyi")
        } catch let error as PostgresError where error.kind == .connection {
            throw Failure(.unavailable, error.message)
        }
        self.actor = actor
    }

    /// Where the connection went (host, port, database), for diagnostics; no password.
    public var target: String { connection.target }

    /// Fails with exit 78 unless the schema matches this binary.
    public func requireMigrated() throws {
        try Migrator().requireCurrent(connection)
    }

    /// Applies the pending migrations in order, telling `progress` before each; returns them.
    public func migrate(progress: (Migration) -> Void = { _ in }) throws -> [Migration] {
        try Migrator().migrate(connection, progress: progress)
    }

    /// Every migration this binary knows and every one the database recorded, with its state.
    public func migrationStatus() throws -> [MigrationStatus] {
        try Migrator().status(connection)
    }
}

/// Turns a constraint error into the typed refusal of the value that caused it.
@discardableResult
func translate<T>(_ refusal: (PostgresError) -> (any DomainError)?, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as PostgresError {
        if let refusal = refusal(error) { throw refusal }
        throw error
    }
}
