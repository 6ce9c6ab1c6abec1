import Casework
import Postgres

extension Store {
    // MARK: The secretariat's accounts page (connected as jianyi_web, acting as the secretariat)

    /// The congress's accounts as `listAccounts` gives them, through migration 23's function:
    /// the web role reaches no account row itself, and only the secretariat gets any.
    public func accountsAsSecretariat() throws -> [AccountListing] {
        let congress = try connection.query("SELECT c.code FROM congress c WHERE c.congress_id = jianyi_secretariat_congress()")
            .rows[0].decode(String.self, "code")
        return try connection.query("""
            SELECT login, role, code, disabled, signer, created_at, password_changed_at FROM jianyi_secretariat_accounts()
            """).rows.map { row in
            let role = try row.decode(PartyRole.self, "role")
            guard let party = Party(role: role, code: try row.decode(String?.self, "code")) else { throw AccountError.codeDoesNotFitRole(role) }
            return AccountListing(
                account: Account(login: try row.decode(String.self, "login"), congress: congress, party: party,
                                 disabled: try row.decode(Bool.self, "disabled"), signer: try row.decode(Bool.self, "signer")),
                createdAt: try row.decode(Instant.self, "created_at"), passwordChangedAt: try row.decode(Instant.self, "password_changed_at"))
        }
    }

    /// `account add` for the secretariat's page: the same checks and refusals, in the acting
    /// secretariat's congress.
    @discardableResult
    public func addAccountAsSecretariat(_ congress: Congress, login: String, party: Party, password: String, signer: Bool) throws -> Account {
        let hash = try Self.checkedHash(login: login, party: party, password: password, signer: signer)
        let outcome = try connection.query("""
            SELECT jianyi_secretariat_add_account(\(login), \(party.role.rawValue), \(party.code), \(hash), \(signer)) AS outcome
            """).rows[0].decode(String.self, "outcome")
        switch outcome {
        case "taken": throw AccountError.loginTaken(login: login, congress: congress.code)
        case "no_unit": throw AccountError.unknownUnit(party.code ?? "", congress: congress.code)
        case "no_deputy": throw AccountError.unknownDeputy(party.code ?? "", congress: congress.code)
        default: return Account(login: login, congress: congress.code, party: party, signer: signer)
        }
    }

    /// `account disable` for the secretariat's page: its tokens end.
    public func disableAccountAsSecretariat(_ congress: Congress, login: String) throws {
        let done = try connection.query("SELECT jianyi_secretariat_disable_account(\(login)) AS done").rows[0].decode(Bool.self, "done")
        guard done else { throw AccountError.noSuchAccount(login: login, congress: congress.code) }
    }

    /// `account password` for the secretariat's page: its tokens end.
    public func setPasswordAsSecretariat(_ congress: Congress, login: String, password: String) throws {
        try Account.checkPassword(password)
        let hash = PasswordHashing.hash(password)
        let done = try connection.query("SELECT jianyi_secretariat_set_password(\(login), \(hash)) AS done").rows[0].decode(Bool.self, "done")
        guard done else { throw AccountError.noSuchAccount(login: login, congress: congress.code) }
    }

    /// What `addAccount` checks before it writes, in its order; the password's bcrypt hash.
    static func checkedHash(login: String, party: Party, password: String, signer: Bool) throws -> String {
        try Account.checkLogin(login)
        if signer, party.role != .unit { throw AccountError.signerNeedsUnitRole(party.role) }
        try Account.checkPassword(password)
        return PasswordHashing.hash(password)
    }
}
