import Foundation
import TestSupport
import Testing

/// `--format xlsx` of `export cases`, `export publication` and `report supervision`, read back
/// with openpyxl: Chinese headers, names beside codes, codes as text, percentages, a frozen
/// header row; and a refusal that leaves the file as it was.
@Suite struct XLSXReportTests {
    let xlsx = XLSXOutputTests()

    func column(_ header: [ReadWorkbook.Cell], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        try #require(header.firstIndex { $0.text == name }, "no column \(name) in \(header.map { $0.text ?? "" })", sourceLocation: sourceLocation)
    }

    @Test func exportCasesWritesACaseSheetAndASheetPerList() throws {
        let jianyi = try Jianyi()
        let numbers = try jianyi.exchangeCases()
        let path = try temporaryDirectory() + "/建议.xlsx"
        let result = try jianyi.ok("export", "cases", "--format", "xlsx", "--output", path)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        let book = try ReadWorkbook.read(path)
        #expect(book.sheets.map(\.name) == ["建议", "承办单位", "期限", "转办申请", "沟通联系", "联系确认", "答复", "评价", "历史"])
        for sheet in book.sheets { #expect(sheet.freeze == "A2", "\(sheet.name)") }

        let cases = try #require(book["建议"])
        let header = cases.rows[0]
        #expect(header.prefix(11).map(\.text) == ["编号", "原平台编号", "标题", "内容", "领衔代表代码", "领衔代表", "附议代表代码", "附议代表",
                                                  "届次", "届次名称", "渠道"])
        #expect(cases.rows.count == 1 + numbers.count)
        let first = try #require(cases.rows.first { $0[0].text == numbers[0] })
        // A session code is text, never the 4th of May; names stand beside the codes.
        let session = first[try column(header, "届次")]
        #expect(session.type == "s" && session.text == "5-4" && session.format == "@")
        #expect(first[try column(header, "届次名称")].text == "五届四次会议")
        #expect(first[try column(header, "领衔代表")].text == "史芷彤")
        #expect(first[try column(header, "附议代表代码")].text == "D003;D002")
        #expect(first[try column(header, "附议代表")].text == "李梅、王建国")
        #expect(first[try column(header, "主办单位代码")].text == "ZJJ")
        #expect(first[try column(header, "主办单位")].text == "市住房和城乡建设局")
        #expect(first[try column(header, "渠道")].text == "大会期间")
        #expect(first[try column(header, "复杂件")].text == "是")
        let round = first[try column(header, "轮次")]
        #expect(round.type == "n" && round.number == 2)
        // Text a spreadsheet could run stays a string, as typed (no ' prefix, unlike the CSV).
        let title = first[try column(header, "标题")]
        #expect(title.type == "s" && title.text == Jianyi.hostileTitle)
        #expect(first[try column(header, "提交日期")].text == "2024-01-21")
        // The recess case has no session: its name says so.
        let recess = try #require(cases.rows.first { $0[0].text == numbers[1] })
        let (sessionColumn, sessionName) = (try column(header, "届次"), try column(header, "届次名称"))
        #expect(recess[sessionColumn].text == nil && recess[sessionName].text == "闭会期间")
        #expect(try #require(cases.widths["C"]) > 20)

        let units = try #require(book["承办单位"])
        #expect(units.rows[0].map(\.text) == ["编号", "单位代码", "单位", "角色", "交办日期", "结束日期"])
        #expect(units.rows.dropFirst().map { $0.prefix(4).map { $0.text ?? "" } }.sorted { $0[1] < $1[1] } == [
            [numbers[0], "CGJ", "市城市管理局", "主办"], [numbers[0], "JTJ", "市交通运输局", "协办"], [numbers[0], "ZJJ", "市住房和城乡建设局", "主办"],
        ])
        let replies = try #require(book["答复"])
        let replyHeader = replies.rows[0]
        #expect(replies.rows.count == 3)
        let second = replies.rows[2]
        #expect(second[0].text == numbers[0])
        #expect(second[try column(replyHeader, "轮次")].number == 2)
        #expect(second[try column(replyHeader, "单位")].text == "市住房和城乡建设局")
        #expect(second[try column(replyHeader, "答复内容")].text == "加快进度")
        #expect(second[try column(replyHeader, "答复日期")].text == "2024-10-25")
        let ratings = try #require(book["评价"])
        let resultColumn = try column(ratings.rows[0], "评价结果")
        #expect(ratings.rows.dropFirst().map { $0[resultColumn].text } == ["不满意", "满意"])
        let history = try #require(book["历史"])
        #expect(history.rows.count > 10)
        #expect(history.rows[0].map(\.text) == ["编号", "序号", "事项", "日期", "记录时间（UTC）", "操作人", "数据"])
        #expect(history.rows[1][2].text == "提交登记")
        let transfer = try #require(book["转办申请"]).rows
        #expect(transfer[1][try column(transfer[0], "决定")].text == "同意")
        #expect(transfer[1][try column(transfer[0], "转至单位")].text == "市住房和城乡建设局")
    }

    @Test func refusalsLeaveTheFileAsItWas() throws {
        let jianyi = try Jianyi()
        try jianyi.exchangeCases()
        let path = try temporaryDirectory() + "/建议.xlsx"
        try Data("before".utf8).write(to: URL(fileURLWithPath: path))
        let unknown = try jianyi.run(["export", "cases", "--session", "9-9", "--format", "xlsx", "--output", path])
        #expect(unknown.code == 65, "\(unknown.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "before")
        let folder = try temporaryDirectory()
        let missing = try jianyi.run(["export", "cases", "--format", "xlsx", "--output", folder + "/没有/建议.xlsx"])
        #expect(missing.code == 73, "\(missing.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        // The workbook is for reading: import cases does not take it.
        // The publication and the supervision report refuse before touching the file too.
        for arguments in [["export", "publication", "--format", "xlsx", "--session", "five"],
                          ["report", "supervision", "--month", "2099-01", "--format", "xlsx"]] {
            let refused = try jianyi.run(arguments + ["--output", path])
            #expect(refused.code == 64, "\(arguments): \(refused.stderr)")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "before", "\(arguments)")
        }
        let imported = try jianyi.run(["import", "cases", path])
        #expect(imported.code == 64, "\(imported.stderr)")
        #expect(imported.stderr.contains("an xlsx export is for reading, not for import"), "\(imported.stderr)")
    }

    @Test func aTerminalIsRefusedBeforeAnyWork() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        var onTerminal = jianyi
        onTerminal.launcher = ["/usr/bin/python3", "-c",
                               "import os, pty, sys; sys.exit(os.waitstatus_to_exitcode(pty.spawn(sys.argv[1:])))"]
        for arguments in [["export", "cases", "--format", "xlsx"], ["export", "publication", "--format", "xlsx"],
                          ["report", "supervision", "--month", "2024-05", "--format", "xlsx"]] {
            let result = try onTerminal.run(arguments)
            #expect(result.code == 64, "\(arguments): \(result.stdout) \(result.stderr)")
            #expect((result.stdout + result.stderr).contains("--output FILE.xlsx"), "\(arguments)")
        }
    }

    @Test func publicationAsASheetWithTheRedactionsInAWorkbookOfTheirOwn() throws {
        let tests = PublicationCommandTests()
        let jianyi = try tests.congress()
        let number = try tests.repliedCase(jianyi)
        try jianyi.ok("publish", number, "--approve", "--on", "2024-03-02")
        let folder = try temporaryDirectory()
        let path = folder + "/答复公开.xlsx", review = folder + "/隐去清单.xlsx"
        let result = try jianyi.ok("export", "publication", "--format", "xlsx", "--output", path, "--redactions", review)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        let book = try ReadWorkbook.read(path)
        // The publication never holds what was taken out of it.
        #expect(book.sheets.map(\.name) == ["答复公开"])
        let sheet = book.sheets[0]
        #expect(sheet.freeze == "A2")
        #expect(sheet.rows[0].map(\.text) == ["编号", "标题", "领衔代表", "代表团", "届次", "届次名称", "主办单位代码", "主办单位",
                                             "答复日期", "答复类别", "并案", "答复内容"])
        #expect(sheet.rows.count == 2)
        let row = sheet.rows[1]
        #expect(row[0].text == number && row[4].type == "s" && row[4].text == "5-4" && row[4].format == "@")
        #expect(row[7].text == "市住房和城乡建设局" && row[8].text == "2024-03-01")
        #expect(row[11].text == "经核查，已对滨河路【已隐去】路口进行改造。\n如有疑问请联系王科长【已隐去】或【已隐去】。<b>完</b>")
        let listed = try #require(try ReadWorkbook.read(review)["隐去清单"])
        #expect(listed.freeze == "A2")
        #expect(listed.rows.map { $0.map { $0.text ?? "" } } == [
            ["编号", "类别", "类别代码", "原文"], [number, "手机号码", "mobile", "13812345678"],
            [number, "固定电话", "landline", "0358-8221234"], [number, "门牌地址", "address", "12号3栋"],
        ])
        // A redaction list named .csv stays CSV, whatever the publication's format.
        let csvReview = folder + "/隐去清单.csv"
        try jianyi.ok("export", "publication", "--format", "xlsx", "--output", path, "--redactions", csvReview)
        #expect(try String(contentsOfFile: csvReview, encoding: .utf8).hasPrefix("number,kind,original\r\n"))
    }

    @Test func theSupervisionReportHasASheetPerSection() throws {
        let jianyi = try SupervisionReportTests().may2024()
        let path = try temporaryDirectory() + "/督办通报.xlsx"
        try jianyi.ok("report", "supervision", "--month", "2024-05", "--format", "xlsx", "--output", path, "--today", "2024-11-30")
        let book = try ReadWorkbook.read(path)
        #expect(book.sheets.map(\.name) == ["说明", "案件状态", "本月答复", "超期未办（截至本月末）", "重点建议", "反复提建议", "对到期建议均未答复的单位"])
        for sheet in book.sheets { #expect(sheet.freeze == "A2", "\(sheet.name)") }
        let about = try #require(book["说明"]).rows.map { $0.map { $0.text ?? "" } }
        #expect(about.contains(["数据截至", "2024-05-31"]) && about.contains(["制表日期", "2024-11-30"]))

        let states = try #require(book["案件状态"]).rows
        #expect(states[0].map(\.text) == ["状态", "上月末 2024-04-30", "本月末 2024-05-31", "增减"])
        let assigned = try #require(states.first { $0[0].text == "已交办" })
        #expect(assigned[1].number == 4 && assigned[2].number == 2 && assigned[3].type == "n" && assigned[3].number == -2)

        let replies = try #require(book["本月答复"]).rows
        #expect(replies[0].map(\.text) == ["承办单位", "名称", "答复件数", "按期", "逾期", "按期比例"])
        let zjj = try #require(replies.first { $0[0].text == "ZJJ" })
        #expect(zjj[1].text == "市住房和城乡建设局")
        #expect(zjj[5].type == "n" && zjj[5].number == 1 && zjj[5].format == "0.0%")
        let jtj = try #require(replies.first { $0[0].text == "JTJ" })
        #expect(jtj[5].number == 0 && jtj[5].format == "0.0%")
        #expect(replies.last?[0].text == "合计" && replies.last?[2].number == 2)

        let overdue = try #require(book["超期未办（截至本月末）"]).rows
        #expect(overdue.count == 2)
        #expect(overdue[1][0].text == "CGJ" && overdue[1][2].text == "5-4-0003" && overdue[1][5].text == "2024-05-20")
        #expect(overdue[1][6].type == "n" && overdue[1][6].number == 11)
        let key = try #require(book["重点建议"]).rows
        #expect(key.count == 2 && key[1][0].text == "5-4-0004" && key[1][3].text == "张主任")
        #expect(try #require(book["对到期建议均未答复的单位"]).rows.dropFirst().map { $0.map { $0.text ?? $0.number.map { String(Int($0)) } ?? "" } }
                == [["CGJ", "市城市管理局", "1", "2024-05-20"]])

        let english = try temporaryDirectory() + "/supervision.xlsx"
        try jianyi.ok("report", "supervision", "--month", "2024-05", "--format", "xlsx", "--output", english, "--today", "2024-11-30", "--lang", "en")
        let en = try ReadWorkbook.read(english)
        #expect(en.sheets.first?.name == "About")
        #expect(try #require(en["Replies this month"]).rows[0].map(\.text) == ["unit", "name", "replies", "on time", "late", "share on time"])
    }
}
