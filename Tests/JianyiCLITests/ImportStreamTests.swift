import Foundation
import Testing

/// `import suggestions` through the binary: what a spreadsheet writes is stored as written,
/// bad rows come in parts with --format json, progress shows on a terminal only.
@Suite struct ImportStreamTests {
    static let header = ImportErrorTests.suggestionHeader

    @Test func aSpreadsheetFileIsStoredAsWritten() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let file = try temporaryFile("s.csv", "\u{FEFF}" + Self.header.replacingOccurrences(of: "\n", with: "\r\n")
            + "\"=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\",D001,,,recess,,\"@SUM(1,2)\r\n第二行\",9999-12-31\r\n"
            + "关于控制\u{7}字符\u{1B}的建议,D002,,5-4,session,,\"tab\there\\n\",2024-01-21\r\n")
        let result = try jianyi("import", "suggestions", file, "--format", "json", "--today", "9999-12-31")
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout == "[{\"number\":\"R9999-0001\",\"id\":1},{\"number\":\"5-4-0001\",\"id\":2}]\n")
        #expect(result.stderr.isEmpty)  // not a terminal: no progress line
        let show = try jianyi("show", "R9999-0001", "--format", "json").stdout
        #expect(show.contains(#""title":"=HYPERLINK(\"http://evil\",\"点我\")""#))
        #expect(show.contains(#"@SUM(1,2)\r\n第二行"#))
        #expect(show.contains(#""submitted_on":"9999-12-31""#))
        let control = try jianyi("show", "5-4-0001", "--format", "json").stdout
        #expect(control.lowercased().contains(#""title":"关于控制\u0007字符\u001b的建议""#))
        #expect(control.contains(#"tab\there\\n"#))
    }

    @Test func badRowsInPartsWithFormatJSON() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let file = try temporaryFile("s.csv", Self.header + """
            关于增加学位的建议,D001,,5-4,session,教育,,2024-01-21
            关于养老的建议,D404,,5-4,session,,,2024-01-21
            关于医保的建议,D001,,5-4,session,医疗,,2024-02-30
            "坏"x,D001,,5-4,session,教育,,2024-01-21

            """)
        let before = try jianyi.snapshot()
        let result = try jianyi("import", "suggestions", file, "--format", "json")
        #expect(result.code == 65)
        #expect(result.stdout == """
            {"file":"\(file)","bad_rows":3,"rows":[\
            {"line":3,"column":2,"column_name":"deputy","value":"D404","reason":"D404 is not a deputy of LL"},\
            {"line":4,"column":8,"column_name":"submitted_on","value":"2024-02-30","reason":"'2024-02-30' is not a date (expected YYYY-MM-DD, a real calendar day)"},\
            {"line":5,"column":1,"column_name":"title","value":"坏x","reason":"text after the closing quote (quote the whole field and double any quote inside it): '坏x'"}]}

            """)
        #expect(result.stderr.hasPrefix("jianyi: \(file): 3 rows are bad, so nothing was imported"))
        #expect(try jianyi.snapshot() == before)
    }

    @Test func theOtherImportsGiveTheSameShape() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let deputies = try temporaryFile("d.csv", "code,name,delegation\nD010,,离石区代表团\nD011,甲,\n")
        let result = try jianyi("deputy", "import", deputies, "--format", "json")
        #expect(result.code == 65)
        #expect(result.stdout == #"{"file":"\#(deputies)","bad_rows":1,"rows":[{"line":2,"column":2,"column_name":"name","value":"","reason":"the name of deputy D010 is empty"}]}"# + "\n")
        let units = try temporaryFile("u.csv", "code,name,kind\nJTJ,市交通运输局,ministry\n")
        #expect(try jianyi("unit", "import", units, "--format", "json").stdout.contains(#""value":"ministry""#))
        let good = try temporaryFile("u2.csv", "code,name,kind\nJTJ,市交通运输局,government\n")
        #expect(try jianyi("unit", "import", good, "--format", "json").stdout == #"{"added":1,"updated":0,"unchanged":0}"# + "\n")
        let assignments = try temporaryFile("a.csv", "number,lead,co,complex\n5-4-0099,SJJ,,false\n")
        let assign = try jianyi("assign", "--file", assignments, "--on", "2024-02-20", "--format", "json")
        #expect(assign.code == 65)
        #expect(assign.stdout == #"{"file":"\#(assignments)","bad_rows":1,"rows":[{"line":2,"column":null,"column_name":null,"value":null,"reason":"suggestion 5-4-0099 does not exist in LL"}]}"# + "\n")
    }

    @Test func progressShowsOnATerminalUnlessQuiet() throws {
        var jianyi = try Jianyi()
        try jianyi.setUp()
        // script(1) gives the command a terminal; everything it writes comes back on stdout.
        jianyi.launcher = ["/bin/bash", "-c", "exec script -qec \"$(printf '%q ' \"$0\" \"$@\")\" /dev/null"]
        let rows = (1...10).map { "关于第\($0)项工作的建议,D001,,5-4,session,其他,,2024-01-21" }
        let file = try temporaryFile("s.csv", Self.header + rows.joined(separator: "\n") + "\n")
        let shown = try jianyi("import", "suggestions", file, "--lang", "en")
        #expect(shown.code == 0, "\(shown.stdout)")
        #expect(shown.stdout.contains("10 rows read, "), "\(shown.stdout)")
        #expect(shown.stdout.contains("100% of the file"))
        #expect(shown.stdout.contains("\r\u{1B}[Kregistered 10 suggestions (5-4-0001 … 5-4-0010)"))
        let more = try temporaryFile("s2.csv", Self.header + "关于新的建议,D002,,5-4,session,其他,,2024-01-21\n")
        let quiet = try jianyi("import", "suggestions", more, "--quiet", "--lang", "en")
        #expect(quiet.code == 0)
        #expect(!quiet.stdout.contains("rows read"), "\(quiet.stdout)")
    }
}
