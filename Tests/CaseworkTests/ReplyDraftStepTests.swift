import Casework
import Testing

/// 拟稿 / 签发 / 退回 as pure steps: who may take them, what a signed draft plans (the reply
/// of the signing day), and what a return, a direct reply and a transfer do to a waiting draft.
@Suite struct ReplyDraftStepTests {
    static let rules = StepPlanTests.rules
    static let drafted = Day("2024-03-01")!
    static let signed = Day("2024-03-04")!

    static func draft(_ outcome: Outcome = .b, planBy: Day? = Day("2024-12-01")!) throws -> ReplyDraft {
        ReplyDraft(number: 2, round: 1, input: try ReplyInput(unit: "ZJJ", outcome: outcome, planBy: planBy, text: "已列入计划", on: drafted),
                   draftedOn: drafted, draftedBy: "zjj-clerk")
    }

    /// StepPlanTests' assigned case (ZJJ lead, JTJ co), with `pending` waiting.
    static func assigned(state: CaseState = .assigned, pending: ReplyDraft?, transfer: String? = nil) -> CaseSnapshot {
        let c = StepPlanTests.caseIn(state, pending: transfer)
        return CaseSnapshot(number: c.number, congress: c.congress, state: c.state, round: c.round, leadUnit: c.leadUnit,
                            outcome: c.outcome, previousStep: c.previousStep, assignments: c.assignments,
                            obligations: c.obligations, pendingTransfer: c.pendingTransfer, pendingDraft: pending)
    }

    static let parties = CaseParties(deputy: "D001", cosigners: ["D002"], assignments: [.init(unit: "ZJJ", role: .lead), .init(unit: "JTJ", role: .co)])

    @Test func aSignedDraftPlansExactlyTheReplyOfTheSigningDay() throws {
        let draft = try Self.draft()
        let signedPlan = try Self.assigned(pending: draft).signDraft(rules: Self.rules, on: Self.signed, by: "zjj-head")
        let direct = try Self.assigned(pending: nil).reply(draft.input, rules: Self.rules, on: Self.signed, by: "zjj-head")
        #expect(signedPlan.input == direct.input && signedPlan.round == direct.round)
        #expect(signedPlan.stepPlan.next == .replied && signedPlan.stepPlan.day == Self.signed)
        #expect(signedPlan.stepPlan.fulfil == direct.stepPlan.fulfil && signedPlan.stepPlan.open == direct.stepPlan.open)
        #expect(signedPlan.stepPlan.eventKind == .replied)
        #expect(signedPlan.stepPlan.event.serialized()
            == direct.stepPlan.event.serialized().replacingOccurrences(of: #","state""#, with: #","draft":2,"drafted_by":"zjj-clerk","signed_by":"zjj-head","state""#))
        #expect(signedPlan.stepPlan.settlesDraft == DraftSettlement(draft: 2, status: .signed, note: nil))
        #expect(direct.stepPlan.settlesDraft == nil)
    }

    @Test func signingChecksThePlanDateAgainstTheSigningDayAndTheDraftsDay() throws {
        let late = try Self.draft(planBy: Day("2024-03-02")!)
        #expect(throws: CaseError.planDateBeforeReply(plan: Day("2024-03-02")!, reply: Self.signed)) {
            try Self.assigned(pending: late).signDraft(rules: Self.rules, on: Self.signed, by: "zjj-head")
        }
        #expect(throws: ReplyDraftError.dayBeforeDraft(number: "5-4-0001", day: Day("2024-02-29")!, drafted: Self.drafted)) {
            try Self.assigned(pending: try Self.draft()).signDraft(rules: Self.rules, on: Day("2024-02-29")!, by: "zjj-head")
        }
    }

    @Test func nothingToSignOrReturnWithoutAPendingDraftOrOnceReplied() throws {
        #expect(throws: ReplyDraftError.noPendingDraft(number: "5-4-0001")) {
            try Self.assigned(pending: nil).signDraft(rules: Self.rules, on: Self.signed, by: "zjj-head")
        }
        #expect(throws: ReplyDraftError.noPendingDraft(number: "5-4-0001")) {
            try Self.assigned(pending: nil).returnDraft(note: "改", on: Self.signed)
        }
        #expect(throws: CaseError.notAllowed(number: "5-4-0001", step: .reply, state: .replied)) {
            try Self.assigned(state: .replied, pending: nil).signDraft(rules: Self.rules, on: Self.signed, by: "zjj-head")
        }
    }

    @Test func aReturnNeedsANote() throws {
        let c = Self.assigned(pending: try Self.draft())
        #expect(throws: ReplyDraftError.noteRequired) { try c.returnDraft(note: " \u{200B}\n", on: Self.signed) }
        #expect(try c.returnDraft(note: " 请补充时限 ", on: Self.signed) == DraftSettlement(draft: 2, status: .returned, note: "请补充时限"))
    }

    @Test func aDraftIsTheLeadsOneAtATimeAndNeedsASigner() throws {
        let input = try ReplyInput(unit: "ZJJ", outcome: .a, planBy: nil, text: "已解决", on: Self.drafted)
        let submitted = try Self.assigned(pending: nil).submitDraft(input, unitSigns: true, on: Self.drafted, by: "zjj-clerk")
        #expect(submitted == DraftSubmission(input: input, round: 1, day: Self.drafted, actor: "zjj-clerk"))
        #expect(throws: ReplyDraftError.draftPending(number: "5-4-0001", draft: 2)) {
            try Self.assigned(pending: try Self.draft()).submitDraft(input, unitSigns: true, on: Self.drafted, by: "zjj-clerk")
        }
        #expect(throws: ReplyDraftError.noSigner(unit: "ZJJ", number: "5-4-0001")) {
            try Self.assigned(pending: nil).submitDraft(input, unitSigns: false, on: Self.drafted, by: "zjj-clerk")
        }
        let co = try ReplyInput(unit: "JTJ", outcome: .a, planBy: nil, text: "已解决", on: Self.drafted)
        #expect(throws: CaseError.notLeadUnit(unit: "JTJ", number: "5-4-0001", lead: "ZJJ")) {
            try Self.assigned(pending: nil).submitDraft(co, unitSigns: true, on: Self.drafted, by: "jtj-clerk")
        }
        #expect(throws: CaseError.notAllowed(number: "5-4-0001", step: .reply, state: .following)) {
            try Self.assigned(state: .following, pending: nil).submitDraft(input, unitSigns: true, on: Self.drafted, by: "zjj-clerk")
        }
        #expect(throws: CaseError.dateBeforePreviousStep(number: "5-4-0001", day: Day("2024-02-19")!, previous: StepPlanTests.assignedOn, kind: .assigned)) {
            try Self.assigned(pending: nil).submitDraft(input, unitSigns: true, on: Day("2024-02-19")!, by: "zjj-clerk")
        }
    }

    @Test func aReplyWithoutTheDraftAndATransferOfTheLeadVoidIt() throws {
        let draft = try Self.draft()
        let reply = try Self.assigned(pending: draft).reply(draft.input, rules: Self.rules, on: Self.signed, by: "office")
        #expect(reply.stepPlan.settlesDraft == DraftSettlement(draft: 2, status: .void, note: "replied without this draft"))
        let lead = try Self.assigned(pending: draft, transfer: "ZJJ").approveTransfer(to: "NEW", units: StepPlanTests.units, rules: Self.rules, on: Self.signed, by: "office")
        #expect(lead.stepPlan.settlesDraft == DraftSettlement(draft: 2, status: .void, note: "lead transferred to NEW"))
        // A co-handler's transfer leaves the lead's draft waiting.
        let co = try Self.assigned(pending: draft, transfer: "JTJ").approveTransfer(to: "NEW", units: StepPlanTests.units, rules: Self.rules, on: Self.signed, by: "office")
        #expect(co.stepPlan.settlesDraft == nil)
    }

    @Test(arguments: [
        (Account(login: "zjj-clerk", congress: "C", party: .unit("ZJJ")), [DraftStep.submit]),
        (Account(login: "zjj-head", congress: "C", party: .unit("ZJJ"), signer: true), [.submit, .approve, .return]),
        (Account(login: "jtj-head", congress: "C", party: .unit("JTJ"), signer: true), []),
        (Account(login: "office", congress: "C", party: .secretariat), []),
        (Account(login: "d1", congress: "C", party: .deputy("D001")), []),
    ])
    func whoTakesWhichDraftStep(account: Account, allowed: [DraftStep]) {
        #expect(DraftStep.allCases.filter { account.may($0, on: Self.parties) } == allowed)
    }

    @Test func refusalsSayNotFoundToThoseWhoSeeNoDraftsAndForbiddenToTheRest() {
        let clerk = Account(login: "zjj-clerk", congress: "C", party: .unit("ZJJ"))
        #expect(throws: ReplyDraftError.signerOnly(step: .approve, unit: "ZJJ")) { try clerk.requirePermission(.approve, on: Self.parties, number: "N") }
        let office = Account(login: "office", congress: "C", party: .secretariat)
        #expect(office.seesDrafts(on: Self.parties))
        #expect(throws: ReplyDraftError.notPermitted(step: .return, party: .secretariat)) { try office.requirePermission(.return, on: Self.parties, number: "N") }
        let deputy = Account(login: "d1", congress: "C", party: .deputy("D001"))
        #expect(throws: ReplyDraftError.draftsNotVisible(number: "N")) { try deputy.requirePermission(.approve, on: Self.parties, number: "N") }
        #expect(throws: ReplyDraftError.notPermitted(step: .submit, party: .deputy("D001"))) { try deputy.requirePermission(.submit, on: Self.parties, number: "N") }
        let co = Account(login: "jtj-head", congress: "C", party: .unit("JTJ"), signer: true)
        #expect(throws: ReplyDraftError.draftsNotVisible(number: "N")) { try co.requirePermission(.return, on: Self.parties, number: "N") }
    }

    @Test func aUnitWithASignerRepliesOutrightOnlyThroughIt() throws {
        let clerk = Account(login: "zjj-clerk", congress: "C", party: .unit("ZJJ"))
        #expect(throws: ReplyDraftError.draftRequired(unit: "ZJJ")) { try clerk.requireDirectReply(unitSigns: true) }
        try clerk.requireDirectReply(unitSigns: false)
        try clerk.signing(true).requireDirectReply(unitSigns: true)
        try Account(login: "office", congress: "C", party: .secretariat).requireDirectReply(unitSigns: true)
    }
}
