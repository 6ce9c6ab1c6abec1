import Casework
@testable import JianyiCLI
import Testing

/// Refusals follow `--lang`: Chinese when `--lang zh` is given, English otherwise (as scripts
/// have read them); the exit code is the same in both.
@Suite struct ErrorLanguageTests {
    static func d(_ text: String) -> Day { Day(text)! }

    /// One refusal of each family, in Chinese and in English.
    static let families: [(any Refusal, String, String)] = [
        (CaseError.notAllowed(number: "5-4-0001", step: .reply, state: .submitted),
         "5-4-0001 当前为已提交（submitted）；reply 须在已交办或重新办理时办理；现在可以：review --accept, review --reject, withdraw, supervise, merge",
         "5-4-0001 is submitted (已提交); reply needs assigned or rehandling; allowed now: review --accept, review --reject, withdraw, supervise, merge"),
        (LookupError.unknownDeputy("D404", role: .lead, congress: "LL"), "--deputy: D404 不是 LL 的代表", "--deputy: D404 is not a deputy of LL"),
        (RegistrationError.cosignerIsLead("D001"), "--cosigner: D001 是领衔代表，不能同时附议",
         "--cosigner: D001 is the lead deputy and cannot also co-sign"),
        (SetupError.sessionClosesBeforeOpening(opened: d("2024-01-23"), closed: d("2024-01-20")),
         "--closed: 闭会日期 2024-01-20 早于 --opened 2024-01-23", "--closed: 2024-01-20 is before --opened 2024-01-23"),
        (OverdueRunError.noSuchRun(id: 7, congress: "LL"), "--run: LL 没有第 #7 次超期检查（jianyi overdue runs 可列出）",
         "--run: LL has no overdue run #7 (jianyi overdue runs lists them)"),
        (InputError.blank(.deputyName(code: "D001"), value: "\u{200B}"), "--name: 代表 D001 的姓名只含不可见字符（'\\u{200B}'）",
         "--name: the name of deputy D001 holds only invisible characters ('\\u{200B}')"),
        (ConflictError.duplicate(.unit, code: "SJJ", congress: "LL"), "LL 已有承办单位 SJJ", "unit SJJ already exists in LL"),
        (PolicyError.notAValue(.weightContact, value: "1.5"), "policy weight_contact: '1.5' 不是 0 到 1 之间的权重",
         "policy weight_contact: '1.5' is not a weight between 0 and 1"),
        (DayGivenIn(refusal: CaseError.dayAfterToday(day: d("2026-12-01"), today: d("2026-11-30")), day: "--as-of"),
         "--as-of: 2026-12-01 晚于今天（2026-11-30）；jianyi 不登记尚未到来的日子（--today 可改变今天）",
         "--as-of: 2026-12-01 is after today (2026-11-30); jianyi records nothing for a day that has not come (--today moves today)"),
    ]

    @Test(arguments: families.indices)
    func eachFamilySpeaksBothLanguagesWithOneCode(index: Int) {
        let (refusal, zh, en) = Self.families[index]
        #expect(Exit(refusal, lang: .zh).message == zh)
        #expect(Exit(refusal, lang: .en).message == en)
        #expect(Exit(refusal).message == en)
        #expect(Exit(refusal, lang: .zh).code == Exit(refusal, lang: .en).code)
    }

    /// Every typed refusal the CLI words has its own Chinese, with the same exit code.
    @Test func everyTypedRefusalHasItsChinese() {
        let all: [any Refusal] = ErrorTextTests.table.map { $0.0 } + ErrorTextTests.store.map { $0.0 }
        for refusal in all {
            let zh = Exit(refusal, lang: .zh), en = Exit(refusal, lang: .en)
            #expect(zh.code == en.code)
            #expect(zh.message != en.message, "no Chinese for \(refusal)")
            #expect(zh.message.unicodeScalars.contains { $0.properties.isIdeographic }, "no Chinese for \(refusal)")
        }
    }

    /// A file's typed row refusals are said in the language asked for, under the column their
    /// flag names; the file's own shape problems stay as they were said.
    @Test func rowRefusalsFollowTheLanguage() throws {
        var problems = RowProblems(file: "a.csv", columns: ["number", "lead", "co", "complex"])
        _ = try problems.checking(line: 2) { throw CaseError.unknownUnit("XYZ", role: .lead, congress: "LL") }
        _ = try problems.checking(line: 3) { throw CaseError.dateBeforePreviousStep(number: "5-4-0001", day: Self.d("2024-02-05"), previous: Self.d("2024-02-10"), kind: .accepted) }
        problems.add(line: 4, "2 fields, but the header has 4")
        let refusals = try #require(throws: RowRefusals.self) { try problems.check() }
        let en = Exit(refusals, lang: .en), zh = Exit(refusals, lang: .zh)
        #expect(en.code == 65 && zh.code == 65)
        #expect(en.details == [
            "a.csv line 2, column 2 (lead): XYZ is not a unit of LL",
            "a.csv line 3: --on: 2024-02-05 is before 2024-02-10, the day of 5-4-0001's previous step (accepted); the steps of a case follow one another",
            "a.csv line 4: 2 fields, but the header has 4",
        ])
        #expect(zh.details == [
            "a.csv line 2, column 2 (lead): XYZ 不是 LL 的承办单位",
            "a.csv line 3: --on: 2024-02-05 早于 5-4-0001 上一步骤（审查立案）的日期 2024-02-10；案件的步骤须依次办理",
            "a.csv line 4: 2 fields, but the header has 4",
        ])
    }

    @Test(arguments: [
        ([String](), Language.en), (["unit", "add", "X"], .en), (["unit", "--lang", "zh"], .zh), (["--lang=zh", "x"], .zh),
        (["--lang", "zh", "--lang", "en"], .en), (["--lang", "xx"], .en), (["--", "--lang", "zh"], .en), (["--lang"], .en),
    ])
    func theLanguageIsTheLastLangGiven(arguments: [String], lang: Language) {
        #expect(JianyiCLI.Jianyi.errorLanguage(arguments) == lang)
    }

    /// Through the binary: `--lang zh` changes a real refusal's line and keeps its exit code;
    /// without `--lang` it is the English line scripts know.
    @Test func theBinarySaysARefusalInTheLanguageAsked() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let duplicate = ["unit", "add", "SJJ", "--name", "市市场监督管理局"]
        try jianyi.expectRefusal(duplicate, 65, mentioning: "jianyi: unit SJJ already exists in LL\n")
        try jianyi.expectRefusal(duplicate + ["--lang", "en"], 65, mentioning: "jianyi: unit SJJ already exists in LL\n")
        try jianyi.expectRefusal(duplicate + ["--lang", "zh"], 65, mentioning: "jianyi: LL 已有承办单位 SJJ\n")
        let blank = ["register", "--title", " \u{200B}", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21"]
        try jianyi.expectRefusal(blank, 64, mentioning: "jianyi: --title: the title holds only invisible characters (' \\u{200B}')\n")
        try jianyi.expectRefusal(blank + ["--lang", "zh"], 64, mentioning: "jianyi: --title: 标题只含不可见字符（' \\u{200B}'）\n")
    }
}
