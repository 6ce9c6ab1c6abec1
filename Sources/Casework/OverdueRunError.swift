/// Why an overdue run, or a look at one, is refused.
public enum OverdueRunError: Error, Equatable, Sendable {
    /// Another run for the congress holds the lock, and the caller would not wait.
    case inProgress(congress: String)
    case noSuchRun(id: Int, congress: String)
}
