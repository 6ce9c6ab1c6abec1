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

    /// Refuses naming the first of `codes`, given as `role`, that is not a unit of `congress`.
    func require(_ codes: [String], as role: CaseError.UnitRole, congress: String) throws(CaseError) {
        if let unknown = codes.first(where: { !contains($0) }) {
            throw .unknownUnit(unknown, role: role, congress: congress)
        }
    }
}
