/// What one step does to a case, decided from the case as loaded, the input and the rules:
/// the state it leaves, the obligations it opens, fulfils and cancels, and the event it
/// appends. The store writes it as it stands, in the transaction that loaded the case.
public struct StepPlan {
    public let step: CaseStep
    public let number: String
    public let day: Day
    public let actor: String
    /// The state the case is left in (its own for the steps that do not move it).
    public internal(set) var next: CaseState
    /// In the order they are recorded (their obligation numbers follow it).
    public private(set) var open: [ObligationPlan] = []
    /// The obligations met on `day`, by number.
    public private(set) var fulfil: [Int] = []
    public private(set) var cancel: [Cancellation] = []
    /// The event's data; `event` adds the state the step leaves.
    public internal(set) var data: [(String, JSONValue)] = []
    /// What the step does to the case's pending draft reply (signs or voids it).
    public internal(set) var settlesDraft: DraftSettlement?
    /// Calendar years the counting needed but the calendar lacks, one line each.
    public private(set) var warnings: [String] = []
    /// The case's obligations as this plan leaves them.
    private var obligations: [CaseSnapshot.Obligation]

    /// Starts the plan of `step`, refused when the case's state does not allow the step or
    /// `day` is before the case's previous step.
    init(_ step: CaseStep, _ c: CaseSnapshot, on day: Day, by actor: String) throws {
        try CaseStep.check(step, number: c.number, state: c.state)
        try StepDate.checkOrder(day, after: c.previousStep, number: c.number)
        self.step = step
        number = c.number
        self.day = day
        self.actor = actor
        next = c.state
        obligations = c.obligations
    }

    /// The event's kind and data as recorded in the history.
    public var eventKind: EventKind { step.eventKind }
    public var event: JSONValue { .object(data + [("state", .string(next.rawValue))]) }

    /// Whether writing the plan leaves the case row alone (its state and `updated_at`): the
    /// deputy's answer to a contact changes nothing of the case, so the web role's deputy
    /// needs no new right to write a case row (migration 11).
    public var keepsCaseRow: Bool { [.confirmContact, .disputeContact].contains(step) }

    /// Opens an obligation counted from the step's day by the policy's `setting`.
    @discardableResult
    mutating func open(_ kind: ObligationKind, unit: String?, round: Int, _ setting: PolicySetting, _ rules: Rules) throws -> ObligationPlan {
        let period = rules.policy.period(setting)
        let derivation: Derivation
        do throws(LegalClock.Refusal) {
            derivation = try rules.clock.due(from: day, period)
        } catch {
            throw CaseError.deadlineUncountable(kind: kind, from: .step, refusal: error)
        }
        return open(ObligationPlan(kind: kind, unit: unit, round: round, start: day, period: period,
                                   policy: AppliedPolicy.setting(setting, period), derivation: derivation))
    }

    /// Every obligation opened goes through here, so a due day counted over a year the
    /// calendar lacks is never silent (a plan date given in a reply too).
    @discardableResult
    mutating func open(_ obligation: ObligationPlan) -> ObligationPlan {
        for year in obligation.derivation.missingYears where !warnings.contains(where: { $0.contains(String(year)) }) {
            warnings.append("the calendar has no \(year) holiday notice: \(year) was counted with weekends only (jianyi calendar import)")
        }
        open.append(obligation)
        return obligation
    }

    /// Marks as met the open obligations of `kind` owed by `unit` (nil: by the deputy).
    mutating func fulfil(_ kind: ObligationKind, unit: String?) {
        fulfil += settle { $0.kind == kind && Code.same($0.unit, unit) }
    }

    /// Cancels the open obligations of `kinds` owed by `unit` (nil: by anyone).
    mutating func cancel(_ kinds: [ObligationKind], unit: String?, note: String) {
        cancel(note: note) { kinds.contains($0.kind) && (unit == nil || Code.same($0.unit, unit)) }
    }

    mutating func cancel(note: String, where matches: (CaseSnapshot.Obligation) -> Bool) {
        let numbers = settle(matches)
        if !numbers.isEmpty { cancel.append(Cancellation(numbers: numbers, note: note)) }
    }

    /// The open obligations that match, taken off the open ones.
    private mutating func settle(_ matches: (CaseSnapshot.Obligation) -> Bool) -> [Int] {
        let numbers = obligations.filter { $0.status == .open && matches($0) }.map(\.number)
        obligations = obligations.map { numbers.contains($0.number) ? .init(number: $0.number, kind: $0.kind, unit: $0.unit, status: .met, due: $0.due) : $0 }
        return numbers
    }
}

/// An obligation a step opens: who owes what, from which day, and the due day with how it
/// was counted.
public struct ObligationPlan: Sendable, Equatable {
    public let kind: ObligationKind
    /// The unit that owes it; nil for the deputy's rating.
    public let unit: String?
    public let round: Int
    public let start: Day
    /// Nil for a day given outright (a plan date).
    public let period: Period?
    /// The setting it was counted by, as recorded with it.
    public let policy: String
    public let derivation: Derivation

    public var due: Day { derivation.due }
}

/// Obligations a step cancels, with the note recorded on each.
public struct Cancellation: Sendable, Equatable {
    public let numbers: [Int]
    public let note: String

    public init(numbers: [Int], note: String) {
        self.numbers = numbers
        self.note = note
    }
}

/// A step's plan, alone or with what else the step records.
public protocol CasePlan {
    var stepPlan: StepPlan { get }
}

extension StepPlan: CasePlan {
    public var stepPlan: StepPlan { self }
}
