import Casework
import Testing

@Suite struct MeasuresTests {
    @Test(arguments: [(3, 4, "0.7500"), (2, 3, "0.6667"), (1, 3, "0.3333"), (0, 5, "0.0000"), (5, 5, "1.0000"),
                      (1, 8, "0.1250"), (1, 16, "0.0625"), (1, 32, "0.0313"), (0, 0, "")])
    func ratesPrintFourPlacesOrNothing(numerator: Int, denominator: Int, text: String) {
        #expect(Rate(numerator, denominator).formatted == text)
        #expect((Rate(numerator, denominator).value == nil) == (denominator == 0))
    }

    @Test func scoreWeighsRatesAndNamesEmptyOnes() {
        var m = Measures(group: "ZJJ")
        m.cases = 4; m.replied = 4; m.repliedOnTime = 3; m.contacted = 2; m.rated = 0; m.resolved = 1
        let score = UnitScore(m, weights: Policy().scoreWeights)
        // 100 × (0.25 × 0.75 + 0.15 × 0.5 + 0.45 × 0 + 0.15 × 0.25) = 18.75 + 7.5 + 0 + 3.75 = 30.00
        #expect(score.formattedScore == "30.00")
        #expect(score.emptyRates == ["satisfaction_rate"])
    }

    @Test func tiesAreBrokenByCasesThenCode() {
        var a = Measures(group: "B"); a.cases = 2
        var b = Measures(group: "A"); b.cases = 2
        var c = Measures(group: "C"); c.cases = 3
        let ranked = UnitScore.ranked([a, b, c], weights: Policy().scoreWeights)
        #expect(ranked.map(\.measures.group) == ["C", "A", "B"])
        #expect(ranked.map(\.rank) == [1, 2, 3])
    }

    /// 按期答复率 counts the unreplied cases past due; the replied-only figure does not.
    @Test func theOnTimeRateCountsUnrepliedCasesPastDue() {
        var silent = Measures(group: "CGJ")
        silent.cases = 3; silent.unrepliedPastDue = 3
        #expect(silent.onTimeRate == Rate(0, 3))
        #expect(silent.repliedOnTimeRate.value == nil)
        var late = Measures(group: "JTJ")
        late.cases = 3; late.replied = 3; late.repliedOnTime = 2
        var partly = Measures(group: "ZJJ")
        partly.cases = 4; partly.replied = 2; partly.repliedOnTime = 2; partly.unrepliedPastDue = 2
        #expect(partly.onTimeRate.formatted == "0.5000")
        #expect(partly.repliedOnTimeRate.formatted == "1.0000")
        // The unit that never replies scores nothing for timeliness and ranks below the one a day late.
        let ranked = UnitScore.ranked([silent, late], weights: ScoreWeights(onTime: 1, contact: 0, satisfaction: 0, resolution: 0))
        #expect(ranked.map(\.measures.group) == ["JTJ", "CGJ"])
        #expect(ranked.map(\.formattedScore) == ["66.67", "0.00"])
    }

    /// Below `minRated` rated cases a unit is scored, listed after the ranked ones by code, and
    /// given no rank; at `minRated` it is ranked.
    @Test func unitsWithTooFewRatedCasesAreListedUnranked() {
        func unit(_ code: String, rated: Int, satisfied: Int) -> Measures {
            var m = Measures(group: code)
            m.cases = rated; m.rated = rated; m.satisfied = satisfied
            return m
        }
        let units = [unit("A", rated: 4, satisfied: 4), unit("B", rated: 5, satisfied: 3), unit("C", rated: 9, satisfied: 8),
                     unit("D", rated: 1, satisfied: 0)]
        let ranked = UnitScore.ranked(units, weights: Policy().scoreWeights, minRated: 5)
        #expect(ranked.map(\.measures.group) == ["C", "B", "A", "D"])
        #expect(ranked.map(\.rank) == [1, 2, nil, nil])
        #expect(ranked.map(\.insufficientSample) == [false, false, true, true])
        #expect(ranked[2].formattedScore == "45.00")  // scored all the same
        #expect(UnitScore.ranked(units, weights: Policy().scoreWeights, minRated: 0).map(\.rank) == [1, 2, 3, 4])
        #expect(PolicySetting.minRatedCases.defaultValue == .count(5))
    }

    /// The explanation's case lists are the counts' cases, term by term.
    @Test func anExplanationListsTheCasesBehindEachCount() {
        var onTime = ScoredCase(number: "5-4-0001")
        onTime.replied = true; onTime.repliedOnTime = true; onTime.contacted = true; onTime.rated = true; onTime.satisfiedOrBasic = true
        var late = ScoredCase(number: "5-4-0002")
        late.replied = true; late.rated = true; late.resolved = true
        var silent = ScoredCase(number: "5-4-0003")
        silent.unrepliedPastDue = true
        let notYetDue = ScoredCase(number: "5-4-0004")
        var m = Measures(group: "ZJJ")
        m.cases = 4; m.replied = 2; m.repliedOnTime = 1; m.unrepliedPastDue = 1; m.contacted = 1; m.rated = 2; m.satisfied = 1; m.resolved = 1
        let e = ScoreExplanation(UnitScore(m, weights: Policy().scoreWeights), cases: [onTime, late, silent, notYetDue])
        #expect(e.terms.map(\.part.term) == [.onTime, .contact, .satisfaction, .resolution])
        #expect(e.terms.map(\.numeratorCases) == [["5-4-0001"], ["5-4-0001"], ["5-4-0001"], ["5-4-0002"]])
        #expect(e.terms.map(\.missingCases) == [["5-4-0002", "5-4-0003"], ["5-4-0002"], ["5-4-0002"], ["5-4-0001"]])
        #expect(e.terms.map { $0.denominatorCases.count } == e.terms.map(\.part.rate.denominator))
        // 100 × (0.25 × 1/3 + 0.15 × 1/2 + 0.45 × 1/2 + 0.15 × 1/2) = 8.33 + 7.5 + 22.5 + 7.5
        #expect(e.terms.map { UnitScore.twoPlaces($0.part.points) } == ["8.33", "7.50", "22.50", "7.50"])
        #expect(e.score.formattedScore == "45.83")
    }
}
