import Casework
import Foundation

/// The policy's defaults as help text quotes them. ArgumentParser's help is fixed for the
/// binary, so it can only name the defaults (a congress's own values: `jianyi policy show`);
/// reading them from `PolicySetting` keeps the help true when a default changes.
enum PolicyDefaults {
    private static let policy = Policy()

    /// A period setting's default in words: `3 months`, `1 month`, `10 working days`.
    static func period(_ setting: PolicySetting) -> String {
        policy.period(setting).description.replacingOccurrences(of: "_", with: " ")
    }

    /// A period setting's default beside another's: only the count when the units agree
    /// (`3 months (6 with --complex)`), else the whole period.
    static func period(_ setting: PolicySetting, besides other: PolicySetting) -> String {
        let (period, besides) = (policy.period(setting), policy.period(other))
        return period.unit == besides.unit ? String(period.count) : self.period(setting)
    }

    /// A count or weight setting's default as `policy show` prints it: `10`, `0.25`.
    static func value(_ setting: PolicySetting) -> String {
        setting.defaultValue.description
    }
}
