/// What a party reads besides its cases (issue 13): a unit its own open obligations; the
/// secretariat the nightly job's runs and the satisfaction summary. A deputy reads none.
public enum PartyReport: Sendable, CaseIterable {
    case ownObligations
    case overdueRuns
    case satisfaction
}

extension Party {
    public func mayRead(_ report: PartyReport) -> Bool {
        switch (report, self) {
        case (.ownObligations, .unit): true
        case (.overdueRuns, .secretariat), (.satisfaction, .secretariat): true
        default: false
        }
    }
}
