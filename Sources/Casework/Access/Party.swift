/// The kind of party an account acts as: the word `--role` and the database use.
public enum PartyRole: String, CaseIterable, Sendable, Codable, Labelled {
    case deputy, unit, secretariat

    public var zh: String {
        switch self {
        case .deputy: "代表"
        case .unit: "承办单位"
        case .secretariat: "代表工作机构"
        }
    }
}

/// Who acts on a case: the congress's secretariat (代表工作机构), a handling unit by its code,
/// or a deputy by theirs. Every account of a unit acts as that unit.
public enum Party: Sendable, Hashable, CustomStringConvertible {
    case secretariat
    case unit(String)
    case deputy(String)

    /// The party of `role` with its unit or deputy code (none for the secretariat); nil when
    /// the code is missing, or given for the secretariat.
    public init?(role: PartyRole, code: String?) {
        switch (role, code) {
        case (.secretariat, nil): self = .secretariat
        case (.unit, let code?): self = .unit(code)
        case (.deputy, let code?): self = .deputy(code)
        default: return nil
        }
    }

    public var role: PartyRole {
        switch self {
        case .secretariat: .secretariat
        case .unit: .unit
        case .deputy: .deputy
        }
    }

    /// The unit's or deputy's code; nil for the secretariat.
    public var code: String? {
        switch self {
        case .secretariat: nil
        case .unit(let code), .deputy(let code): code
        }
    }

    /// `承办单位 SJJ`, `代表 D001`, `代表工作机构`.
    public var zh: String { code.map { "\(role.zh) \($0)" } ?? role.zh }
    /// `unit SJJ`, `deputy D001`, `secretariat`.
    public var en: String { code.map { "\(role.rawValue) \($0)" } ?? role.rawValue }
    public func label(zh: Bool) -> String { zh ? self.zh : en }
    public var description: String { en }
}
