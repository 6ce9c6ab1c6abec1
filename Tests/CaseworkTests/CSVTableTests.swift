import Casework
import Testing

@Suite struct CSVTableTests {
    @Test func quotedFieldsBOMAndCRLF() throws {
        let text = "\u{FEFF}code,name,delegation\r\nD001,史芷彤,离石区代表团\r\n\"D002\",\"王, \"\"小\"\" 明\",\"多\n行\"\r\n\r\nD003,李四,\n"
        let table = try CSVTable(text, expecting: ["code", "name", "delegation"], file: "d.csv")
        #expect(table.records.count == 3)
        #expect(table.records[0].fields == ["D001", "史芷彤", "离石区代表团"])
        #expect(table.records[1].fields == ["D002", "王, \"小\" 明", "多\n行"])
        #expect(table.records[1].line == 3)
        #expect(table.records[2].line == 6)
        #expect(table.records[2](2) == "")
    }

    @Test func wrongHeaderIsNamed() {
        #expect(throws: Failure.ruleBroken("d.csv line 1: the header is 'code,name'; expected 'code,name,delegation' (column 'delegation' is missing)")) {
            try CSVTable("code,name\nD1,x\n", expecting: ["code", "name", "delegation"], file: "d.csv")
        }
    }

    @Test func unclosedQuoteIsNamed() {
        #expect(throws: Failure.ruleBroken("d.csv line 2, column 1 (a): the quote opened on line 2 is never closed: 'x,y\\u{A}'")) {
            try CSVTable("a,b\n\"x,y\n", expecting: ["a", "b"], file: "d.csv").problems.check()
        }
    }

    @Test func tooManyFields() {
        #expect(throws: Failure.ruleBroken("d.csv line 3: 3 fields, but the header has 2")) {
            try CSVTable("a,b\n1,2\n1,2,3\n", expecting: ["a", "b"], file: "d.csv").problems.check()
        }
    }
}
