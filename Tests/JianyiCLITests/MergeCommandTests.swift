import Foundation
import Testing

/// `jianyi merge NUMBER --into NUMBER` (并案) through the binary: what each case shows after,
/// who may rate the target, the summaries counting the matter once, and every refusal leaving
/// the database as it was.
@Suite struct MergeCommandTests {
    /// D001's accepted case (the target) and D002's accepted case co-signed by D003.
    func twoCases() throws -> (Jianyi, target: String, merged: String) {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.addUnits()
        let target = try jianyi.acceptedCase("关于整治滨河路交通拥堵的建议")
        let merged = try jianyi.ok("register", "--title", "关于滨河路早晚高峰拥堵的建议", "--deputy", "D002", "--cosigner", "D003",
                                   "--session", "5-4", "--on", "2024-01-22").stdout.trimmingCharacters(in: .newlines)
        try jianyi.ok("review", merged, "--accept", "--on", "2024-01-30")
        return (jianyi, target, merged)
    }

    @Test func theMergedCasePointsToItsTargetWhichListsItAndBothHistoriesRecordIt() throws {
        let (jianyi, target, merged) = try twoCases()
        let result = try jianyi.ok("merge", merged, "--into", target, "--note", "同一路段", "--on", "2024-02-01")
        #expect(result.stdout == "\(merged) → 已并案\n")

        let shownMerged = try jianyi.shown(merged, today: "2024-02-02")
        #expect(shownMerged["state"] as? String == "merged")
        #expect(shownMerged["merged_into"] as? String == target)
        #expect((shownMerged["merged"] as? [String]) == [])
        let shownTarget = try jianyi.shown(target, today: "2024-02-02")
        #expect(shownTarget["state"] as? String == "accepted")
        #expect(shownTarget["merged_into"] is NSNull)
        #expect((shownTarget["merged"] as? [String]) == [merged])

        #expect(try eventKinds(jianyi, merged) == ["registered", "accepted", "merged"])
        #expect(try eventKinds(jianyi, target) == ["registered", "accepted", "merge_received"])
        let event = try jsonArray(try jianyi.ok("history", merged, "--format", "json")).last!
        #expect(event["data"] as? [String: String] == ["into": target, "note": "同一路段", "state": "merged"])
        let received = try jsonArray(try jianyi.ok("history", target, "--format", "json")).last!
        #expect(received["data"] as? [String: String] == ["case": merged, "note": "同一路段", "state": "accepted"])

        let zh = try jianyi.ok("show", merged, "--today", "2024-02-02").stdout
        #expect(zh.contains("已并入    \(target)（以该案的办理和答复为准：jianyi show \(target)）\n"), "\(zh)")
        #expect(zh.contains("状态      已并案\n"), "\(zh)")
        let en = try jianyi.ok("show", target, "--today", "2024-02-02", "--lang", "en").stdout
        #expect(en.contains("merged in  \(merged)\n"), "\(en)")
        #expect(en.contains("2024-02-01  merge_received"), "\(en)")
    }

    @Test func theMergedCaseTakesNoStepAndTheMatterIsCountedOnce() throws {
        let (jianyi, target, merged) = try twoCases()
        try jianyi.ok("merge", merged, "--into", target, "--on", "2024-02-01")
        try jianyi.expectRefusal(["assign", merged, "--lead", "ZJJ", "--on", "2024-02-20"], 65,
                                 mentioning: "\(merged) is merged (已并案); assign needs accepted; nothing more can be done")
        try jianyi.ok("assign", target, "--lead", "ZJJ", "--on", "2024-02-20")
        try jianyi.ok("reply", target, "--unit", "ZJJ", "--outcome", "A", "--text", "已拓宽路口", "--on", "2024-03-01")
        // The deputy who raised the merged case gives the rating (the CLI keys it in as the
        // secretariat; who may is Party.may and the row policies, tested apart).
        try jianyi.ok("rate", target, "--result", "satisfied", "--on", "2024-03-02")
        let rows = try jsonArray(try jianyi.ok("export", "satisfaction", "--by", "session", "--format", "json", "--today", "2024-03-05"))
        #expect(rows.map { "\($0["group"] ?? "") \($0["cases"] ?? "") \($0["replied"] ?? "") \($0["rated"] ?? "")" } == ["5-4 1 1 1"])
        let byDeputy = try jsonArray(try jianyi.ok("export", "satisfaction", "--by", "deputy", "--format", "json", "--today", "2024-03-05"))
        #expect(byDeputy.map { "\($0["group"] ?? "") \($0["cases"] ?? "")" } == ["D001 1"])
    }

    @Test func refusalsChangeNothing() throws {
        let (jianyi, target, merged) = try twoCases()
        try jianyi.expectRefusal(["merge", merged, "--into", merged], 65, mentioning: "--into: \(merged) cannot be merged into itself")
        try jianyi.expectRefusal(["merge", merged, "--into", "5-4-0099"], 65, mentioning: "5-4-0099 does not exist")
        try jianyi.expectRefusal(["merge", merged, "--into", target, "--on", "2024-01-29"], 65,
                                 mentioning: "--on: 2024-01-29 is before 2024-01-30")
        try jianyi.expectRefusal(["merge", merged, "--into", target, "--on", "2099-01-01"], 65, mentioning: "is after today")
        try jianyi.expectRefusal(["merge", merged, "--into", target, "--on", "2024-02-30"], 64, mentioning: "--on")
        try jianyi.expectRefusal(["merge", merged], 64, mentioning: "--into")

        // After assignment, either way round.
        try jianyi.ok("assign", target, "--lead", "ZJJ", "--on", "2024-02-20")
        try jianyi.expectRefusal(["merge", merged, "--into", target, "--on", "2024-02-21"], 65,
                                 mentioning: "--into: \(target) is assigned (已交办); a case merges only into one not yet assigned (submitted or accepted), so \(merged) was not merged")
        try jianyi.expectRefusal(["merge", target, "--into", merged, "--on", "2024-02-21"], 65,
                                 mentioning: "\(target) is assigned (已交办); merge needs accepted or submitted")
    }

    @Test func noChainsAndNothingIntoAMergedCase() throws {
        let (jianyi, target, merged) = try twoCases()
        let third = try jianyi.ok("register", "--title", "关于滨河路停车的建议", "--deputy", "D003", "--session", "5-4", "--on", "2024-01-22")
            .stdout.trimmingCharacters(in: .newlines)
        try jianyi.ok("merge", merged, "--into", target, "--on", "2024-02-01")
        try jianyi.expectRefusal(["merge", third, "--into", merged, "--on", "2024-02-02"], 65,
                                 mentioning: "--into: \(merged) was merged into \(target) and takes no case; merge \(third) into \(target) instead")
        try jianyi.expectRefusal(["merge", target, "--into", third, "--on", "2024-02-02"], 65,
                                 mentioning: "cases were merged into \(target) (\(merged)), so it cannot be merged into another")
        try jianyi.expectRefusal(["merge", merged, "--into", third, "--on", "2024-02-02"], 65,
                                 mentioning: "\(merged) is merged (已并案); merge needs accepted or submitted")
        // A submitted case merges too, and a target takes several.
        try jianyi.ok("merge", third, "--into", target, "--on", "2024-02-02")
        #expect((try jianyi.shown(target, today: "2024-02-03")["merged"] as? [String]) == [merged, third])
    }

    @Test func aCaseOfAnotherCongressCannotBeNamed() throws {
        let (jianyi, _, merged) = try twoCases()
        try jianyi.ok("congress", "add", "XY", "--name", "孝义市人民代表大会", "--level", "county")
        try jianyi.ok("session", "add", "5-4", "--opened", "2024-01-20", "--closed", "2024-01-23", "--congress", "XY")
        try jianyi.ok("deputy", "add", "X001", "--name", "张三", "--delegation", "城区", "--congress", "XY")
        let other = try jianyi.ok("register", "--title", "关于道路的建议", "--deputy", "X001", "--session", "5-4", "--on", "2024-01-21",
                                  "--congress", "XY").stdout.trimmingCharacters(in: .newlines)
        #expect(other == "5-4-0001")
        // Numbers are the congress's own: 5-4-0003 exists only in XY's series... here it does not exist in LL.
        try jianyi.ok("register", "--title", "关于道路二的建议", "--deputy", "X001", "--session", "5-4", "--on", "2024-01-21", "--congress", "XY")
        try jianyi.ok("register", "--title", "关于道路三的建议", "--deputy", "X001", "--session", "5-4", "--on", "2024-01-21", "--congress", "XY")
        try jianyi.expectRefusal(["merge", merged, "--into", "5-4-0003", "--congress", "LL"], 65, mentioning: "5-4-0003 does not exist")
    }

    @Test func hostileNotesAreKeptAsText() throws {
        let (jianyi, target, merged) = try twoCases()
        let note = "=HYPERLINK(\"x\")\u{1B}[2J<script>'; DROP TABLE suggestion;--"
        try jianyi.ok("merge", merged, "--into", target, "--note", note, "--on", "2024-02-01")
        let event = try jsonArray(try jianyi.ok("history", target, "--format", "json")).last!
        #expect((event["data"] as? [String: String])?["note"] == note)
        #expect(try jianyi.shown(target, today: "2024-02-02")["state"] as? String == "accepted")
    }
}
