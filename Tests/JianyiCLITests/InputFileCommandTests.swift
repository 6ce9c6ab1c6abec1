import Foundation
import Postgres
import Testing

/// Texts read from files (`register --body-file`, `reply --text-file`) and bulk assignment
/// (`assign --file`): what is read is what is stored, and a missing or bad file writes nothing.
@Suite struct InputFileCommandTests {
    @Test func bodyFileIsStoredAsWritten() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let body = "  一、现状\n老旧小区缺少电梯，\"停车难\"问题突出。\n\n二、建议\n加快改造。\n"
        let file = try temporaryFile("正文.txt", body)
        let n = try jianyi.ok("register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--session", "5-4",
                              "--on", "2024-01-21", "--body-file", file).stdout
        #expect(n == "5-4-0001\n")
        #expect(try jianyi.shown("5-4-0001", today: "2024-01-22")["body"] as? String == body)
    }

    @Test func aMissingBodyFileExits66AndTakesNoNumber() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.expectRefusal(["register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--session", "5-4",
                                  "--on", "2024-01-21", "--body-file", "/nonexistent/正文.txt"], 66,
                                 mentioning: "/nonexistent/正文.txt: no such file, or it cannot be read")
        let both = try jianyi("register", "--title", "标题", "--deputy", "D001", "--session", "5-4", "--body", "x",
                              "--body-file", try temporaryFile("b.txt", "y"))
        #expect(both.code == 64)
        #expect(both.stderr.contains("give --body or --body-file, not both"))
        // The refused registrations took no number.
        #expect(try jianyi.ok("register", "--title", "标题", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21").stdout
            == "5-4-0001\n")
    }

    @Test func replyTextFileIsTheReplyAndAMissingOneExits66() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let n = try jianyi.acceptedCase()
        try jianyi.ok("assign", n, "--lead", "SJJ", "--on", "2024-02-20")
        let missing = ["reply", n, "--unit", "SJJ", "--outcome", "A", "--on", "2024-04-01"]
        try jianyi.expectRefusal(missing + ["--text-file", "/nonexistent/答复.txt"], 66,
                                 mentioning: "/nonexistent/答复.txt: no such file, or it cannot be read")
        try jianyi.expectRefusal(missing + ["--text-file", try temporaryFile("空.txt", " \n\n")], 64, mentioning: "--text-file: the file is empty")
        try jianyi.expectRefusal(missing, 64, mentioning: "give --text or --text-file")
        try jianyi.expectRefusal(missing + ["--text", "x", "--text-file", try temporaryFile("r.txt", "y")], 64,
                                 mentioning: "give --text or --text-file, not both")

        let file = try temporaryFile("答复.txt", "关于您提出的建议，答复如下：\n已完成改造。\n")
        #expect(try jianyi.ok(missing + ["--text-file", file, "--lang", "en"]).stdout.hasPrefix("\(n) → replied\n"))
        let stored = try Connection(jianyi.database).query("SELECT text, outcome, on_date::text AS on FROM reply").rows
        #expect(stored.count == 1)
        #expect(try stored[0].decode(String.self, "text") == "关于您提出的建议，答复如下：\n已完成改造。")
        #expect(try stored[0].decode(String.self, "outcome") == "A")
        #expect(try stored[0].decode(String.self, "on") == "2024-04-01")
    }

    @Test func assignFileAssignsEveryRowWithItsDeadlines() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.addUnits()
        let a = try jianyi.acceptedCase("关于加快老旧小区改造的建议")
        let b = try jianyi.acceptedCase("关于增设公交站点的建议")
        let file = try temporaryFile("交办.csv", "number,lead,co,complex\n\(a),ZJJ,JTJ; CGJ,否\n\(b),SJJ,,是\n")
        #expect(try jianyi.ok("assign", "--file", file, "--on", "2024-02-20", "--lang", "en").stdout == "assigned 2 cases\n")
        let first = try jianyi.shown(a, today: "2024-02-21")
        #expect(first["state"] as? String == "assigned")
        #expect(first["lead_unit"] as? String == "ZJJ")
        #expect(first["co_units"] as? [String] == ["CGJ", "JTJ"])
        #expect(first["complex"] as? Bool == false)
        #expect(deadlines(first) == [
            "reply ZJJ 2024-05-20 open", "opinion JTJ 2024-03-20 open", "opinion CGJ 2024-03-20 open",
            "transfer_window ZJJ 2024-03-05 open", "transfer_window JTJ 2024-03-05 open", "transfer_window CGJ 2024-03-05 open",
        ])
        let second = try jianyi.shown(b, today: "2024-02-21")
        #expect(second["lead_unit"] as? String == "SJJ")
        #expect(second["complex"] as? Bool == true)
        #expect(second["reply_due"] as? String == "2024-08-20")  // 6 months, a Tuesday
        #expect(try eventKinds(jianyi, b) == ["registered", "accepted", "assigned"])
    }

    @Test func aBadRowInAnAssignFileWritesNothing() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.addUnits()
        let a = try jianyi.acceptedCase("关于加快老旧小区改造的建议")
        let b = try jianyi.acceptedCase("关于增设公交站点的建议")
        let refused: [(String, Int32, String)] = [
            ("\(a),ZJJ,JTJ,false\n\(b),XYZ,,false\n", 65, " line 3, column 2 (lead): XYZ is not a unit of LL"),
            ("\(a),ZJJ,JTJ,false\n\(b),SJJ,ABC,false\n", 65, " line 3, column 3 (co): ABC is not a unit of LL"),
            ("\(a),ZJJ,,false\n5-4-0099,SJJ,,false\n", 65, " line 3: suggestion 5-4-0099 does not exist in LL"),
            ("\(a),ZJJ,,false\n\(a),SJJ,,false\n", 65, " line 3: \(a) is assigned (已交办); assign needs accepted"),
            ("\(a),ZJJ,,maybe\n", 65, " line 2, column 4 (complex): 'maybe' is not true or false"),
            ("\(a),ZJJ,ZJJ,false\n", 65, " line 2, column 3 (co): ZJJ is given twice or is also the lead"),
            ("", 65, ": the file has a header but no rows; there is nothing to import"),
        ]
        for (rows, code, words) in refused {
            let file = try temporaryFile("交办.csv", "number,lead,co,complex\n" + rows)
            try jianyi.expectRefusal(["assign", "--file", file, "--on", "2024-02-20"], code, mentioning: file + words)
        }
        try jianyi.expectRefusal(["assign", "--file", "/nonexistent/交办.csv", "--on", "2024-02-20"], 66,
                                 mentioning: "/nonexistent/交办.csv: no such file, or it cannot be read")
        let flags = try jianyi("assign", a, "--lead", "ZJJ", "--file", try temporaryFile("交办.csv", "number,lead,co,complex\n"))
        #expect(flags.code == 64)
        #expect(flags.stderr.contains("--file takes no NUMBER, --lead, --co or --complex"))
        #expect(try jianyi.shown(a, today: "2024-02-21")["state"] as? String == "accepted")
        #expect(try jianyi.shown(b, today: "2024-02-21")["state"] as? String == "accepted")
    }
}
