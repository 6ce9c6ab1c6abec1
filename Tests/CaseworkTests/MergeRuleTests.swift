import Casework
import Testing

/// 并案's rules without a database: which pairs of cases merge, what each records, and who may
/// rate and see the case a merged one joined.
@Suite struct MergeRuleTests {
    static let day = Day("2024-02-01")!

    static func snapshot(_ number: String, _ state: CaseState, congress: String = "LL", mergedInto: String? = nil,
                         mergedIn: [String] = [], previous: String = "2024-01-30") -> CaseSnapshot {
        CaseSnapshot(number: number, congress: congress, state: state, previousStep: .init(day: Day(previous)!, step: .accepted),
                     mergedInto: mergedInto, mergedIn: mergedIn)
    }

    @Test(arguments: [CaseState.submitted, .accepted])
    func aCaseBeforeAssignmentJoinsAnother(state: CaseState) throws {
        let plan = try Self.snapshot("5-4-0002", state).merge(into: Self.snapshot("5-4-0001", .accepted), note: "同一事项", on: Self.day, by: "clerk")
        #expect(plan.stepPlan.next == .merged && plan.stepPlan.eventKind == .merged)
        #expect(plan.stepPlan.event == .object([("into", "5-4-0001"), ("note", "同一事项"), ("state", "merged")]))
        #expect(plan.target == "5-4-0001")
        #expect(plan.targetEvent == .object([("case", "5-4-0002"), ("note", "同一事项"), ("state", "accepted")]))
        #expect(plan.stepPlan.open.isEmpty && plan.stepPlan.fulfil.isEmpty && plan.stepPlan.cancel.isEmpty)
    }

    @Test(arguments: CaseState.allCases)
    func theTargetMustNotBeAssignedYet(state: CaseState) throws {
        let target = Self.snapshot("5-4-0001", state, mergedInto: state == .merged ? "5-4-0009" : nil)
        let merging = { try Self.snapshot("5-4-0002", .accepted).merge(into: target, note: "", on: Self.day, by: "clerk") }
        switch state {
        case .submitted, .accepted: #expect(throws: Never.self) { try merging() }
        case .merged: #expect(throws: CaseError.mergeIntoMerged(number: "5-4-0002", target: "5-4-0001", mergedInto: "5-4-0009")) { try merging() }
        default: #expect(throws: CaseError.mergeTargetState(number: "5-4-0002", target: "5-4-0001", state: state)) { try merging() }
        }
    }

    @Test func refusals() {
        let source = Self.snapshot("5-4-0002", .accepted)
        #expect(throws: CaseError.mergeIntoItself(number: "5-4-0002")) {
            try source.merge(into: source, note: "", on: Self.day, by: "clerk")
        }
        #expect(throws: CaseError.mergeAcrossCongresses(number: "5-4-0002", target: "5-4-0001", congress: "LL", targetCongress: "XY")) {
            try source.merge(into: Self.snapshot("5-4-0001", .accepted, congress: "XY"), note: "", on: Self.day, by: "clerk")
        }
        #expect(throws: CaseError.mergeChain(number: "5-4-0003", mergedIn: ["5-4-0002"])) {
            try Self.snapshot("5-4-0003", .accepted, mergedIn: ["5-4-0002"]).merge(into: Self.snapshot("5-4-0001", .accepted), note: "", on: Self.day, by: "clerk")
        }
        #expect(throws: CaseError.notAllowed(number: "5-4-0002", step: .merge, state: .assigned)) {
            try Self.snapshot("5-4-0002", .assigned).merge(into: Self.snapshot("5-4-0001", .accepted), note: "", on: Self.day, by: "clerk")
        }
        // Not before the target's previous step either: its history stays in order.
        #expect(throws: CaseError.dateBeforePreviousStep(number: "5-4-0001", day: Self.day, previous: Day("2024-02-05")!, kind: .accepted)) {
            try source.merge(into: Self.snapshot("5-4-0001", .accepted, previous: "2024-02-05"), note: "", on: Self.day, by: "clerk")
        }
    }

    /// The target D001 raised (co-signed by D002); D003 raised a case merged into it, which D004
    /// co-signed.
    static let parties = CaseParties(deputy: "D001", cosigners: ["D002"], assignments: [.init(unit: "ZJJ", role: .lead)],
                                     mergedDeputies: ["D003"], mergedCosigners: ["D004"])

    @Test(arguments: [
        ("D001", true, true, true), ("D002", true, false, false), ("D003", true, true, false), ("D004", true, false, false),
        ("D005", false, false, false),
    ])
    func whoSeesAndRatesTheTarget(deputy: String, sees: Bool, rates: Bool, withdraws: Bool) {
        let party = Party.deputy(deputy)
        #expect(party.sees(Self.parties) == sees)
        #expect(party.may(.rate, on: Self.parties) == rates)
        #expect(party.may(.withdraw, on: Self.parties) == withdraws)
        #expect(party.may(.confirmContact, on: Self.parties) == withdraws)
        #expect(!party.may(.merge, on: Self.parties))
    }

    @Test func onlyTheSecretariatMerges() {
        #expect(Party.secretariat.may(.merge, on: Self.parties))
        #expect(!Party.unit("ZJJ").may(.merge, on: Self.parties))
    }
}
