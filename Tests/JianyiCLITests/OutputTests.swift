import Casework
@testable import JianyiCLI
import Testing

@Suite struct OutputTests {
    @Test func chineseTakesTwoCells() {
        #expect(displayWidth("abc") == 3)
        #expect(displayWidth("关于建议") == 8)
        #expect(displayWidth("《建议》，") == 10)
        #expect(displayWidth("5-4-0001") == 8)
    }

    @Test func columnsLineUpWithMixedScripts() {
        var table = TextTable(header: ["编号", "标题", "状态"])
        table.append(["5-4-0001", "关于加快老旧小区改造的建议", "已提交"])
        table.append(["R2026-0012", "Bus routes", "submitted"])
        let lines = table.render().split(separator: "\n").map(String.init)
        // The third column starts at the same cell on the header and every row.
        let thirdColumn = [0: "状态", 2: "已提交", 3: "submitted"]
        let starts = thirdColumn.map { index, cell in displayWidth(String(lines[index][..<lines[index].range(of: cell)!.lowerBound])) }
        #expect(starts == [40, 40, 40])
        #expect(lines[1] == "----------  --------------------------  ---------")
        #expect(lines[2] == "5-4-0001    关于加快老旧小区改造的建议  已提交")
        #expect(lines[3] == "R2026-0012  Bus routes                  submitted")
    }

    @Test func jsonKeepsOrderNullsAndChinese() {
        let value = JSONValue.object([("b", .null), ("a", .string("建议\"\n")), ("n", .int(3)), ("l", .array([.bool(true)]))])
        #expect(value.serialized() == "{\"b\":null,\"a\":\"建议\\\"\\n\",\"n\":3,\"l\":[true]}")
    }

    @Test func jsonEscapesWhatNeedsItAndCopiesTheRest() {
        #expect(JSONValue.string("关于“十五五”的建议 ok").serialized() == "\"关于“十五五”的建议 ok\"")
        #expect(JSONValue.string("a\\b\tc\u{1}d\r").serialized() == "\"a\\\\b\\tc\\u0001d\\r\"")
        #expect(JSONValue.string("").serialized() == "\"\"")
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        #expect(CSV.line(["a", "b,c", "say \"hi\"", "多\n行"]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"多\n行\"\r\n")
        #expect(CSV.line(["关于建议", "行\u{2028}分隔", "回车\r", ",\u{301}"]) == "关于建议,\"行\u{2028}分隔\",\"回车\r\",\",\u{301}\"\r\n")
        #expect(CSV.line(["a\"\u{301}b", "\""]) == "\"a\"\"\u{301}b\",\"\"\"\"\r\n")
    }
}
