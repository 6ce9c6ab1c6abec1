import Postgres

/// What a long-running front end (the web service) needs from a store besides its use cases.
extension Store {
    /// Asks the server a trivial question: succeeds only when the connection answers.
    public func ping() throws {
        try connection.query("SELECT 1")
    }

    /// Whether the connection broke; such a store answers nothing more and must be replaced.
    public var isBroken: Bool { connection.isBroken }

    /// Keeps the statements this store repeats prepared on its connection: a pooled store
    /// serves request after request with the same few statements.
    public func prepareStatements() {
        connection.prepareStatements()
    }

    /// Turns PostgreSQL's JIT compilation off on this connection. It starts on the planner's cost
    /// estimate, which a request reading many rows under row security passes (a unit's case list
    /// at a million cases: 42 ms compiling a 270 ms statement), and it compiles again on every
    /// execution: the time a web request waits, never won back on statements this short.
    public func withoutJIT() throws {
        try connection.query("SELECT set_config('jit', 'off', false)")
    }

    /// Cancels any statement of this store that runs longer than `milliseconds` (0: no limit),
    /// so one slow request cannot hold a pooled connection for ever.
    public func limitStatements(toMilliseconds milliseconds: Int) throws {
        try connection.query("SELECT set_config('statement_timeout', \(String(milliseconds)), false)")
    }
}

/// Why the connected role may not serve the web: row security is the boundary between the
/// parties, and a superuser, a role with BYPASSRLS or a table's owner is not held by it.
public enum WebRoleProblem: Error, Equatable, Sendable {
    case superuser(role: String)
    case bypassesRowSecurity(role: String)
    case ownsTables(role: String, count: Int)
}

extension Store {
    /// Refuses a connection whose role row security would not hold (`WebRoleProblem`).
    public func requireRowSecurityHolds() throws {
        let row = try connection.query("""
            SELECT current_user AS role, r.rolsuper, r.rolbypassrls,
                   (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relowner = r.oid AND c.relkind IN ('r', 'p') AND n.nspname = current_schema())::int AS owned
            FROM pg_roles r WHERE r.rolname = current_user
            """).rows[0]
        let role = try row.decode(String.self, "role")
        if try row.decode(Bool.self, "rolsuper") { throw WebRoleProblem.superuser(role: role) }
        if try row.decode(Bool.self, "rolbypassrls") { throw WebRoleProblem.bypassesRowSecurity(role: role) }
        let owned = try row.decode(Int.self, "owned")
        if owned > 0 { throw WebRoleProblem.ownsTables(role: role, count: owned) }
    }
}
