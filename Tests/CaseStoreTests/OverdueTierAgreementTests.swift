@testable import CaseStore
import Casework
import Postgres
import Testing

/// The tiers have one definition, OverdueTier.of in Casework; the nightly sweep keeps its own
/// SQL (`overdue_tiers`, benchmarked at a million cases) and `list --overdue` its own
/// condition (Store.pastDue). Both are checked here against the Swift one on a table of
/// obligations around every boundary: the due day against the as-of day, the warning
/// window's last day and severe_days; started on the day or after it; open, or met or
/// cancelled before, on or after the day; and every kind, watched or not.
@Suite struct OverdueTierAgreementTests {
    static let asOf = Day("2024-03-20")!
    static let soonUntil = Day("2024-04-03")!
    static let severe = 30

    struct Row: Equatable {
        let number: Int32
        let kind: ObligationKind
        let start: Day
        let due: Day
        let status: ObligationStatus
        let ended: Day?

        var swiftTier: OverdueTier? {
            OverdueTier.of(kind: kind, start: start, due: due, status: status, ended: ended,
                           asOf: asOf, soonUntil: soonUntil, severeDays: severe)
        }
    }

    static var table: [Row] {
        let dues = [-severe - 1, -severe, -severe + 1, -1, 0, 1].map { asOf.adding(days: $0) }
            + [-1, 0, 1].map { soonUntil.adding(days: $0) }
        let ends: [(ObligationStatus, Day?)] = [(.open, nil)]
            + [ObligationStatus.met, .cancelled].flatMap { status in [-1, 0, 1].map { (status, asOf.adding(days: $0)) } }
        var rows: [Row] = []
        for kind in ObligationKind.allCases {
            for start in [asOf.adding(days: -60), asOf, asOf.adding(days: 1)] {
                for due in dues where due >= start {
                    for (status, ended) in ends {
                        rows.append(Row(number: Int32(rows.count + 1), kind: kind, start: start, due: due, status: status, ended: ended))
                    }
                }
            }
        }
        return rows
    }

    /// A case holding every row of the table as its obligations.
    func caseWithTable(_ f: Fixture) throws -> Int {
        let id = try f.store.caseID(f.congress, number: try f.acceptedCase())
        let rows = Self.table
        try f.store.connection.execute("""
            INSERT INTO obligation (congress_id, suggestion_id, obligation_no, kind, unit_code, round, start_on, policy,
                                    due_on, status, met_on, cancelled_on)
            SELECT \(f.congress.id), \(id), t.no, t.kind, 'ZJJ', 1, t.start_on::date, 'test', t.due_on::date, t.status,
                   CASE WHEN t.status = 'met' THEN nullif(t.ended, '')::date END,
                   CASE WHEN t.status = 'cancelled' THEN nullif(t.ended, '')::date END
            FROM unnest(\(rows.map(\.number))::integer[], \(rows.map(\.kind))::text[], \(rows.map(\.start.description))::text[],
                        \(rows.map(\.due.description))::text[], \(rows.map(\.status))::text[],
                        \(rows.map { $0.ended?.description ?? "" })::text[])
                 AS t(no, kind, start_on, due_on, status, ended)
            """)
        return id
    }

    @Test func theSweepsSQLGivesEveryObligationTheSwiftTier() throws {
        let f = try Fixture()
        let id = try caseWithTable(f)
        var sql: [Int32: OverdueTier] = [:]
        try f.store.connection.forEachRow("""
            SELECT obligation_no, tier FROM overdue_tiers(\(f.congress.id)::integer, \(Self.asOf), \(Self.soonUntil), \(Self.severe)::integer)
            WHERE suggestion_id = \(id)
            """) { sql[try $0.decode(Int32.self, "obligation_no")] = try $0.decode(OverdueTier.self, "tier") }
        var swift: [Int32: OverdueTier] = [:]
        for row in Self.table { swift[row.number] = row.swiftTier }
        // Every tier and the absence of one occur, so the comparison covers them all.
        #expect(Set(swift.values) == Set(OverdueTier.allCases))
        #expect(swift.count < Self.table.count)
        for row in Self.table where sql[row.number] != swift[row.number] {
            Issue.record("\(row): SQL \(sql[row.number].map(\.rawValue) ?? "none"), Swift \(swift[row.number].map(\.rawValue) ?? "none")")
        }
        #expect(sql == swift)
    }

    @Test func listOverdueSelectsWhatTheSwiftTierCallsPastDue() throws {
        let f = try Fixture()
        let id = try caseWithTable(f)
        let sql = Set(try f.store.connection.query("""
            SELECT o.obligation_no FROM obligation o
            WHERE o.congress_id = \(f.congress.id) AND o.suggestion_id = \(id) AND \(Store.pastDue("o", on: Self.asOf))
            """).rows.map { try $0.decode(Int32.self, "obligation_no") })
        let swift = Set(Self.table.filter { $0.swiftTier?.isPastDue == true }.map(\.number))
        #expect(!swift.isEmpty)
        #expect(sql == swift)
    }

    /// `show`'s status calls a watched obligation overdue exactly when the tier is past due.
    @Test func showsStatusAgreesWithTheTierOnEveryOpenWatchedObligation() {
        for row in Self.table where row.status == .open && OverdueTier.watched.contains(row.kind) && row.start <= Self.asOf {
            let status = Deadline.status(kind: row.kind, recorded: row.status, due: row.due, metOn: nil, today: Self.asOf)
            #expect((status == .overdue) == (row.swiftTier?.isPastDue == true), "\(row)")
        }
    }
}
