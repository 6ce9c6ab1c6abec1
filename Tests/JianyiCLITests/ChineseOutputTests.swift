import Foundation
import Testing

/// Terminal output is Chinese by default down to the values (channel, state, the setting a
/// deadline was counted by); `--lang en` and JSON keep the contract's English codes.
@Suite struct ChineseOutputTests {
    func repliedCase() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let n = try jianyi.acceptedCase()
        try jianyi.ok("assign", n, "--lead", "SJJ", "--on", "2024-02-20")
        try jianyi.ok("contact", n, "--unit", "SJJ", "--mode", "face_to_face", "--on", "2024-03-01")
        try jianyi.ok("reply", n, "--unit", "SJJ", "--outcome", "B", "--plan-by", "2024-12-31", "--text", "列入计划", "--on", "2024-04-01")
        try jianyi.ok("rate", n, "--result", "basic", "--attitude", "satisfied", "--on", "2024-04-10")
        return jianyi
    }

    @Test func historySaysTheValuesInChinese() throws {
        let jianyi = try repliedCase()
        let zh = try jianyi.ok("history", "5-4-0001").stdout
        for phrase in ["渠道: 大会期间", "状态: 已立案", "依据: 主办答复期限 3个月、申请调整交办期限", "方式: 面对面",
                       "答复类别: B 正在解决或列入计划解决", "结果: 基本满意", "态度: 满意", "状态: 跟踪落实"] {
            #expect(zh.contains(phrase), "\(phrase): \(zh)")
        }
        for code in ["session", "accepted", "reply = 3 months", "face_to_face", "basic", "following"] {
            #expect(!zh.contains(code), "\(code): \(zh)")
        }
        let en = try jianyi.ok("history", "5-4-0001", "--lang", "en").stdout
        for phrase in ["channel: session", "state: accepted", "policy: reply = 3 months, transfer_window = 10", "mode: face_to_face"] {
            #expect(en.contains(phrase), "\(phrase): \(en)")
        }
        let json = try jsonArray(try jianyi.ok("history", "5-4-0001", "--format", "json"))
        let registered = try #require(json.first?["data"] as? [String: Any])
        #expect(registered["channel"] as? String == "session")
    }

    @Test func statusPolicyAndRunsAreChinese() throws {
        let jianyi = try repliedCase()
        let status = try jianyi.ok("db", "status").stdout
        #expect(status.contains("已应用") && !status.contains("applied"), "\(status)")
        #expect(try jianyi.ok("db", "status", "--lang", "en").stdout.contains("applied"))
        #expect(try jsonArray(try jianyi.ok("db", "status", "--format", "json")).first?["state"] as? String == "applied")

        let policy = try jianyi.ok("policy", "show").stdout
        for phrase in ["3个月", "10个工作日", "代表法（2025）第五十一条", "山东、上海"] { #expect(policy.contains(phrase), "\(phrase): \(policy)") }
        for code in ["3 months", "10 working_days", "art. 51", "Shandong"] { #expect(!policy.contains(code), "\(code): \(policy)") }
        let english = try jianyi.ok("policy", "show", "--lang", "en").stdout
        #expect(english.contains("3 months") && english.contains("代表法 (2025) art. 51"))
        let json = try jsonArray(try jianyi.ok("policy", "show", "--format", "json"))
        #expect(json.first?["value"] as? String == "3 months")

        try jianyi.ok("overdue", "--as-of", "2024-03-21")
        let runs = try jianyi.ok("overdue", "runs").stdout
        #expect(runs.hasPrefix("运行  督办日"), "\(runs)")
    }
}
