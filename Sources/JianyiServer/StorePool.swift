import CaseStore
import NIOConcurrencyHelpers
import NIOPosix
import ServiceLifecycle

/// A bounded pool of stores, each its own libpq connection, used off the event loop.
///
/// libpq calls block, so every job runs on one of `size` dedicated threads, never on the
/// event loop. A job first waits for one of `size` permits; when none frees up within `wait`
/// it fails with `ServiceError.busy` (503 with Retry-After) instead of queueing for ever.
/// Stores open lazily, on the first job that needs one; a store whose connection broke is
/// closed after its job and never handed out again.
///
/// As a `Service`, the pool closes its stores and threads once the server has shut down.
public final class StorePool: Service, Sendable {
    public struct Settings: Sendable {
        /// libpq URI or conninfo; nil uses libpq's defaults.
        public var databaseURL: String?
        /// The actor a store records when nothing more precise is known.
        public var actor: String
        public var size: Int
        /// How long a job waits for a free store before the request is answered 503.
        public var wait: Duration
        /// PostgreSQL's statement_timeout on every pooled connection; nil leaves the server's.
        public var statementTimeout: Duration?

        public init(databaseURL: String?, actor: String = "jianyi-web", size: Int = 16,
                    wait: Duration = .milliseconds(2000), statementTimeout: Duration? = .seconds(10)) {
            self.databaseURL = databaseURL
            self.actor = actor
            self.size = size
            self.wait = wait
            self.statementTimeout = statementTimeout
        }
    }

    public let settings: Settings
    private let threads: NIOThreadPool
    private let state: NIOLockedValueBox<State>

    public init(_ settings: Settings) {
        precondition(settings.size > 0, "a pool needs at least one store")
        self.settings = settings
        threads = NIOThreadPool(numberOfThreads: settings.size)
        threads.start()
        state = NIOLockedValueBox(State(free: settings.size))
    }

    /// Runs `body` with a store of its own, on a pool thread; the store returns to the pool after.
    public func withStore<T: Sendable>(_ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
        let lease = Lease(pool: self, store: try await acquire())
        do {
            return try await threads.runIfActive { try lease.use(body) }
        } catch {
            // A job that ran has ended its lease already (this does nothing); one that never ran
            // (cancelled, or the pool is closing) gives its permit and store back here.
            lease.end(keeping: nil, used: false)
            throw error
        }
    }

    /// How many jobs have asked for a store so far: what a request costs the pool.
    public var jobsStarted: Int { state.withLockedValue { $0.jobsStarted } }

    /// Waits for shutdown, then closes the idle stores and the threads.
    public func run() async throws {
        try? await gracefulShutdown()
        try await close()
    }

    /// Closes the idle stores and the threads; jobs that still arrive fail.
    public func close() async throws {
        state.withLockedValue { state in
            state.closed = true
            state.idle.removeAll()  // each store closes its connection as it goes
        }
        try await threads.shutdownGracefully()
    }

    // MARK: permits

    struct State {
        var free: Int
        var idle: [PooledStore] = []
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Grant, Never>)] = []
        var nextID: UInt64 = 0
        var closed = false
        var jobsStarted = 0
    }

    enum Grant {
        case granted(PooledStore?)
        case timedOut
    }

    /// A permit and, when one is idle, an open store; nil means open one.
    private func acquire() async throws -> PooledStore? {
        // The usual case, a free permit, costs one lock and no timer.
        let now: PooledStore?? = state.withLockedValue { state in
            state.jobsStarted += 1
            guard state.free > 0, !state.closed else { return nil }
            state.free -= 1
            return .some(state.idle.popLast())
        }
        if case .some(let store) = now { return store }
        let id = state.withLockedValue { state in
            state.nextID += 1
            return state.nextID
        }
        var timer: Task<Void, Never>?
        let grant = await withCheckedContinuation { (continuation: CheckedContinuation<Grant, Never>) in
            let queued = state.withLockedValue { state in
                if state.closed {
                    continuation.resume(returning: .timedOut)
                } else if state.free > 0 {
                    state.free -= 1
                    continuation.resume(returning: .granted(state.idle.popLast()))
                } else {
                    state.waiters.append((id, continuation))
                    return true
                }
                return false
            }
            // Only once queued, so that even a zero wait finds the waiter to expire.
            if queued {
                let wait = settings.wait
                timer = Task { [weak self] in
                    try? await Task.sleep(for: wait)
                    if !Task.isCancelled { self?.expire(id) }
                }
            }
        }
        timer?.cancel()
        switch grant {
        case .granted(let store): return store
        case .timedOut: throw ServiceError.busy(retryAfter: retryAfterSeconds)
        }
    }

    private func expire(_ id: UInt64) {
        state.withLockedValue { state in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return }
            state.waiters.remove(at: index).continuation.resume(returning: .timedOut)
        }
    }

    /// Gives the permit (and the store, unless it is to be dropped) to the next waiter, or back.
    fileprivate func release(_ store: PooledStore?) {
        state.withLockedValue { state in
            if !state.waiters.isEmpty {
                state.waiters.removeFirst().continuation.resume(returning: .granted(store))
            } else {
                state.free += 1
                if let store, !state.closed { state.idle.append(store) }
            }
        }
    }

    /// Whole seconds a client should wait before trying again: at least the pool's wait.
    var retryAfterSeconds: Int {
        let (seconds, attoseconds) = settings.wait.components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }

    fileprivate func open() throws -> PooledStore {
        let store = try Store(url: settings.databaseURL, actor: settings.actor)
        store.prepareStatements()
        try store.withoutJIT()
        if let timeout = settings.statementTimeout {
            let (seconds, attoseconds) = timeout.components
            try store.limitStatements(toMilliseconds: Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
        }
        return PooledStore(store)
    }
}

/// A store on its way between the pool and the one job that holds it.
///
/// `Store` is not Sendable (one libpq connection, one thread at a time). The pool's lock hands a
/// `PooledStore` to exactly one job, which uses it on one pool thread and hands it back through
/// the same lock; no two threads ever touch it at once, which is what makes this box sound.
final class PooledStore: @unchecked Sendable {
    let store: Store
    init(_ store: Store) { self.store = store }
}

/// One job's permit: ended exactly once, by the job on its thread or by the caller if it never ran.
private final class Lease: Sendable {
    private let pool: StorePool
    private let held: NIOLockedValueBox<PooledStore??>

    init(pool: StorePool, store: PooledStore?) {
        self.pool = pool
        held = NIOLockedValueBox(.some(store))
    }

    /// Runs on a pool thread: opens a store if the permit came without one, runs `body`, and
    /// returns the store unless its connection broke.
    func use<T>(_ body: (Store) throws -> T) throws -> T {
        guard case .some(let given) = held.withLockedValue({ $0 }) else { throw ServiceError.busy(retryAfter: pool.retryAfterSeconds) }
        let pooled: PooledStore
        do { pooled = try given ?? pool.open() } catch {
            end(keeping: nil, used: true)
            throw error
        }
        do {
            let value = try body(pooled.store)
            end(keeping: pooled.store.isBroken ? nil : pooled, used: true)
            return value
        } catch {
            let lost = pooled.store.isBroken || DatabaseFailure(error)?.category == .connectionLost
            end(keeping: lost ? nil : pooled, used: true)
            throw error
        }
    }

    /// Hands the permit back once; `used: false` returns the store as it was given.
    func end(keeping store: PooledStore?, used: Bool) {
        let taken: PooledStore?? = held.withLockedValue { held in
            defer { held = .none }
            return held
        }
        guard case .some(let given) = taken else { return }
        pool.release(used ? store : given)
    }
}
