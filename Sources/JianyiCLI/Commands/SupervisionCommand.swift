import ArgumentParser
import CaseStore
import Casework
import Presentation

extension ReportCommand {
    struct Supervision: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The monthly supervision report (督办通报) for the 主任会议.",
            discussion: """
                Cases by state at the end of the month and the change since the end of the month \
                before; replies dated in the month, on time or late, by unit; what is overdue at the end \
                of the month and for how long, by unit, the longest first; key suggestions (重点建议) \
                with their leader and progress; suggestions raised again; and the units that replied \
                to none of the replies due. Every figure is counted by the dates the steps carry, as the \
                cases stood at the end of the month (or of today, while the month runs).

                Examples:
                  jianyi report supervision --month 2026-06
                  jianyi report supervision --month 2026-06 --format html --output 督办通报-2026-06.html
                  jianyi report supervision --month 2026-06 --format xlsx --output 督办通报-2026-06.xlsx
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month")) var month: String
        @Option(help: "text, html, json or xlsx (a sheet per section: --output FILE, or standard output when it is not a terminal).")
        var format: Format = .text
        @Option(help: ArgumentHelp("Write to this file instead of standard output, replaced whole or not at all.", valueName: "file"), completion: FileCompletion.text)
        var output: String?

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, html, json, xlsx }

        func run() throws {
            let month = try Month.parse(self.month, for: "--month")
            let file = try output.map { try OutputFile($0, flag: "--output") }
            if format == .xlsx { try XLSXOutput.refuseTerminal(file) }
            let context = try Context(global)
            let congress = try context.congress()
            let today = try context.today(in: congress)
            guard month.first <= today else {
                throw Failure.badValue("--month: \(month) has not begun (today is \(today))")
            }
            let report = try context.store.supervision(congress, month: month, asOf: min(month.last, today))
            let sections = SupervisionSections(report: report, zh: context.lang == .zh)
            try Output.write(to: file) { sink in
                switch format {
                case .text: sink.write(sections.text(made: today))
                case .html: sink.write(sections.html(congress: congress.name, made: today))
                case .json: sink.write(supervisionJSON(report, made: today).serialized() + "\n")
                case .xlsx: try SupervisionXLSX(sections: sections, congress: congress.name, made: today).write(into: &sink)
                }
            }
        }
    }
}
