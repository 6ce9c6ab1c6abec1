import Postgres

/// What a front end may check and say about the database address it was given, without
/// the driver's types.
public enum DatabaseAddress {
    /// Why `url` is not a libpq URI or conninfo string, or nil when it is one.
    public static func problem(with url: String) -> String? {
        Connection.problem(with: url)
    }

    /// `text` with every password it may quote (a connection string, libpq's echo of one)
    /// masked, for anything written where others may read it.
    public static func redacted(_ text: String) -> String {
        Secrets.redacted(text)
    }
}
