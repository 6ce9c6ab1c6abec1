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
}
