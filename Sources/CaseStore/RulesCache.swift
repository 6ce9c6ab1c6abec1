import Casework

/// The deadline rules a long-lived store has read, kept by the congress's `rules_version`
/// (migration 24): a pooled web connection reads a congress's policy settings and calendar
/// once, and again only after they changed, instead of on every request.
///
/// Used only inside `acting(as:)`, which reads the version in the same statement that sets the
/// actor. The rules kept under a version were read after that version was, so they are never
/// older than it; a change committed since moves the number, and the next request reads afresh.
struct RulesCache {
    /// The congress and the years asked about (`rules(_:from:through:)`'s start and end).
    struct Key: Hashable {
        let congress: Int
        let years: ClosedRange<Int>
    }

    /// A store keeps a handful (one congress, a year or two of start days); past this the
    /// oldest are simply dropped, so a client asking about many years cannot grow it.
    static let capacity = 16

    private var entries: [Key: (version: Int64, rules: Rules)] = [:]
    private var order: [Key] = []

    func rules(_ key: Key, version: Int64) -> Rules? {
        guard let entry = entries[key], entry.version == version else { return nil }
        return entry.rules
    }

    mutating func keep(_ rules: Rules, _ key: Key, version: Int64) {
        if entries.updateValue((version, rules), forKey: key) == nil {
            order.append(key)
            if order.count > Self.capacity { entries[order.removeFirst()] = nil }
        }
    }
}
