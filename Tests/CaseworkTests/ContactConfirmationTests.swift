import Casework
import Testing

/// The deputy's answer to a recorded contact, decided without a database: which contact, once,
/// when, and what it records.
@Suite struct ContactConfirmationTests {
    static let contactDay = Day("2024-03-05")!

    /// A case replied on 2024-03-10 with two contacts: ZJJ's on 2024-03-05, JTJ's on 2024-03-06,
    /// the first already confirmed.
    static func replied(state: CaseState = .replied) -> CaseSnapshot {
        CaseSnapshot(
            number: "5-4-0001", congress: "C", state: state, leadUnit: "ZJJ", outcome: .a,
            previousStep: .init(day: Day("2024-03-10")!, step: .replied),
            assignments: [.init(unit: "ZJJ", role: .lead), .init(unit: "JTJ", role: .co)],
            contacts: [.init(number: 1, unit: "ZJJ", day: contactDay, answer: .init(.confirmed, on: Day("2024-03-10")!)),
                       .init(number: 2, unit: "JTJ", day: Day("2024-03-06")!)])
    }

    static func answer(_ contact: Int, _ confirmation: ContactConfirmation, _ note: String = "") throws -> ContactAnswer {
        try ContactAnswer(contact: contact, confirmation: confirmation, note: note)
    }

    @Test func aDisputeRecordsItsKindTheContactAndTheNoteAndLeavesTheCaseAlone() throws {
        let plan = try Self.replied().answerContact(try Self.answer(2, .disputed, "  未曾来电 "), on: Day("2024-03-12")!, by: "d1")
        #expect(plan.step == .disputeContact && plan.eventKind == .contactDisputed)
        #expect(plan.next == .replied && plan.keepsCaseRow)
        #expect(plan.open.isEmpty && plan.fulfil.isEmpty && plan.cancel.isEmpty)
        #expect(plan.event.serialized() == #"{"contact":2,"unit":"JTJ","contact_on":"2024-03-06","note":"未曾来电","state":"replied"}"#)
    }

    @Test func aConfirmationTakesAnOptionalNote() throws {
        let plan = try Self.replied(state: .closed).answerContact(try Self.answer(2, .confirmed), on: Day("2024-03-12")!, by: "d1")
        #expect(plan.eventKind == .contactConfirmed && plan.next == .closed && plan.keepsCaseRow)
        #expect(plan.event.serialized() == #"{"contact":2,"unit":"JTJ","contact_on":"2024-03-06","note":"","state":"closed"}"#)
    }

    @Test func onlyTheAnswersKeepTheCaseRow() {
        let keeping = CaseStep.allCases.filter { step in
            (try? StepPlanTests.plan(step, step.allowedStates.first!))?.keepsCaseRow == true
        }
        #expect(Set(keeping) == [.confirmContact, .disputeContact])
    }

    @Test(arguments: ["", " ", "\u{200B}"])
    func aDisputeNeedsTheDeputysAccount(note: String) {
        #expect(throws: CaseError.disputeNoteRequired) { try Self.answer(2, .disputed, note) }
        #expect(throws: Never.self) { try Self.answer(2, .confirmed, "") }
    }

    @Test func aConfirmationsNoteIsNotBlankWhenGiven() {
        #expect(throws: InputError.blank(.note, value: " ")) { try Self.answer(2, .confirmed, " ") }
    }

    @Test func theContactMustBeOnTheCase() throws {
        #expect(throws: CaseError.noSuchContact(number: "5-4-0001", contact: 3, known: [1, 2])) {
            try Self.replied().answerContact(try Self.answer(3, .confirmed), on: Day("2024-03-12")!, by: "d1")
        }
        let none = CaseSnapshot(number: "5-4-0001", congress: "C", state: .assigned)
        #expect(throws: CaseError.noSuchContact(number: "5-4-0001", contact: 1, known: [])) {
            try none.answerContact(try Self.answer(1, .confirmed), on: Day("2024-03-12")!, by: "d1")
        }
    }

    @Test(arguments: ContactConfirmation.allCases)
    func aContactIsAnsweredOnce(again: ContactConfirmation) throws {
        #expect(throws: CaseError.contactAnswered(number: "5-4-0001", contact: 1, answer: .confirmed, on: Day("2024-03-10")!)) {
            try Self.replied().answerContact(try Self.answer(1, again, "再次答复"), on: Day("2024-03-12")!, by: "d1")
        }
    }

    @Test func notBeforeTheContact() throws {
        // A case whose previous step is not later than the contact: the contact's own rule speaks.
        let c = CaseSnapshot(number: "5-4-0001", congress: "C", state: .assigned, previousStep: .init(day: Day("2024-02-20")!, step: .assigned),
                             contacts: [.init(number: 1, unit: "ZJJ", day: Self.contactDay)])
        #expect(throws: CaseError.dateBeforeContact(number: "5-4-0001", contact: 1, day: Day("2024-03-04")!, contactDay: Self.contactDay)) {
            try c.answerContact(try Self.answer(1, .confirmed), on: Day("2024-03-04")!, by: "d1")
        }
        #expect(throws: Never.self) { try c.answerContact(try Self.answer(1, .confirmed), on: Self.contactDay, by: "d1") }
        // On a case as stored the previous step is never before a contact, and its rule comes first.
        #expect(throws: CaseError.dateBeforePreviousStep(number: "5-4-0001", day: Day("2024-03-09")!, previous: Day("2024-03-10")!, kind: .replied)) {
            try Self.replied().answerContact(try Self.answer(2, .confirmed), on: Day("2024-03-09")!, by: "d1")
        }
    }

    @Test(arguments: [CaseState.submitted, .accepted, .rejected, .withdrawn])
    func notBeforeAssignment(state: CaseState) throws {
        #expect(throws: CaseError.notAllowed(number: "5-4-0001", step: .disputeContact, state: state)) {
            try Self.replied(state: state).answerContact(try Self.answer(2, .disputed, "没有"), on: Day("2024-03-12")!, by: "d1")
        }
    }

    @Test func eachAnswerIsItsOwnStepAndEventKind() {
        #expect(ContactConfirmation.confirmed.step == .confirmContact && CaseStep.confirmContact.eventKind == .contactConfirmed)
        #expect(ContactConfirmation.disputed.step == .disputeContact && CaseStep.disputeContact.eventKind == .contactDisputed)
        #expect(CaseStep.confirmContact.allowedStates == [.assigned, .replied, .rehandling, .following, .closed])
    }
}
