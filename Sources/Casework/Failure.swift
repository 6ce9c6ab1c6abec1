/// Why a command could not do what it was asked, in the terms the command line reports.
///
/// Each kind maps to one sysexits code in the CLI; the message is the one line a user sees.
public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A malformed value or bad usage (64).
        case badValue
        /// The data breaks a rule: unknown code, a step not allowed now, a failing CSV row (65).
        case ruleBroken
        /// An input file is missing or unreadable (66).
        case noInput
        /// The database cannot be reached, or cannot serve jianyi (older than PostgreSQL 14) (69).
        case unavailable
        /// An output file or folder cannot be created or written (73).
        case cannotCreateOutput
        /// Writing failed part-way (disk full, permissions changed) after the work was done (74).
        case ioError
        /// Another run holds the lock; try later (75).
        case tryLater
        /// The schema is not migrated, or newer than this binary (78).
        case configuration
    }

    public var kind: Kind
    public var message: String
    /// Lines printed after the message, one each: the bad rows of an imported file.
    public var details: [String]
    /// The same bad rows as `details`, each in parts, for a program (`--format json`). Not
    /// compared: a failure is its kind and its words.
    public var badRows: BadRows?

    public init(_ kind: Kind, _ message: String, details: [String] = []) {
        self.kind = kind
        self.message = message
        self.details = details
    }

    public var description: String { message }

    public static func == (a: Failure, b: Failure) -> Bool {
        a.kind == b.kind && a.message == b.message && a.details == b.details
    }

    public static func badValue(_ message: String) -> Failure { Failure(.badValue, message) }
    public static func ruleBroken(_ message: String) -> Failure { Failure(.ruleBroken, message) }
}
