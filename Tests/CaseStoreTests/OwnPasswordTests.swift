@testable import CaseStore
import Casework
import Postgres
import Testing

/// The pages' 修改密码 as the web role does it (migration 16): only the account of the browser
/// session asking changes, and only with its current password.
@Suite struct OwnPasswordTests {
    let password = "correct horse battery"
    let new = "a brand new password"

    func fixture() throws -> Fixture {
        let f = try Fixture()
        try f.store.addAccount(f.congress, login: "zjj", party: .unit("ZJJ"), password: password)
        try f.store.addAccount(f.congress, login: "d001", party: .deputy("D001"), password: password)
        return f
    }

    @Test func theSessionsAccountChangesItsOwnPasswordAndItsOtherTokensEnd() throws {
        let f = try fixture()
        let web = try f.webStore()
        let congress = try web.congress("LL")
        let zjj = try web.signIn(congress, login: "zjj", password: password)
        let session = try web.issueToken(for: zjj, kind: .session, lifetime: .seconds(600))
        let otherSession = try web.issueToken(for: zjj, kind: .session, lifetime: .seconds(600))
        let api = try web.issueToken(for: zjj, kind: .api, lifetime: .seconds(600))
        let d001 = try web.issueToken(for: try web.signIn(congress, login: "d001", password: password), kind: .session, lifetime: .seconds(600))

        try web.changeOwnPassword(congress, login: "zjj", session: session.token, current: password, new: new)
        #expect(throws: AccountError.signInFailed) { try web.signIn(congress, login: "zjj", password: password) }
        #expect(try web.signIn(congress, login: "zjj", password: new) == zjj)
        #expect(try web.account(forToken: session.token)?.account == zjj)
        #expect(try web.account(forToken: otherSession.token) == nil)
        #expect(try web.account(forToken: api.token) == nil)
        #expect(try web.account(forToken: d001.token)?.account.login == "d001")
        #expect(try web.signIn(congress, login: "d001", password: password).login == "d001")
    }

    @Test func aWrongCurrentPasswordOrABadNewOneChangesNothing() throws {
        let f = try fixture()
        let web = try f.webStore()
        let congress = try web.congress("LL")
        let session = try web.issueToken(for: try web.signIn(congress, login: "zjj", password: password), kind: .session, lifetime: .seconds(600))
        #expect(throws: AccountError.signInFailed) {
            try web.changeOwnPassword(congress, login: "zjj", session: session.token, current: "not the password", new: new)
        }
        #expect(throws: AccountError.passwordTooShort(minimum: 10)) {
            try web.changeOwnPassword(congress, login: "zjj", session: session.token, current: password, new: "short")
        }
        #expect(try web.signIn(congress, login: "zjj", password: password).login == "zjj")
    }

    /// In raw SQL as the web role: an API token, an unknown token or one of another account's
    /// session never reaches past its own account, and the table stays out of reach.
    @Test func theFunctionChangesOnlyTheAccountOfALiveSession() throws {
        let f = try fixture()
        let web = try f.webStore()
        let congress = try web.congress("LL")
        let zjj = try web.signIn(congress, login: "zjj", password: password)
        let api = try web.issueToken(for: zjj, kind: .api, lifetime: .seconds(600))
        let hash = PasswordHashing.hash(new)
        let before = try f.store.connection.query("SELECT login, password_hash FROM account ORDER BY login").rows
            .map { try $0.decode(String.self, "password_hash") }
        for token in [api.token, "no such token", ""] {
            let changed = try web.connection.query("SELECT jianyi_change_own_password(\(token), \(hash)) AS changed").rows[0]
            #expect(try changed.decode(Bool.self, "changed") == false)
        }
        let session = try web.issueToken(for: zjj, kind: .session, lifetime: .seconds(600))
        let notAHash = try web.connection.query("SELECT jianyi_change_own_password(\(session.token), 'plain text') AS changed").rows[0]
        #expect(try notAHash.decode(Bool.self, "changed") == false)
        let after = try f.store.connection.query("SELECT login, password_hash FROM account ORDER BY login").rows
            .map { try $0.decode(String.self, "password_hash") }
        #expect(before == after)
        #expect(throws: (any Error).self) { try web.connection.execute("UPDATE account SET password_hash = \(hash)") }
    }
}
