/// The settings a congress may change (docs/domain.md, "The policy"), with the defaults and
/// where they come from. Kept as data, never as constants in the rules.
public enum PolicySetting: String, CaseIterable, Sendable {
    case reply
    case replyComplex = "reply_complex"
    case opinion
    case transferWindow = "transfer_window"
    case rehandle
    case ratingReminder = "rating_reminder"
    case warnWorkingDays = "warn_working_days"
    case severeDays = "severe_days"
    case weightOnTime = "weight_on_time"
    case weightContact = "weight_contact"
    case weightSatisfaction = "weight_satisfaction"
    case weightResolution = "weight_resolution"
    case minRatedCases = "min_rated_cases"
    /// 1: the secretariat's accounts must sign in with a second factor (TOTP); 0: optional.
    case secretariatTOTP = "secretariat_totp"

    public enum Value: Hashable, Sendable, CustomStringConvertible {
        case period(Period)
        case count(Int)
        case weight(Double)

        public var description: String {
            switch self {
            case .period(let period): period.description
            case .count(let count): String(count)
            case .weight(let weight): Value.format(weight)
            }
        }

        /// The value as a Chinese reader is told it: a period in words (3个月), else as printed.
        public var zh: String {
            if case .period(let period) = self { period.label } else { description }
        }

        static func format(_ weight: Double) -> String {
            var text = String(weight)
            if text.hasSuffix(".0") { text.removeLast(2) }
            return text
        }
    }

    public var defaultValue: Value {
        switch self {
        case .reply: .period(Period(3, .months))
        case .replyComplex: .period(Period(6, .months))
        case .opinion: .period(Period(1, .months))
        case .transferWindow: .period(Period(10, .workingDays))
        case .rehandle: .period(Period(1, .months))
        case .ratingReminder: .period(Period(20, .workingDays))
        case .warnWorkingDays: .count(10)
        case .severeDays: .count(30)
        case .weightOnTime: .weight(0.25)
        case .weightContact: .weight(0.15)
        case .weightSatisfaction: .weight(0.45)
        case .weightResolution: .weight(0.15)
        case .minRatedCases: .count(5)
        case .secretariatTOTP: .count(0)
        }
    }

    public var label: String {
        switch self {
        case .reply: "主办答复期限"
        case .replyComplex: "主办答复期限（涉及面广、处理难度大）"
        case .opinion: "协办意见期限"
        case .transferWindow: "申请调整交办期限"
        case .rehandle: "不满意重新办理期限"
        case .ratingReminder: "代表评价提醒"
        case .warnWorkingDays: "临期预警（工作日）"
        case .severeDays: "严重超期（超期日数）"
        case .weightOnTime: "评分权重：按期答复率"
        case .weightContact: "评分权重：沟通率"
        case .weightSatisfaction: "评分权重：满意率"
        case .weightResolution: "评分权重：解决率"
        case .minRatedCases: "评分排名最少已评价件数"
        case .secretariatTOTP: "办公厅账户须两步验证（1 是，0 否）"
        }
    }

    public var source: String {
        switch self {
        case .reply, .replyComplex: "代表法 (2025) art. 51"
        case .opinion: "Shandong, Shanghai"
        case .transferWindow: "Chongqing, Henan"
        case .rehandle: "Shandong, Zhejiang, Shanghai, Henan"
        case .ratingReminder: "Chongqing"
        // No law sets these: jianyi's own choice, which a congress replaces with its practice.
        case .warnWorkingDays, .severeDays, .weightOnTime, .weightContact, .weightSatisfaction, .weightResolution, .minRatedCases,
             .secretariatTOTP:
            "jianyi default"
        }
    }

    /// `source` as a Chinese reader is told it.
    public var sourceZh: String {
        switch self {
        case .reply, .replyComplex: "代表法（2025）第五十一条"
        case .opinion: "山东、上海"
        case .transferWindow: "重庆、河南"
        case .rehandle: "山东、浙江、上海、河南"
        case .ratingReminder: "重庆"
        case .warnWorkingDays, .severeDays, .weightOnTime, .weightContact, .weightSatisfaction, .weightResolution, .minRatedCases,
             .secretariatTOTP:
            "jianyi 默认值（无法定依据）"
        }
    }

    /// Resolves a key as typed: a setting name (`reply`), or a period setting with its unit
    /// as a suffix (`reply_months 3` means reply = 3 months).
    public static func resolve(key: String, value: String) throws -> (PolicySetting, Value) {
        if let setting = PolicySetting(rawValue: key) {
            return (setting, try setting.parse(value))
        }
        for unit in Period.Unit.allCases {
            let suffix = "_" + unit.rawValue
            guard key.hasSuffix(suffix), let setting = PolicySetting(rawValue: String(key.dropLast(suffix.count))),
                  case .period = setting.defaultValue else { continue }
            guard let count = Int(value.trimmingWhitespace()), Period.counts.contains(count) else {
                throw PolicyError.notACount(key: key, value: value, unit: unit)
            }
            return (setting, .period(Period(count, unit)))
        }
        throw PolicyError.notASetting(key: key)
    }

    /// The whole days a count setting of days may hold.
    public static let dayCounts = 0...365
    /// The whole number of cases `min_rated_cases` may hold.
    public static let caseCounts = 0...10_000

    /// What a count setting counts: cases for the score's sample, else days.
    public var countsCases: Bool { self == .minRatedCases }

    /// Whether a count setting is a switch: 1 on, 0 off.
    public var isSwitch: Bool { self == .secretariatTOTP }

    /// The values a count setting may hold.
    public var counts: ClosedRange<Int> { isSwitch ? 0...1 : countsCases ? Self.caseCounts : Self.dayCounts }
    /// What a weight may be.
    public static let weights = 0.0...1.0

    /// Parses a value for this setting.
    public func parse(_ text: String) throws(PolicyError) -> Value {
        switch defaultValue {
        case .period:
            guard let period = Period(text) else { throw .notAValue(self, value: text) }
            return .period(period)
        case .count:
            guard let count = Int(text.trimmingWhitespace()), counts.contains(count) else { throw .notAValue(self, value: text) }
            return .count(count)
        case .weight:
            guard let weight = Double(text.trimmingWhitespace()), Self.weights.contains(weight) else { throw .notAValue(self, value: text) }
            return .weight(weight)
        }
    }
}
