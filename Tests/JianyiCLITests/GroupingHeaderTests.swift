import Foundation
import TestSupport
import Testing

/// Issue 16: the headers of `export satisfaction --by` fit the grouping in every form people
/// read — a deputy has a 姓名, a category (session, delegation) is its own name and gets no
/// empty 名称 column — in the terminal table, the HTML page and the spreadsheet alike.
@Suite struct GroupingHeaderTests {
    /// The first line of a terminal table after the report's as-of heading (and its late-entries
    /// line), its columns split on runs of spaces.
    func headerWords(_ report: String) -> [String] {
        let heading = ["截至 ", "as of the end of ", "其中 "]
        let lines = report.split(separator: "\n").drop { line in
            heading.contains { line.hasPrefix($0) } || line.hasSuffix("were recorded after it.")
        }
        return (lines.first ?? "").split(separator: " ").map(String.init)
    }

    @Test func theTerminalTableHasANameColumnOnlyForNamedGroups() throws {
        let jianyi = try HTMLReportTests().threeUnits()
        let category = try jianyi.ok("export", "satisfaction", "--by", "category").stdout
        #expect(Array(headerWords(category).prefix(2)) == ["类别", "件数"], "\(category)")
        #expect(!headerWords(category).contains("名称"))
        for grouping in ["session", "delegation"] {
            let words = headerWords(try jianyi.ok("export", "satisfaction", "--by", grouping).stdout)
            #expect(words.dropFirst().first == "件数", "\(grouping): \(words)")
        }
        let deputy = try jianyi.ok("export", "satisfaction", "--by", "deputy").stdout
        #expect(Array(headerWords(deputy).prefix(3)) == ["代表", "姓名", "件数"], "\(deputy)")
        #expect(deputy.contains("D001  史芷彤"), "\(deputy)")
        let unit = try jianyi.ok("export", "satisfaction", "--by", "unit").stdout
        #expect(Array(headerWords(unit).prefix(3)) == ["承办单位", "名称", "件数"], "\(unit)")
        let english = try jianyi.ok("export", "satisfaction", "--by", "category", "--lang", "en").stdout
        #expect(Array(headerWords(english).prefix(2)) == ["category", "cases"], "\(english)")
        // The score report is by unit: rank, code, name.
        let score = try jianyi.ok("score", "units").stdout
        #expect(Array(headerWords(score).prefix(4)) == ["名次", "承办单位", "名称", "件数"], "\(score)")
    }

    @Test func theSpreadsheetHasANameColumnOnlyForNamedGroups() throws {
        let jianyi = try HTMLReportTests().threeUnits()
        let folder = try temporaryDirectory()
        let sheet = { (grouping: String) throws -> ReadWorkbook.Sheet in
            let path = folder + "/\(grouping).xlsx"
            try jianyi.ok("export", "satisfaction", "--by", grouping, "--format", "xlsx", "--output", path)
            return try XLSXOutputTests().sheet(path, "满意度测评")
        }
        let category = try sheet("category")
        #expect(category.rows[0].prefix(2).map(\.text) == ["类别", "件数"])
        #expect(!category.rows[0].contains { $0.text == "名称" })
        #expect(category.rows[1][1].type == "n")
        let deputy = try sheet("deputy")
        #expect(deputy.rows[0].prefix(3).map(\.text) == ["代表", "姓名", "件数"])
        #expect(deputy.rows[1].prefix(2).map(\.text) == ["D001", "史芷彤"])
        let unit = try sheet("unit")
        #expect(unit.rows[0].prefix(3).map(\.text) == ["承办单位", "名称", "件数"])
    }
}
