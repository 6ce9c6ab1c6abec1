import Foundation
import Testing

/// `jianyi contact confirm|dispute NUMBER --contact K`: the deputy's answer to a recorded
/// contact, through the binary; each refusal leaves the database as it was.
@Suite struct ContactConfirmationCommandTests {
    /// D001's case assigned on 2024-02-20 to ZJJ (lead) and JTJ (co), with contact 1 by ZJJ on
    /// 2024-03-01 and contact 2 by JTJ on 2024-03-02.
    func contacted() throws -> (Jianyi, String) {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.addUnits()
        let number = try jianyi.acceptedCase()
        try jianyi.ok("assign", number, "--lead", "ZJJ", "--co", "JTJ", "--on", "2024-02-20")
        try jianyi.ok("contact", number, "--unit", "ZJJ", "--mode", "phone", "--note", "电话沟通", "--on", "2024-03-01")
        try jianyi.ok("contact", "record", number, "--unit", "JTJ", "--mode", "visit", "--on", "2024-03-02")
        return (jianyi, number)
    }

    @Test func aConfirmationAndADisputeAreShownWithTheirContactsAndInTheHistory() throws {
        let (jianyi, number) = try contacted()
        let confirmed = try jianyi.ok("contact", "confirm", number, "--contact", "1", "--on", "2024-03-03")
        #expect(confirmed.stdout == "\(number) → 已交办\n")
        try jianyi.ok("contact", "dispute", number, "--contact", "2", "--note", "未曾来访，只打过电话", "--on", "2024-03-04")

        let shown = try jianyi.shown(number, today: "2024-03-05")
        #expect(shown["state"] as? String == "assigned")
        let contacts = try #require(shown["contacts"] as? [[String: Any]])
        #expect(contacts.map { "\($0["contact"] ?? "") \($0["unit"] ?? "") \($0["confirmation"] ?? "") \($0["confirmed_on"] ?? "") \($0["confirmation_note"] ?? "")" } == [
            "1 ZJJ confirmed 2024-03-03 ", "2 JTJ disputed 2024-03-04 未曾来访，只打过电话",
        ])
        let events = try jsonArray(try jianyi.ok("history", number, "--format", "json")).suffix(2)
        #expect(events.map { "\($0["kind"] ?? "") \($0["actor"] ?? "")" } == ["contact_confirmed 秘书处", "contact_disputed 秘书处"])

        let zh = try jianyi.ok("show", number, "--today", "2024-03-05").stdout
        #expect(zh.contains("\n沟通\n序号  日期        单位  方式   代表答复\n"), "\(zh)")
        #expect(zh.contains("\n1     2024-03-01  ZJJ   phone  代表已确认 2024-03-03\n2     2024-03-02  JTJ   visit  代表有异议 2024-03-04 未曾来访，只打过电话\n"), "\(zh)")
        #expect(zh.contains("2024-03-04  代表对沟通有异议  秘书处\n"), "\(zh)")
        let en = try jianyi.ok("show", number, "--today", "2024-03-05", "--lang", "en").stdout
        #expect(en.contains("\ncontacts\ncontact  date        unit  mode   deputy's answer\n"), "\(en)")
        #expect(en.contains("\n1        2024-03-01  ZJJ   phone  confirmed 2024-03-03\n2        2024-03-02  JTJ   visit  disputed 2024-03-04 未曾来访，只打过电话\n"), "\(en)")
    }

    @Test func anUnansweredContactSaysSo() throws {
        let (jianyi, number) = try contacted()
        let shown = try jianyi.shown(number, today: "2024-03-05")
        let contacts = try #require(shown["contacts"] as? [[String: Any]])
        #expect(contacts.allSatisfy { $0["confirmation"] is NSNull && $0["confirmed_on"] is NSNull && $0["confirmation_note"] is NSNull })
        #expect(try jianyi.ok("show", number, "--today", "2024-03-05", "--lang", "en").stdout.contains("\n1        2024-03-01  ZJJ   phone  not answered\n"))
        #expect(try jianyi.ok("show", number, "--today", "2024-03-05").stdout.contains("\n1     2024-03-01  ZJJ   phone  未答复\n"))
    }

    @Test func refusalsChangeNothing() throws {
        let (jianyi, number) = try contacted()
        try jianyi.expectRefusal(["contact", "dispute", number, "--contact", "1", "--note", " \u{200B}"], 64,
                                 mentioning: "--note: a dispute needs a note: the deputy's account of what happened")
        try jianyi.expectRefusal(["contact", "dispute", number, "--contact", "1"], 64, mentioning: "--note")
        try jianyi.expectRefusal(["contact", "confirm", number, "--contact", "one"], 64, mentioning: "--contact")
        try jianyi.expectRefusal(["contact", "confirm", number, "--contact", "3"], 65,
                                 mentioning: "--contact: \(number) has no contact 3 (its contacts: 1, 2; jianyi show lists them)")
        try jianyi.expectRefusal(["contact", "confirm", number, "--contact", "1", "--on", "2024-03-01"], 65,
                                 mentioning: "--on: 2024-03-01 is before 2024-03-02")
        try jianyi.expectRefusal(["contact", "confirm", number, "--contact", "1", "--on", "2099-01-01"], 65, mentioning: "is after today")
        try jianyi.expectRefusal(["contact", "confirm", "5-4-0099", "--contact", "1"], 65, mentioning: "5-4-0099 does not exist")

        try jianyi.ok("contact", "confirm", number, "--contact", "1", "--on", "2024-03-03")
        for again in ["confirm", "dispute"] {
            try jianyi.expectRefusal(["contact", again, number, "--contact", "1", "--note", "其实没有"], 65,
                                     mentioning: "\(number)'s contact 1 was already confirmed on 2024-03-03; a contact is answered once")
        }
    }

    @Test func notBeforeAssignment() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let number = try jianyi.acceptedCase()
        try jianyi.expectRefusal(["contact", "confirm", number, "--contact", "1"], 65,
                                 mentioning: "\(number) is accepted (已立案); contact confirm needs assigned or closed or following or rehandling or replied")
    }

    @Test func aClosedCaseStillTakesTheAnswer() throws {
        let (jianyi, number) = try contacted()
        try jianyi.ok("reply", number, "--unit", "ZJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-04-01")
        try jianyi.ok("rate", number, "--result", "satisfied", "--on", "2024-04-10")
        try jianyi.ok("contact", "dispute", number, "--contact", "1", "--note", "没有来电", "--on", "2024-04-10")
        let shown = try jianyi.shown(number, today: "2024-04-11")
        #expect(shown["state"] as? String == "closed" && shown["closed_on"] as? String == "2024-04-10")
    }

    @Test func helpTeachesTheSubcommandsAndTheOldFormStillWorks() throws {
        let jianyi = try Jianyi()
        let help = try jianyi.ok("contact", "--help").stdout
        #expect(help.contains("confirm") && help.contains("dispute") && help.contains("jianyi contact confirm 5-4-0012 --contact 1"), "\(help)")
        let confirm = try jianyi.ok("contact", "confirm", "--help").stdout
        #expect(confirm.contains("--contact <contact>") && confirm.contains("jianyi show"), "\(confirm)")
        let dispute = try jianyi.ok("contact", "dispute", "--help").stdout
        #expect(dispute.contains("--note <note>") && dispute.contains("contact_rate"), "\(dispute)")
    }

    /// A contact counts for `contacted` until the deputy disputes it: with two contacts before
    /// the reply, the case stays contacted after one dispute and is not after both.
    @Test func aDisputeLowersTheContactRate() throws {
        let (jianyi, number) = try contacted()
        try jianyi.ok("reply", number, "--unit", "ZJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-04-01")
        func zjj() throws -> [String: Any] {
            let rows = try jsonArray(try jianyi.ok("export", "satisfaction", "--by", "unit", "--format", "json"))
            return try #require(rows.first { $0["group"] as? String == "ZJJ" })
        }
        func measured() throws -> String {
            let row = try zjj()
            return "\(row["contacted"] ?? "") \((row["contact_rate"] as? NSNumber)?.doubleValue ?? -1)"
        }
        #expect(try measured() == "1 1.0")
        try jianyi.ok("contact", "dispute", number, "--contact", "1", "--note", "没有来电", "--on", "2024-04-02")
        #expect(try measured() == "1 1.0")  // contact 2, not answered, still counts
        try jianyi.ok("contact", "dispute", number, "--contact", "2", "--note", "没有来访", "--on", "2024-04-02")
        #expect(try measured() == "0 0.0")
        let csv = try jianyi.ok("export", "satisfaction", "--by", "unit", "--format", "csv").stdout
        #expect(csv.contains("\r\nZJJ,1,1,1,1.0000,0,0.0000,"), "\(csv)")
    }
}
