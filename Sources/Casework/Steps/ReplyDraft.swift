/// Where a draft reply (答复件草稿) stands.
public enum DraftStatus: String, CaseIterable, Sendable, Codable, Labelled {
    /// Waits in the unit's signers' queue.
    case pending
    /// Signed (签发): it became the case's reply, dated the signing day.
    case signed
    /// Sent back to the unit's staff with a note; they may draft again.
    case returned
    /// Made moot: a reply without it (a signer's own, the secretariat's paper reply) or a
    /// transfer of the lead.
    case void

    public var zh: String {
        switch self {
        case .pending: "待签发"
        case .signed: "已签发"
        case .returned: "已退回"
        case .void: "已作废"
        }
    }
}

/// A reply drafted by a unit's staff for its signer: the reply it would make, who drafted it
/// when, and what became of it.
public struct ReplyDraft: Sendable, Equatable {
    public let number: Int
    public let round: Int
    public let input: ReplyInput
    public let draftedOn: Day
    public let draftedBy: String
    public let status: DraftStatus
    public let decidedOn: Day?
    public let decidedBy: String?
    /// A return's note for the staff, or why it was voided.
    public let note: String?

    public init(
        number: Int, round: Int, input: ReplyInput, draftedOn: Day, draftedBy: String, status: DraftStatus = .pending,
        decidedOn: Day? = nil, decidedBy: String? = nil, note: String? = nil
    ) {
        self.number = number
        self.round = round
        self.input = input
        self.draftedOn = draftedOn
        self.draftedBy = draftedBy
        self.status = status
        self.decidedOn = decidedOn
        self.decidedBy = decidedBy
        self.note = note
    }
}

/// What a step does to the pending draft: signs it, returns it with a note, or voids it.
public struct DraftSettlement: Sendable, Equatable {
    public let draft: Int
    public let status: DraftStatus
    public let note: String?

    public init(draft: Int, status: DraftStatus, note: String?) {
        self.draft = draft
        self.status = status
        self.note = note
    }
}

/// A draft to record: the reply it proposes, for the case's current round.
public struct DraftSubmission: Sendable, Equatable {
    public let input: ReplyInput
    public let round: Int
    public let day: Day
    public let actor: String

    public init(input: ReplyInput, round: Int, day: Day, actor: String) {
        self.input = input
        self.round = round
        self.day = day
        self.actor = actor
    }
}

extension CaseSnapshot {
    /// 拟稿: the lead unit's staff drafts the reply for its signer. The reply's states and date
    /// order apply; a unit with no signer replies directly, and one draft waits at a time.
    public func submitDraft(_ input: ReplyInput, unitSigns: Bool, on day: Day, by actor: String) throws -> DraftSubmission {
        try CaseStep.check(.reply, number: number, state: state)
        try StepDate.checkOrder(day, after: previousStep, number: number)
        guard let leadUnit, Code.same(input.unit, leadUnit) else {
            throw CaseError.notLeadUnit(unit: input.unit, number: number, lead: leadUnit)
        }
        guard unitSigns else { throw ReplyDraftError.noSigner(unit: input.unit, number: number) }
        if let pendingDraft { throw ReplyDraftError.draftPending(number: number, draft: pendingDraft.number) }
        return DraftSubmission(input: input, round: round, day: day, actor: actor)
    }

    /// 签发: a signer approves the pending draft. It becomes exactly the reply `reply` makes on
    /// the signing day (the clock stops then), its event naming the drafting and the signing
    /// account.
    public func signDraft(rules: @autoclosure () throws -> Rules, on day: Day, by signer: String) throws -> ReplyPlan {
        try CaseStep.check(.reply, number: number, state: state)
        let draft = try pendingDraft(deciding: day)
        let drafted = draft.input
        // A B reply's plan date is checked again against the signing day.
        let input = try ReplyInput(unit: drafted.unit, outcome: drafted.outcome, planBy: drafted.planBy, text: drafted.text, on: day)
        var plan = try reply(input, rules: try rules(), on: day, by: signer)
        plan.stepPlan.data += [("draft", .int(draft.number)), ("drafted_by", .string(draft.draftedBy)), ("signed_by", .string(signer))]
        plan.stepPlan.settlesDraft = DraftSettlement(draft: draft.number, status: .signed, note: nil)
        return plan
    }

    /// 退回: a signer sends the pending draft back to the staff with a note saying what to change.
    public func returnDraft(note: String, on day: Day) throws -> DraftSettlement {
        try CaseStep.check(.reply, number: number, state: state)
        let draft = try pendingDraft(deciding: day)
        guard let note = try? Text.required(note, field: .comment) else { throw ReplyDraftError.noteRequired }
        return DraftSettlement(draft: draft.number, status: .returned, note: note)
    }

    /// The draft waiting for a decision on `day`, which may not come before its drafting.
    private func pendingDraft(deciding day: Day) throws -> ReplyDraft {
        guard let pendingDraft else { throw ReplyDraftError.noPendingDraft(number: number) }
        guard day >= pendingDraft.draftedOn else {
            throw ReplyDraftError.dayBeforeDraft(number: number, day: day, drafted: pendingDraft.draftedOn)
        }
        return pendingDraft
    }

    /// What a step that settles the case's reply otherwise (a reply without the draft, a
    /// transfer of the lead) does to the waiting draft: voids it, saying why.
    func voidingPendingDraft(_ why: String) -> DraftSettlement? {
        pendingDraft.map { DraftSettlement(draft: $0.number, status: .void, note: why) }
    }
}
