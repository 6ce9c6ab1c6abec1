import Foundation
import Testing

/// Imported files and typed values, through the built binary: every bad row is reported with
/// exit 65 and nothing is written; a file imported twice registers nothing twice; a calendar
/// import never drops official days unasked; blank values are refused naming the field.
@Suite struct ImportSafetyTests {
    static let suggestionHeader = "title,deputy,cosigners,session,channel,category,body,submitted_on\n"

    /// A file holding exactly `bytes` (invalid UTF-8, NUL).
    func temporaryFile(_ name: String, bytes: [UInt8]) throws -> String {
        let path = try temporaryDirectory() + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs a refused import and checks the multi-row report: the exit code, a first line that
    /// counts the bad rows, then exactly `rows` (each prefixed), and an unchanged database.
    func expectBadRows(_ jianyi: Jianyi, _ arguments: [String], file: String, rows: [String],
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try jianyi.snapshot()
        let result = try jianyi.run(arguments)
        #expect(result.code == 65, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "jianyi: \(file): \(rows.count) rows are bad, so nothing was imported; each is listed below",
                sourceLocation: sourceLocation)
        #expect(Array(lines.dropFirst()) == rows.map { "jianyi: \(file) \($0)" } + [""], sourceLocation: sourceLocation)
        #expect(try jianyi.snapshot() == before, "the database changed", sourceLocation: sourceLocation)
    }

    @Test func everyBadRowOfASuggestionFileIsListedAndNothingIsRegistered() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let file = try ImportSafety.file("s.csv", Self.suggestionHeader + """
            关于增加中小学学位供给的建议,D001,,5-4,session,教育,,2024-01-21
            关于优化城区公交线路的建议,D002,,5-4,session
            "关于"加强"农村养老的建议",D003,,5-4,session,社会保障,,2024-01-21
            关于城管执法的建议,D0"02,,5-4,session,城建,,2024-01-21
            \u{200B}\u{FEFF},D001,,5-4,session,教育,,2024-01-21
            关于停车难的建议,D404,D001,5-4,session,交通,,2024-01-21
            关于医保的建议,D001,,5-4,session,医疗,,2024-02-30
            关于路灯的建议,D001,,9-9,session,城建,,2024-01-21

            """)
        try expectBadRows(jianyi, ["import", "suggestions", file], file: file, rows: [
            "line 3: 5 fields, but the header has 8",
            "line 4, column 1 (title): text after the closing quote (quote the whole field and double any quote inside it): '关于加强\"农村养老的建议\"'",
            "line 5, column 2 (deputy): a quote inside an unquoted field (quote the whole field and double the quote): 'D0\"02'",
            "line 6, column 1 (title): the title holds only invisible characters ('\\u{200B}\\u{FEFF}')",
            "line 7, column 2 (deputy): D404 is not a deputy of LL",
            "line 8, column 8 (submitted_on): '2024-02-30' is not a date (expected YYYY-MM-DD, a real calendar day)",
            "line 9, column 4 (session): 9-9 is not a session of LL",
        ])
    }

    @Test func aNULByteOrInvalidUTF8IsABadRowNamedByLineAndColumn() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let nul = try temporaryFile("nul.csv", bytes: Array((Self.suggestionHeader + "关于\0的建议,D001,,5-4,session,教育,,2024-01-21\n").utf8))
        try jianyi.expectRefusal(["import", "suggestions", nul], 65, mentioning: "\(nul) line 2, column 1 (title): a NUL byte: '关于\\u{0}的建议'")
        let gbk = try temporaryFile("gbk.csv", bytes: Array("code,name,delegation\nD010,".utf8) + [0xCD, 0xF5, 0xCE, 0xE5] + Array(",离石区代表团\n".utf8))
        try jianyi.expectRefusal(["deputy", "import", gbk], 65, mentioning: "\(gbk) line 2, column 2 (name): invalid UTF-8")
        let units = try temporaryFile("u.csv", bytes: Array("code,name,kind\nJTJ,市交通\0运输局,government\n".utf8))
        try jianyi.expectRefusal(["unit", "import", units], 65, mentioning: "\(units) line 2, column 2 (name): a NUL byte")
        let days = try temporaryFile("h.csv", bytes: Array("date,kind,name\n2027-01-01,off,".utf8) + [0xFF] + Array("\n".utf8))
        try jianyi.expectRefusal(["calendar", "import", days], 65, mentioning: "\(days) line 2, column 3 (name): invalid UTF-8")
        let body = try temporaryFile("body.txt", bytes: Array("正文\n第二行\0".utf8))
        try jianyi.expectRefusal(["register", "--title", "标题", "--deputy", "D001", "--session", "5-4", "--body-file", body], 65,
                                 mentioning: "\(body) line 2, column 4: a NUL byte")
    }

    @Test func badRowsOfDeputyUnitCalendarAndAssignmentFilesAreAllListed() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let deputies = try ImportSafety.file("d.csv", "code,name,delegation\nD010,甲,离石区代表团\nD011,,离石区代表团\nD 12,乙,\nD010,丙,\nD013,丁,\u{200B}\n")
        try expectBadRows(jianyi, ["deputy", "import", deputies], file: deputies, rows: [
            "line 3, column 2 (name): the name of deputy D011 is empty",
            "line 4, column 1 (code): 'D 12' is not a code (1–32 letters, digits, '.', '_' or '-')",
            "line 5, column 1 (code): code D010 is already on line 2",
            "line 6, column 3 (delegation): the delegation holds only invisible characters ('\\u{200B}')",
        ])
        let units = try ImportSafety.file("u.csv", "code,name,kind\nJTJ,市交通运输局,ministry\nCGJ,\"市城市\"管理局\",government\n")
        try expectBadRows(jianyi, ["unit", "import", units], file: units, rows: [
            "line 2, column 3 (kind): 'ministry' is not one of government|court|procuratorate|other",
            "line 3, column 2 (name): text after the closing quote (quote the whole field and double any quote inside it): '市城市管理局\"'",
        ])
        let days = try ImportSafety.file("h.csv", "date,kind,name\n1899-12-30,off,太早\n2027-01-04,work,错误\n2027-1-1,off,元旦\n2027-01-01,holiday,元旦\n")
        try expectBadRows(jianyi, ["calendar", "import", days], file: days, rows: [
            "line 2, column 1 (date): '1899-12-30' is outside the dates jianyi records (1900-01-01 to 9999-12-31)",
            "line 3: 2027-01-04 is a weekday; a makeup working day (work) falls on a Saturday or Sunday",
            "line 4, column 1 (date): '2027-1-1' is not a date (expected YYYY-MM-DD, a real calendar day)",
            "line 5, column 2 (kind): kind 'holiday' is not off or work",
        ])
        #expect(try jianyi("register", "--title", "甲", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21").code == 0)
        #expect(try jianyi("review", "5-4-0001", "--accept", "--on", "2024-01-22").code == 0)
        let assignments = try ImportSafety.file("a.csv", "number,lead,co,complex\n5-4-0001,SJJ,,maybe\n5-4-0099,SJJ,,false\n5-4-0001,XYZ,,false\n")
        try expectBadRows(jianyi, ["assign", "--file", assignments, "--on", "2024-02-20"], file: assignments, rows: [
            "line 2, column 4 (complex): 'maybe' is not true or false",
            "line 3: suggestion 5-4-0099 does not exist in LL",
            "line 4, column 2 (lead): XYZ is not a unit of LL",
        ])
    }

    @Test func oneBadRowIsOneLine() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let units = try ImportSafety.file("u.csv", "code,name,kind\nJTJ,市交通运输局,government\nCGJ,市城市管理局\n")
        try jianyi.expectRefusal(["unit", "import", units], 65, mentioning: "\(units) line 3: 2 fields, but the header has 3")
    }

    @Test func emptyAndHeaderOnlyFilesAreRefusedWithASentence() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        for (arguments, header) in [(["import", "suggestions"], Self.suggestionHeader), (["deputy", "import"], "code,name,delegation\n"),
                                    (["unit", "import"], "code,name,kind\n"), (["calendar", "import"], "date,kind,name\n"),
                                    (["assign", "--file"], "number,lead,co,complex\n")] {
            let empty = try ImportSafety.file("e.csv", "")
            try jianyi.expectRefusal(arguments + [empty], 65, mentioning: "\(empty): the file is empty; expected a header")
            let headerOnly = try ImportSafety.file("h.csv", "\u{FEFF}" + header.replacingOccurrences(of: "\n", with: "\r\n"))
            try jianyi.expectRefusal(arguments + [headerOnly], 65, mentioning: "\(headerOnly): the file has a header but no rows")
            let unknownColumn = try ImportSafety.file("x.csv", header.dropLast() + ",note\n")
            try jianyi.expectRefusal(arguments + [unknownColumn], 65, mentioning: "(column 'note' is not one of them)")
        }
    }

    @Test func theSameFileTwiceRegistersNothingTwice() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let file = try ImportSafety.file("s.csv", Self.suggestionHeader + """
            关于增加中小学学位供给的建议,D001,D002,5-4,session,教育,,2024-01-21
            关于加强农村养老服务设施建设的建议,D002,,,liaison_station,社会保障,,2024-04-22

            """)
        #expect(try jianyi("import", "suggestions", file).stdout == "已登记 2 件建议（5-4-0001 … R2024-0001）\n")
        try expectBadRows(jianyi, ["import", "suggestions", file], file: file, rows: [
            "line 2: already registered as 5-4-0001 (the same deputy, series and title); leave it out or use --skip-existing",
            "line 3: already registered as R2024-0001 (the same deputy, series and title); leave it out or use --skip-existing",
        ])
        let before = try jianyi.snapshot()
        let skipped = try jianyi("import", "suggestions", file, "--skip-existing")
        #expect(skipped.code == 0, "\(skipped.stderr)")
        #expect(skipped.stdout == "未登记新建议，跳过已登记 2 件\n")
        #expect(try jianyi.snapshot() == before)
        // Titles match after trimming, invisible edges included; a new row is registered.
        let more = try ImportSafety.file("s2.csv", Self.suggestionHeader + """
            \u{200B} 关于增加中小学学位供给的建议 ,D001,,5-4,session,教育,,2024-01-22
            关于优化城区公交线路的建议,D003,,5-4,session,交通,,2024-01-22

            """)
        let mixed = try jianyi("import", "suggestions", more, "--skip-existing", "--lang", "en")
        #expect(mixed.stdout == "registered 1 suggestions (5-4-0002 … 5-4-0002), skipped 1 already registered\n")
        #expect(try jianyi("list", "--format", "csv").stdout.components(separatedBy: "\r\n").count == 5)  // header, 3 cases, ""
    }

    @Test func theSameFileFromFourProcessesAtOnceIsRegisteredOnce() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let rows = (1...3000).map { "关于第\($0)项工作的建议,D00\($0 % 3 + 1),,5-4,session,其他,,2024-01-21" }
        let file = try ImportSafety.file("s.csv", Self.suggestionHeader + rows.joined(separator: "\n") + "\n")
        let codes = ResultCodes()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            codes.append((try? jianyi.run(["import", "suggestions", file]))?.code ?? -1)
        }
        // One registers the file; the others wait for it, then find every row registered.
        #expect(codes.all.sorted() == [0, 65, 65, 65], "\(codes.all)")
        #expect(try jianyi("list", "--format", "csv").stdout.components(separatedBy: "\r\n").count == 3002)  // header, 3000, ""
    }

    @Test func twoEqualRowsInOneFileAreADuplicate() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let file = try ImportSafety.file("s.csv", Self.suggestionHeader + """
            关于增加中小学学位供给的建议,D001,,5-4,session,教育,,2024-01-21
            关于优化城区公交线路的建议,D002,,5-4,session,交通,,2024-01-21
            关于增加中小学学位供给的建议,D001,,5-4,session,教育,另一段正文,2024-01-22

            """)
        try jianyi.expectRefusal(["import", "suggestions", file], 65,
                                 mentioning: "\(file) line 4: the same suggestion as line 2 (the same deputy, series and title)")
        let skipped = try jianyi("import", "suggestions", file, "--skip-existing", "--format", "json")
        #expect(skipped.stdout == "[{\"number\":\"5-4-0001\",\"id\":1},{\"number\":\"5-4-0002\",\"id\":2}]\n")
    }

    @Test func calendarImportAddsAndCorrectsButRemovesOnlyWhenAsked() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        // 2026-10-01 is official; the file corrects 2026-10-08's name and adds a day.
        let file = try ImportSafety.file("h.csv", "date,kind,name\n2026-10-07,off,国庆节\n2026-10-08,off,国庆节（更正）\n2026-12-31,off,测试\n")
        let upsert = try jianyi("calendar", "import", file, "--lang", "en")
        #expect(upsert.code == 0, "\(upsert.stderr)")
        #expect(upsert.stdout == "2026: 2 added, 0 corrected, 1 unchanged\n")
        let again = try jianyi("calendar", "import", file, "--lang", "en")
        #expect(again.stdout == "2026: 0 added, 0 corrected, 3 unchanged\n")
        var show = try jianyi("calendar", "show", "--year", "2026", "--format", "json").stdout
        #expect(show.contains("\"date\":\"2026-10-01\""))
        #expect(show.contains("国庆节（更正）") && show.contains("\"date\":\"2026-12-31\""))

        let replace = try jianyi("calendar", "import", file, "--replace-year", "--lang", "en")
        #expect(replace.code == 0, "\(replace.stderr)")
        let lines = replace.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("2026: 0 added, 0 corrected, 3 unchanged, ") == true)
        #expect(lines.contains("  removed 2026-10-01 off 国庆节"))
        #expect(lines.contains("  removed 2026-10-10 work 国庆节调休上班"))
        #expect(!lines.contains { $0.contains("2026-10-07") })
        show = try jianyi("calendar", "show", "--year", "2026", "--format", "json").stdout
        #expect(!show.contains("\"date\":\"2026-10-01\""))
        #expect(show.contains("\"date\":\"2026-10-07\""))
    }

    @Test func concurrentCalendarImportsWaitAndAllSucceed() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let rows = (1...28).map { String(format: "2027-02-%02d,off,假日", $0) }
        let files = try (0..<2).map { n in
            try ImportSafety.file("h\(n).csv", "date,kind,name\n" + (n == 0 ? rows : rows.reversed()).joined(separator: "\n") + "\n")
        }
        for _ in 0..<3 {
            let codes = ResultCodes()
            DispatchQueue.concurrentPerform(iterations: 4) { index in
                let result = try? jianyi.run(["calendar", "import", files[index % 2]])
                codes.append(result?.code ?? -1)
            }
            // The second waits for the first (an advisory lock), so none needs running again.
            #expect(codes.all == [0, 0, 0, 0], "\(codes.all)")
        }
        #expect(try jianyi("calendar", "show", "--year", "2027", "--format", "json").stdout.components(separatedBy: "假日").count == 29)
    }

    @Test func blankAndInvisibleValuesAreRefusedNamingTheField() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let register = ["register", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21"]
        try jianyi.expectRefusal(register + ["--title", " \t "], 64, mentioning: "--title: the title is empty")
        try jianyi.expectRefusal(register + ["--title", "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}"], 64,
                                 mentioning: "--title: the title holds only invisible characters ('\\u{200B}\\u{200C}\\u{200D}\\u{2060}\\u{FEFF}')")
        try jianyi.expectRefusal(register + ["--title", "标题", "--category", "\u{3000}"], 64, mentioning: "--category: the category is empty")
        try jianyi.expectRefusal(register + ["--title", "标题", "--body", "\u{200B}"], 64, mentioning: "--body:")
        try jianyi.expectRefusal(["deputy", "add", "D010", "--name", "\u{FEFF}"], 64, mentioning: "--name: the name of deputy D010 holds only invisible characters")
        try jianyi.expectRefusal(["unit", "add", "JTJ", "--name", "  "], 64, mentioning: "--name: the name of unit JTJ is empty")
        try jianyi.expectRefusal(["deputy", "add", "D010", "--name", "甲", "--delegation", "\u{200B}"], 64, mentioning: "--delegation:")
        try jianyi.expectRefusal(["similar", "--title", "\u{200B}"], 64, mentioning: "--title: the title holds only invisible characters")
        let imported = try ImportSafety.file("s.csv", Self.suggestionHeader + "\u{2060},D001,,5-4,session,教育,,2024-01-21\n")
        try jianyi.expectRefusal(["import", "suggestions", imported], 65, mentioning: "\(imported) line 2, column 1 (title): the title holds only invisible characters")

        #expect(try jianyi(contentsOf: register + ["--title", "关于加快老旧小区改造的建议"]).code == 0)
        let step = ["--on", "2024-01-22"]
        try jianyi.expectRefusal(["review", "5-4-0001", "--reject", "--reason", "\u{200B}"] + step, 64, mentioning: "--reason:")
        try jianyi.expectRefusal(["withdraw", "5-4-0001", "--reason", "   "] + step, 64, mentioning: "--reason: the text is empty")
        try jianyi.expectRefusal(["supervise", "5-4-0001", "--leader", "\u{200D}"] + step, 64, mentioning: "--leader:")
        #expect(try jianyi(contentsOf: ["review", "5-4-0001", "--accept"] + step).code == 0)
        #expect(try jianyi(contentsOf: ["unit", "add", "ZJJ", "--name", "市住建局"]).code == 0)
        #expect(try jianyi(contentsOf: ["assign", "5-4-0001", "--lead", "ZJJ", "--co", "SJJ", "--on", "2024-02-20"]).code == 0)
        let on = ["--on", "2024-02-21"]
        try jianyi.expectRefusal(["contact", "5-4-0001", "--unit", "ZJJ", "--mode", "phone", "--note", "\u{FEFF}"] + on, 64, mentioning: "--note:")
        try jianyi.expectRefusal(["opinion", "5-4-0001", "--unit", "SJJ", "--text", "\t"] + on, 64, mentioning: "--text: the text is empty")
        try jianyi.expectRefusal(["transfer", "request", "5-4-0001", "--unit", "SJJ", "--reason", "\u{200B}"] + on, 64, mentioning: "--reason:")
        let blankFile = try ImportSafety.file("reply.txt", " \n\u{200B}\n")
        try jianyi.expectRefusal(["reply", "5-4-0001", "--unit", "ZJJ", "--outcome", "A", "--text-file", blankFile] + on, 64,
                                 mentioning: "--text-file: the file holds only invisible characters")
        #expect(try jianyi(contentsOf: ["reply", "5-4-0001", "--unit", "ZJJ", "--outcome", "B", "--plan-by", "2024-12-31", "--text", "已列入计划"] + on).code == 0)
        try jianyi.expectRefusal(["rate", "5-4-0001", "--result", "satisfied", "--comment", "\u{200B}"] + on, 64, mentioning: "--comment:")
        try jianyi.expectRefusal(["rate", "5-4-0001", "--result", "dissatisfied", "--comment", "\u{200B}"] + on, 64, mentioning: "--comment: a comment is required")
        #expect(try jianyi(contentsOf: ["rate", "5-4-0001", "--result", "satisfied"] + on).code == 0)
        try jianyi.expectRefusal(["follow-up", "5-4-0001", "--progress", "\u{2060}"] + on, 64, mentioning: "--progress:")
    }
}

enum ImportSafety {
    /// A UTF-8 file with `contents`.
    static func file(_ name: String, _ contents: String) throws -> String {
        try temporaryFile(name, contents)
    }
}

/// Exit codes gathered from threads.
final class ResultCodes: @unchecked Sendable {
    private let lock = NSLock()
    private var codes: [Int32] = []
    func append(_ code: Int32) { lock.withLock { codes.append(code) } }
    var all: [Int32] { lock.withLock { codes } }
}

extension Jianyi {
    func callAsFunction(contentsOf arguments: [String]) throws -> Result { try run(arguments) }
}
