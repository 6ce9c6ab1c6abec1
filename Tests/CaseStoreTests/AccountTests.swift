@testable import CaseStore
import Casework
import Postgres
import Testing

/// Accounts as the CLI keeps them, and sign-in and tokens as the web service uses them
/// (connected as jianyi_web).
@Suite struct AccountTests {
    let password = "correct horse battery"

    func fixture() throws -> Fixture {
        let f = try Fixture()
        try f.store.addAccount(f.congress, login: "zjj", party: .unit("ZJJ"), password: password)
        try f.store.addAccount(f.congress, login: "d001", party: .deputy("D001"), password: password)
        try f.store.addAccount(f.congress, login: "office", party: .secretariat, password: password)
        return f
    }

    @Test func accountsAreListedAndThePasswordIsKeptOnlyAsABcryptHash() throws {
        let f = try fixture()
        let listed = try f.store.listAccounts(f.congress).map(\.account)
        #expect(listed == [
            Account(login: "d001", congress: "LL", party: .deputy("D001")),
            Account(login: "office", congress: "LL", party: .secretariat),
            Account(login: "zjj", congress: "LL", party: .unit("ZJJ")),
        ])
        let dump = try f.store.connection.query("SELECT account::text AS row FROM account").rows.map { try $0.decode(String.self, "row") }
        #expect(dump.count == 3)
        #expect(dump.allSatisfy { !$0.contains(password) && $0.contains("$2b$") })
    }

    @Test func addingRefusesWhatCannotBeAnAccount() throws {
        let f = try fixture()
        let add = { (login: String, party: Party, password: String) in
            try f.store.addAccount(f.congress, login: login, party: party, password: password)
        }
        #expect(throws: AccountError.loginTaken(login: "zjj", congress: "LL")) { try add("zjj", .secretariat, password) }
        #expect(throws: AccountError.unknownUnit("NOPE", congress: "LL")) { try add("x", .unit("NOPE"), password) }
        #expect(throws: AccountError.unknownDeputy("D999", congress: "LL")) { try add("x", .deputy("D999"), password) }
        #expect(throws: AccountError.passwordTooShort(minimum: 10)) { try add("x", .secretariat, "short") }
        #expect(throws: AccountError.passwordControl) { try add("x", .secretariat, "two\nlines here") }
        #expect(throws: AccountError.passwordTooLong(maximumBytes: 72)) { try add("x", .secretariat, String(repeating: "长", count: 25)) }
        #expect(throws: AccountError.badLogin("a b")) { try add("a b", .secretariat, password) }
        #expect(try f.store.listAccounts(f.congress).count == 3)
    }

    @Test func signInSucceedsOnlyWithTheRightPasswordOfALiveAccount() throws {
        let f = try fixture()
        let web = try f.webStore()
        let congress = try web.congress("LL")
        #expect(try web.signIn(congress, login: "zjj", password: password) == Account(login: "zjj", congress: "LL", party: .unit("ZJJ")))
        #expect(throws: AccountError.signInFailed) { try web.signIn(congress, login: "zjj", password: password + "!") }
        #expect(throws: AccountError.signInFailed) { try web.signIn(congress, login: "nobody", password: password) }
        try f.store.disableAccount(f.congress, login: "zjj")
        #expect(throws: AccountError.signInFailed) { try web.signIn(congress, login: "zjj", password: password) }
        #expect(throws: AccountError.noSuchAccount(login: "nobody", congress: "LL")) { try f.store.disableAccount(f.congress, login: "nobody") }
        #expect(try f.store.listAccounts(f.congress).first { $0.account.login == "zjj" }?.account.disabled == true)
    }

    @Test func aTokenActsForItsAccountUntilItExpiresOrIsRevoked() throws {
        let f = try fixture()
        let web = try f.webStore()
        let congress = try web.congress("LL")
        let account = try web.signIn(congress, login: "zjj", password: password)
        let issued = try web.issueToken(for: account, kind: .api, lifetime: .seconds(3600))
        #expect(issued.token.utf8.count == 43)
        #expect(issued.token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(issued.csrf == nil)
        #expect(try web.account(forToken: issued.token)?.account == account)
        #expect(try web.account(forToken: issued.token + "x") == nil)
        // Only the hash is stored.
        let stored = try f.store.connection.query("SELECT encode(token_hash, 'hex') AS h FROM access_token").rows.map { try $0.decode(String.self, "h") }
        #expect(stored.count == 1 && stored[0].count == 64 && !stored[0].contains(issued.token))

        let other = try web.issueToken(for: account, kind: .api, lifetime: .seconds(3600))
        try f.store.connection.execute("UPDATE access_token SET expires_at = now() - interval '1 second' WHERE token_hash = sha256(convert_to(\(other.token), 'UTF8'))")
        #expect(try web.account(forToken: other.token) == nil)

        #expect(try web.revokeToken(issued.token) == true)
        #expect(try web.account(forToken: issued.token) == nil)
        #expect(try web.revokeToken(issued.token) == false)
    }

    @Test func aDisabledAccountsTokensDieAndItGetsNoNewOnes() throws {
        let f = try fixture()
        let web = try f.webStore()
        let congress = try web.congress("LL")
        let account = try web.signIn(congress, login: "d001", password: password)
        let issued = try web.issueToken(for: account, kind: .api, lifetime: .seconds(3600))
        try f.store.disableAccount(f.congress, login: "d001")
        #expect(try web.account(forToken: issued.token) == nil)
        #expect(throws: AccountError.signInFailed) { try web.issueToken(for: account, kind: .api, lifetime: .seconds(3600)) }
    }

    @Test func aNewPasswordEndsTheOldTokensAndTheOldPassword() throws {
        let f = try fixture()
        let web = try f.webStore()
        let congress = try web.congress("LL")
        let account = try web.signIn(congress, login: "office", password: password)
        let issued = try web.issueToken(for: account, kind: .api, lifetime: .seconds(3600))
        try f.store.setPassword(f.congress, login: "office", password: "another long password")
        #expect(try web.account(forToken: issued.token) == nil)
        #expect(throws: AccountError.signInFailed) { try web.signIn(congress, login: "office", password: password) }
        #expect(try web.signIn(congress, login: "office", password: "another long password").party == .secretariat)
        #expect(throws: AccountError.passwordTooShort(minimum: 10)) { try f.store.setPassword(f.congress, login: "office", password: "123") }
    }

    @Test func aSessionCarriesACSRFTokenCheckedByTheDatabase() throws {
        let f = try fixture()
        let web = try f.webStore()
        let account = try web.signIn(try web.congress("LL"), login: "zjj", password: password)
        let session = try web.issueToken(for: account, kind: .session, lifetime: .seconds(600))
        let csrf = try #require(session.csrf)
        #expect(csrf != session.token)
        #expect(try web.account(forToken: session.token, csrf: csrf)?.csrfMatches == true)
        #expect(try web.account(forToken: session.token, csrf: session.token)?.csrfMatches == false)
        #expect(try web.account(forToken: session.token)?.csrfMatches == false)
        #expect(try web.account(forToken: session.token)?.kind == .session)
    }
}
