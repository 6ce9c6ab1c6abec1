import CaseStore
import Casework
import Hummingbird
import Presentation

/// 概况 (`/` for the secretariat): the congress's cases by state, the open obligations past
/// due by unit as of today, and the latest nightly overdue run with its digest for each unit
/// (what `overdue run` wrote, replayed as `overdue show` does).
enum OverviewPage {
    struct StateCount {
        let state: String
        let label: String
        let count: Int
        let href: String?
    }

    struct UnitCount {
        let unit: String
        let count: Int
    }

    struct Digest {
        let unit: String
        let dueSoon: Int
        let overdue: Int
        let severelyOverdue: Int
        let new: Int
    }

    struct Run {
        let asOf: String
        let startedAt: String
        let finished: Bool
        let flags: Int
        let newFlags: Int
        let dueSoon: Int
        let overdue: Int
        let severelyOverdue: Int
        let digests: [Digest]
        let hasDigests: Bool
    }

    struct View {
        let total: Int
        let states: [StateCount]
        let overdueUnits: [UnitCount]
        let hasOverdue: Bool
        let run: Run?
        let asOf: String
    }

    /// Where a state's cases are handled on these pages.
    static let queues: [CaseState: String] = [.submitted: "/review", .accepted: "/assign"]

    static func show(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try SecretariatPages.requireSecretariat(context)
        let (congress, today, clock) = (site.congress, try site.today(), site.clock)
        let view = try await site.act(context) { store, _ in
            let names = try store.unitNames(congress)
            let states = try CaseState.allCases.map { state in
                StateCount(state: state.rawValue, label: state.zh, count: try store.countCases(congress, CaseFilter(state: state)),
                           href: queues[state])
            }
            var overdue: [String: Int] = [:]
            try store.listCases(congress, CaseFilter(overdueOn: today)) { view in
                for deadline in view.deadlines where deadline.status(on: today) == .overdue {
                    if let unit = deadline.unit { overdue[unit, default: 0] += 1 }
                }
            }
            let run = try store.overdueRuns(congress, limit: 1).first.map { try self.run($0, store, congress, clock) }
            return View(
                total: states.reduce(0) { $0 + $1.count }, states: states,
                overdueUnits: overdue.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { UnitCount(unit: names[$0.key] ?? $0.key, count: $0.value) },
                hasOverdue: !overdue.isEmpty, run: run, asOf: today.description)
        }
        return try site.page("sec-overview", title: "概况", page: view, context: context, path: "/")
    }

    /// A run and its digests: its flags counted by unit and tier.
    static func run(_ run: OverdueRun, _ store: Store, _ congress: Congress, _ clock: CongressClock) throws -> Run {
        var digests: [String: (name: String, tiers: [OverdueTier: Int], new: Int)] = [:]
        try store.overdueFlags(congress, of: run) { flag in
            var digest = digests[flag.unit] ?? (flag.unitName, [:], 0)
            digest.tiers[flag.tier, default: 0] += 1
            if flag.isNew { digest.new += 1 }
            digests[flag.unit] = digest
        }
        let list = digests.sorted { $0.key < $1.key }.map { _, d in
            Digest(unit: d.name, dueSoon: d.tiers[.dueSoon] ?? 0, overdue: d.tiers[.overdue] ?? 0,
                   severelyOverdue: d.tiers[.severelyOverdue] ?? 0, new: d.new)
        }
        return Run(asOf: run.asOf.description, startedAt: clock.shown(run.startedAt), finished: run.finishedAt != nil,
                   flags: run.flags, newFlags: run.newFlags, dueSoon: run.dueSoon, overdue: run.overdue,
                   severelyOverdue: run.severelyOverdue, digests: list, hasDigests: !list.isEmpty)
    }
}
