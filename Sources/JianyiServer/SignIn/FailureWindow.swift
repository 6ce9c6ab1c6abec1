/// Failed sign-ins per key (a login, or a client address) within a sliding window: a key that
/// has `limit` failures younger than `window` must wait until the oldest of them is `window`
/// old. Pure: every call is told the time, so tests drive it with made-up instants.
///
/// Memory is bounded whatever callers send: a key keeps at most `limit` instants, and at most
/// `capacity` keys are kept. When a new key finds it full, keys with no failure inside the
/// window go first; if that is not enough, those whose last failure is oldest, down to three
/// quarters of `capacity` (so that a spray of new keys costs one sort per quarter, not per key).
struct FailureWindow<Key: Hashable & Sendable>: Sendable {
    typealias Instant = ContinuousClock.Instant

    let limit: Int
    let window: Duration
    let capacity: Int
    /// Each key's failures, oldest first.
    private var failures: [Key: [Instant]] = [:]

    init(limit: Int, window: Duration, capacity: Int) {
        precondition(limit >= 1 && capacity >= 1 && window > .zero)
        self.limit = limit
        self.window = window
        self.capacity = capacity
    }

    /// Keys held now.
    var count: Int { failures.count }

    /// How long `key` must wait before it may try again at `now`; nil when it may try.
    func wait(_ key: Key, at now: Instant) -> Duration? {
        let recent = failures[key, default: []].filter { now - $0 < window }
        guard recent.count >= limit else { return nil }
        return recent[recent.count - limit] + window - now
    }

    /// Counts a failure of `key` at `now`.
    mutating func record(_ key: Key, at now: Instant) {
        var times = failures[key, default: []].filter { now - $0 < window }
        times.append(now)
        times.sort()
        if times.count > limit { times.removeFirst(times.count - limit) }
        if failures[key] == nil, failures.count >= capacity { makeRoom(at: now) }
        failures[key] = times
    }

    /// Takes back one failure counted at `instant` (an attempt that turned out not to fail).
    mutating func withdraw(_ key: Key, at instant: Instant) {
        guard var times = failures[key], let index = times.firstIndex(of: instant) else { return }
        times.remove(at: index)
        failures[key] = times.isEmpty ? nil : times
    }

    /// Forgets `key`'s failures.
    mutating func reset(_ key: Key) {
        failures[key] = nil
    }

    private mutating func makeRoom(at now: Instant) {
        failures = failures.filter { _, times in times.last.map { now - $0 < window } ?? false }
        guard failures.count >= capacity else { return }
        let keep = failures.sorted { ($0.value.last ?? now) > ($1.value.last ?? now) }.prefix(capacity * 3 / 4)
        failures = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
    }
}
