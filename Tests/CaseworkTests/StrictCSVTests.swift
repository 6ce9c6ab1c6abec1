import Casework
import Testing

/// The strict reader behind every import: each malformed shape is a bad row with its line,
/// column and value, and every bad row of a file is reported.
@Suite struct StrictCSVTests {
    let columns = ["title", "deputy", "session"]

    func problems(_ text: String) throws -> Failure? {
        try problems(Array(text.utf8))
    }

    func problems(_ bytes: [UInt8]) throws -> Failure? {
        let table = try CSVTable(bytes, expecting: columns, file: "s.csv")
        do { try table.problems.check() } catch let failure as Failure { return failure }
        return nil
    }

    @Test(arguments: [
        ("title,deputy,session\n甲,D001\n", "s.csv line 2: 2 fields, but the header has 3"),
        ("title,deputy,session\n甲,D001,5-4,x\n", "s.csv line 2: 4 fields, but the header has 3"),
        ("title,deputy,session\n\"ab\"cd,D001,5-4\n", "s.csv line 2, column 1 (title): text after the closing quote (quote the whole field and double any quote inside it): 'abcd'"),
        ("title,deputy,session\n甲,ab\"cd,5-4\n", "s.csv line 2, column 2 (deputy): a quote inside an unquoted field (quote the whole field and double the quote): 'ab\"cd'"),
        ("title,deputy,session\n甲,D001,\"5-4\n乙,D002,5-4\n", "s.csv line 2, column 3 (session): the quote opened on line 2 is never closed: '5-4\\u{A}乙,D002,5-4\\u{A}'"),
        ("title,deputy,session\n甲\u{0}乙,D001,5-4\n", "s.csv line 2, column 1 (title): a NUL byte: '甲\\u{0}乙'"),
        ("title,deputy,session\n甲,D001,5-4\n\"多\n行\"\"x\",D002,5-4\n乙,\"D\0\",5-4\n", "s.csv line 5, column 2 (deputy): a NUL byte: 'D\\u{0}'"),
    ])
    func malformedRowIsNamed(text: String, message: String) throws {
        #expect(try problems(text) == Failure.ruleBroken(message))
    }

    @Test func invalidUTF8IsNamedWithLineAndColumn() throws {
        let bytes = Array("title,deputy,session\n甲,D001,5-4\n乙,".utf8) + [0xE4, 0xB8] + Array(",5-4\n".utf8)
        #expect(try problems(bytes) == Failure.ruleBroken("s.csv line 3, column 2 (deputy): invalid UTF-8 (save the file as UTF-8; Excel: CSV UTF-8): '\u{FFFD}'"))
        // A GBK file (what Excel writes for "CSV" on a Chinese Windows) fails the same way.
        let gbk: [UInt8] = Array("title,deputy,session\n".utf8) + [0xB9, 0xD8, 0xD3, 0xDA] + Array(",D001,5-4\n".utf8)
        #expect(try problems(gbk)?.message.hasPrefix("s.csv line 2, column 1 (title): invalid UTF-8") == true)
    }

    @Test func everyBadRowIsReportedAfterOneCountingLine() throws {
        let text = "title,deputy,session\n好,D001,5-4\n坏,D001\n好,D002,5-4\nx\"y,D003,5-4\n好,D004,5-4\n"
        let failure = try #require(try problems(text))
        #expect(failure.kind == .ruleBroken)
        #expect(failure.message == "s.csv: 2 rows are bad, so nothing was imported; each is listed below")
        #expect(failure.details == [
            "s.csv line 3: 2 fields, but the header has 3",
            "s.csv line 5, column 1 (title): a quote inside an unquoted field (quote the whole field and double the quote): 'x\"y'",
        ])
    }

    @Test func theReportStopsAtTheLimitAndCountsTheRest() throws {
        let text = "title,deputy,session\n" + String(repeating: "坏,D001\n", count: RowProblems.limit + 23)
        let failure = try #require(try problems(text))
        #expect(failure.message == "s.csv: 123 rows are bad, so nothing was imported; each is listed below")
        #expect(failure.details.count == RowProblems.limit + 1)
        #expect(failure.details.first == "s.csv line 2: 2 fields, but the header has 3")
        #expect(failure.details[RowProblems.limit - 1] == "s.csv line 101: 2 fields, but the header has 3")
        #expect(failure.details.last == "… and 23 more bad rows")
    }

    @Test func goodRowsSurviveBesideBadOnes() throws {
        let table = try CSVTable("title,deputy,session\n好,D001,5-4\n坏,D001\n", expecting: columns, file: "s.csv")
        #expect(table.records.map(\.line) == [2])
        #expect(table.problems.count == 1)
    }

    @Test func bomCRLFAndQuotedNewlinesKeepTheirLines() throws {
        let text = "\u{FEFF}title,deputy,session\r\n\"多\r\n行, \"\"引号\"\"\",D001,5-4\r\n\r\n乙,D002,\r\n"
        let table = try CSVTable(text, expecting: columns, file: "s.csv")
        #expect(table.problems.isEmpty)
        #expect(table.records.map(\.line) == [2, 5])
        #expect(table.records[0].fields == ["多\r\n行, \"引号\"", "D001", "5-4"])
        #expect(table.records[1](2) == "")
        // A bad row after a quoted line break is still named by its own line.
        #expect(try problems("title,deputy,session\n\"a\nb\",D001,5-4\n坏\n") == Failure.ruleBroken("s.csv line 4: 1 fields, but the header has 3"))
    }

    @Test(arguments: [
        ("", "s.csv: the file is empty; expected a header title,deputy,session and rows"),
        ("\u{FEFF}\r\n\n", "s.csv: the file is empty; expected a header title,deputy,session and rows"),
        ("title,deputy,session\r\n", "s.csv: the file has a header but no rows; there is nothing to import"),
        ("title,deputy\n甲,D001\n", "s.csv line 1: the header is 'title,deputy'; expected 'title,deputy,session' (column 'session' is missing)"),
        ("title,deputy,session,extra\n", "s.csv line 1: the header is 'title,deputy,session,extra'; expected 'title,deputy,session' (column 'extra' is not one of them)"),
        ("title,deputy,deputy\n", "s.csv line 1: the header is 'title,deputy,deputy'; expected 'title,deputy,session' (column 'deputy' is given twice)"),
        ("deputy,title,session\n", "s.csv line 1: the header is 'deputy,title,session'; expected 'title,deputy,session' (the columns are in another order)"),
        ("ti\"tle,deputy,session\n", "s.csv line 1: the header is not well-formed: a quote inside an unquoted field (quote the whole field and double the quote): 'ti\"tle'"),
    ])
    func emptyFilesAndBadHeadersAreRefusedAtOnce(text: String, message: String) {
        #expect(throws: Failure.ruleBroken(message)) { try CSVTable(text, expecting: columns, file: "s.csv") }
    }
}

/// One function decides "blank" for every flag and column.
@Suite struct BlankTextTests {
    @Test(arguments: ["", " ", "\t\n", "\u{200B}", "\u{200C}\u{200D}", "\u{2060}", "\u{FEFF}", " \u{200B}\u{3000}", "\u{00AD}", "\u{FE0F}"])
    func blankValuesAreRefusedNamingTheField(value: String) {
        #expect(Text.isBlank(value))
        #expect(throws: InputError.blank(.title, value: value)) { try Text.required(value, field: .title) }
        #expect(throws: InputError.blank(.body, value: value)) { try Text.nonBlank(value, field: .body) }
    }

    @Test func anOptionalValueIsRefusedOnlyWhenGivenBlank() {
        #expect(throws: InputError.blank(.note, value: "  ")) { try Text.optional("  ", field: .note) }
    }

    @Test func visibleValuesAreTrimmedOfInvisibleEdgesOnly() throws {
        #expect(try Text.required("\u{200B} 关于\u{200D}建议 \u{FEFF}", field: .title) == "关于\u{200D}建议")
        #expect(try Text.required("☺\u{FE0F}", field: .title) == "☺\u{FE0F}")
        #expect(try Text.optional("", field: .note) == nil)
        #expect(try Text.optional(nil, field: .note) == nil)
    }

    @Test func textFilesAreUTF8WithoutNUL() throws {
        #expect(try Text.decode(Array("第一行\n第二行".utf8), file: "r.txt") == "第一行\n第二行")
        #expect(throws: Failure.ruleBroken("r.txt line 2, column 3: a NUL byte")) { try Text.decode(Array("甲\n乙丙\0".utf8), file: "r.txt") }
        #expect(throws: Failure.ruleBroken("r.txt line 1, column 2: invalid UTF-8 (save the file as UTF-8)")) {
            try Text.decode([0x41, 0xFF, 0x42], file: "r.txt")
        }
    }
}
