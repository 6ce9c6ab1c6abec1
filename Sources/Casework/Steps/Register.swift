/// 提交 decided: a new case, numbered, submitted, with its first event. What it needs checked
/// against the database (the deputy, co-signers, session) the store checks first.
public struct RegistrationPlan: Sendable, Equatable {
    public let registration: Registration
    public let number: String
    public let sequence: Int
    public let actor: String
    /// Every case starts here, whatever its channel.
    public let state = CaseState.submitted
    public let eventKind = EventKind.registered

    /// The history's first line: who submitted what, dated the day it was submitted.
    public var event: JSONValue {
        let r = registration
        return .object([("number", .string(number)), ("title", .string(r.title)), ("deputy", .string(r.deputy)),
                        ("cosigners", .array(r.cosigners.map(JSONValue.string))), ("session", .optional(r.session?.description)),
                        ("channel", .string(r.channel.rawValue)), ("category", .string(r.category))])
    }
}

extension Registration {
    /// The plan of registering this suggestion as number `sequence` of its series.
    public func plan(sequence: Int, by actor: String) -> RegistrationPlan {
        RegistrationPlan(registration: self, number: series.number(sequence), sequence: sequence, actor: actor)
    }
}
