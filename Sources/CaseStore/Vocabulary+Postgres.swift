import Casework
import Postgres

/// A word of the domain's vocabulary as the database holds it: CHECKed text carrying the
/// enum's raw value, read and bound through this one mapping. A text the enum does not know
/// is a decoding error (a schema and a program out of step), never a silent default.
/// Its words are the enum's cases, fixed in the program, so a query may also write one into its
/// text (`\(literal: ObligationStatus.open)`) where a partial index's predicate names it.
public protocol PostgresWord: PostgresDecodable, PostgresArrayElement, PostgresConstant, RawRepresentable where RawValue == String {}

extension PostgresWord {
    public init?(postgresText: String) { self.init(rawValue: postgresText) }
    public static var postgresType: UInt32 { PostgresType.text }
    public static var postgresArrayType: UInt32 { PostgresType.textArray }
    public var postgresText: String { rawValue }
}

extension CaseState: PostgresWord {}
extension Channel: PostgresWord {}
extension CongressLevel: PostgresWord {}
extension UnitKind: PostgresWord {}
extension CalendarDayKind: PostgresWord {}
extension Outcome: PostgresWord {}
extension Satisfaction: PostgresWord {}
extension ContactMode: PostgresWord {}
extension ContactConfirmation: PostgresWord {}
extension ObligationKind: PostgresWord {}
extension ObligationStatus: PostgresWord {}
extension AssignmentRole: PostgresWord {}
extension OverdueTier: PostgresWord {}
extension EventKind: PostgresWord {}
extension TransferDecision: PostgresWord {}
extension DraftStatus: PostgresWord {}
