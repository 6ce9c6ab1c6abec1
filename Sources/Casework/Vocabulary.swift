/// The closed word lists of the domain. Raw values are the names the CLI, JSON and CSV use.

public enum CaseState: String, CaseIterable, Sendable, Codable {
    case submitted, accepted, rejected, withdrawn, assigned, replied, rehandling, following, closed

    public var label: String {
        switch self {
        case .submitted: "已提交"
        case .accepted: "已立案"
        case .rejected: "不予立案"
        case .withdrawn: "已撤回"
        case .assigned: "已交办"
        case .replied: "已答复"
        case .rehandling: "重新办理"
        case .following: "跟踪落实"
        case .closed: "已办结"
        }
    }
}

public enum Channel: String, CaseIterable, Sendable, Codable {
    case session, recess
    case liaisonStation = "liaison_station"

    public var label: String {
        switch self {
        case .session: "大会期间"
        case .recess: "闭会期间"
        case .liaisonStation: "联络站"
        }
    }
}

public enum CongressLevel: String, CaseIterable, Sendable {
    case national, province, city, county, township
}

public enum UnitKind: String, CaseIterable, Sendable {
    case government, court, procuratorate, other
}

public enum CalendarDayKind: String, CaseIterable, Sendable {
    /// A day off: a statutory holiday, or a weekend inside a holiday block.
    case off
    /// A 调休 makeup working day that falls on a weekend.
    case work
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// Parses one of the allowed names, or fails naming the flag, the value and the choices.
    public static func parse(_ text: String, for flag: String) throws -> Self {
        guard let value = Self(rawValue: text) else {
            let choices = allCases.map(\.rawValue).joined(separator: "|")
            throw Failure.badValue("\(flag): '\(text)' is not one of \(choices)")
        }
        return value
    }
}
