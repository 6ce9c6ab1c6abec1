/// A policy setting or value refused as typed.
public enum PolicyError: DomainError, Equatable {
    /// `key` names no setting, even read as a period setting with a unit suffix.
    case notASetting(key: String)
    /// A period setting given with its unit (`reply_months`), and a value that is not a count
    /// of `Period.counts`.
    case notACount(key: String, value: String, unit: Period.Unit)
    /// A value that is not of the setting's kind, or outside its range.
    case notAValue(PolicySetting, value: String)
}
