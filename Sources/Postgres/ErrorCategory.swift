extension PostgresError {
    /// What a caller can do about an error: the one table from SQLSTATE classes (and from
    /// the kinds of error libpq and this wrapper raise) to a remedy. A command line maps
    /// each category to one exit code.
    public enum Category: Sendable, Equatable, CaseIterable {
        /// The values broke a rule the database keeps: a constraint (class 23), a value it
        /// cannot hold (class 22: a NUL byte, a date or number out of range), a value too
        /// large for an index (class 54). Fix the data.
        case dataRejected
        /// The server gave up on this transaction because of other sessions or a time limit:
        /// a serialization failure, a deadlock, a lock not granted in time, a statement
        /// timeout or cancel. Everything was rolled back; running the same work again is the
        /// remedy, so these are the errors worth retrying at once.
        case conflict
        /// The server is short of something (connections, memory, disk: class 53) or a
        /// transaction ran out of its time; nothing was saved. Try again later, not at once.
        case busy
        /// The database accepts no writes: a standby, or `default_transaction_read_only`.
        case readOnly
        /// The connection broke or the server ended the session (class 08, an administrator's
        /// terminate, a shutdown); whatever was not committed was rolled back.
        case connectionLost
        /// The server refuses this role or cannot serve at all: no privilege, bad
        /// authorization, a server-side I/O or internal error. An administrator's matter.
        case refused
        /// The schema lacks something the statement names (a table, column, function, type),
        /// or already holds what a migration creates: the database is not the one this
        /// program's migrations built.
        case schemaMismatch
        /// Anything else (a syntax error, a type mismatch, a value that cannot be decoded,
        /// a misused API) is a mistake in the program that sent the statement.
        case bug
    }

    public var category: Category {
        switch kind {
        case .connection: return .connectionLost
        case .decoding: return .bug
        // The wrapper refuses some values before the server sees them (a NUL byte in text)
        // and says so with the SQLSTATE the server would have used; the rest is misuse.
        case .client: return sqlState.map(Self.category(ofClientState:)) ?? .bug
        case .server: return sqlState.map(Self.category(of:)) ?? .bug
        }
    }

    private static func category(ofClientState state: String) -> Category {
        state.hasPrefix("22") ? .dataRejected : .bug
    }

    /// The category of a server's SQLSTATE: exact codes first, then their class.
    static func category(of state: String) -> Category {
        if let exact = exactCodes[state] { return exact }
        return classes[String(state.prefix(2))] ?? .bug
    }

    private static let exactCodes: [String: Category] = [
        "40001": .conflict,        // serialization_failure
        "40P01": .conflict,        // deadlock_detected
        "55P03": .conflict,        // lock_not_available (lock_timeout, NOWAIT)
        "57014": .conflict,        // query_canceled (statement_timeout, pg_cancel_backend)
        "40002": .dataRejected,    // transaction_integrity_constraint_violation (a deferred constraint)
        "40003": .connectionLost,  // statement_completion_unknown: the outcome is not known
        "25006": .readOnly,        // read_only_sql_transaction
        "25P03": .connectionLost,  // idle_in_transaction_session_timeout ends the session
        "25P04": .busy,            // transaction_timeout
        "55006": .busy,            // object_in_use
        "42501": .refused,         // insufficient_privilege
        "42P01": .schemaMismatch,  // undefined_table
        "42703": .schemaMismatch,  // undefined_column
        "42883": .schemaMismatch,  // undefined_function
        "42704": .schemaMismatch,  // undefined_object (a type, a collation)
        "42P02": .schemaMismatch,  // undefined_parameter
        "42P07": .schemaMismatch,  // duplicate_table: another program's table where a migration creates one
        "42710": .schemaMismatch,  // duplicate_object
        "42723": .schemaMismatch,  // duplicate_function
        "42P06": .schemaMismatch,  // duplicate_schema
    ]

    private static let classes: [String: Category] = [
        "22": .dataRejected,    // data_exception
        "23": .dataRejected,    // integrity_constraint_violation
        "44": .dataRejected,    // with_check_option_violation
        "54": .dataRejected,    // program_limit_exceeded (a value too large for an index)
        "40": .busy,            // transaction_rollback, other than the codes above
        "53": .busy,            // insufficient_resources
        "72": .busy,            // snapshot_too_old
        "08": .connectionLost,  // connection_exception
        "57": .connectionLost,  // operator_intervention: admin_shutdown, terminate, crash, database dropped
        "28": .refused,         // invalid_authorization_specification
        "3D": .refused,         // invalid_catalog_name (the database does not exist)
        "58": .refused,         // system_error (the server's I/O)
        "F0": .refused,         // config_file_error
        "XX": .refused,         // internal_error, data_corrupted
        "3F": .schemaMismatch,  // invalid_schema_name
    ]
}
