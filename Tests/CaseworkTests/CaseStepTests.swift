import Casework
import Testing

@Suite struct CaseStepTests {
    @Test func refusalSaysTheStateAndWhatIsAllowed() {
        #expect(throws: CaseError.notAllowed(number: "5-4-0001", step: .reply, state: .submitted)) {
            try CaseStep.check(.reply, number: "5-4-0001", state: .submitted)
        }
        #expect(throws: CaseError.notAllowed(number: "5-4-0001", step: .rate, state: .closed)) {
            try CaseStep.check(.rate, number: "5-4-0001", state: .closed)
        }
    }

    @Test func everyStateButTheEndsAllowsSomething() {
        // A merged case is handled as part of the case it joined (并案): nothing is done to it.
        for state in CaseState.allCases where ![.rejected, .withdrawn, .closed, .merged].contains(state) {
            #expect(CaseStep.allCases.contains { $0.allowedStates.contains(state) }, "\(state)")
        }
    }

    @Test(arguments: [
        (1, Satisfaction.dissatisfied, Outcome.a, CaseState.rehandling),
        (1, .dissatisfied, .b, .rehandling),
        (2, .dissatisfied, .a, .closed),
        (1, .satisfied, .a, .closed),
        (1, .basic, .c, .closed),
        (1, .satisfied, .b, .following),
        (2, .basic, .b, .following),
    ])
    func ratingDecidesWhatComesNext(round: Int, result: Satisfaction, outcome: Outcome, next: CaseState) {
        #expect(RatingRule.nextState(round: round, result: result, outcome: outcome) == next)
    }

    @Test func dissatisfiedNeedsAComment() {
        let needed = CaseError.commentRequired
        #expect(throws: needed) { try RatingRule.check(result: .dissatisfied, attitude: nil, comment: " ") }
        #expect(throws: needed) { try RatingRule.check(result: .satisfied, attitude: .dissatisfied, comment: "") }
        #expect(throws: Never.self) { try RatingRule.check(result: .basic, attitude: .satisfied, comment: "") }
    }
}
