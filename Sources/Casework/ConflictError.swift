/// Something that is there already.
public enum ConflictError: DomainError, Equatable {
    /// A code the congress (or, for a congress, the database) already has.
    case duplicate(Registry, code: String, congress: String?)
    /// An imported suggestion registered before as `number`: the same deputy, series and title.
    case suggestionRegistered(as: String)
    /// An imported suggestion that repeats the file's row on `line`.
    case suggestionRepeated(line: Int)

    public enum Registry: Sendable, Equatable {
        case congress, session, deputy, unit
    }
}
