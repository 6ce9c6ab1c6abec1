@testable import JianyiServer
import Testing

/// The counting window behind sign-in throttling, on made-up instants.
@Suite("Failed sign-ins within a window")
struct FailureWindowTests {
    let t0 = ContinuousClock.now

    func at(_ seconds: Int) -> ContinuousClock.Instant { t0 + .seconds(seconds) }

    @Test func reachingTheLimitMakesTheKeyWaitUntilTheOldestFailureLeavesTheWindow() {
        var window = FailureWindow<String>(limit: 3, window: .seconds(60), capacity: 10)
        window.record("a", at: at(0))
        window.record("a", at: at(10))
        #expect(window.wait("a", at: at(10)) == nil)
        window.record("a", at: at(20))
        #expect(window.wait("a", at: at(20)) == .seconds(40))
        #expect(window.wait("a", at: at(59)) == .seconds(1))
        #expect(window.wait("a", at: at(60)) == nil)
        // Another key is not touched.
        #expect(window.wait("b", at: at(20)) == nil)
    }

    @Test func failuresOlderThanTheWindowDoNotCount() {
        var window = FailureWindow<String>(limit: 2, window: .seconds(60), capacity: 10)
        window.record("a", at: at(0))
        window.record("a", at: at(61))
        #expect(window.wait("a", at: at(61)) == nil)
        window.record("a", at: at(62))
        #expect(window.wait("a", at: at(62)) == .seconds(59))
    }

    @Test func aResetForgetsAndAWithdrawalTakesBackOneFailure() {
        var window = FailureWindow<String>(limit: 2, window: .seconds(60), capacity: 10)
        window.record("a", at: at(0))
        window.record("a", at: at(1))
        #expect(window.wait("a", at: at(1)) != nil)
        window.withdraw("a", at: at(1))
        #expect(window.wait("a", at: at(1)) == nil)
        window.withdraw("a", at: at(30))  // never counted: nothing changes
        window.record("a", at: at(2))
        #expect(window.wait("a", at: at(2)) == .seconds(58))
        window.reset("a")
        #expect(window.wait("a", at: at(2)) == nil)
        #expect(window.count == 0)
    }

    @Test func aKeyKeepsNoMoreThanTheLimitOfInstants() {
        var window = FailureWindow<String>(limit: 2, window: .seconds(60), capacity: 10)
        for second in 0..<1000 { window.record("a", at: at(second / 100)) }
        // Only the last two failures (both at 9 s) are kept: the wait runs from them.
        #expect(window.wait("a", at: at(9)) == .seconds(60))
    }

    @Test func aSprayOfKeysNeverHoldsMoreThanTheCapacity() {
        var window = FailureWindow<String>(limit: 5, window: .seconds(60), capacity: 100)
        for n in 0..<10_000 {
            window.record("spray-\(n)", at: at(1))
            #expect(window.count <= 100)
        }
    }

    @Test func keysWhoseFailuresAreAllOutsideTheWindowMakeRoomFirst() {
        var window = FailureWindow<String>(limit: 5, window: .seconds(60), capacity: 100)
        for n in 0..<100 { window.record("old-\(n)", at: at(0)) }
        #expect(window.count == 100)
        window.record("fresh", at: at(60))
        #expect(window.count == 1)
    }

    @Test func whenFullTheKeysFailedLongestAgoGoFirst() {
        var window = FailureWindow<String>(limit: 1, window: .seconds(600), capacity: 4)
        for (second, key) in ["old", "b", "c", "d"].enumerated() { window.record(key, at: at(second)) }
        window.record("new", at: at(10))
        #expect(window.count == 4)
        #expect(window.wait("old", at: at(10)) == nil)
        #expect(window.wait("d", at: at(10)) != nil)
        #expect(window.wait("new", at: at(10)) != nil)
    }
}
