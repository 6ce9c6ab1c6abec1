/// Why a step refuses, as values: the case, the units, the days involved. The front end that
/// asked (the CLI) decides how to say it, which of its flags the value came from, and the exit
/// code; nothing here names a flag or finishes a sentence.
public enum CaseError: Error, Equatable, Sendable {
    // The case's state and history.

    /// The case's state does not allow the step.
    case notAllowed(number: String, step: CaseStep, state: CaseState)
    /// The step's day has not come yet.
    case dayAfterToday(day: Day, today: Day)
    /// The step's day is before the case's previous step, dated `previous`.
    case dateBeforePreviousStep(number: String, day: Day, previous: Day, kind: EventKind)
    /// A due day the step opens cannot be counted from `from`.
    case deadlineUncountable(kind: ObligationKind, from: StepDay, refusal: LegalClock.Refusal)

    // The units a step names.

    /// The unit, given as `role`, is not one of the congress's.
    case unknownUnit(String, role: UnitRole, congress: String)
    /// A co-handler given twice, or also as the lead.
    case coUnitRepeated(String)
    /// A unit that is not (or no longer) on the case; `step` is what it tried.
    case notAssigned(unit: String, number: String, step: CaseStep)
    case notCoHandler(unit: String, number: String)
    /// Only the lead replies; `lead` is nil when the case has none.
    case notLeadUnit(unit: String, number: String, lead: String?)

    // Transfers.

    case transferWindowClosed(unit: String, number: String, due: Day)
    case transferPending(number: String, unit: String)
    case noPendingTransfer(number: String)
    /// The new unit is or was already on the case.
    case alreadyAssigned(unit: String, number: String)

    // Replies and ratings.

    /// Outcome B without its plan date.
    case planDateMissing
    case planDateBeforeReply(plan: Day, reply: Day)
    /// A plan date on an A or C reply.
    case planDateNotForOutcome(Outcome)
    case noReplyToRate(number: String)
    /// A dissatisfied rating without a comment.
    case commentRequired

    // The deputy's answer to a contact.

    /// The case has no contact `contact`; `known` are the numbers it has.
    case noSuchContact(number: String, contact: Int, known: [Int])
    /// The contact was answered before: a contact is answered once.
    case contactAnswered(number: String, contact: Int, answer: ContactConfirmation, on: Day)
    /// The answer's day is before the contact's.
    case dateBeforeContact(number: String, contact: Int, day: Day, contactDay: Day)
    /// A dispute without the deputy's account of what happened.
    case disputeNoteRequired

    // 并案 (Steps/Merge.swift).

    case mergeIntoItself(number: String)
    /// The target is a case of another congress.
    case mergeAcrossCongresses(number: String, target: String, congress: String, targetCongress: String)
    /// The target was itself merged into `mergedInto`.
    case mergeIntoMerged(number: String, target: String, mergedInto: String)
    /// Cases were merged into this one: merging it would make a chain.
    case mergeChain(number: String, mergedIn: [String])
    /// The target is no longer before assignment (or has ended).
    case mergeTargetState(number: String, target: String, state: CaseState)

    /// Which input of a step a unit was given as.
    public enum UnitRole: Sendable, Equatable {
        case lead, co, transferTo
    }

    /// Which day of a step a deadline is counted from.
    public enum StepDay: Sendable, Equatable {
        /// The step's own day.
        case step
        /// The plan date of a B reply.
        case planBy
    }
}
