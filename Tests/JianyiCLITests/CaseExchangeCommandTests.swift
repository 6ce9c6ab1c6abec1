import Foundation
import Testing

/// `export cases` and `import cases` through the binary: the round trip, the layout, the
/// selection and the refusals.
@Suite struct CaseExchangeCommandTests {
    /// Export → import into an empty congress → export again gives the same bytes, in every format.
    @Test(arguments: ["jsonl", "csv", "json"])
    func exportImportExportIsByteIdentical(format: String) throws {
        let source = try Jianyi()
        try source.exchangeCases()
        let first = try source.ok("export", "cases", "--format", format).stdout
        let file = try temporaryFile("cases.\(format)", first)
        let target = try Jianyi.emptyCongress()
        let imported = try target.ok("import", "cases", file, "--lang", "en")
        #expect(imported.stdout == "imported 3 cases (5-4-0001 … R9999-0001)\n")
        let again = try target.ok("export", "cases", "--format", format).stdout
        #expect(again == first)
        // The state is the case's, not only its text: show says the same in both (but the
        // internal id, which follows the order of registration or of the file).
        for number in ["5-4-0001", "5-4-0002", "R9999-0001"] {
            let shown = { (jianyi: Jianyi) in
                try jianyi.ok("show", number, "--format", "json", "--today", "9999-12-31").stdout
                    .replacingOccurrences(of: #","id":[0-9]+,"#, with: ",", options: .regularExpression)
            }
            #expect(try shown(target) == shown(source), "\(number)")
            #expect(try shown(target).contains("\"timeline\":[{"))
        }
        // Numbering continues after the imported numbers.
        let next = try target.ok("register", "--title", "新的建议", "--deputy", "D001", "--session", "5-4", "--on", "2024-02-01")
        #expect(next.stdout == "5-4-0003\n")
    }

    @Test func theRecordHoldsTheWholeCase() throws {
        let jianyi = try Jianyi()
        let numbers = try jianyi.exchangeCases()
        let lines = try jianyi.ok("export", "cases", "--format", "jsonl").stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let whole = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(lines[0].hasPrefix("{\"format_version\":1,\"number\":\"5-4-0001\","))
        #expect(whole["title"] as? String == Jianyi.hostileTitle)
        #expect(whole["body"] as? String == Jianyi.hostileBody)
        #expect(whole["cosigners"] as? [String] == ["D003", "D002"])
        #expect(whole["state"] as? String == "closed")
        #expect(whole["key"] as? Bool == true)
        #expect(whole["key_leader"] as? String == "'张副主任")
        #expect(whole["lead_unit"] as? String == "ZJJ")
        #expect(whole["complex"] as? Bool == true)
        #expect(whole["round"] as? Int == 2)
        let units = try #require(whole["units"] as? [[String: Any]])
        #expect(units.map { "\($0["unit"] as? String ?? "?")/\($0["role"] as? String ?? "?")/\($0["ended_on"] as? String ?? "-")" }
                == ["CGJ/lead/2024-07-05", "JTJ/co/-", "ZJJ/lead/-"])
        #expect((whole["replies"] as? [[String: Any]])?.map { $0["on"] as? String } == ["2024-09-20", "2024-10-25"])
        #expect((whole["ratings"] as? [[String: Any]])?.map { $0["result"] as? String } == ["dissatisfied", "satisfied"])
        #expect((whole["transfer_requests"] as? [[String: Any]])?.first?["decision"] as? String == "approved")
        #expect((whole["contact_confirmations"] as? [[String: Any]])?.first?["answer"] as? String == "disputed")
        let history = try #require(whole["history"] as? [[String: Any]])
        #expect(history.map { $0["kind"] as? String } == ["registered", "accepted", "supervised", "assigned", "transfer_requested",
                                                          "transfer_approved", "contacted", "contact_disputed", "opinion", "replied",
                                                          "rated", "replied", "rated", "follow_up"])
        #expect(history.last?["on"] as? String == "2025-05-30")
        let late = try #require(try JSONSerialization.jsonObject(with: Data(lines[2].utf8)) as? [String: Any])
        #expect(late["number"] as? String == numbers[1])
        #expect(late["submitted_on"] as? String == "9999-12-31")
        #expect(late["session"] is NSNull)
    }

    @Test func csvCellsAreNeutralizedAndReadBackExactly() throws {
        let jianyi = try Jianyi()
        try jianyi.exchangeCases()
        let csv = try jianyi.ok("export", "cases", "--format", "csv").stdout
        #expect(csv.hasPrefix("format_version,number,ref,title,body,deputy,cosigners,session,"))
        // A formula, a leading ' and a leading - each start with one more '.
        #expect(csv.contains(",\"'=1+1 关于<script>alert(1)</script>的建议, \"\"引号\"\"\","))
        #expect(csv.contains(",'@城建,"))
        #expect(csv.contains(",''张副主任,'-城建环保委,"))
        #expect(csv.contains(",'-2 开头的标题,"))
        #expect(csv.contains("\"第一行\r\n第二行, \"\"quoted\"\"\n'already quoted\u{7}bell\t制表\""))
        #expect(csv.components(separatedBy: "\r\n").filter { $0.hasPrefix("1,") }.count == 3)
    }

    @Test func anEmptySelectionIsAnEmptyFile() throws {
        let jianyi = try Jianyi()
        try jianyi.exchangeCases()
        let selection = ["--session", "5-4", "--from", "2030-01-01", "--to", "9999-12-31"]
        #expect(try jianyi.ok(["export", "cases", "--format", "json"] + selection).stdout == "[]\n")
        #expect(try jianyi.ok(["export", "cases", "--format", "jsonl"] + selection).stdout == "")
        let csv = try jianyi.ok(["export", "cases", "--format", "csv"] + selection).stdout
        #expect(csv.hasPrefix("format_version,number,") && csv.hasSuffix(",history\r\n") && csv.split(separator: "\r\n").count == 1)
        let file = try temporaryFile("none.csv", csv)
        try Jianyi.emptyCongress().expectRefusal(["import", "cases", file], 65, mentioning: "holds no case")
    }

    @Test func theSelectionPicksBySessionAndSubmittedDay() throws {
        let jianyi = try Jianyi()
        try jianyi.exchangeCases()
        func numbers(_ arguments: String...) throws -> [String] {
            try jianyi.ok(["export", "cases", "--format", "jsonl"] + arguments).stdout.split(separator: "\n").map {
                (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["number"] as? String ?? ""
            }
        }
        #expect(try numbers("--session", "5-4") == ["5-4-0001", "5-4-0002"])
        #expect(try numbers("--from", "2024-01-22") == ["5-4-0002", "R9999-0001"])
        #expect(try numbers("--to", "2024-01-21") == ["5-4-0001"])
        #expect(try numbers("--from", "9999-12-31", "--to", "9999-12-31") == ["R9999-0001"])
    }

    @Test func badSelectionsAreRefused() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        expectRefused(try jianyi("export", "cases", "--format", "csv", "--from", "2024-13-01"), 64, mentioning: "--from")
        expectRefused(try jianyi("export", "cases", "--format", "csv", "--to", "10000-01-01"), 64, mentioning: "--to")
        expectRefused(try jianyi("export", "cases", "--format", "csv", "--from", "2024-05-02", "--to", "2024-05-01"), 64,
                      mentioning: "--to: 2024-05-01 is before --from 2024-05-02")
        expectRefused(try jianyi("export", "cases", "--format", "xml"), 64, mentioning: "--format")
        expectRefused(try jianyi("export", "cases", "--format", "csv", "--session", "9-9"), 65, mentioning: "9-9")
        expectRefused(try jianyi("export", "cases", "--format", "csv", "--output", "/nonexistent-folder/x.csv"), 73,
                      mentioning: "--output")
    }

    @Test func theOutputFileHoldsWhatStandardOutputWould() throws {
        let jianyi = try Jianyi()
        try jianyi.exchangeCases()
        let path = try temporaryDirectory() + "/导出.jsonl"
        try jianyi.ok("export", "cases", "--format", "jsonl", "--output", path)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == (try jianyi.ok("export", "cases", "--format", "jsonl").stdout))
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["导出.jsonl"])
    }

    /// Every bad row at once (line, field, value, why), as text and JSON, and nothing written.
    @Test func badRowsAreListedAndNothingIsImported() throws {
        let source = try Jianyi()
        try source.exchangeCases()
        let lines = try source.ok("export", "cases", "--format", "jsonl").stdout.split(separator: "\n").map(String.init)
        let target = try Jianyi.emptyCongress()
        try target.ok("register", "--title", "已有的建议", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-20")
        let bad = [
            lines[0],  // 5-4-0001 is taken by the case registered above
            lines[2].replacingOccurrences(of: "\"submitted_on\":\"9999-12-31\"", with: "\"submitted_on\":\"9999-13-01\""),
            lines[1].replacingOccurrences(of: "\"deputy\":\"D003\"", with: "\"deputy\":\"D404\""),
            "{not json",
            lines[1].replacingOccurrences(of: "\"format_version\":1", with: "\"format_version\":2"),
            lines[1].replacingOccurrences(of: "\"complex\":false", with: "\"complex\":\"no\""),
        ]
        let file = try temporaryFile("bad.jsonl", bad.joined(separator: "\n") + "\n")
        let text = try target.expectRowsRefused(["import", "cases", file], mentioning: "6 rows are bad, so nothing was imported")
        #expect(text.stderr.contains("line 1, column 2 (number): 5-4-0001 is already a number of a case of LL"))
        #expect(text.stderr.contains("line 2, column 12 (submitted_on): not a date YYYY-MM-DD"))
        #expect(text.stderr.contains("line 3, column 6 (deputy): D404 is not a deputy of LL"))
        #expect(text.stderr.contains("line 4: not a JSON object"))
        #expect(text.stderr.contains("line 5, column 1 (format_version): this jianyi reads version 1 of the layout"))
        #expect(text.stderr.contains("line 6, column 18 (complex): expected true or false"))
        let before = try target.snapshot()
        let json = try target.run(["import", "cases", file, "--format", "json"])
        #expect(json.code == 65)
        #expect(try target.snapshot() == before)
        let report = try jsonObject(json)
        #expect(report["bad_rows"] as? Int == 6)
        let rows = try #require(report["rows"] as? [[String: Any]])
        #expect(rows.map { $0["line"] as? Int } == [1, 2, 3, 4, 5, 6])
        #expect(rows[1]["value"] as? String == "9999-13-01")
        #expect(rows[2]["column_name"] as? String == "deputy")
    }

    @Test func aListThatBreaksTheLayoutIsNamed() throws {
        let source = try Jianyi()
        try source.exchangeCases()
        let line = try source.ok("export", "cases", "--format", "jsonl", "--session", "5-4").stdout.split(separator: "\n")[0]
        let broken = line.replacingOccurrences(of: "\"unit\": \"JTJ\"", with: "\"unit\": \"QXJ\"")
            .replacingOccurrences(of: "\"outcome\": \"B\", \"plan_by\": \"2025-06-30\"", with: "\"outcome\": \"D\", \"plan_by\": \"2025-06-30\"")
        let file = try temporaryFile("broken.jsonl", broken + "\n")
        let target = try Jianyi.emptyCongress()
        let result = try target.expectRefusal(["import", "cases", file], 65)
        #expect(result.stderr.contains("column 35 (replies): item 1, outcome: must be one of A, B, C"), "\(result.stderr)")
    }

    @Test func theFileFormatComesFromTheNameOrTheFlag() throws {
        let source = try Jianyi()
        try source.exchangeCases()
        let jsonl = try source.ok("export", "cases", "--format", "jsonl").stdout
        let target = try Jianyi.emptyCongress()
        try target.expectRefusal(["import", "cases", "-"], 64, mentioning: "--file-format", input: jsonl)
        let result = try target.ok("import", "cases", "-", "--file-format", "jsonl", "--format", "json", input: jsonl)
        #expect(result.stdout == "{\"imported\":3,\"first\":\"5-4-0001\",\"last\":\"R9999-0001\"}\n")
        try target.expectRowsRefused(["import", "cases", "-", "--file-format", "jsonl"],
                                     mentioning: "5-4-0001 is already a number of a case of LL", input: jsonl)
    }
}

extension Jianyi {
    /// A file refused for its rows (65): a first line that counts them, one line each, nothing
    /// on standard output, and the database as it was.
    @discardableResult
    func expectRowsRefused(_ arguments: [String], mentioning: String, input: String? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let before = try snapshot()
        let result = try run(arguments, input: input)
        #expect(result.code == 65, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("jianyi: ") && result.stderr.contains(mentioning), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(try snapshot() == before, "the database changed after a refused \(arguments)", sourceLocation: sourceLocation)
        return result
    }
}
