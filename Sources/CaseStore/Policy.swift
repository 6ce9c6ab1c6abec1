import Casework
import Postgres

/// One setting as it stands for a congress.
public struct PolicyEntry: Sendable, Equatable {
    public let setting: PolicySetting
    public let value: PolicySetting.Value
    /// False when the congress has not changed the default.
    public let isSet: Bool
    public let changedAt: Instant?
    public let changedBy: String?
}

extension Store {
    public func policy(_ congress: Congress) throws -> [PolicyEntry] {
        var stored: [String: Row] = [:]
        for row in try connection.query("""
            SELECT key, value, floor(extract(epoch FROM changed_at))::bigint AS changed_at, changed_by
            FROM policy_setting WHERE \(congress.scope)
            """).rows {
            stored[try row.decode(String.self, "key")] = row
        }
        return try PolicySetting.allCases.map { setting in
            guard let row = stored[setting.rawValue] else {
                return PolicyEntry(setting: setting, value: setting.defaultValue, isSet: false, changedAt: nil, changedBy: nil)
            }
            return PolicyEntry(
                setting: setting, value: try setting.parse(try row.decode(String.self, "value")), isSet: true,
                changedAt: try row.decode(Instant.self, "changed_at"), changedBy: try row.decode(String.self, "changed_by"))
        }
    }

    /// The settings in force: the congress's own values over the defaults.
    public func currentPolicy(_ congress: Congress) throws -> Policy {
        Policy(Dictionary(uniqueKeysWithValues: try policy(congress).filter(\.isSet).map { ($0.setting, $0.value) }))
    }

    /// Sets one value (`reply 2 months`, `reply_months 2`, `weight_contact 0.2`).
    @discardableResult
    public func setPolicy(_ congress: Congress, key: String, value: String) throws -> PolicyEntry {
        let (setting, parsed) = try PolicySetting.resolve(key: key, value: value)
        try connection.execute("""
            INSERT INTO policy_setting (congress_id, key, value, changed_by)
            VALUES (\(congress.id), \(setting.rawValue), \(parsed.description), \(actor))
            ON CONFLICT (congress_id, key) DO UPDATE
            SET value = EXCLUDED.value, changed_at = now(), changed_by = EXCLUDED.changed_by
            """)
        return try policy(congress).first { $0.setting == setting }!
    }
}
