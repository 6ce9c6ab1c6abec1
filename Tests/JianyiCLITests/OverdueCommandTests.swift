import Foundation
import Postgres
import Testing

@Suite struct OverdueCommandTests {
    func assignedCase() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        for (code, name) in [("ZJJ", "市住房和城乡建设局"), ("JTJ", "市交通运输局")] {
            try jianyi.ok("unit", "add", code, "--name", name)
        }
        try jianyi.ok("register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21")
        try jianyi.ok("review", "5-4-0001", "--accept", "--on", "2024-01-30")
        try jianyi.ok("assign", "5-4-0001", "--lead", "ZJJ", "--co", "JTJ", "--on", "2024-02-20")
        return jianyi
    }

    /// A digest tells a unit how many days it has left on a row due soon (剩余天数), and how many
    /// days late a row past due is (超期天数), never a negative delay.
    @Test func aDigestGivesTheDaysLeftOnRowsDueSoon() throws {
        let jianyi = try assignedCase()
        let dir = try temporaryDirectory()
        // As of Friday 2024-05-10: the reply, due Monday 05-20, is due soon (10 days left); the
        // opinion, due 03-20, is 51 days late.
        try jianyi.ok("overdue", "--as-of", "2024-05-10", "--out-dir", dir)
        let read = { (name: String) in String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)), as: UTF8.self) }
        #expect(try read("2024-05-10-ZJJ.csv") == "\u{FEFF}编号,标题,事项,期限,超期天数,剩余天数,督办级别,本次新发现,单位代码\r\n"
                    + "5-4-0001,关于加快老旧小区改造的建议,主办答复,2024-05-20,,10,临期,是,ZJJ\r\n")
        #expect(try read("2024-05-10-JTJ.csv").hasSuffix("\r\n5-4-0001,关于加快老旧小区改造的建议,协办意见,2024-03-20,51,,严重超期,是,JTJ\r\n"))
        // Due on the day itself: 0 days left.
        let today = try temporaryDirectory()
        try jianyi.ok("overdue", "--as-of", "2024-05-20", "--out-dir", today)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: today + "/2024-05-20-ZJJ.csv")), as: UTF8.self)
                    .hasSuffix(",主办答复,2024-05-20,,0,临期,否,ZJJ\r\n"))
        // The JSON and CSV report keep the contract's days_overdue, negative while due soon.
        let json = try jsonObject(try jianyi.ok("overdue", "--as-of", "2024-05-10", "--format", "json"))
        let reply = try #require((json["flags"] as? [[String: Any]])?.first { $0["obligation"] as? String == "reply" })
        #expect(reply["days_overdue"] as? Int == -10)
    }

    @Test func jsonReportAndDigests() throws {
        let jianyi = try assignedCase()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("digests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let result = try jianyi("overdue", "--as-of", "2024-03-21", "--format", "json", "--out-dir", dir.path)
        #expect(result.code == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["as_of"] as? String == "2024-03-21")
        #expect(object["new_flags"] as? Int == 1)
        let flags = try #require(object["flags"] as? [[String: Any]])
        #expect(flags.count == 1)
        #expect(flags[0]["number"] as? String == "5-4-0001")
        #expect(flags[0]["obligation"] as? String == "opinion")
        #expect(flags[0]["unit"] as? String == "JTJ")
        #expect(flags[0]["due"] as? String == "2024-03-20")
        #expect(flags[0]["days_overdue"] as? Int == 1)
        #expect(flags[0]["tier"] as? String == "overdue")
        #expect(flags[0]["new"] as? Bool == true)

        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["2024-03-21-JTJ.csv", "2024-03-21-index.csv"])  // ZJJ has nothing due: no file
        // Read as bytes: String(contentsOf:) would drop the BOM that Excel and WPS need.
        let read = { (name: String) in String(decoding: try Data(contentsOf: dir.appendingPathComponent(name)), as: UTF8.self) }
        let digest = try read("2024-03-21-JTJ.csv")
        #expect(Array(try Data(contentsOf: dir.appendingPathComponent("2024-03-21-JTJ.csv")).prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(digest == "\u{FEFF}编号,标题,事项,期限,超期天数,剩余天数,督办级别,本次新发现,单位代码\r\n5-4-0001,关于加快老旧小区改造的建议,协办意见,2024-03-20,1,,超期,是,JTJ\r\n")
        let index = try read("2024-03-21-index.csv")
        #expect(index == "\u{FEFF}单位代码,单位名称,临期,超期,严重超期,文件\r\nJTJ,市交通运输局,0,1,0,2024-03-21-JTJ.csv\r\n")

        let again = try jianyi("overdue", "--as-of", "2024-03-21", "--format", "csv")
        #expect(again.stdout == "number,obligation,unit,due,days_overdue,tier,new,title,unit_name\r\n5-4-0001,opinion,JTJ,2024-03-20,1,overdue,false,关于加快老旧小区改造的建议,市交通运输局\r\n")
        let runs = try jianyi("overdue", "runs", "--format", "json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { $0["new_flags"] as? Int } == [0, 1])
    }

    @Test func tableHasOneSectionPerUnitThenTheCounts() throws {
        let jianyi = try assignedCase()
        let result = try jianyi("overdue", "--as-of", "2024-05-07")
        #expect(result.code == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "JTJ 市交通运输局（1 项）")
        #expect(lines[1].hasPrefix("编号") && lines[1].hasSuffix("新"))
        #expect(lines[3].hasPrefix("5-4-0001") && lines[3].contains("协办意见") && lines[3].contains(" 48 ")
                && lines[3].contains("严重超期") && lines[3].hasSuffix("●"))
        #expect(lines[4] == "")
        #expect(lines[5] == "ZJJ 市住房和城乡建设局（1 项）")
        #expect(lines[8].hasPrefix("5-4-0001") && lines[8].contains("2024-05-20") && lines[8].contains(" -13 ") && lines[8].contains("临期"))
        #expect(Array(lines.suffix(2)) == ["2024-05-07 督办：临期 1，超期 0，严重超期 1；本次新发现 2（运行 #1）", ""])
        #expect(lines.count == 12)

        let english = try jianyi("overdue", "--as-of", "2024-05-07", "--lang", "en").stdout
        #expect(english.hasPrefix("JTJ 市交通运输局 (1)\nnumber"))
        #expect(english.hasSuffix("2024-05-07: due soon 1, overdue 0, severely overdue 1; new 0 (run #2)\n"))
        let nothing = try jianyi("overdue", "--as-of", "2024-02-21").stdout
        #expect(nothing == "2024-02-21 督办：临期 0，超期 0，严重超期 0；本次新发现 0（运行 #3）\n")
    }

    @Test func aStepThatCannotGetItsLockExits75AndSavesNothing() throws {
        let jianyi = try assignedCase()
        let holder = try Connection(jianyi.database)
        try holder.execute("BEGIN")
        try holder.execute("SELECT suggestion_id FROM suggestion WHERE number = '5-4-0001' FOR UPDATE")
        var impatient = jianyi
        impatient.environment["PGOPTIONS"] = "-c lock_timeout=100ms"
        let result = try impatient("contact", "5-4-0001", "--unit", "ZJJ", "--mode", "phone", "--on", "2024-03-01")
        #expect(result.code == 75)
        #expect(result.stderr == "jianyi: the database gave up because of other work at the same time or a time limit (canceling statement due to lock timeout) on each of 3 attempts; it was rolled back: run the command again later\n")
        try holder.execute("ROLLBACK")
        #expect(try holder.query("SELECT count(*) AS n FROM contact").rows[0].decode(Int.self, "n") == 0)
        #expect(try jianyi("contact", "5-4-0001", "--unit", "ZJJ", "--mode", "phone", "--on", "2024-03-01").code == 0)
    }

    @Test func aRunThatFailsAfterItsReportPrintsNothingAndRecordsNothing() throws {
        let jianyi = try assignedCase()
        let holder = try Connection(jianyi.database)
        // 600 more open cases, written straight in: a report well past the 64 KB that output
        // buffers before it writes.
        try holder.execute("""
            INSERT INTO suggestion (congress_id, number, series, seq, title, deputy_code, session_code, channel, category,
                                    submitted_on, state, lead_unit, assigned_on, round)
            SELECT congress_id, '5-4-' || (1000 + i), '5-4', 1000 + i, '关于第' || i || '个问题的建议', 'D001', '5-4', 'session', '其他',
                   '2024-01-21', 'assigned', 'ZJJ', '2023-12-01', 1
            FROM congress, generate_series(1, 600) i WHERE code = 'LL'
            """)
        try holder.execute("""
            INSERT INTO obligation (congress_id, suggestion_id, obligation_no, kind, unit_code, round, start_on, period, policy, due_on, status)
            SELECT congress_id, suggestion_id, 1, 'reply', 'ZJJ', 1, '2023-12-01', '3 months', 'reply = 3 months', '2024-03-01', 'open'
            FROM suggestion WHERE seq > 1000
            """)
        // The run reads freely, then has to wait for this lock to record its new flags.
        try holder.execute("BEGIN")
        try holder.execute("SELECT obligation_no FROM obligation WHERE kind = 'opinion' FOR UPDATE")
        var impatient = jianyi
        impatient.environment["PGOPTIONS"] = "-c lock_timeout=100ms"
        for format in ["json", "table"] {
            let failed = try impatient("overdue", "--as-of", "2024-03-21", "--format", format)
            #expect(failed.code == 75, "\(failed.stderr)")
            #expect(failed.stdout == "")
        }
        try holder.execute("ROLLBACK")
        #expect(try holder.query("SELECT count(*) AS n FROM overdue_run").rows[0].decode(Int.self, "n") == 0)
        let retried = try jianyi("overdue", "--as-of", "2024-03-21", "--format", "json")
        #expect(retried.code == 0)
        #expect(retried.stdout.components(separatedBy: "\"new\":true").count == 602)  // 601 flags
    }

    @Test func noWaitExits75WhileAnotherRunWorks() throws {
        let jianyi = try assignedCase()
        let holder = try Connection(jianyi.database)
        try holder.execute("BEGIN")
        let congressID = try holder.query("SELECT congress_id FROM congress WHERE code = 'LL'").rows[0].decode(Int.self, "congress_id")
        #expect(try holder.tryAdvisoryLock(0x6A79_6F64_0000_0000 + Int64(congressID)))
        let result = try jianyi("overdue", "--no-wait", "--as-of", "2024-03-21")
        #expect(result.code == 75)
        #expect(result.stderr.hasPrefix("jianyi: another overdue run for LL is working"))
        try holder.execute("ROLLBACK")
        #expect(try jianyi("overdue", "--no-wait", "--as-of", "2024-03-21").code == 0)
    }

    /// On 2024-03-21 the case has a flag to record; the refused run records neither the run,
    /// nor the flag, nor the obligation's tier bit: every table is as it was, and the next
    /// run finds the flag new.
    @Test func badOutDirExits73AndRecordsNothing() throws {
        let jianyi = try assignedCase()
        try jianyi.expectRefusal(["overdue", "--as-of", "2024-03-21", "--out-dir", "/nonexistent/digests"], 73,
                                 mentioning: "--out-dir")
        #expect(try jianyi.ok("overdue", "runs", "--format", "json").stdout == "[]\n")
        let next = try jianyi.ok("overdue", "--as-of", "2024-03-21", "--format", "json", "--out-dir", try temporaryDirectory())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(next.stdout.utf8)) as? [String: Any])
        #expect(object["new_flags"] as? Int == 1)
        #expect((object["flags"] as? [[String: Any]])?.map { $0["new"] as? Bool } == [true])
    }
}
