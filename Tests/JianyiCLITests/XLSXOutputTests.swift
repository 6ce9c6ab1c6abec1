import Foundation
import TestSupport
import Testing

/// `--format xlsx`, read back with openpyxl: Chinese headers, names beside codes, codes as
/// text, rates as percentages, a frozen header row, hostile text stored as text.
@Suite struct XLSXOutputTests {
    static let hostileTitles = ["=cmd|' /C calc'!A0", "<script>alert(1)</script>", "@SUM(1+1)", "关于\u{7}\u{1B}[31m控制字符的建议"]

    /// The setUp congress, with a case of D001 for each hostile title (5-4-0001…0004).
    func hostileCases() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        for title in Self.hostileTitles {
            try jianyi.ok("register", "--title", title, "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21")
        }
        return jianyi
    }

    func sheet(_ path: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ReadWorkbook.Sheet {
        let book = try ReadWorkbook.read(path)
        return try #require(book[name], "no sheet \(name) in \(book.sheets.map(\.name))", sourceLocation: sourceLocation)
    }

    /// `jianyi` with standard output sent to the file `path` (not a terminal, not a pipe the
    /// tests decode as text).
    func redirected(_ jianyi: Jianyi, to path: String) -> Jianyi {
        var redirected = jianyi
        // sh -c SCRIPT BINARY ARGS…: $0 is the binary.
        redirected.launcher = ["/bin/sh", "-c", "exec \"$0\" \"$@\" > \"$JIANYI_TEST_OUT\""]
        redirected.environment["JIANYI_TEST_OUT"] = path
        return redirected
    }

    @Test func listWritesTextCodesNamesAndAFrozenHeader() throws {
        let jianyi = try hostileCases()
        let path = try temporaryDirectory() + "/建议.xlsx"
        try jianyi.ok("list", "--format", "xlsx", "--output", path)
        let sheet = try sheet(path, "建议")
        #expect(sheet.freeze == "A2")
        #expect(sheet.rows[0].map(\.text) == ["编号", "标题", "状态", "领衔代表代码", "领衔代表", "代表团", "附议代表", "届次", "届次名称",
                                             "渠道", "类别", "提交日期", "重点建议", "主办单位代码", "答复日期", "答复类别"])
        #expect(sheet.rows.count == 1 + Self.hostileTitles.count)
        let first = sheet.rows[1]
        #expect(first[0].type == "s" && first[0].text == "5-4-0001")
        // A session code is text: 5-4 would otherwise be read as the 4th of May.
        #expect(first[7].type == "s" && first[7].text == "5-4" && first[7].format == "@")
        #expect(first[8].text == "五届四次会议")
        #expect(first[3].text == "D001" && first[4].text == "史芷彤" && first[5].text == "离石区代表团")
        #expect(first[2].text == "已提交" && first[9].text == "大会期间")
        #expect(first[11].type == "s" && first[11].text == "2024-01-21")
        // Hostile titles are strings, never formulas, as typed; control characters show as
        // their pictures (BEL ␇, ESC ␛).
        let shown = Self.hostileTitles.dropLast() + ["关于\u{2407}\u{241B}[31m控制字符的建议"]
        for (index, title) in shown.enumerated() {
            let cell = sheet.rows[1 + index][1]
            #expect(cell.type == "s" && cell.text == title, "\(cell)")
        }
        // The title column is sized for its longest title, CJK characters counting two.
        #expect(try #require(sheet.widths["B"]) > 20)
    }

    @Test func aPipedStandardOutputGetsTheWorkbook() throws {
        let jianyi = try hostileCases()
        let path = try temporaryDirectory() + "/piped.xlsx"
        let result = try redirected(jianyi, to: path).run(["list", "--format", "xlsx"])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(try sheet(path, "建议").rows.count == 1 + Self.hostileTitles.count)
    }

    /// An .xlsx file is binary: to a terminal it is refused before any work, naming the way out.
    @Test func aTerminalIsRefused() throws {
        let jianyi = try hostileCases()
        var onTerminal = jianyi
        // python's pty.spawn runs the binary with a pseudo-terminal as its standard output.
        onTerminal.launcher = ["/usr/bin/python3", "-c",
                               "import os, pty, sys; sys.exit(os.waitstatus_to_exitcode(pty.spawn(sys.argv[1:])))"]
        for arguments in [["list", "--format", "xlsx"], ["score", "units", "--format", "xlsx"], ["report", "repeated", "--format", "xlsx"]] {
            let result = try onTerminal.run(arguments)
            #expect(result.code == 64, "\(arguments): \(result.stdout) \(result.stderr)")
            // Through the terminal, standard error arrives on the same stream.
            let said = result.stdout + result.stderr
            #expect(said.contains("--format xlsx: standard output is a terminal"), "\(said)")
            #expect(said.contains(arguments[0] == "report" ? "> FILE.xlsx" : "--output FILE.xlsx"), "\(said)")
        }
    }

    @Test func formatsWithoutASheetRefuseXLSX() throws {
        let jianyi = try hostileCases()
        for arguments in [["db", "status", "--format", "xlsx"], ["overdue", "runs", "--format", "xlsx"], ["policy", "show", "--format", "xlsx"]] {
            let result = try jianyi.run(arguments)
            #expect(result.code == 64, "\(arguments)")
            #expect(result.stderr.contains("xlsx is not offered here"), "\(result.stderr)")
        }
    }

    @Test func scoresAndSummariesHavePercentageCells() throws {
        let jianyi = try ReportCommandTests().twoUnits()
        let folder = try temporaryDirectory()
        try jianyi.ok("score", "units", "--format", "xlsx", "--output", folder + "/评分.xlsx")
        let score = try sheet(folder + "/评分.xlsx", "评分通报")
        #expect(score.freeze == "A2")
        let header = score.rows[0].map { $0.text ?? "" }
        #expect(header.prefix(4) == ["名次", "承办单位", "名称", "件数"])
        #expect(header.last == "得分")
        let column = { (name: String) in try #require(header.firstIndex(of: name)) }
        // Neither unit has min_rated_cases rated cases: listed, not ranked.
        let jtj = try #require(score.rows.first { $0[1].text == "JTJ" })
        #expect(jtj[0].type == "s" && jtj[0].text == "样本不足")
        #expect(jtj[2].text == "市交通运输局")
        // JTJ never replied: on time 0 of 1 is the number 0 shown as 0.0%; its contact rate
        // has nothing to divide by and stays empty.
        let onTime = jtj[try column("按期答复率")]
        #expect(onTime.type == "n" && onTime.number == 0 && onTime.format == "0.0%")
        let contact = jtj[try column("沟通率")]
        #expect(contact.number == nil && contact.text == nil)
        let zjj = try #require(score.rows.first { $0[1].text == "ZJJ" })
        let (satisfaction, cases, points) = (zjj[try column("满意率")], zjj[try column("件数")], zjj[try column("得分")])
        #expect(satisfaction.number == 1 && satisfaction.format == "0.0%")
        #expect(cases.type == "n" && cases.number == 1)
        #expect(points.number == 100 && points.format == "0.00")

        try jianyi.ok("export", "satisfaction", "--by", "unit", "--format", "xlsx", "--output", folder + "/满意度.xlsx")
        let summary = try sheet(folder + "/满意度.xlsx", "满意度测评")
        #expect(summary.rows.map { $0[0].text } == ["承办单位", "JTJ", "ZJJ"])
        #expect(summary.rows[2][5].number == 1 && summary.rows[2][5].format == "0.0%")
    }

    @Test func theOverdueReportAndDigestsAsSpreadsheets() throws {
        let jianyi = try OverdueCommandTests().assignedCase()
        let dir = try temporaryDirectory()
        let report = dir + "/report.xlsx"
        let digests = try temporaryDirectory()
        let result = try redirected(jianyi, to: report).run(["overdue", "--as-of", "2024-05-10", "--format", "xlsx", "--out-dir", digests, "--digest-format", "xlsx"])
        #expect(result.code == 0, "\(result.stderr)")
        let rows = try sheet(report, "督办").rows
        #expect(rows[0].map(\.text) == ["编号", "标题", "事项", "期限", "超期天数", "剩余天数", "督办级别", "本次新发现", "单位代码", "单位名称"])
        let jtj = try #require(rows.first { $0[8].text == "JTJ" })
        #expect(jtj[4].type == "n" && jtj[4].number == 51 && jtj[5].number == nil)
        #expect(jtj[9].text == "市交通运输局")

        let files = try FileManager.default.contentsOfDirectory(atPath: digests).sorted()
        #expect(files == ["2024-05-10-JTJ.xlsx", "2024-05-10-ZJJ.xlsx", "2024-05-10-index.xlsx"])
        let zjj = try sheet(digests + "/2024-05-10-ZJJ.xlsx", "督办")
        #expect(zjj.freeze == "A2")
        #expect(zjj.rows.count == 2)
        // Due soon: the days left, no negative delay.
        #expect(zjj.rows[1][0].text == "5-4-0001" && zjj.rows[1][3].text == "2024-05-20")
        #expect(zjj.rows[1][4].number == nil && zjj.rows[1][5].number == 10 && zjj.rows[1][6].text == "临期")
        let index = try sheet(digests + "/2024-05-10-index.xlsx", "督办")
        #expect(index.rows.map { $0.map { $0.text ?? $0.number.map { String(Int($0)) } ?? "" } } == [
            ["单位代码", "单位名称", "临期", "超期", "严重超期", "文件"],
            ["JTJ", "市交通运输局", "0", "0", "1", "2024-05-10-JTJ.xlsx"],
            ["ZJJ", "市住房和城乡建设局", "1", "0", "0", "2024-05-10-ZJJ.xlsx"],
        ])
    }

    @Test func repeatedSuggestionsAsASpreadsheet() throws {
        let jianyi = try RepeatedCommandTests().history()
        let path = try temporaryDirectory() + "/反复提.xlsx"
        let result = try redirected(jianyi, to: path).run(["report", "repeated", "--format", "xlsx"])
        #expect(result.code == 0, "\(result.stderr)")
        let rows = try sheet(path, "反复提").rows
        #expect(rows[0].prefix(7).map(\.text) == ["编号", "标题", "领衔代表代码", "届次", "同一代表", "相似度", "往届编号"])
        let first = try #require(rows.first { $0[0].text == "5-4-0001" && $0[6].text == "5-3-0001" })
        #expect(first[3].type == "s" && first[3].text == "5-4")
        #expect(first[4].text == "是")
        #expect(first[5].type == "n" && first[5].number == 1 && first[5].format == "0.000")
        #expect(first[9].text == "五届三次会议")
        #expect(first[11].text == "A" && first[12].text == "2023-04-20")
    }
}
