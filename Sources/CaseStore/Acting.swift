import Casework
import Postgres

extension Store {
    /// Runs `body` as `account`, in ONE transaction retried as a whole (see `retryingTransaction`):
    /// the row policies of migration 8 see the account's party through three transaction-local
    /// settings, and every event written inside records the account's login as its actor. The
    /// steps called inside run in savepoints of this transaction.
    ///
    /// Connected as the web role (jianyi_web), this is the only way to see a case row at all.
    ///
    /// With `token`, the credential the account signed in with is checked in the same statement
    /// that opens the transaction: a token ended since (revoked, expired, its account disabled or
    /// given a new password) throws `TokenEnded` before `body` runs, at no extra round trip.
    public func acting<Value>(as account: Account, token: SignedInToken? = nil, _ body: (Store) throws -> Value) throws -> Value {
        let previous = (actor, self.account, rulesVersion)
        (actor, self.account) = (account.login, account)
        defer { (actor, self.account, rulesVersion) = previous }
        // The signer right comes from the account row, never from the caller's Account.
        // Without a token (the CLI, a browser's session) the statement calls no token function.
        let tokenLogin: PostgresQuery = if let token {
            """
            (SELECT t.login FROM jianyi_token_account(\(token.token), NULL) t
             WHERE t.kind = \(token.kind.rawValue) AND t.congress_code = \(account.congress))
            """
        } else {
            "NULL::text"
        }
        let setActor: PostgresQuery = """
            WITH c AS (SELECT congress_id, rules_version FROM congress WHERE code = \(account.congress))
            SELECT set_config('jianyi.congress', (SELECT congress_id FROM c)::text, true) AS congress,
                   (SELECT rules_version FROM c) AS rules_version,
                   set_config('jianyi.party', \(account.party.role.rawValue), true),
                   set_config('jianyi.code', \(account.party.code ?? ""), true),
                   set_config('jianyi.login', \(account.login), true),
                   set_config('jianyi.signer', coalesce(jianyi_account_signs((SELECT congress_id FROM c), \(account.login)), false)::text, true)
                       AS signer,
                   \(tokenLogin) AS token_login
            """
        // Sent with BEGIN: one round trip instead of two on every request.
        return try connection.retryingTransaction(opening: setActor) { _, opened in
            let set = opened.rows[0]
            // An unknown congress would leave the setting empty: no rows, and no way to say why.
            guard try set.decode(String?.self, "congress") != nil else {
                throw LookupError.noSuchCongress(code: account.congress, known: [])
            }
            if token != nil, try set.decode(String?.self, "token_login") != account.login { throw TokenEnded() }
            self.account = account.signing(try set.decode(String.self, "signer") == "true")
            rulesVersion = try set.decode(Int64.self, "rules_version")
            return try body(self)
        }
    }

    /// Who is on case `number` (its deputy, co-signers and units), for `Party.may`; a case the
    /// actor may not see is reported as one that does not exist.
    public func caseParties(_ congress: Congress, _ number: String) throws -> CaseParties {
        try connection.retryingTransaction { connection in
            guard let row = try connection.query("""
                SELECT s.deputy_code,
                       ARRAY(SELECT c.deputy_code FROM suggestion_cosigner c
                             WHERE c.congress_id = s.congress_id AND c.suggestion_id = s.suggestion_id ORDER BY c.position) AS cosigners,
                       ARRAY(SELECT a.unit_code FROM assignment a
                             WHERE a.congress_id = s.congress_id AND a.suggestion_id = s.suggestion_id ORDER BY a.assigned_on, a.unit_code) AS units,
                       ARRAY(SELECT a.role::text FROM assignment a
                             WHERE a.congress_id = s.congress_id AND a.suggestion_id = s.suggestion_id ORDER BY a.assigned_on, a.unit_code) AS roles,
                       ARRAY(SELECT (a.ended_on IS NULL)::text FROM assignment a
                             WHERE a.congress_id = s.congress_id AND a.suggestion_id = s.suggestion_id ORDER BY a.assigned_on, a.unit_code) AS active,
                       \(mergedParties("s"))
                FROM suggestion s WHERE \(congress.scope("s")) AND s.number = \(number)
                """).rows.first else {
                throw LookupError.noSuchCase(number: number, congress: congress.code)
            }
            let units = try row.decode([String].self, "units")
            let roles = try row.decode([String].self, "roles").map { AssignmentRole(rawValue: $0) ?? .co }
            let active = try row.decode([String].self, "active").map { $0 == "true" }
            return CaseParties(
                deputy: try row.decode(String.self, "deputy_code"), cosigners: try row.decode([String].self, "cosigners"),
                assignments: units.indices.map { CaseSnapshot.Assignment(unit: units[$0], role: roles[$0], active: active[$0]) },
                mergedDeputies: try row.decode([String].self, "merged_deputies"), mergedCosigners: try row.decode([String].self, "merged_cosigners"))
        }
    }
}
