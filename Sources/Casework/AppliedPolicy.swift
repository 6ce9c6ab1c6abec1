/// What an obligation's due day was counted by, as its record and its event say it: a
/// setting with its period (`reply = 3 months`), or a plan date a reply gave. The record
/// keeps the English text; people reading Chinese get it in their words.
public enum AppliedPolicy {
    public static func setting(_ setting: PolicySetting, _ period: Period) -> String {
        "\(setting.rawValue) = \(period)"
    }

    private static let planPrefix = "plan date given in the reply: "

    public static func planDate(_ day: Day) -> String { planPrefix + day.description }

    /// `主办答复期限 3个月`, `答复中承诺的计划完成日期 2024-12-31`; a text of another form
    /// is returned as it is.
    public static func zh(_ text: String) -> String {
        if text.hasPrefix(planPrefix) { return "答复中承诺的计划完成日期 " + text.dropFirst(planPrefix.count) }
        let parts = text.split(separator: "=", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        guard parts.count == 2, let setting = PolicySetting(rawValue: parts[0]), let period = Period(parts[1]) else { return text }
        return "\(setting.label) \(period.label)"
    }
}
