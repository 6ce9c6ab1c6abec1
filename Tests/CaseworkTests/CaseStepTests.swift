import Casework
import Testing

@Suite struct CaseStepTests {
    @Test func refusalSaysTheStateAndWhatIsAllowed() {
        #expect(throws: Failure.ruleBroken("5-4-0001 is submitted (已提交); reply needs assigned or rehandling; allowed now: review --accept, review --reject, withdraw, supervise")) {
            try CaseStep.check(.reply, number: "5-4-0001", state: .submitted)
        }
        #expect(throws: Failure.ruleBroken("5-4-0001 is closed (已办结); rate needs replied; nothing more can be done")) {
            try CaseStep.check(.rate, number: "5-4-0001", state: .closed)
        }
    }

    @Test func everyStateButTheEndsAllowsSomething() {
        for state in CaseState.allCases where ![.rejected, .withdrawn, .closed].contains(state) {
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
        let needed = Failure.badValue("--comment: a comment is required when the deputy is dissatisfied")
        #expect(throws: needed) { try RatingRule.check(result: .dissatisfied, attitude: nil, comment: " ") }
        #expect(throws: needed) { try RatingRule.check(result: .satisfied, attitude: .dissatisfied, comment: "") }
        #expect(throws: Never.self) { try RatingRule.check(result: .basic, attitude: .satisfied, comment: "") }
    }
}
