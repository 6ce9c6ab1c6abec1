/// What deadlines are counted with: the congress's policy as it stands and its calendar from
/// a day on, loaded once for a step or a run rather than once per obligation.
public struct Rules: Sendable {
    public let policy: Policy
    public let clock: LegalClock

    public init(policy: Policy, clock: LegalClock) {
        self.policy = policy
        self.clock = clock
    }
}

/// The units of a congress, for the steps that name one.
public struct UnitDirectory: Sendable {
    private let codes: Set<[UInt8]>

    public init(_ codes: [String]) {
        self.codes = Set(codes.map { Array($0.utf8) })
    }

    public func contains(_ code: String) -> Bool { codes.contains(Array(code.utf8)) }

    /// Refuses naming the first of `codes`, given for `flag`, that is not a unit of `congress`.
    func require(_ codes: [String], flag: String, congress: String) throws {
        if let unknown = codes.first(where: { !contains($0) }) {
            throw Failure.ruleBroken("\(flag): \(unknown) is not a unit of \(congress)")
        }
    }
}

extension LegalClock.Refusal {
    /// The refusal as a step reports it (exit 65): the flag whose day was counted from, and
    /// which deadline could not be.
    func failure(flag: String, kind: ObligationKind) -> Failure {
        .ruleBroken("\(flag): the \(kind.rawValue) deadline, \(self)")
    }
}
