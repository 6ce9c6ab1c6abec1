@testable import CaseStore
import Foundation
import JianyiServer
import NIOConcurrencyHelpers
import Postgres
import Testing
import TestSupport

@Suite("The pool of stores, without HTTP", .timeLimit(.minutes(1)))
struct StorePoolTests {
    @Test func neverMoreJobsAtOnceThanStoresAndEachStoreReused() async throws {
        let pool = StorePool(.init(databaseURL: try TestDatabase.migrated(), size: 2, wait: .seconds(20)))
        let seen = NIOLockedValueBox((running: 0, most: 0, stores: Set<ObjectIdentifier>()))
        try await withThrowingTaskGroup(of: Void.self) { jobs in
            for _ in 0..<8 {
                jobs.addTask {
                    try await pool.withStore { store in
                        seen.withLockedValue { $0.running += 1; $0.most = max($0.most, $0.running); $0.stores.insert(ObjectIdentifier(store)) }
                        try store.ping()
                        Thread.sleep(forTimeInterval: 0.05)
                        seen.withLockedValue { $0.running -= 1 }
                    }
                }
            }
            try await jobs.waitForAll()
        }
        let result = seen.withLockedValue { $0 }
        #expect(result.most == 2)
        #expect(result.stores.count == 2, "two connections opened, then reused")
        try await pool.close()
    }

    @Test func aZeroWaitAnswersBusyAtOnce() async throws {
        let pool = StorePool(.init(databaseURL: try TestDatabase.migrated(), size: 1, wait: .zero))
        let holder = Holder(pool)
        await holder.waitUntilHeld()
        let started = ContinuousClock.now
        await #expect(throws: ServiceError.busy(retryAfter: 1)) { try await pool.withStore { try $0.ping() } }
        // The holder keeps its store until told: a pool that waited on a zero wait would hang here
        // (the time limit). The bound is loose because suites run in parallel on 2 cores.
        #expect(ContinuousClock.now - started < .seconds(10))
        try await holder.letGo()
        try await pool.withStore { try $0.ping() }
        try await pool.close()
    }

    @Test func theStatementTimeoutCancelsASlowStatementAndTheStoreServesOn() async throws {
        let pool = StorePool(.init(databaseURL: try TestDatabase.migrated(), size: 1, statementTimeout: .milliseconds(200)))
        // No use case is slow on an empty database: the test speaks SQL through the store's connection.
        // The statement is timed on the pool's thread: waiting for a thread of the test
        // runner's (busy) cooperative pool afterwards is not the statement's time.
        let took = NIOLockedValueBox<Duration?>(nil)
        let error = await #expect(throws: PostgresError.self) {
            try await pool.withStore { store in
                let started = ContinuousClock.now
                defer { took.withLockedValue { $0 = ContinuousClock.now - started } }
                try store.connection.query("SELECT pg_sleep(5)")
            }
        }
        #expect(error?.sqlState == SQLState.queryCanceled)
        #expect(try #require(took.withLockedValue { $0 }) < .seconds(3))
        try await pool.withStore { try $0.ping() }
        try await pool.close()
    }

    @Test func aFailedJobGivesItsStoreBack() async throws {
        let pool = StorePool(.init(databaseURL: try TestDatabase.migrated(), size: 1, wait: .milliseconds(500)))
        struct Refused: Error {}
        await #expect(throws: Refused.self) { try await pool.withStore { _ in throw Refused() } }
        try await pool.withStore { try $0.ping() }
        try await pool.close()
    }

    @Test func pooledConnectionsRunWithoutJIT() async throws {
        let pool = StorePool(.init(databaseURL: try TestDatabase.migrated(), size: 1))
        let settings = try await pool.withStore { store in
            try store.connection.query("SELECT current_setting('jit') AS jit, current_setting('statement_timeout') AS timeout").rows[0]
        }
        #expect(settings["jit"] == "off")
        #expect(settings["timeout"] == "10s")
        // The CLI's store keeps whatever the server is configured with.
        let cli = try Store(url: try TestDatabase.migrated(), actor: "tester")
        #expect(try cli.connection.query("SELECT source FROM pg_settings WHERE name = 'jit'").rows[0]["source"] != "session")
        try await pool.close()
    }
}
