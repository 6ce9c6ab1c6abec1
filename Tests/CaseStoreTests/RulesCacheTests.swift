@testable import CaseStore
import Casework
import Postgres
import Testing

/// A pooled web store keeps the deadline rules it read (`RulesCache`) while the congress's
/// rules_version (migration 24) stands, and reads them again as soon as a policy setting or the
/// calendar changes.
@Suite struct RulesCacheTests {
    let d = { (text: String) in Day(text)! }
    let secretariat = Account(login: "office", congress: "LL", party: .secretariat)

    /// Assigns a fresh accepted case through `web` as the secretariat on 2024-02-01 and returns
    /// the reply's due day, which the policy's reply period decides (3 months by default: 05-01,
    /// a holiday, so the first working day after the 劳动节 break).
    func replyDue(_ f: Fixture, _ web: Store) throws -> Day? {
        let n = try f.acceptedCase()
        let congress = try web.congress("LL")
        _ = try web.acting(as: secretariat) { try $0.assign(congress, n, lead: "ZJJ", co: [], complex: false, on: d("2024-02-01")) }
        return try f.deadline(n, .reply)?.due
    }

    func version(_ f: Fixture) throws -> Int64 {
        try f.store.connection.query("SELECT rules_version FROM congress WHERE code = 'LL'").rows[0].decode(Int64.self, "rules_version")
    }

    @Test func aChangedPolicyIsSeenOnTheNextRequest() throws {
        let f = try Fixture()
        let web = try f.webStore()
        web.prepareStatements()
        #expect(try replyDue(f, web) == d("2024-05-06"))
        try f.store.setPolicy(f.congress, key: "reply", value: "2 months")
        #expect(try replyDue(f, web) == d("2024-04-01"))
        try f.store.setPolicy(f.congress, key: "reply", value: "1 month")
        #expect(try replyDue(f, web) == d("2024-03-01"))
    }

    @Test func theRulesAreReadOnceWhileTheirVersionStands() throws {
        let f = try Fixture()
        let web = try f.webStore()
        #expect(try replyDue(f, web) == d("2024-05-06"))
        // A change the version does not record (its trigger off) is not seen: the store
        // answered from what it kept, without reading the settings again.
        try f.store.connection.execute("ALTER TABLE policy_setting DISABLE TRIGGER policy_setting_rules_version")
        try f.store.setPolicy(f.congress, key: "reply", value: "2 months")
        try f.store.connection.execute("ALTER TABLE policy_setting ENABLE TRIGGER policy_setting_rules_version")
        #expect(try replyDue(f, web) == d("2024-05-06"))
        // The CLI's store keeps nothing: it reads the rules afresh every time.
        let n = try f.acceptedCase()
        _ = try f.store.assign(f.congress, n, lead: "ZJJ", co: [], complex: false, on: d("2024-02-01"))
        #expect(try f.deadline(n, .reply)?.due == d("2024-04-01"))
    }

    @Test func everyChangeOfTheRulesMovesTheVersion() throws {
        let f = try Fixture()
        var last = try version(f)
        func moved(_ what: Comment) throws {
            let now = try version(f)
            #expect(now > last, what)
            last = now
        }
        try f.store.setPolicy(f.congress, key: "reply", value: "2 months")
        try moved("a setting added")
        try f.store.setPolicy(f.congress, key: "reply", value: "1 month")
        try moved("a setting changed")
        try f.store.connection.execute("DELETE FROM policy_setting WHERE congress_id = \(f.congress.id)")
        try moved("a setting removed")
        try f.store.connection.execute("UPDATE calendar_day SET name = name || '' WHERE congress_id = \(f.congress.id)")
        try moved("a calendar day changed")
        try f.store.connection.execute("DELETE FROM calendar_day WHERE congress_id = \(f.congress.id) AND year = 2024")
        try moved("calendar days removed")
        try f.store.connection.execute("DELETE FROM calendar_year WHERE congress_id = \(f.congress.id) AND year = 2024")
        try moved("a calendar year removed")
        // Another congress's change moves only its own number.
        let other = try f.store.addCongress(code: "QT", name: "其他", level: .county, timeZone: "Asia/Shanghai")
        last = try version(f)
        try f.store.setPolicy(other, key: "reply", value: "2 months")
        #expect(try version(f) == last)
    }
}
