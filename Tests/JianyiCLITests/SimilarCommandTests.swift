import Foundation
import Testing

@Suite struct SimilarCommandTests {
    @Test func earlierSuggestionsLikeThisOneComeFirst() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        for (title, on) in [("关于加快老旧小区改造的建议", "2024-01-21"), ("关于提高乡村医生待遇的建议", "2024-01-21"),
                            ("关于加快推进老旧小区加装电梯的建议", "2024-01-22"), ("关于老旧小区改造后续管理的建议", "2025-01-10")] {
            try jianyi.ok("register", "--title", title, "--deputy", "D001", "--session", "5-4", "--on", on)
        }
        let result = try jianyi("similar", "5-4-0003", "--format", "json")
        #expect(result.code == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        // Only earlier ones (not 5-4-0004, filed later), not itself, and not the unrelated title.
        #expect(rows.map { $0["number"] as? String } == ["5-4-0001"])
        #expect((rows[0]["score"] as? NSNumber)?.doubleValue == 0.444)
        let byTitle = try jianyi("similar", "--title", "关于老旧小区改造的建议")
        #expect(byTitle.stdout.contains("5-4-0001"))
        #expect(byTitle.stdout.contains("5-4-0004"))
        #expect(!byTitle.stdout.contains("5-4-0002"))
        #expect(try jianyi("similar").code == 64)
        // A title no suggestion may have is no title to compare: refused before the search.
        let long = try jianyi("similar", "--title", String(repeating: "路灯", count: 4_000))
        #expect(long.code == 64)
        #expect(long.stderr.contains("--title: the title has 8000 characters; at most 200"), "\(long.stderr)")
        #expect(try jianyi("similar", "--title", "关于" + String(repeating: "路", count: 198)).code == 0)
    }
}
