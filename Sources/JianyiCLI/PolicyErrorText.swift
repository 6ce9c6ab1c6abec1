import Casework

/// A policy key or value refused, named as `policy set` took it.
extension PolicyError: BilingualRefusal {
    func worded(_ lang: Language, day _: String) -> Failure {
        switch self {
        case .notASetting(let key):
            let names = PolicySetting.allCases.map(\.rawValue).joined(separator: ", ")
            return .badValue(lang.say("policy: '\(key)' 不是设置项（可用：\(names)；期限类设置也可带单位后缀，如 reply_months）",
                                      "policy: '\(key)' is not a setting (one of \(names); a period also takes a unit suffix, e.g. reply_months)"))
        case .notACount(let key, let value, let unit):
            let range = "\(Period.counts.lowerBound)–\(Period.counts.upperBound)"
            return .badValue("policy \(key): " + lang.say("'\(value)' 不是整数个 \(unit.rawValue)（\(range)）",
                                                         "'\(value)' is not a whole number of \(unit.rawValue) (\(range))"))
        case .notAValue(let setting, let value):
            let range = "\(setting.counts.lowerBound)–\(setting.counts.upperBound)"
            let expected = switch setting.defaultValue {
            case .period: lang.say("不是期限（例如 '3 months'、'30 days'、'10 working_days'）", "is not a period (e.g. '3 months', '30 days', '10 working_days')")
            case .count where setting.isSwitch: lang.say("不是 1（是）或 0（否）", "is not 1 (on) or 0 (off)")
            case .count:
                setting.countsCases ? lang.say("不是 \(range) 之间的整件数", "is not a whole number of cases (\(range))")
                                    : lang.say("不是 \(range) 之间的整天数", "is not a whole number of days (\(range))")
            case .weight: lang.say("不是 0 到 1 之间的权重", "is not a weight between 0 and 1")
            }
            return .badValue("policy \(setting.rawValue): '\(value)' " + expected)
        }
    }
}
