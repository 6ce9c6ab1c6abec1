import Casework
import Testing

/// Who reads which report (issue 13): a unit its obligations, the secretariat the overdue runs
/// and the satisfaction summary; a deputy none of them.
@Suite struct ReportAccessTests {
    static let table: [(Party, Set<PartyReport>)] = [
        (.secretariat, [.overdueRuns, .satisfaction]),
        (.unit("SJJ"), [.ownObligations]),
        (.deputy("D001"), []),
    ]

    @Test(arguments: table)
    func eachPartyReadsExactlyItsReports(party: Party, allowed: Set<PartyReport>) {
        for report in PartyReport.allCases {
            #expect(party.mayRead(report) == allowed.contains(report), "\(party) \(report)")
        }
    }
}
