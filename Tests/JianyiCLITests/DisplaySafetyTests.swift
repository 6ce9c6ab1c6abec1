import Foundation
import Postgres
import Testing

/// What people and programs read, through the built binary: text anyone typed never reaches
/// a terminal as control characters, JSON keeps it exact, a CSV never hands a spreadsheet a
/// formula, and times of day are on the congress's clock.
@Suite struct DisplaySafetyTests {
    /// A window-title OSC, a screen clear, an 8-bit CSI, a bidi override and isolate, a
    /// newline, a tab, a carriage return that would overwrite the line, DEL, BEL.
    static let hostile = "甲\u{1B}]0;pwned\u{07}关于\u{1B}[2J改造\u{9B}31m\u{202E}反转\u{2066}隔离\u{2069}\n第二行\t列\r覆盖\u{7F}乙"

    /// A case whose every free-text field is hostile, as is everything about the people and
    /// units around it, taken from submission to rating; a second case left open.
    func hostileWorld() throws -> Jianyi {
        var jianyi = try Jianyi()
        try jianyi.setUp()
        jianyi.environment["JIANYI_USER"] = "秘书\u{1B}[31m处"
        let h = Self.hostile
        for arguments in [
            ["deputy", "add", "D009", "--name", h, "--delegation", h],
            ["unit", "add", "ZJJ", "--name", h],
            ["register", "--title", h, "--deputy", "D009", "--session", "5-4", "--category", h, "--body", h, "--on", "2024-01-21"],
            ["review", "5-4-0001", "--accept", "--on", "2024-01-30"],
            ["assign", "5-4-0001", "--lead", "ZJJ", "--co", "SJJ", "--on", "2024-02-20"],
            ["contact", "5-4-0001", "--unit", "ZJJ", "--mode", "phone", "--note", h, "--on", "2024-03-01"],
            ["opinion", "5-4-0001", "--unit", "SJJ", "--text", h, "--on", "2024-03-05"],
            ["reply", "5-4-0001", "--unit", "ZJJ", "--outcome", "A", "--text", h, "--on", "2024-04-01"],
            ["rate", "5-4-0001", "--result", "satisfied", "--comment", h, "--on", "2024-04-10"],
            ["register", "--title", h + "二", "--deputy", "D009", "--session", "5-4", "--on", "2024-01-22"],
            ["review", "5-4-0002", "--accept", "--on", "2024-01-30"],
            ["assign", "5-4-0002", "--lead", "ZJJ", "--on", "2024-02-20"],
            ["register", "--title", h + "三", "--deputy", "D009", "--session", "5-4", "--on", "2024-01-22"],
            ["withdraw", "5-4-0003", "--reason", h, "--on", "2024-01-25"],
            ["policy", "set", "reply_months", "3"],
        ] {
            let result = try jianyi.run(arguments)
            guard result.code == 0 else { throw Jianyi.SetupError(message: "\(arguments): \(result.stderr)") }
        }
        return jianyi
    }

    @Test func noHumanOutputLetsAControlCharacterThrough() throws {
        let jianyi = try hostileWorld()
        for arguments in [
            ["show", "5-4-0001"], ["show", "5-4-0001", "--lang", "en"], ["show", "5-4-0003"],
            ["list"], ["list", "--lang", "en"], ["history", "5-4-0001"], ["history", "5-4-0003"],
            ["explain", "5-4-0001"], ["explain", "5-4-0002"], ["similar", "5-4-0002"], ["similar", "--title", Self.hostile],
            ["overdue", "--as-of", "2024-05-07"], ["overdue", "runs"], ["deputy", "list"], ["unit", "list"],
            ["policy", "show"], ["export", "satisfaction", "--by", "deputy"], ["export", "satisfaction", "--by", "category"],
            ["score", "units"],
        ] {
            let result = try jianyi.run(arguments)
            #expect(result.code == 0, "\(arguments): \(result.stderr)")
            expectDisplaySafe(result, arguments)
        }
    }

    @Test func controlCharactersAreShownNotDropped() throws {
        let jianyi = try hostileWorld()
        let shown = "甲␛]0;pwned␇关于␛[2J改造<U+009B>31m<U+202E>反转<U+2066>隔离<U+2069>"
        let show = try jianyi("show", "5-4-0001").stdout
        // A labelled value stays on its line, its line break and tab shown; the body keeps its lines.
        #expect(show.contains("标题      \(shown)⏎第二行␉列␍覆盖␡乙\n"), "\(show)")
        #expect(show.contains("\n\(shown)\n第二行\t列␍覆盖␡乙\n"), "\(show)")
        #expect(show.contains("秘书␛[31m处"))

        // One row per case: no value can add a line to a table.
        let list = try jianyi("list").stdout.split(separator: "\n")
        #expect(list.count == 6, "\(list)")
        #expect(list[2].hasPrefix("5-4-0001  甲␛]0;pwned␇关于␛[2J改造<U+009B>31m<U+202E>"), "\(list)")
        let history = try jianyi("history", "5-4-0001").stdout
        #expect(history.split(separator: "\n").count == 2 + 7, "\(history)")
        #expect(history.contains("备注: \(shown)"))

        let overdue = try jianyi("overdue", "--as-of", "2024-05-07").stdout
        #expect(overdue.hasPrefix("ZJJ \(shown)⏎第二行␉列␍覆盖␡乙（1 项）\n"), "\(overdue)")
    }

    @Test func errorsAreOneLineWithoutControlCharacters() throws {
        let jianyi = try hostileWorld()
        try jianyi.expectRefusal(["show", "5-4-\u{1B}]0;pwned\u{07}0001"], 65, mentioning: "5-4-␛]0;pwned␇0001 does not exist")
        try jianyi.expectRefusal(["show", "5-4-\n0001"], 65, mentioning: "5-4-⏎0001")
        try jianyi.expectRefusal(["register", "--title", "标题", "--deputy", "D\u{1B}[2J\u{9B}9", "--session", "5-4"], 65,
                                 mentioning: "D␛[2J<U+009B>9")
        // ArgumentParser's own messages keep their usage lines, but no control character.
        let usage = try jianyi("list", "--state", "\u{1B}]0;pwned\u{07}")
        #expect(usage.code == 64)
        #expect(usage.stderr.contains("␛]0;pwned␇"), "\(usage.stderr)")
        expectDisplaySafe(usage, ["list", "--state"])
    }

    @Test func jsonCarriesTheExactText() throws {
        let jianyi = try hostileWorld()
        let show = try jianyi("show", "5-4-0001", "--format", "json")
        expectDisplaySafe(show, ["show", "--format", "json"])
        #expect(show.stdout.contains("\\u001b]0;pwned\\u0007") && show.stdout.contains("\\u009b") && show.stdout.contains("\\u202e"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(object["title"] as? String == Self.hostile)
        #expect(object["body"] as? String == Self.hostile)
        #expect(object["category"] as? String == Self.hostile)
        let timeline = try #require(object["timeline"] as? [[String: Any]])
        #expect(timeline.first?["actor"] as? String == "秘书\u{1B}[31m处")

        // The events' details come from jsonb: C0 escaped by PostgreSQL, the rest by jianyi.
        let history = try jianyi("history", "5-4-0001", "--format", "json")
        expectDisplaySafe(history, ["history", "--format", "json"])
        let events = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        let data = events.compactMap { $0["data"] as? [String: Any] }
        #expect(data.first?["title"] as? String == Self.hostile)
        for key in ["note", "text", "comment"] {
            #expect(data.contains { $0[key] as? String == Self.hostile }, "no event with \(key)")
        }

        let list = try jianyi("list", "--format", "json")
        expectDisplaySafe(list, ["list", "--format", "json"])
        let cases = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(cases.map { $0["title"] as? String } == [Self.hostile, Self.hostile + "二", Self.hostile + "三"])

        let similar = try jianyi("similar", "--title", Self.hostile, "--format", "json")
        expectDisplaySafe(similar, ["similar", "--format", "json"])
        let found = try #require(try JSONSerialization.jsonObject(with: Data(similar.stdout.utf8)) as? [[String: Any]])
        #expect(found.first?["title"] as? String == Self.hostile)
    }

    @Test func htmlReportsEscapeEveryValue() throws {
        let jianyi = try hostileWorld()
        let script = "<script>alert('x')</script>\"&"
        for arguments in [["register", "--title", "标题", "--deputy", "D001", "--session", "5-4", "--category", script, "--on", "2024-01-21"],
                          ["review", "5-4-0004", "--accept", "--on", "2024-01-30"],
                          ["assign", "5-4-0004", "--lead", "SJJ", "--on", "2024-02-20"]] {
            #expect(try jianyi.run(arguments).code == 0, "\(arguments)")
        }
        for arguments in [["export", "satisfaction", "--by", "category", "--format", "html"], ["score", "units", "--format", "html"],
                          ["export", "satisfaction", "--by", "deputy", "--format", "html"]] {
            let result = try jianyi.run(arguments)
            #expect(result.code == 0, "\(arguments): \(result.stderr)")
            expectDisplaySafe(result, arguments)
            #expect(!result.stdout.contains("<script"), "\(arguments)")
            #expect(!result.stdout.contains("alert('x')"), "\(arguments)")
        }
        let page = try jianyi("export", "satisfaction", "--by", "category", "--format", "html").stdout
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;"))
        #expect(page.contains("␛]0;pwned␇关于"))
    }

    @Test func calendarNamesAreShownSafely() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let file = try temporaryFile("holidays.csv", "date,kind,name\n2099-01-01,off,\"元旦\u{1B}]0;pwned\u{07}\u{202E}日\"\n")
        let imported = try jianyi("calendar", "import", file)
        #expect(imported.code == 0, "\(imported.stderr)")
        let result = try jianyi("calendar", "show", "--year", "2099")
        #expect(result.code == 0, "\(result.stderr)")
        expectDisplaySafe(result, ["calendar", "show"])
        #expect(result.stdout.contains("元旦␛]0;pwned␇<U+202E>日"))
    }

    /// CSV is exact in a file or a pipe, but a person who lists to the terminal sees it there.
    @Test func csvOnATerminalShowsControlsAndInAPipeKeepsThem() throws {
        let jianyi = try hostileWorld()
        let piped = try jianyi("list", "--format", "csv").stdout
        #expect(piped.contains("5-4-0001,\"\(Self.hostile)\""))
        let shown = try runOnTerminal(jianyi, ["list", "--format", "csv"])
        #expect(!shown.unicodeScalars.contains { (isControl($0) && $0 != "\r") || isBidiControl($0) }, "\(shown.debugDescription)")
        #expect(shown.contains("5-4-0001,\"甲␛]0;pwned␇关于␛[2J改造<U+009B>31m<U+202E>"), "\(shown)")
    }

    // MARK: CSV

    /// Titles a spreadsheet would run, one case each, assigned so they are open in the overdue
    /// reports; a unit whose code starts with '-' and whose name is a formula.
    func formulaWorld() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let units = try temporaryFile("units.csv", "code,name,kind\n-U1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",other\n")
        #expect(try jianyi("unit", "import", units).code == 0)
        for (index, title) in Self.formulaTitles.enumerated() {
            let number = "5-4-000\(index + 1)"
            for arguments in [["register", "--title=\(title)", "--deputy", "D001", "--session", "5-4", "--category", "@cat", "--on", "2024-01-21"],
                              ["review", number, "--accept", "--on", "2024-01-30"],
                              ["assign", number, "--lead=-U1", "--on", "2024-02-20"]] {
                let result = try jianyi.run(arguments)
                guard result.code == 0 else { throw Jianyi.SetupError(message: "\(arguments): \(result.stderr)") }
            }
        }
        return jianyi
    }

    static let formulaTitles = ["=1+1", "+1", "-1", "@SUM(A1)", "＝1+1", "-3"]

    @Test func listCSVNeutralizesFormulas() throws {
        let jianyi = try formulaWorld()
        let csv = try jianyi("list", "--format", "csv").stdout
        #expect(csv == "number,title,state,deputy,cosigners,session,channel,category,submitted_on,key\r\n" + Self.formulaTitles.enumerated().map {
            "5-4-000\($0.offset + 1),'\($0.element),assigned,D001,,5-4,session,'@cat,2024-01-21,false\r\n"
        }.joined())
    }

    @Test func overdueCSVAndDigestsNeutralizeTextButNotNumbers() throws {
        let jianyi = try formulaWorld()
        let dir = try temporaryDirectory()
        // On 2024-05-07 every reply (due 2024-05-20) is due soon: 13 days to go, -13 days_overdue
        // in the report, 13 剩余天数 in the digest.
        let result = try jianyi("overdue", "--as-of", "2024-05-07", "--format", "csv", "--out-dir", dir)
        #expect(result.code == 0, "\(result.stderr)")
        let name = "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        #expect(result.stdout == "number,obligation,unit,due,days_overdue,tier,new,title,unit_name\r\n" + Self.formulaTitles.enumerated().map {
            "5-4-000\($0.offset + 1),reply,'-U1,2024-05-20,-13,due_soon,true,'\($0.element),\(name)\r\n"
        }.joined())

        // The digest and the index, whatever their file names.
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).map {
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent($0)), as: UTF8.self)
        }
        #expect(files.count == 2)
        let digest = try #require(files.first { $0.contains("编号,标题") })
        for (index, title) in Self.formulaTitles.enumerated() {
            #expect(digest.contains("\r\n5-4-000\(index + 1),'\(title),主办答复,2024-05-20,,13,临期,是,'-U1\r\n"), "\(digest)")
        }
        let indexFile = try #require(files.first { $0.hasPrefix("\u{FEFF}单位代码") })
        #expect(indexFile.contains("\r\n'-U1,\(name),6,0,0,"), "\(indexFile)")
    }

    @Test func reportCSVsNeutralizeGroupsButNotRates() throws {
        let jianyi = try formulaWorld()
        #expect(try jianyi("reply", "5-4-0001", "--unit=-U1", "--outcome", "A", "--text", "已办", "--on", "2024-03-01").code == 0)
        let byCategory = try jianyi("export", "satisfaction", "--by", "category", "--format", "csv").stdout
        // One of six replied (on time); the five others are past due unreplied: on time 1 of 6.
        #expect(byCategory.hasSuffix("\r\n'@cat,6,1,1,0.1667,0,0.0000,0,0,0,0,,,,0,1,0,0,1.0000,5,1.0000\r\n"), "\(byCategory)")
        let score = try jianyi("score", "units", "--format", "csv").stdout
        let row = try #require(score.split(separator: "\r\n").last)
        #expect(row.hasPrefix("'-U1,6,1,1,0.1667,"), "\(score)")
        // The score (after resolution_rate) is a number, not neutralized text.
        let fields = row.split(separator: ",", omittingEmptySubsequences: false)
        #expect(fields.count == 24 && Double(fields[19]) != nil, "\(row)")
    }

    // MARK: Timestamps

    @Test func timesAreOnTheCongresssClockWhateverTheMachineOrSessionSays() throws {
        var jianyi = try Jianyi()
        try jianyi.setUp()
        for arguments in [["register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21"],
                          ["review", "5-4-0001", "--accept", "--on", "2024-01-30"], ["assign", "5-4-0001", "--lead", "SJJ", "--on", "2024-02-20"],
                          ["overdue", "--as-of", "2024-05-07"]] {
            #expect(try jianyi.run(arguments).code == 0, "\(arguments)")
        }
        // What the database recorded, read on Shanghai's clock by PostgreSQL itself.
        let connection = try Connection(jianyi.database)
        let recorded = try connection.query("""
            SELECT to_char(recorded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS at FROM case_event ORDER BY event_no
            """).rows.map { try $0.decode(String.self, "at") }
        let started = try connection.query("""
            SELECT to_char(started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS at FROM overdue_run
            """).rows.map { try $0.decode(String.self, "at") }
        #expect(recorded.count == 3 && started.count == 1)

        var outputs: [[String]] = []
        for environment in [[:], ["TZ": "America/Los_Angeles"], ["PGTZ": "America/New_York"], ["PGOPTIONS": "-c TimeZone=UTC"],
                            ["TZ": "Pacific/Kiritimati", "PGTZ": "Pacific/Pago_Pago"]] {
            jianyi.environment = environment
            let runs = ["history", "history --format json", "overdue runs", "overdue runs --format json"].map { command in
                (try? jianyi.run(command.split(separator: " ").map(String.init) + (command.hasPrefix("history") ? ["5-4-0001"] : [])))?.stdout ?? ""
            }
            outputs.append(runs)
            let history = runs[0], historyJSON = runs[1], runsTable = runs[2], runsJSON = runs[3]
            for at in recorded {
                #expect(history.contains("  \(at)  "), "\(environment): \(history)")
                #expect(historyJSON.contains("\"recorded_at\":\"\(at.replacingOccurrences(of: " ", with: "T"))+08:00\""), "\(environment): \(historyJSON)")
            }
            #expect(runsTable.contains("  \(started[0])  "), "\(environment): \(runsTable)")
            #expect(runsJSON.contains("\"started_at\":\"\(started[0].replacingOccurrences(of: " ", with: "T"))+08:00\""), "\(environment): \(runsJSON)")
        }
        #expect(Set(outputs.map { $0.joined(separator: "|") }).count == 1, "outputs differ between environments")
    }

    @Test func aCongressElsewhereShowsItsOwnOffset() throws {
        var jianyi = try Jianyi()
        for arguments in [["congress", "add", "NY", "--name", "纽约", "--level", "city", "--time-zone", "America/New_York"],
                          ["session", "add", "1-1", "--opened", "2024-01-20", "--closed", "2024-01-23"],
                          ["deputy", "add", "D001", "--name", "甲"],
                          ["register", "--title", "关于建议", "--deputy", "D001", "--session", "1-1", "--on", "2024-01-21"]] {
            #expect(try jianyi.run(arguments).code == 0, "\(arguments)")
        }
        let connection = try Connection(jianyi.database)
        let at = try connection.query("""
            SELECT to_char(recorded_at AT TIME ZONE 'America/New_York', 'YYYY-MM-DD"T"HH24:MI:SS') AS at,
                   to_char((recorded_at AT TIME ZONE 'America/New_York') - (recorded_at AT TIME ZONE 'UTC'), 'HH24:MI') AS offset
            FROM case_event
            """).rows[0]
        jianyi.environment["TZ"] = "Asia/Shanghai"
        let json = try jianyi("history", "1-1-0001", "--format", "json").stdout
        let offset = try at.decode(String.self, "offset")  // -05:00 or -04:00, as the date falls
        #expect(json.contains("\"recorded_at\":\"\(try at.decode(String.self, "at"))\(offset)\""), "\(json) \(offset)")
    }
}

/// Bidi embeddings, overrides and isolates: they reorder what a terminal shows.
func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
}

/// Nothing on stdout or stderr that a terminal would obey: no C0 control but newline and
/// tab, no DEL, no C1, no bidi control.
func expectDisplaySafe(_ result: Jianyi.Result, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
        let found = text.unicodeScalars.filter { isControl($0) || isBidiControl($0) }.map { String($0.value, radix: 16) }
        #expect(found.isEmpty, "\(arguments): \(stream) holds \(found)", sourceLocation: sourceLocation)
    }
}

/// Runs the binary with standard output on a pseudo-terminal, as a person at a terminal
/// would; returns what the terminal received (the terminal turns each newline into CR LF).
func runOnTerminal(_ jianyi: Jianyi, _ arguments: [String]) throws -> String {
    // posix_openpt, grantpt, unlockpt and ptsname: glibc declares them only for _XOPEN_SOURCE,
    // which Swift's Glibc module is not built with, so they are looked up.
    let libc = dlopen(nil, RTLD_NOW)
    func function<F>(_ name: String, _ type: F.Type) throws -> F {
        guard let symbol = dlsym(libc, name) else { throw Jianyi.SetupError(message: "no \(name)") }
        return unsafeBitCast(symbol, to: type)
    }
    let openpt = try function("posix_openpt", (@convention(c) (CInt) -> CInt).self)
    let grantpt = try function("grantpt", (@convention(c) (CInt) -> CInt).self)
    let unlockpt = try function("unlockpt", (@convention(c) (CInt) -> CInt).self)
    let ptsname = try function("ptsname", (@convention(c) (CInt) -> UnsafeMutablePointer<CChar>?).self)
    let master = openpt(O_RDWR | O_NOCTTY)
    guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master),
          let terminal = FileHandle(forUpdatingAtPath: String(cString: name)) else {
        throw Jianyi.SetupError(message: "no pseudo-terminal")
    }
    defer { close(master) }
    let process = Process()
    process.executableURL = Jianyi.binary
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["DATABASE_URL"] = jianyi.database
    environment.removeValue(forKey: "JIANYI_CONGRESS")
    process.environment = environment
    process.standardOutput = terminal
    process.standardError = FileHandle.nullDevice
    try process.run()
    try terminal.close()  // the child holds the only other end: reading ends when it exits
    var received = Data()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = read(master, &chunk, chunk.count)
        if count <= 0 { break }
        received.append(contentsOf: chunk[0..<count])
    }
    process.waitUntilExit()
    return String(decoding: received, as: UTF8.self)
}
