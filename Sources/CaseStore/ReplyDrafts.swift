import Casework
import Postgres

/// A draft reply with the case it is for, as lists show it.
public struct CaseDraft: Sendable, Equatable {
    public let number: String
    public let title: String
    public let draft: ReplyDraft
}

extension Store {
    /// 拟稿: an account of the lead unit drafts the reply for its signer. The case is locked
    /// like a step's; nothing but the draft is written (no event: deputies read the history).
    public func submitDraft(
        _ congress: Congress, _ number: String, unit: String, outcome: Outcome, planBy: Day?, text: String, on day: Day
    ) throws -> CaseDraft {
        let input = try ReplyInput(unit: unit, outcome: outcome, planBy: planBy, text: text, on: day)
        return try connection.retryingTransaction { connection in
            let locked = try lockCase(congress, number)
            let account = try draftingAccount(.submit)
            try account.requirePermission(.submit, on: locked.parties, number: number)
            let submission = try locked.snapshot.submitDraft(input, unitSigns: try unitSigns(congress, unit: unit), on: day, by: actor)
            let draftNumber = try connection.query("""
                INSERT INTO reply_draft (congress_id, suggestion_id, draft_no, round, unit_code, outcome, plan_by, text, drafted_on, drafted_by)
                SELECT \(congress.id), \(locked.id), coalesce(max(draft_no), 0) + 1, \(submission.round), \(unit), \(outcome),
                       \(planBy), \(input.text), \(day), \(account.login)
                FROM reply_draft WHERE \(congress.scope(case: locked.id))
                RETURNING draft_no
                """).rows[0].decode(Int.self, "draft_no")
            logger.debug("\(number): reply draft \(draftNumber) by \(account.login)")
            return CaseDraft(number: number, title: try title(of: locked),
                             draft: ReplyDraft(number: draftNumber, round: submission.round, input: input, draftedOn: day, draftedBy: account.login))
        }
    }

    /// 签发: a signer of the lead unit approves the pending draft, which becomes the reply
    /// `reply` would make on `day`.
    public func signDraft(_ congress: Congress, _ number: String, on day: Day) throws -> StepResult {
        try step(congress, number, permit: { locked in
            try draftingAccount(.approve).requirePermission(.approve, on: locked.parties, number: number)
        }, plan: { c in
            let planBy = c.pendingDraft?.input.planBy
            return try c.signDraft(rules: rules(congress, from: day, through: planBy), on: day, by: actor)
        }, record: { c, plan in
            try recordReply(c, plan)
        })
    }

    /// 退回: a signer of the lead unit sends the pending draft back with `note`.
    public func returnDraft(_ congress: Congress, _ number: String, note: String, on day: Day) throws -> CaseDraft {
        try connection.retryingTransaction { _ in
            let locked = try lockCase(congress, number)
            try draftingAccount(.return).requirePermission(.return, on: locked.parties, number: number)
            let settlement = try locked.snapshot.returnDraft(note: note, on: day)
            try settle(settlement, of: locked, on: day, by: actor)
            guard let draft = try drafts(congress, caseID: locked.id).first(where: { $0.number == settlement.draft }) else {
                throw ReplyDraftError.noPendingDraft(number: number)
            }
            return CaseDraft(number: number, title: try title(of: locked), draft: draft)
        }
    }

    /// The drafts of case `number`, oldest first, for the secretariat and the case's lead unit;
    /// anyone else is told there are none to see.
    public func drafts(_ congress: Congress, _ number: String) throws -> [ReplyDraft] {
        try connection.retryingTransaction { connection in
            let parties = try caseParties(congress, number)
            if let account, !account.seesDrafts(on: parties) { throw ReplyDraftError.draftsNotVisible(number: number) }
            let id = try connection.query("SELECT suggestion_id FROM suggestion WHERE \(congress.scope) AND number = \(number)")
                .rows[0].decode(Int.self, "suggestion_id")
            return try drafts(congress, caseID: id)
        }
    }

    /// The drafts waiting for `unit`'s signer, oldest first: one page, and how many there are.
    public func pendingDrafts(_ congress: Congress, unit: String, page: Page) throws -> Paged<CaseDraft> {
        let waiting: PostgresQuery = "\(congress.scope("r")) AND r.unit_code = \(unit) AND r.status = \(literal: DraftStatus.pending)"
        return try connection.retryingTransaction { connection in
            let total = try connection.query("SELECT count(*) AS n FROM reply_draft r WHERE " + waiting).rows[0].decode(Int.self, "n")
            guard total > page.offset else { return Paged(items: [], total: total) }
            let rows = try connection.query("""
                SELECT s.number, s.title, \(unsafeRaw: Self.draftColumns)
                FROM reply_draft r JOIN suggestion s ON \(sameCase("s", "r"))
                WHERE
                """ + " " + waiting + " ORDER BY r.drafted_on, s.series, s.seq" + page.clause).rows
            return Paged(items: try rows.map {
                CaseDraft(number: try $0.decode(String.self, "number"), title: try $0.decode(String.self, "title"), draft: try Self.draft($0))
            }, total: total)
        }
    }

    /// Whether `unit` has an enabled signer account (its replies then go through drafts).
    func unitSigns(_ congress: Congress, unit: String) throws -> Bool {
        try connection.query("SELECT jianyi_unit_has_signer(\(congress.id)::integer, \(unit)) AS signs").rows[0].decode(Bool.self, "signs")
    }

    /// The case's drafts the actor may read, oldest first; `status` keeps those in one state.
    func drafts(_ congress: Congress, caseID: Int, status: DraftStatus? = nil) throws -> [ReplyDraft] {
        try connection.query("""
            SELECT \(unsafeRaw: Self.draftColumns) FROM reply_draft r
            WHERE \(congress.scope("r")) AND r.suggestion_id = \(caseID) AND (\(status)::text IS NULL OR r.status = \(status))
            ORDER BY r.draft_no
            """).rows.map(Self.draft)
    }

    /// Records what a step decided about a draft, by the acting account on `day`.
    func settle(_ settlement: DraftSettlement, of c: LockedCase, on day: Day, by actor: String) throws {
        try connection.execute("""
            UPDATE reply_draft SET status = \(settlement.status), decided_on = \(day), decided_by = \(actor), note = \(settlement.note)
            WHERE \(c.congress.scope(case: c.id)) AND draft_no = \(settlement.draft) AND status = \(DraftStatus.pending)
            """)
    }

    /// The account taking a draft step. The CLI acts as the owner with no account: it enters
    /// signed replies with `reply` and takes no draft step.
    private func draftingAccount(_ step: DraftStep) throws -> Account {
        guard let account else { throw ReplyDraftError.notPermitted(step: step, party: .secretariat) }
        return account
    }

    private func title(of c: LockedCase) throws -> String {
        try connection.query("SELECT title FROM suggestion WHERE \(c.congress.scope(case: c.id))").rows[0].decode(String.self, "title")
    }

    private static let draftColumns: StaticString = """
        r.draft_no, r.round, r.unit_code, r.outcome, r.plan_by, r.text, r.drafted_on, r.drafted_by, r.status,
        r.decided_on, r.decided_by, r.note
        """

    private static func draft(_ row: Row) throws -> ReplyDraft {
        let draftedOn = try row.decode(Day.self, "drafted_on")
        return ReplyDraft(
            number: try row.decode(Int.self, "draft_no"), round: try row.decode(Int.self, "round"),
            input: try ReplyInput(unit: try row.decode(String.self, "unit_code"), outcome: try row.decode(Outcome.self, "outcome"),
                                  planBy: try row.decode(Day?.self, "plan_by"), text: try row.decode(String.self, "text"), on: draftedOn),
            draftedOn: draftedOn, draftedBy: try row.decode(String.self, "drafted_by"), status: try row.decode(DraftStatus.self, "status"),
            decidedOn: try row.decode(Day?.self, "decided_on"), decidedBy: try row.decode(String?.self, "decided_by"),
            note: try row.decode(String?.self, "note"))
    }
}
