/// The layout of `jianyi export cases` and `jianyi import cases` (docs/export.md): one record
/// per case with everything needed to recreate it — the case row, its units, deadlines,
/// transfer requests, contacts and their answers, replies, ratings and its whole history —
/// in the contract's English keys. Export, import and the documentation all follow this one
/// description, so a field cannot be written that the import does not read back.
public enum CaseExchange {
    /// Bumped whenever a field is added, removed or changes meaning; the import refuses any
    /// other version, so an old binary never half-reads a newer file.
    public static let formatVersion = 1

    /// What a value is, which says how it is written in each format and checked on import.
    public indirect enum Kind: Sendable, Equatable {
        /// Free text (a title, a reason); in CSV neutralized against formulas, reversibly.
        case text
        /// A code or a value of a fixed vocabulary (the allowed values when given).
        case word([String]?)
        case day
        case int
        case bool
        /// A moment, UTC with microseconds: `2024-01-21T08:00:00.000000Z`.
        case instant
        /// Deputy codes in order: a JSON array, `;`-separated in CSV.
        case codes
        /// Any JSON object (an event's data), kept as it is.
        case object
        /// A list of objects with exactly these fields: a JSON array (a JSON cell in CSV).
        case list([Field])
    }

    public struct Field: Sendable, Equatable {
        public let name: String
        public let kind: Kind
        public let nullable: Bool

        init(_ name: String, _ kind: Kind, nullable: Bool = false) {
            self.name = name
            self.kind = kind
            self.nullable = nullable
        }
    }

    static let roles = ["lead", "co"]
    static let obligations = ["reply", "opinion", "transfer_window", "rehandle", "plan", "rating"]
    static let ratings = ["satisfied", "basic", "dissatisfied"]
    static let outcomes = ["A", "B", "C"]

    /// The record's fields, in the order every format writes them.
    public static let fields: [Field] = [
        Field("format_version", .int),
        Field("number", .word(nil)),
        Field("ref", .text, nullable: true),
        Field("title", .text),
        Field("body", .text),
        Field("deputy", .word(nil)),
        Field("cosigners", .codes),
        Field("session", .word(nil), nullable: true),
        Field("channel", .word(Channel.allCases.map(\.rawValue))),
        Field("station", .text, nullable: true),
        Field("category", .text),
        Field("submitted_on", .day),
        Field("state", .word(CaseState.allCases.map(\.rawValue))),
        Field("key", .bool),
        Field("key_leader", .text, nullable: true),
        Field("key_committee", .text, nullable: true),
        Field("lead_unit", .word(nil), nullable: true),
        Field("complex", .bool),
        Field("assigned_on", .day, nullable: true),
        Field("round", .int),
        Field("outcome", .word(outcomes), nullable: true),
        Field("plan_by", .day, nullable: true),
        Field("plan_done_on", .day, nullable: true),
        Field("replied_on", .day, nullable: true),
        Field("rating_result", .word(ratings), nullable: true),
        Field("rating_attitude", .word(ratings), nullable: true),
        Field("closed_on", .day, nullable: true),
        Field("registered_at", .instant),
        Field("updated_at", .instant),
        Field("units", .list([
            Field("unit", .word(nil)), Field("role", .word(roles)), Field("assigned_on", .day),
            Field("ended_on", .day, nullable: true),
        ])),
        Field("deadlines", .list([
            Field("no", .int), Field("obligation", .word(obligations)), Field("unit", .word(nil), nullable: true),
            Field("round", .int), Field("start_on", .day), Field("period", .text, nullable: true),
            Field("policy", .text), Field("due", .day), Field("status", .word(["open", "met", "cancelled"])),
            Field("met_on", .day, nullable: true), Field("cancelled_on", .day, nullable: true),
            Field("note", .text, nullable: true), Field("flagged", .int),
        ])),
        Field("transfer_requests", .list([
            Field("no", .int), Field("unit", .word(nil)), Field("reason", .text), Field("requested_on", .day),
            Field("decision", .word(["pending", "approved", "rejected"])), Field("decided_on", .day, nullable: true),
            Field("to_unit", .word(nil), nullable: true), Field("note", .text, nullable: true),
        ])),
        Field("contacts", .list([
            Field("no", .int), Field("unit", .word(nil)),
            Field("mode", .word(["face_to_face", "phone", "visit", "written", "online"])),
            Field("on", .day), Field("note", .text),
        ])),
        Field("contact_confirmations", .list([
            Field("contact_no", .int), Field("answer", .word(["confirmed", "disputed"])), Field("on", .day),
            Field("note", .text),
        ])),
        Field("replies", .list([
            Field("round", .int), Field("unit", .word(nil)), Field("outcome", .word(outcomes)),
            Field("plan_by", .day, nullable: true), Field("text", .text), Field("on", .day),
        ])),
        Field("ratings", .list([
            Field("round", .int), Field("result", .word(ratings)), Field("attitude", .word(ratings), nullable: true),
            Field("comment", .text), Field("on", .day),
        ])),
        Field("history", .list([
            Field("no", .int), Field("kind", .word(nil)), Field("on", .day), Field("recorded_at", .instant),
            Field("actor", .text), Field("data", .object),
        ])),
    ]

    public static var names: [String] { fields.map(\.name) }
}
