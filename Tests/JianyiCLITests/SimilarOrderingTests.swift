import Foundation
import Testing

/// `similar` ranks by score, then the earlier submission, then the number; `--limit` and
/// `--min-score` cut the list. Scores are the Dice coefficient of the titles' character pairs
/// once 关于…的建议 is dropped, worked out by hand against 老旧小区改造 (5 pairs).
@Suite struct SimilarOrderingTests {
    func registered() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        for (title, on) in [
            ("关于老旧小区改造的建议", "2024-01-22"),          // 0001: 1.000
            ("关于老旧小区改造的建议", "2024-01-21"),          // 0002: 1.000, earlier
            ("关于老旧小区加装电梯的建议", "2024-01-21"),      // 0003: 3 of 7 pairs, 6/12 = 0.500
            ("关于加快老旧小区改造的建议", "2024-01-23"),      // 0004: 5 of 7 pairs, 10/12 = 0.833
            ("关于提高乡村医生待遇的建议", "2024-01-21"),      // 0005: nothing in common
            ("关于老旧小区改造后续管理的建议", "2024-01-21"),  // 0006: 5 of 9 pairs, 10/14 = 0.714
            ("关于老旧小区改造的建议", "2024-01-22"),          // 0007: 1.000, same day as 0001
        ] {
            try jianyi.ok("register", "--title", title, "--deputy", "D001", "--session", "5-4", "--on", on)
        }
        return jianyi
    }

    func ranked(_ result: Jianyi.Result) throws -> [String] {
        try jsonArray(result).map { "\($0["number"] as? String ?? "?") \(($0["score"] as? NSNumber).map { String(format: "%.3f", $0.doubleValue) } ?? "?")" }
    }

    @Test func mostAlikeFirstThenEarlierThenByNumber() throws {
        let jianyi = try registered()
        #expect(try ranked(try jianyi.ok("similar", "--title", "关于老旧小区改造的建议", "--format", "json")) == [
            "5-4-0002 1.000", "5-4-0001 1.000", "5-4-0007 1.000", "5-4-0004 0.833", "5-4-0006 0.714", "5-4-0003 0.500",
        ])
        // For a case: only those submitted by its day (not 0004, filed later), never itself.
        #expect(try ranked(try jianyi.ok("similar", "5-4-0007", "--format", "json")) == [
            "5-4-0002 1.000", "5-4-0001 1.000", "5-4-0006 0.714", "5-4-0003 0.500",
        ])
        let table = try jianyi.ok("similar", "--title", "关于老旧小区改造的建议").stdout.split(separator: "\n")
            .map { $0.split(separator: " ").prefix(3).joined(separator: " ") }
        #expect(table.count == 8)
        #expect(table[2] == "1.00 5-4-0002 关于老旧小区改造的建议")
        #expect(table[7] == "0.50 5-4-0003 关于老旧小区加装电梯的建议")
    }

    @Test func limitAndMinimumScoreCutTheList() throws {
        let jianyi = try registered()
        let reference = ["similar", "--title", "关于老旧小区改造的建议", "--format", "json"]
        #expect(try ranked(try jianyi.ok(reference + ["--limit", "2"])) == ["5-4-0002 1.000", "5-4-0001 1.000"])
        #expect(try ranked(try jianyi.ok(reference + ["--limit", "4"])).last == "5-4-0004 0.833")
        #expect(try ranked(try jianyi.ok(reference + ["--min-score", "0.72"])).map { String($0.prefix(8)) }
            == ["5-4-0002", "5-4-0001", "5-4-0007", "5-4-0004"])
        #expect(try jianyi.ok("similar", "--title", "关于提高城市绿化水平的建议", "--lang", "en").stdout.hasSuffix("No similar suggestions.\n"))
        for limit in ["0", "201"] {
            let refused = try jianyi.run(reference + ["--limit", limit])
            #expect(refused.code == 64)
            #expect(refused.stderr.contains("--limit: \(limit) is not between 1 and 200"))
        }
    }
}
