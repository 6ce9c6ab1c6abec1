import ArgumentParser
import CaseStore
import Casework
import Presentation

/// `--as-of DATE`, taken by `list` and every report: the cases as they stood at the end of
/// that day, by the dates their steps carry (issue 16).
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Answer as the cases stood at the end of this day, YYYY-MM-DD, by the dates their steps carry: a step dated later is not seen, a case registered later does not exist yet (default today; never after today).",
        valueName: "date"))
    var asOf: String?

    /// The date as given, checked before the database is opened.
    func given() throws -> Day? {
        try asOf.map { try Day.parse($0, for: "--as-of") }
    }

    /// The day the answer stands at: the one given, or today; a day after today is refused
    /// (its figures would change as the days come).
    func day(_ context: Context, _ congress: Congress) throws -> Day {
        let today = try context.today(in: congress)
        guard let day = try given() else { return today }
        guard day <= today else {
            throw Failure.badValue("--as-of: \(day) is after today (\(today)); a report answers as of today or an earlier day")
        }
        return day
    }
}

extension AsOfStamp {
    /// The report's heading lines: the day, when it was made, and the steps entered late.
    func lines(_ clock: CongressClock, zh: Bool) -> String {
        let text = zh ? "截至 \(asOf) 日终；制表于 \(clock.shown(madeAt))\n" : "as of the end of \(asOf); made \(clock.shown(madeAt))\n"
        return text + (lateEntriesNote(zh: zh).map { $0 + "\n" } ?? "")
    }

    /// The steps dated on or before the day but recorded after it, which a figure published
    /// that day could not count; nil when there are none.
    func lateEntriesNote(zh: Bool) -> String? {
        guard lateEntries > 0 else { return nil }
        return zh ? "其中 \(lateEntries) 项办理步骤的日期在 \(asOf) 或之前，但在该日之后才录入。"
                  : "\(lateEntries) steps dated on or before \(asOf) were recorded after it."
    }
}

/// What a report's table says when nothing is in it (a day before the congress's first case).
func noData(zh: Bool) -> String { zh ? "无数据\n" : "no data\n" }

extension Context {
    /// The stamp of a report as of `day`, made today (--today's day, when given).
    func stamp(_ congress: Congress, asOf day: Day) throws -> AsOfStamp {
        try store.asOfStamp(congress, asOf: day, madeOn: try today(in: congress))
    }
}
