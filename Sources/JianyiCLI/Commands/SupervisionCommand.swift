import ArgumentParser
import CaseStore
import Casework
import Presentation

extension ReportCommand {
    struct Supervision: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "supervision",
            abstract: "The monthly supervision report (督办通报) for the 主任会议.",
            discussion: """
                Cases by state at the end of the month and the change since the end of the month \
                before; replies dated in the month, on time or late, by unit; what is overdue at the end \
                of the month and for how long, by unit, the longest first; key suggestions (重点建议) \
                with their leader and progress; suggestions raised again; and the units that replied \
                to none of the replies due. Every figure is counted by the dates the steps carry, as the \
                cases stood at the end of the month (or of today, while the month runs). With --as-of \
                DATE, as they stood at the end of that day if it comes before the month's end: a step \
                dated later is not seen. The report says the day it is as of, when it was made, and \
                how many steps dated by then were recorded after it.

                Examples:
                  jianyi report supervision --month 2026-06
                  jianyi report supervision --month 2026-06 --format html --output 督办通报-2026-06.html
                  jianyi report supervision --month 2026-06 --format xlsx --output 督办通报-2026-06.xlsx
                  jianyi report supervision --month 2026-06 --as-of 2026-07-15 --format json
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month")) var month: String
        @OptionGroup var asOf: AsOfOption
        @Option(help: "text, html, json or xlsx (a sheet per section: --output FILE, or standard output when it is not a terminal).")
        var format: Format = .text
        @Option(help: ArgumentHelp("Write to this file instead of standard output, replaced whole or not at all.", valueName: "file"), completion: FileCompletion.text)
        var output: String?

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, html, json, xlsx }

        func run() throws {
            let month = try Month.parse(self.month, for: "--month")
            _ = try asOf.given()
            let file = try output.map { try OutputFile($0, flag: "--output") }
            if format == .xlsx { try XLSXOutput.refuseTerminal(file) }
            let context = try Context(global)
            let congress = try context.congress()
            let day = try asOf.day(context, congress)
            guard month.first <= day else {
                throw Failure.badValue(asOf.asOf == nil ? "--month: \(month) has not begun (today is \(day))"
                                                        : "--month: \(month) had not begun by --as-of \(day)")
            }
            let report = try context.store.supervision(congress, month: month, asOf: min(month.last, day))
            let stamp = try context.stamp(congress, asOf: report.asOf)
            let clock = try CongressClock(congress)
            let sections = SupervisionSections(report: report, stamp: stamp, zh: context.lang == .zh)
            try Output.write(to: file) { sink in
                switch format {
                case .text: sink.write(sections.text())
                case .html: sink.write(sections.html(congress: congress.name))
                case .json: sink.write(stamped(supervisionJSON(report, made: stamp.madeOn), stamp, clock).serialized() + "\n")
                case .xlsx: try SupervisionXLSX(sections: sections, congress: congress.name, made: stamp.madeOn).write(into: &sink)
                }
            }
        }
    }
}
