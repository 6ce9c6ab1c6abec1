/// A case as a step finds it, read under the case's lock: everything the rules of a step
/// look at, and nothing a step may not decide on.
public struct CaseSnapshot: Sendable, Equatable {
    /// A unit on the case, now or before a transfer ended its part.
    public struct Assignment: Sendable, Equatable {
        public let unit: String
        public let role: AssignmentRole
        public let active: Bool

        public init(unit: String, role: AssignmentRole, active: Bool = true) {
            self.unit = unit
            self.role = role
            self.active = active
        }
    }

    /// An obligation as recorded: `status` is the stored one (open, met, cancelled).
    public struct Obligation: Sendable, Equatable {
        public let number: Int
        public let kind: ObligationKind
        /// The unit that owes it; nil for the deputy's rating.
        public let unit: String?
        public let status: ObligationStatus
        public let due: Day

        public init(number: Int, kind: ObligationKind, unit: String?, status: ObligationStatus = .open, due: Day) {
            self.number = number
            self.kind = kind
            self.unit = unit
            self.status = status
            self.due = due
        }
    }

    /// A transfer request not yet decided.
    public struct Transfer: Sendable, Equatable {
        public let number: Int
        public let unit: String

        public init(number: Int, unit: String) {
            self.number = number
            self.unit = unit
        }
    }

    /// A contact a unit recorded, with the deputy's answer once given.
    public struct Contact: Sendable, Equatable {
        /// The deputy's answer and its day.
        public struct Answer: Sendable, Equatable {
            public let confirmation: ContactConfirmation
            public let on: Day

            public init(_ confirmation: ContactConfirmation, on: Day) {
                self.confirmation = confirmation
                self.on = on
            }
        }

        /// Its number on the case, from 1 in the order recorded.
        public let number: Int
        public let unit: String
        public let day: Day
        public let answer: Answer?

        public init(number: Int, unit: String, day: Day, answer: Answer? = nil) {
            self.number = number
            self.unit = unit
            self.day = day
            self.answer = answer
        }
    }

    public let number: String
    /// The congress's code, which refusals name.
    public let congress: String
    public let state: CaseState
    public let round: Int
    public let leadUnit: String?
    public let complex: Bool
    public let outcome: Outcome?
    /// The latest step the case has had; nil before any (never for a registered case).
    public let previousStep: StepDate.Previous?
    public let assignments: [Assignment]
    /// In the order they were recorded.
    public let obligations: [Obligation]
    public let pendingTransfer: Transfer?
    /// The draft reply waiting for a signer; nil when none waits or the actor may not see it.
    public let pendingDraft: ReplyDraft?
    /// In the order they were recorded.
    public let contacts: [Contact]
    /// The case this one was merged into (并案), when it is `merged`.
    public let mergedInto: String?
    /// The cases merged into this one, in number order.
    public let mergedIn: [String]

    public init(
        number: String, congress: String, state: CaseState, round: Int = 1, leadUnit: String? = nil, complex: Bool = false,
        outcome: Outcome? = nil, previousStep: StepDate.Previous? = nil, assignments: [Assignment] = [],
        obligations: [Obligation] = [], pendingTransfer: Transfer? = nil, pendingDraft: ReplyDraft? = nil, contacts: [Contact] = [],
        mergedInto: String? = nil, mergedIn: [String] = []
    ) {
        self.number = number
        self.congress = congress
        self.state = state
        self.round = round
        self.leadUnit = leadUnit
        self.complex = complex
        self.outcome = outcome
        self.previousStep = previousStep
        self.assignments = assignments
        self.obligations = obligations
        self.pendingTransfer = pendingTransfer
        self.pendingDraft = pendingDraft
        self.contacts = contacts
        self.mergedInto = mergedInto
        self.mergedIn = mergedIn
    }

    /// The role of a unit now on the case, or nil.
    public func activeRole(of unit: String) -> AssignmentRole? {
        assignments.first { $0.active && Code.same($0.unit, unit) }?.role
    }
}

/// Codes (units, deputies) are compared byte for byte, as the database compares them: two
/// spellings Swift would call equal (composed and decomposed accents) are two codes.
public enum Code {
    public static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): a.utf8.elementsEqual(b.utf8)
        default: false
        }
    }
}
