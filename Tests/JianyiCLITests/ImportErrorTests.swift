import Foundation
import Testing

/// Import files that must be refused whole: the file, the line and the value are named, the
/// exit code is the contract's, and the database is as it was.
@Suite struct ImportErrorTests {
    static let suggestionHeader = "title,deputy,cosigners,session,channel,category,body,submitted_on\n"

    @Test(arguments: [
        ("关于增加学位的建议,D001,,5-4,session,教育,,2024-01-21\n关于养老的建议,D404,,5-4,session,,,2024-01-21\n",
         " line 3, column 2 (deputy): D404 is not a deputy of LL"),
        ("关于增加学位的建议,D001,D002;D405,5-4,session,教育,,2024-01-21\n", " line 2, column 3 (cosigners): D405 is not a deputy of LL"),
        ("关于增加学位的建议,D001,,5-9,session,教育,,2024-01-21\n", " line 2, column 4 (session): 5-9 is not a session of LL"),
        ("关于增加学位的建议,D001,,,mail,教育,,2024-01-21\n", " line 2, column 5 (channel): 'mail' is not one of session|recess|liaison_station"),
        ("关于增加学位的建议,D001,,,,教育,,2024-02-30\n", " line 2, column 8 (submitted_on): '2024-02-30' is not a date"),
        ("", ": the file has a header but no rows; there is nothing to import"),
    ])
    func suggestionImportRefusesTheFile(rows: String, words: String) throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let file = try temporaryFile("建议.csv", Self.suggestionHeader + rows)
        try jianyi.expectRefusal(["import", "suggestions", file], 65, mentioning: file + words)
    }

    @Test func emptyAndMissingSuggestionFiles() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let empty = try temporaryFile("建议.csv", "")
        try jianyi.expectRefusal(["import", "suggestions", empty], 65, mentioning: "\(empty): the file is empty")
        let headerOnly = try temporaryFile("建议.csv", "title,deputy\n关于增加学位的建议,D001\n")
        try jianyi.expectRefusal(["import", "suggestions", headerOnly], 65, mentioning: "\(headerOnly) line 1: the header is 'title,deputy'")
        try jianyi.expectRefusal(["import", "suggestions", "/nonexistent/建议.csv"], 66,
                                 mentioning: "/nonexistent/建议.csv: no such file, or it cannot be read")
        // Nothing took a number: the next registration is the first of its series.
        #expect(try jianyi.ok("register", "--title", "关于增加学位的建议", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21")
            .stdout == "5-4-0001\n")
    }

    @Test(arguments: [
        ("2099-02-30,off,春节\n", " line 2, column 1 (date): '2099-02-30' is not a date"),
        ("2099-02-10,holiday,春节\n", " line 2, column 2 (kind): kind 'holiday' is not off or work"),
        ("2099-02-10,off,春节\n2099-02-10,off,春节\n", " line 3, column 1 (date): 2099-02-10 is already on line 2"),
        ("2099-02-10,off,春节\n2099-02-09,work,春节调休\n", " line 3: 2099-02-09 is a weekday"),
        ("", ": the file has a header but no rows; there is nothing to import"),
    ])
    func calendarImportRefusesTheFile(rows: String, words: String) throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let file = try temporaryFile("放假.csv", "date,kind,name\n" + rows)
        try jianyi.expectRefusal(["calendar", "import", file], 65, mentioning: file + words)
        #expect(try jianyi.ok("calendar", "show", "--year", "2099").stdout.contains("日历中没有 2099 年的放假安排"))
    }

    @Test func emptyAndMissingCalendarFiles() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let empty = try temporaryFile("放假.csv", "")
        try jianyi.expectRefusal(["calendar", "import", empty], 65, mentioning: "\(empty): the file is empty")
        try jianyi.expectRefusal(["calendar", "import", "/nonexistent/放假.csv"], 66,
                                 mentioning: "/nonexistent/放假.csv: no such file, or it cannot be read")
    }
}
