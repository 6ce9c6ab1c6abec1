import Casework
import Foundation
import Spreadsheet
import TestSupport
import Testing

/// Workbooks written by `Spreadsheet`, read back by openpyxl.
@Suite struct WorkbookTests {
    /// A file in a fresh temporary folder, removed with it.
    static func scratchPath(_ name: String = "book.xlsx") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jianyi-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    @Test func cellsKeepTheirTypes() throws {
        let path = try Self.scratchPath()
        let book = try Workbook(path: path)
        let sheet = try book.addSheet("单位", header: ["届次", "编号", "件数", "得分", "按期答复率", "提交日期", "空"])
        try sheet.append([.text("5-4"), .text("0012"), .integer(7), .decimal(83.456, places: 2), .percentage(0.8571),
                          .date(Day("2024-03-01")!), .percentage(nil)])
        try book.close()

        let read = try #require(ReadWorkbook.read(path)["单位"])
        #expect(read.rows[0].map(\.text) == ["届次", "编号", "件数", "得分", "按期答复率", "提交日期", "空"])
        #expect(read.rows[0].allSatisfy { $0.type == "s" })
        let row = read.rows[1]
        // Codes and days are text: `5-4` is not May 4th, `0012` keeps its zeros.
        #expect(row[0].type == "s" && row[0].text == "5-4" && row[0].format == "@")
        #expect(row[1].type == "s" && row[1].text == "0012")
        #expect(row[2].type == "n" && row[2].number == 7)
        #expect(row[3].type == "n" && row[3].number == 83.456 && row[3].format == "0.00")
        #expect(row[4].type == "n" && row[4].number == 0.8571 && row[4].format == "0.0%")
        #expect(row[5].type == "s" && row[5].text == "2024-03-01")
        #expect(row[6].text == nil && row[6].number == nil)
    }

    @Test func headerRowIsFrozen() throws {
        let path = try Self.scratchPath()
        let book = try Workbook(path: path)
        _ = try book.addSheet("a", header: ["x"])
        try book.close()
        #expect(try ReadWorkbook.read(path).sheets[0].freeze == "A2")
    }

    @Test func columnsFitChineseText() throws {
        let path = try Self.scratchPath()
        let book = try Workbook(path: path)
        let sheet = try book.addSheet("a", header: ["代码", "名称"])
        try sheet.append(["SJJ", "市市场监督管理局"])
        try book.close()
        let widths = try ReadWorkbook.read(path).sheets[0].widths
        // Eight CJK characters take sixteen widths; the code column stays narrow.
        #expect(try #require(widths["B"]) >= 16)
        #expect(try #require(widths["A"]) < 10)
    }

    /// Text that a spreadsheet would run, or that would break its XML, is stored as the text.
    @Test(arguments: ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://x\")", "<script>alert(1)</script>",
                      "a&b\"c'", "tab\there", "line\nbreak"])
    func hostileTextStaysText(_ hostile: String) throws {
        let path = try Self.scratchPath()
        let book = try Workbook(path: path)
        let sheet = try book.addSheet("a", header: ["标题"])
        try sheet.append([.text(hostile)])
        try book.close()
        let cell = try ReadWorkbook.read(path).sheets[0].rows[1][0]
        #expect(cell.type == "s")
        #expect(cell.text == hostile)
    }

    /// Control characters XML cannot hold are shown as their pictures, the same in every
    /// reader; a NUL does not cut the text short.
    @Test func controlCharactersAreShownNotCut() throws {
        let path = try Self.scratchPath()
        let book = try Workbook(path: path)
        try book.addSheet("a", header: ["x"]).append([.text("a\0b\u{7}c\u{1B}[31md\u{7F}")])
        try book.close()
        let cell = try ReadWorkbook.read(path).sheets[0].rows[1][0]
        #expect(cell.type == "s" && cell.text == "a\u{2400}b\u{2407}c\u{241B}[31md\u{2421}")
    }

    @Test func lineBreaksAreLineFeeds() throws {
        let path = try Self.scratchPath()
        let book = try Workbook(path: path)
        try book.addSheet("a", header: ["x"]).append([.text("a\r\nb\rc\nd")])
        try book.close()
        #expect(try ReadWorkbook.read(path).sheets[0].rows[1][0].text == "a\nb\nc\nd")
    }

    @Test func textLongerThanExcelAllowsIsCut() throws {
        let path = try Self.scratchPath()
        let book = try Workbook(path: path)
        try book.addSheet("a", header: ["x"]).append([.text(String(repeating: "长", count: Sheet.maximumText + 10))])
        try book.close()
        let text = try #require(try ReadWorkbook.read(path).sheets[0].rows[1][0].text)
        #expect(text.count == Sheet.maximumText && text.hasSuffix("长…"))
    }

    @Test func sheetNamesAreMadeValidAndUnique() throws {
        let path = try Self.scratchPath()
        let book = try Workbook(path: path)
        _ = try book.addSheet("a/b:c", header: ["x"])
        _ = try book.addSheet("A_B_C", header: ["x"])
        _ = try book.addSheet(String(repeating: "长", count: 40), header: ["x"])
        try book.close()
        #expect(try ReadWorkbook.read(path).sheets.map(\.name) == ["a_b_c", "A_B_C (2)", String(repeating: "长", count: 31)])
    }

    @Test func anUnclosedWorkbookWritesNothing() throws {
        let path = try Self.scratchPath()
        do {
            let book = try Workbook(path: path)
            try book.addSheet("a", header: ["x"]).append(["y"])
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
