@testable import CaseStore
import Casework
import Postgres
import Testing

/// Migration 23 in raw SQL as the web role: only an actor that is the secretariat lists, adds,
/// disables or resets accounts, only of its own congress, and never sees a hash.
@Suite struct SecretariatAccountsTests {
    let password = "correct horse battery"
    let hash = "$2b$04$abcdefghijklmnopqrstuu5i9Hs8tX3eCM6VcNnYb4L5Gv1S0c4bC"

    /// LL with accounts `zjj` and `d001`; XX with its own `zjj`.
    func fixture() throws -> (Fixture, xx: Int) {
        let f = try Fixture()
        try f.store.addAccount(f.congress, login: "zjj", party: .unit("ZJJ"), password: password)
        try f.store.addAccount(f.congress, login: "d001", party: .deputy("D001"), password: password)
        let xx = try f.store.addCongress(code: "XX", name: "另一人民代表大会", level: .county, timeZone: "Asia/Shanghai")
        _ = try f.store.addUnit(xx, code: "ZJJ", name: "县住房和城乡建设局", kind: .government)
        try f.store.addAccount(xx, login: "zjj", party: .unit("ZJJ"), password: password)
        return (f, xx.id)
    }

    @Test func onlyTheSecretariatReachesTheFunctions() throws {
        let (f, _) = try fixture()
        let web = try f.webConnection()
        let ll = try f.congressID("LL")
        let calls = [
            "SELECT * FROM jianyi_secretariat_accounts()",
            "SELECT jianyi_secretariat_add_account('new', 'secretariat', NULL, '\(hash)', false)",
            "SELECT jianyi_secretariat_disable_account('zjj')",
            "SELECT jianyi_secretariat_set_password('zjj', '\(hash)')",
        ]
        for party in [Party?.none, .unit("ZJJ"), .deputy("D001")] {
            for call in calls {
                expectRefusedByTheDatabase(web, "\(call) as \(party.map(\.en) ?? "no actor")") { web in
                    if let party {
                        try web.execute("""
                            SELECT set_config('jianyi.congress', \(String(ll)), true), set_config('jianyi.party', \(party.role.rawValue), true),
                                   set_config('jianyi.code', \(party.code ?? ""), true)
                            """)
                    }
                    _ = try web.query(PostgresQuery(unsafeSQL: call))
                }
            }
        }
        let accounts = try f.store.listAccounts(f.congress)
        #expect(accounts.map(\.account.login) == ["d001", "zjj"] && accounts.allSatisfy { !$0.account.disabled })
        #expect(try f.store.signIn(f.congress, login: "zjj", password: password).login == "zjj")
    }

    @Test func theSecretariatManagesItsOwnCongresssAccountsOnly() throws {
        let (f, xx) = try fixture()
        let web = try f.webConnection()
        let ll = try f.congressID("LL")
        let xxCongress = try f.store.congress("XX")
        try asActor(web, congress: ll, party: .secretariat) { web in
            let rows = try web.query("SELECT * FROM jianyi_secretariat_accounts()").rows
            #expect(try rows.map { try $0.decode(String.self, "login") } == ["d001", "zjj"])
            #expect(rows.first.map { $0.columns.index(of: "password_hash") == nil } == true)
            let added = try web.query("SELECT jianyi_secretariat_add_account('new', 'unit', 'JTJ', \(hash), true) AS o").rows[0]
            #expect(try added.decode(String.self, "o") == "added")
            for (login, role, code, outcome) in [("zjj", "unit", "ZJJ", "taken"), ("x1", "unit", "NONE", "no_unit"), ("x2", "deputy", "D999", "no_deputy")] {
                let row = try web.query("SELECT jianyi_secretariat_add_account(\(login), \(role), \(code), \(hash), false) AS o").rows[0]
                #expect(try row.decode(String.self, "o") == outcome, "\(login)")
            }
            #expect(try web.query("SELECT jianyi_secretariat_disable_account('zjj') AS d").rows[0].decode(Bool.self, "d"))
            #expect(try web.query("SELECT jianyi_secretariat_set_password('d001', \(hash)) AS d").rows[0].decode(Bool.self, "d"))
            #expect(try !web.query("SELECT jianyi_secretariat_disable_account('nobody') AS d").rows[0].decode(Bool.self, "d"))
            // Not a hash: refused before anything is written.
            #expect(throws: PostgresError.self) { try web.transaction { _ = try $0.query("SELECT jianyi_secretariat_set_password('d001', 'clear text')") } }
        }
        let ll2 = try f.store.listAccounts(f.congress)
        #expect(ll2.map(\.account.login) == ["d001", "new", "zjj"])
        #expect(ll2.first { $0.account.login == "zjj" }?.account.disabled == true)
        #expect(ll2.first { $0.account.login == "new" }.map { $0.account.party == .unit("JTJ") && $0.account.signer } == true)
        // XX's zjj, of the same login, is untouched.
        #expect(try f.store.listAccounts(xxCongress).allSatisfy { !$0.account.disabled })
        #expect(try f.store.signIn(xxCongress, login: "zjj", password: password).login == "zjj")
        _ = xx
    }

    @Test func theStoresFunctionsCheckAsAccountAddDoes() throws {
        let (f, _) = try fixture()
        let web = try f.webStore()
        let sec = Account(login: "sec", congress: "LL", party: .secretariat)
        try web.acting(as: sec) { store in
            #expect(throws: AccountError.passwordTooShort(minimum: 10)) {
                try store.addAccountAsSecretariat(f.congress, login: "new", party: .secretariat, password: "short", signer: false)
            }
            #expect(throws: AccountError.signerNeedsUnitRole(.deputy)) {
                try store.addAccountAsSecretariat(f.congress, login: "new", party: .deputy("D002"), password: password, signer: true)
            }
            #expect(throws: AccountError.loginTaken(login: "zjj", congress: "LL")) {
                try store.addAccountAsSecretariat(f.congress, login: "zjj", party: .unit("ZJJ"), password: password, signer: false)
            }
            #expect(throws: AccountError.noSuchAccount(login: "nobody", congress: "LL")) {
                try store.setPasswordAsSecretariat(f.congress, login: "nobody", password: password)
            }
            try store.addAccountAsSecretariat(f.congress, login: "d002", party: .deputy("D002"), password: password, signer: false)
            #expect(try store.accountsAsSecretariat().map(\.account.login) == ["d001", "d002", "zjj"])
        }
        #expect(try f.store.signIn(f.congress, login: "d002", password: password).party == .deputy("D002"))
    }
}
