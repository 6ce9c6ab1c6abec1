import Casework
import Foundation
import Testing

/// What jianyi says about its policy: help quotes the defaults PolicySetting holds (a copy
/// would go stale when a default changes), and `policy show` cites public law or says the
/// value is jianyi's own, never a file a user does not have.
@Suite struct PolicyTextTests {
    @Test func assignHelpQuotesTheDefaultPeriods() throws {
        let help = try helpText(["assign", "--help"])
        let complex = try #require(period(.replyComplex)), reply = try #require(period(.reply))
        let complexText = complex.unit == reply.unit ? String(complex.count) : words(complex)
        #expect(help.contains("""
            The lead must reply within \(words(reply)) (\(complexText) with --complex), each co-handler send its opinion \
            within \(words(try #require(period(.opinion)))), and any unit may ask for a transfer within \
            \(words(try #require(period(.transferWindow)))) — or the congress's own periods (jianyi policy show).
            """), "\(help)")
    }

    @Test func overdueHelpQuotesTheDefaultTiers() throws {
        let help = try helpText(["overdue", "run", "--help"])
        #expect(help.contains("severely_overdue: from severe_days (\(PolicySetting.severeDays.defaultValue)) after it."), "\(help)")
        #expect(help.contains("(default: the policy's warn_working_days, \(PolicySetting.warnWorkingDays.defaultValue))"), "\(help)")
    }

    @Test func scoreHelpQuotesTheDefaultWeights() throws {
        let help = try helpText(["score", "units", "--help"])
        let weights = [PolicySetting.weightOnTime, .weightContact, .weightSatisfaction, .weightResolution]
            .map(\.defaultValue.description).joined(separator: ", ")
        #expect(help.contains("Weights: \(weights) unless the congress sets its own"), "\(help)")
    }

    @Test func policyShowCitesNoFile() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let entries = try jsonArray(try jianyi.ok("policy", "show", "--format", "json"))
        let sources = Dictionary(uniqueKeysWithValues: entries.map { ($0["key"] as? String ?? "", $0["source"] as? String ?? "") })
        #expect(sources.count == PolicySetting.allCases.count)
        #expect(sources["reply"] == "代表法 (2025) art. 51")
        #expect(sources["opinion"] == "Shandong, Shanghai")
        for key in ["warn_working_days", "severe_days", "weight_on_time", "weight_contact", "weight_satisfaction", "weight_resolution", "min_rated_cases"] {
            #expect(sources[key] == "jianyi default", "\(key)")
        }
        for (lang, own) in [("zh", "jianyi 默认值（无法定依据）"), ("en", "jianyi default")] {
            let table = try jianyi.ok("policy", "show", "--lang", lang).stdout
            for cited in [".md", "shared", "cli"] { #expect(!table.contains(cited), "\(lang): \(table)") }
            #expect(table.contains(own), "\(lang): \(table)")
        }
    }

    /// A command's help with its lines joined: how ArgumentParser wraps it depends on the width.
    private func helpText(_ arguments: [String]) throws -> String {
        let result = try Jianyi(migrated: false).ok(arguments)
        return result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func period(_ setting: PolicySetting) -> Period? {
        if case .period(let period) = setting.defaultValue { period } else { nil }
    }

    /// `1 month`, `10 working days`, as a sentence says them.
    private func words(_ period: Period) -> String {
        let unit = switch period.unit {
        case .months: "month"
        case .days: "day"
        case .workingDays: "working day"
        }
        return "\(period.count) \(unit)\(period.count == 1 ? "" : "s")"
    }
}
