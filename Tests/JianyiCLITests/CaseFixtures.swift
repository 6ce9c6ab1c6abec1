import Foundation
import Testing

/// Cases built through the binary for the coverage tests, and readers of what it prints.
extension Jianyi {
    /// The units ZJJ, JTJ and CGJ besides the SJJ of `setUp`.
    func addUnits() throws {
        for (code, name) in [("ZJJ", "市住房和城乡建设局"), ("JTJ", "市交通运输局"), ("CGJ", "市城市管理局")] {
            try ok("unit", "add", code, "--name", name)
        }
    }

    /// A suggestion of D001 in session 5-4, registered and accepted; returns its number.
    func acceptedCase(_ title: String = "关于加快老旧小区改造的建议", on: String = "2024-01-21", accepted: String = "2024-01-30") throws -> String {
        let number = try ok("register", "--title", title, "--deputy", "D001", "--session", "5-4", "--on", on)
            .stdout.trimmingCharacters(in: .newlines)
        try ok("review", number, "--accept", "--on", accepted)
        return number
    }

    /// `show NUMBER --format json` as of `today`.
    func shown(_ number: String, today: String) throws -> [String: Any] {
        try jsonObject(try ok("show", number, "--format", "json", "--today", today))
    }
}

func jsonObject(_ result: Jianyi.Result, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                 "not a JSON object: \(result.stdout)", sourceLocation: sourceLocation)
}

func jsonArray(_ result: Jianyi.Result, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]],
                 "not a JSON array: \(result.stdout)", sourceLocation: sourceLocation)
}

/// A shown case's deadlines as "obligation unit due status", in the order they were created
/// (the deputy's rating reminder has unit "-").
func deadlines(_ shown: [String: Any]) -> [String] {
    (shown["deadlines"] as? [[String: Any]] ?? []).map {
        "\($0["obligation"] as? String ?? "?") \($0["unit"] as? String ?? "-") \($0["due"] as? String ?? "?") \($0["status"] as? String ?? "?")"
    }
}

/// The kinds of a case's events, oldest first.
func eventKinds(_ jianyi: Jianyi, _ number: String) throws -> [String] {
    try jsonArray(try jianyi.ok("history", number, "--format", "json")).map { $0["kind"] as? String ?? "?" }
}
