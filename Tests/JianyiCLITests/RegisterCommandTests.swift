import Foundation
import Testing

@Suite struct RegisterCommandTests {
    @Test func aSuggestionFromRegistrationToList() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let registered = try jianyi("register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--cosigner", "D002",
                                    "--session", "5-4", "--category", "城乡建设", "--on", "2024-01-21")
        #expect(registered.code == 0)
        #expect(registered.stdout == "5-4-0001\n")

        let json = try jianyi("register", "--title", "关于优化城区公交线路的建议", "--deputy", "D003", "--recess",
                              "--today", "2026-03-02", "--format", "json")
        #expect(json.stdout == "{\"number\":\"R2026-0001\",\"id\":2}\n")

        let show = try jianyi("show", "5-4-0001", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        for key in ["number", "title", "state", "deputy", "session", "channel", "category", "key", "lead_unit", "co_units",
                    "complex", "assigned_on", "reply_due", "replied_on", "outcome", "rating_result", "rating_attitude",
                    "round", "deadlines"] {
            #expect(object.keys.contains(key), "show --format json lacks \(key)")
        }
        #expect(object["title"] as? String == "关于加快老旧小区改造的建议")
        #expect(object["state"] as? String == "submitted")
        #expect(object["deputy"] as? String == "D001")
        #expect(object["cosigners"] as? [String] == ["D002"])
        #expect(object["session"] as? String == "5-4")
        #expect(object["submitted_on"] as? String == "2024-01-21")

        let csv = try jianyi("list", "--format", "csv")
        #expect(csv.stdout.components(separatedBy: "\r\n") == [
            "number,title,state,deputy,cosigners,session,channel,category,submitted_on,key",
            "5-4-0001,关于加快老旧小区改造的建议,submitted,D001,D002,5-4,session,城乡建设,2024-01-21,false",
            "R2026-0001,关于优化城区公交线路的建议,submitted,D003,,,recess,其他,2026-03-02,false",
            "",
        ])

        let table = try jianyi("list", "--session", "5-4")
        #expect(table.stdout.contains("5-4-0001  关于加快老旧小区改造的建议  已提交  D001 史芷彤"))
        #expect(table.stdout.hasSuffix("共 1 件\n"))

        let history = try jianyi("history", "5-4-0001", "--lang", "en")
        #expect(history.stdout.contains("2024-01-21"))
        #expect(history.stdout.contains("秘书处"))
        #expect(history.stdout.contains("registered"))
        #expect(history.stdout.contains("number: 5-4-0001; title: 关于加快老旧小区改造的建议; category: 城乡建设"))
        #expect(try jianyi("history", "5-4-0001").stdout.contains("编号: 5-4-0001；标题: 关于加快老旧小区改造的建议"))
    }

    @Test func importedSuggestionsAreNumberedAndListed() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let file = try temporaryFile("s.csv", """
            title,deputy,cosigners,session,channel,category,body,submitted_on
            关于增加中小学学位供给的建议,D001,D002;D003,5-4,session,教育,,2024-01-21
            关于加强农村养老服务设施建设的建议,D002,,,liaison_station,社会保障,,2024-04-22

            """)
        let result = try jianyi("import", "suggestions", file, "--format", "json")
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout == "[{\"number\":\"5-4-0001\",\"id\":1},{\"number\":\"R2024-0001\",\"id\":2}]\n")
        #expect(try jianyi("list", "--deputy", "D002", "--format", "csv").stdout.contains("R2024-0001"))
    }

    /// 16 processes register at once; the numbers are exactly 0001…0016.
    @Test func sixteenConcurrentProcessesGetGaplessNumbers() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let results = ResultBox()
        let threads = (1...16).map { n in
            Thread {
                let result = try? jianyi.run(["register", "--title", "并发登记\(n)", "--deputy", "D001", "--session", "5-4",
                                              "--on", "2024-01-21"])
                results.add(result?.code == 0 ? result!.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : "failed: \(result?.stderr ?? "")")
            }
        }
        threads.forEach { $0.start() }
        // A hung child must fail this test, not stall the whole run.
        let deadline = Date().addingTimeInterval(120)
        while results.count < 16 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(results.count == 16, "only \(results.count) of 16 registrations finished within 120 s")
        #expect(Set(results.items) == Set((1...16).map { String(format: "5-4-%04d", $0) }))
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func add(_ item: String) { lock.lock(); storage.append(item); lock.unlock() }
    var items: [String] { lock.lock(); defer { lock.unlock() }; return storage }
    var count: Int { items.count }
}
