import Casework
@testable import JianyiCLI
import Testing

@Suite struct CSVCellTests {
    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
        ("\u{0}x", "'\u{0}x"), ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("-3", "'-3"),
        // Full-width forms, and formulas behind white space an import may trim.
        ("＝1+1", "'＝1+1"), ("＋1", "'＋1"), ("－1", "'－1"), ("＠x", "'＠x"),
        (" =1", "' =1"), ("\u{3000}=1", "'\u{3000}=1"), ("\u{A0}+1", "'\u{A0}+1"), ("\n@x", "'\n@x"), ("  \t -1", "'  \t -1"),
    ])
    func formulaTextGetsAQuote(text: String, written: String) {
        #expect(CSV.neutralized(text) == written)
    }

    @Test(arguments: ["", " ", "关于建议", "1-2", "a=b", "'=1", "5-4-0001", " 1", "2024-05-20", "—1", "x@y"])
    func otherTextIsUntouched(text: String) {
        #expect(CSV.neutralized(text) == text)
    }

    @Test func numbersTheProgramWritesAreNotText() {
        let cells: [any CSVCell] = ["-3", -3, Day(year: 2024, month: 5, day: 20)!, Rate(1, 3), Rate(0, 0),
                                    FormattedNumber("-12.50"), "=1+1"]
        #expect(CSV.line(cells) == "'-3,-3,2024-05-20,0.3333,,-12.50,'=1+1\r\n")
    }

    @Test func neutralizedCellsAreStillQuotedWhenTheyNeedIt() {
        #expect(CSV.line(["=HYPERLINK(\"http://x\",\"y\")", "\r=1"]) == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'\r=1\"\r\n")
    }
}
