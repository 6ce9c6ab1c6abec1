/// Why a suggestion as given cannot be registered, before the database is asked.
public enum RegistrationError: Error, Equatable, Sendable {
    case titleTooLong(count: Int, limit: Int)
    case noDeputy
    /// The session channel without a session.
    case sessionMissing
    /// A session given for a suggestion on a channel outside sessions.
    case sessionOutsideSession(channel: Channel, session: SessionCode)
    case cosignerIsLead(String)
    case cosignerRepeated(String)
}
