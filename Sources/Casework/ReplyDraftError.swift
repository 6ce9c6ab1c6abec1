/// Why a draft reply cannot be submitted, signed or returned, or a reply made without one.
public enum ReplyDraftError: Error, Equatable, Sendable {
    /// The unit has no signer account: it replies directly (409).
    case noSigner(unit: String, number: String)
    /// A draft of the case already waits for its signer (409).
    case draftPending(number: String, draft: Int)
    /// No draft waits on the case (409).
    case noPendingDraft(number: String)
    /// The actor does not see the case's drafts (a deputy, a co-handler): as if there were none (404).
    case draftsNotVisible(number: String)
    /// A step on drafts the party may not take (403).
    case notPermitted(step: DraftStep, party: Party)
    /// The lead unit's account lacks the signer right to sign or return (403).
    case signerOnly(step: DraftStep, unit: String)
    /// A unit with a signer replies through a draft, unless a signer replies (403).
    case draftRequired(unit: String)
    /// A signing or a return dated before the draft.
    case dayBeforeDraft(number: String, day: Day, drafted: Day)
    /// A return without the note saying what to change.
    case noteRequired
}

extension ReplyDraftError: DomainError {}
