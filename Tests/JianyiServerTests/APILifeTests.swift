import CaseStore
import Casework
import Foundation
import HTTPTypes
import Testing

/// Issue 13: "the whole life of a case done through the API only … equals the same life done
/// through the CLI". The same steps, on the same days, once over HTTP by the parties' own
/// accounts and once with the CLI binary by the secretariat, on two databases; `show --format
/// json` of both must be the same but for who recorded each event and when.
@Suite("A case's life through the API equals it through the CLI", .timeLimit(.minutes(2)))
struct APILifeTests {
    @Test func submitAcceptAssignContactReplyRate() async throws {
        let viaCLI = try ServedCongress.make()
        let cli = CLI(database: viaCLI.url)
        let number = try cli.ok("register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--cosigner", "D002",
                                "--session", "5-4", "--category", "城乡建设", "--body", "……", "--on", "2026-01-21")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try cli.ok("review", number, "--accept", "--on", "2026-01-25")
        try cli.ok("assign", number, "--lead", "SJJ", "--co", "JTJ", "--on", "2026-01-26")
        try cli.ok("contact", number, "--unit", "SJJ", "--mode", "phone", "--note", "电话沟通", "--on", "2026-02-02")
        try cli.ok("reply", number, "--unit", "SJJ", "--outcome", "A", "--text", "已解决", "--on", "2026-02-10")
        try cli.ok("rate", number, "--result", "satisfied", "--attitude", "basic", "--on", "2026-02-20")

        let apiDatabase = try await StepFixture.withServed { f in
            let submitted = try await f.post("d1", nil, nil, #"{"title":"关于加快老旧小区改造的建议","cosigners":["D002"],"session":"5-4","category":"城乡建设","body":"……","on":"2026-01-21"}"#)
            #expect(submitted.status == .created, "\(submitted.text)")
            #expect(submitted.object?["number"] as? String == number)
            let steps: [(String, String, String)] = [
                ("sec", "review", #"{"accept":true,"on":"2026-01-25"}"#),
                ("sec", "assign", #"{"lead":"SJJ","co":["JTJ"],"on":"2026-01-26"}"#),
                ("sjj1", "contacts", #"{"mode":"phone","note":"电话沟通","on":"2026-02-02"}"#),
                ("sjj2", "reply", #"{"outcome":"A","text":"已解决","on":"2026-02-10"}"#),
                ("d1", "rating", #"{"result":"satisfied","attitude":"basic","on":"2026-02-20"}"#),
            ]
            for (login, step, body) in steps {
                let response = try await f.post(login, number, step, body)
                #expect(response.status == .ok, "\(step): \(response.text)")
            }
            return f.served.url
        }
        let api = CLI(database: apiDatabase)
        let shownAPI = try Self.comparable(api.ok("show", number, "--format", "json"))
        let shownCLI = try Self.comparable(cli.ok("show", number, "--format", "json"))
        #expect(shownAPI == shownCLI)
        #expect((shownAPI["state"] as? String) == "closed")
        // Who did what: the accounts over the API.
        let actors = try Self.actors(api.ok("show", number, "--format", "json"))
        #expect(actors == ["d1", "sec", "sec", "sjj1", "sjj2", "d1"])
    }

    /// The object with each event's `recorded_at` and `actor` taken out.
    static func comparable(_ json: String) throws -> NSDictionary {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let timeline = try #require(object["timeline"] as? [[String: Any]])
        object["timeline"] = timeline.map { $0.filter { $0.key != "recorded_at" && $0.key != "actor" } }
        return object as NSDictionary
    }

    static func actors(_ json: String) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(object["timeline"] as? [[String: Any]]).compactMap { $0["actor"] as? String }
    }
}

/// The built `jianyi` run as the secretariat's user on one database, today 2026-03-02.
struct CLI {
    let database: String

    @discardableResult
    func ok(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = ServeProcess.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = database
        environment["JIANYI_TODAY"] = StepFixture.today.description
        environment["JIANYI_USER"] = "秘书处"
        environment.removeValue(forKey: "JIANYI_CONGRESS")
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0,
                     "jianyi \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(String(decoding: stderr, as: UTF8.self))")
        return String(decoding: stdout, as: UTF8.self)
    }
}
