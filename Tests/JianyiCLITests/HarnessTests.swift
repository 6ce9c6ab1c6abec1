import Foundation
import Testing

/// The hostile corpus's own checks must be able to fail.
@Suite struct HarnessTests {
    @Test func snapshotSeesAWriteAndInputReachesTheBinary() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let before = try jianyi.snapshot()
        #expect(before.contains("D001"))
        let file = try temporaryFile("u.csv", "code,name,kind\nJTJ,市交通运输局,government\n")
        #expect(try jianyi("unit", "import", file).code == 0)
        #expect(try jianyi.snapshot() != before)
        // A command that does not read stdin still gets it without hanging.
        #expect(try jianyi("unit", "list", input: String(repeating: "x", count: 1 << 20)).code == 0)
        // `--body-file -` reads standard input: what the test sends is what is stored.
        let body = "一、现状\n停车难。\n"
        #expect(try jianyi("register", "--title", "关于停车的建议", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21",
                           "--body-file", "-", input: body).stdout == "5-4-0001\n")
        let shown = try jianyi("show", "5-4-0001", "--format", "json").stdout
        let object = try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any]
        #expect(object?["body"] as? String == body)
    }

    @Test func refusalChecksTheWholeContract() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.expectRefusal(["show", "5-4-0099"], 65, mentioning: "5-4-0099")
    }
}
