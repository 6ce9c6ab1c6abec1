/// How late an obligation is on a sweep's day (督办): the one definition of the tiers that
/// `overdue run` records, `show` and `list --overdue` read. The nightly sweep computes the
/// same in SQL for speed (`overdue_tiers`, Schema/0004); OverdueTierAgreementTests holds the
/// two together around every boundary.
public enum OverdueTier: String, CaseIterable, Sendable, Labelled {
    /// Due within the warning window, today included.
    case dueSoon = "due_soon"
    /// Past due by fewer than severe_days calendar days.
    case overdue
    /// Past due by severe_days calendar days or more.
    case severelyOverdue = "severely_overdue"

    /// The obligation kinds a sweep watches: what a unit owes (a transfer window and the
    /// deputy's rating are never overdue).
    public static let watched: [ObligationKind] = [.reply, .opinion, .rehandle, .plan]

    /// The last due day the warning window reaches on `asOf`: `warnDays` working days on (the
    /// day itself when 0). No due day passes the last day jianyi records, so a window
    /// reaching past it ends there.
    public static func soonUntil(_ asOf: Day, warnDays: Int, _ clock: LegalClock) -> Day {
        warnDays > 0 ? (try? clock.due(from: asOf, Period(warnDays, .workingDays)).due) ?? Day.last : asOf
    }

    /// The tier of an obligation due on `due`, on `asOf`; nil when it is not yet due soon.
    public static func of(due: Day, asOf: Day, soonUntil: Day, severeDays: Int) -> OverdueTier? {
        guard due <= soonUntil else { return nil }
        if due >= asOf { return .dueSoon }
        return due.days(until: asOf) >= severeDays ? .severelyOverdue : .overdue
    }

    /// The tier a sweep on `asOf` gives an obligation: watched, already started, still open
    /// on that day (open now, or met or cancelled only after it), and due soon or past.
    /// `ended` is the day it was met or cancelled.
    public static func of(
        kind: ObligationKind, start: Day, due: Day, status: ObligationStatus, ended: Day?,
        asOf: Day, soonUntil: Day, severeDays: Int
    ) -> OverdueTier? {
        guard watched.contains(kind), start <= asOf else { return nil }
        if status != .open {
            guard let ended, ended > asOf else { return nil }
        }
        return of(due: due, asOf: asOf, soonUntil: soonUntil, severeDays: severeDays)
    }

    /// Whether a tier is past the due day (what `list --overdue` selects).
    public var isPastDue: Bool { self != .dueSoon }

    public var zh: String {
        switch self {
        case .dueSoon: "临期"
        case .overdue: "超期"
        case .severelyOverdue: "严重超期"
        }
    }
}
