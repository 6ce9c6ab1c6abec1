/// The steps of a draft reply, as the API names them.
public enum DraftStep: String, CaseIterable, Sendable {
    /// 拟稿: the lead unit's staff submits a draft.
    case submit = "reply-drafts"
    /// 签发: a signer approves it; it becomes the reply.
    case approve
    /// 退回: a signer sends it back with a note.
    case `return`
}

extension Account {
    /// Whether this account sees a case's drafts: the secretariat, and the accounts of the
    /// case's current lead unit (the database's row policy on reply_draft says the same). A
    /// deputy, a co-handler and a unit relieved of the lead never do.
    public func seesDrafts(on parties: CaseParties) -> Bool {
        switch party {
        case .secretariat: true
        case .unit(let unit): parties.activeRole(of: unit) == .lead
        case .deputy: false
        }
    }

    /// Whether this account may take a draft step: any account of the lead unit submits; only
    /// its signers approve and return. The secretariat sees drafts but signs none: it enters
    /// replies signed on paper with `reply`.
    public func may(_ step: DraftStep, on parties: CaseParties) -> Bool {
        guard case .unit(let unit) = party, parties.activeRole(of: unit) == .lead else { return false }
        return step == .submit || signer
    }

    /// Refuses a draft step: as not found when the account does not see drafts (for a
    /// decision on one), as forbidden otherwise.
    public func requirePermission(_ step: DraftStep, on parties: CaseParties, number: String) throws(ReplyDraftError) {
        if step != .submit, !seesDrafts(on: parties) { throw .draftsNotVisible(number: number) }
        guard may(step, on: parties) else {
            if step != .submit, case .unit(let unit) = party, seesDrafts(on: parties) { throw .signerOnly(step: step, unit: unit) }
            throw .notPermitted(step: step, party: party)
        }
    }

    /// Refuses a reply made without a draft by a unit account that is no signer when its unit
    /// has one (`unitSigns`): staff submit a draft instead. The secretariat enters signed
    /// paper replies; a unit with no signer replies directly, as before signing existed.
    public func requireDirectReply(unitSigns: Bool) throws(ReplyDraftError) {
        guard case .unit(let unit) = party, unitSigns, !signer else { return }
        throw .draftRequired(unit: unit)
    }
}
