/// The deputy's answer to a contact (沟通) a unit recorded: it happened as recorded, or it did
/// not. The law asks units to really contact the deputy; the deputy's answer is how the
/// secretariat knows a contact was real. Raw values are the words the database and JSON use.
public enum ContactConfirmation: String, CaseIterable, Sendable, Codable, Labelled {
    case confirmed, disputed

    public var zh: String {
        switch self {
        case .confirmed: "代表已确认"
        case .disputed: "代表有异议"
        }
    }

    /// The step that records this answer.
    public var step: CaseStep { self == .confirmed ? .confirmContact : .disputeContact }
}

/// The deputy's answer as given: which contact (its number on the case), the answer, and the
/// deputy's note.
public struct ContactAnswer: Sendable, Equatable {
    public let contact: Int
    public let confirmation: ContactConfirmation
    public let note: String

    /// Refuses a dispute without a note (the deputy's account of what happened), and a note
    /// that is only blanks.
    public init(contact: Int, confirmation: ContactConfirmation, note: String) throws {
        if confirmation == .disputed && Text.isBlank(note) { throw CaseError.disputeNoteRequired }
        self.contact = contact
        self.confirmation = confirmation
        self.note = try Text.optional(note, field: .note) ?? ""
    }
}

extension CaseSnapshot {
    /// 确认沟通 / 对沟通提出异议: the deputy answers one contact of the case, once, on a day
    /// not before the contact's. The case stays as it is (state, deadlines, row): the answer
    /// is about what a unit did, not a step of the handling. A disputed contact no longer
    /// counts as one in the measures (`contacted`).
    public func answerContact(_ answer: ContactAnswer, on day: Day, by actor: String) throws -> StepPlan {
        var plan = try StepPlan(answer.confirmation.step, self, on: day, by: actor)
        guard let contact = contacts.first(where: { $0.number == answer.contact }) else {
            throw CaseError.noSuchContact(number: number, contact: answer.contact, known: contacts.map(\.number))
        }
        if let given = contact.answer {
            throw CaseError.contactAnswered(number: number, contact: contact.number, answer: given.confirmation, on: given.on)
        }
        // The case's previous step is never before its contacts, so StepPlan's order rule
        // refuses this first on a case as stored; it stays the step's own rule all the same.
        guard day >= contact.day else {
            throw CaseError.dateBeforeContact(number: number, contact: contact.number, day: day, contactDay: contact.day)
        }
        plan.data = [("contact", .int(contact.number)), ("unit", .string(contact.unit)),
                     ("contact_on", .string(contact.day.description)), ("note", .string(answer.note))]
        return plan
    }
}
