import Casework
import Presentation
import Testing

/// The ranking the HTML reports and the 满意度 page share.
@Suite("Ranked charts")
struct RankedChartTests {
    func unit(_ code: String, replied: Int, onTime: Int, rated: Int, satisfied: Int) -> Measures {
        var m = Measures(group: code, groupName: "单位\(code)")
        (m.cases, m.replied, m.repliedOnTime, m.rated, m.satisfied) = (replied + 1, replied, onTime, rated, satisfied)
        return m
    }

    @Test func ratesRankBestFirstThenByLargerCountThenCodeWithNothingToCountLast() {
        let rows = [
            unit("AAA", replied: 0, onTime: 0, rated: 0, satisfied: 0),  // nothing rated: last
            unit("BBB", replied: 4, onTime: 2, rated: 2, satisfied: 1),  // 50 %, 2 rated
            unit("CCC", replied: 4, onTime: 4, rated: 4, satisfied: 2),  // 50 %, 4 rated: before BBB
            unit("DDD", replied: 2, onTime: 1, rated: 2, satisfied: 2),  // 100 %
            unit("EEE", replied: 4, onTime: 2, rated: 2, satisfied: 1),  // 50 %, 2 rated: after BBB by code
        ]
        let bars = RankedChart.satisfaction.bars(rows, label: \.group, shown: { "\($0.numerator)/\($0.denominator)" })
        #expect(bars.map(\.label) == ["DDD", "CCC", "BBB", "EEE", "AAA"])
        #expect(bars.map(\.shown) == ["2/2", "2/4", "1/2", "1/2", "0/0"])
        #expect(bars.last?.fraction == nil && bars.first?.fraction == 1)
    }

    @Test func theScoreChartDrawsRankedUnitsOnlyEachLedByItsRank() {
        let rows = [
            unit("AAA", replied: 4, onTime: 4, rated: 1, satisfied: 1),
            unit("BBB", replied: 4, onTime: 1, rated: 3, satisfied: 1),
            unit("CCC", replied: 4, onTime: 4, rated: 3, satisfied: 3),
        ]
        let weights = ScoreWeights(onTime: 0.25, contact: 0.25, satisfaction: 0.25, resolution: 0.25)
        let bars = RankedChart.scores(UnitScore.ranked(rows, weights: weights, minRated: 2), label: \.groupName)
        #expect(bars.map(\.label) == ["1. 单位CCC", "2. 单位BBB"])
        #expect(bars.allSatisfy { ($0.fraction ?? -1) >= 0 && ($0.fraction ?? 2) <= 1 })
    }
}
