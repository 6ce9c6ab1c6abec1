import ArgumentParser
import CaseStore
import Casework
import Presentation

extension Grouping: ExpressibleByArgument {}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json, table, html, xlsx
}

/// The filters every summary takes.
struct ScopeOptions: ParsableArguments {
    @Option(help: "Only cases of this session, e.g. 5-4.", completion: CodeCompletion.sessions) var session: String?
    @Option(help: "Only cases first replied on or after this day.") var from: String?
    @Option(help: "Only cases first replied on or before this day.") var to: String?
    @Flag(help: "Only key suggestions (重点建议).") var key = false

    /// The dates as given, checked before the database is opened.
    func dates() throws -> (from: Day?, to: Day?) {
        let from = try self.from.map { try Day.parse($0, for: "--from") }
        let to = try self.to.map { try Day.parse($0, for: "--to") }
        if let from, let to, to < from { throw Failure.badValue("--to: \(to) is before --from \(from)") }
        return (from, to)
    }

    /// The scope as of the report's day (today, or --today).
    func scope(asOf: Day) throws -> SummaryScope {
        let (from, to) = try dates()
        return SummaryScope(asOf: asOf, session: session, from: from, to: to, keyOnly: key)
    }

    /// What the report covers, as its heading says it.
    func description(zh: Bool) -> String {
        var parts: [String] = []
        if let session {
            parts.append(zh ? SessionCode(session).map { "\($0.label)（\(session)）" } ?? session : "session \(session)")
        }
        if from != nil || to != nil {
            parts.append(zh ? "答复日期 \(from ?? "…") 至 \(to ?? "…")" : "replied \(from ?? "…") to \(to ?? "…")")
        }
        if key { parts.append(zh ? "重点建议" : "key suggestions") }
        return parts.isEmpty ? (zh ? "全部已交办建议" : "all assigned suggestions") : parts.joined(separator: zh ? "，" : ", ")
    }
}

/// How a report is written.
struct ReportOptions: ParsableArguments {
    @Option(help: "table, csv, json, html or xlsx (a spreadsheet: --output FILE, or standard output when it is not a terminal).")
    var format: ReportFormat = .table
    @Flag(help: "Start the CSV with a byte-order mark (for Excel/WPS).") var bom = false
    @Option(help: ArgumentHelp(
        "Write to this file instead of standard output: replaced whole or not at all (a temporary file beside it, renamed over it). A symbolic link is written through to the file it names. A folder, a missing folder, or a file or folder without write permission is refused (exit 73) and left as it is.",
        valueName: "file"), completion: .file())
    var output: String?

    /// What a CSV starts with: the byte-order mark when asked for.
    var csvStart: String { bom ? CSV.byteOrderMark : "" }

    /// The --output file, checked before any work (73 when it cannot be written).
    func outputFile() throws -> OutputFile? {
        let file = try output.map { try OutputFile($0, flag: "--output") }
        if format == .xlsx { try XLSXOutput.refuseTerminal(file) }
        return file
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Reports for publication, and every case for other systems.", subcommands: [Satisfaction.self, Publication.self, Cases.self])

    struct Satisfaction: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "satisfaction",
            abstract: "Satisfaction summary (满意度测评): replies on time, contacts, ratings, resolution, per group.",
            discussion: """
                Counts are of assigned cases; the final rating counts for satisfaction, round-1 \
                dissatisfied cases are counted apart; outcome B counts as resolved once its plan is \
                done. on_time_rate (按期答复率) is replied on time over replied plus unreplied past due \
                as of today (--today), so a unit that never replies is not on time; \
                replied_on_time_rate is the share of the replied cases alone. Rates are decimals with 4 \
                places, empty when nothing is there to divide by. With --as-of DATE the cases count as \
                they stood at the end of that day, by the dates their steps carry; the table and the page \
                say the day, when they were made, and how many steps dated by then were recorded later.

                Examples:
                  jianyi export satisfaction --by unit --session 5-4 --format csv --bom --output 满意度.csv
                  jianyi export satisfaction --by deputy --from 2024-03-01 --to 2024-12-31 --format json
                  jianyi export satisfaction --key --format html --output report.html
                  jianyi export satisfaction --as-of 2024-06-30 --format html --output 上半年.html
                  jianyi export satisfaction --by unit --format xlsx --output 满意度.xlsx
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: ScopeOptions
        @OptionGroup var asOf: AsOfOption
        @Option(help: "unit (the lead unit), category, session, delegation or deputy.") var by: Grouping = .unit
        @OptionGroup var report: ReportOptions

        func run() throws {
            _ = try filters.dates()
            _ = try asOf.given()
            let file = try report.outputFile()
            let context = try Context(global)
            let congress = try context.congress()
            let scope = try filters.scope(asOf: try asOf.day(context, congress))
            let stamp = try context.stamp(congress, asOf: scope.asOf)
            let clock = try CongressClock(congress)
            try Output.write(to: file) { try render(context, congress, scope, stamp, clock, &$0) }
        }

        private func render(_ context: Context, _ congress: Congress, _ scope: SummaryScope, _ stamp: AsOfStamp, _ clock: CongressClock,
                            _ sink: inout Output) throws {
            let zh = context.lang == .zh
            switch report.format {
            case .csv:
                sink.write(report.csvStart + CSV.line(measureKeys + addedMeasureKeys))
                try context.store.satisfaction(congress, by: by, scope: scope) { sink.write(CSV.line(measureFields($0) + addedMeasureFields($0))) }
            case .xlsx:
                try XLSXOutput.write(into: &sink) { book in
                    try book.addSheet("满意度测评", SheetLayouts.measures(by: by)) { row in
                        try context.store.satisfaction(congress, by: by, scope: scope) { try row($0) }
                    }
                }
            case .json:
                sink.write("[")
                try context.store.satisfaction(congress, by: by, scope: scope) { let measures = $0; sink.writeElement { measureJSON(measures).write(to: &$0) } }
                sink.write("]\n")
            case .table:
                var table = measureTable(zh: zh, by: by, score: false)
                try context.store.satisfaction(congress, by: by, scope: scope) { table.append(measureRow($0, by: by)) }
                sink.write(stamp.lines(clock, zh: zh))
                sink.write(table.rows.isEmpty ? noData(zh: zh) : table.render())
                sink.write(onTimeNote(asOf: scope.asOf, zh: zh) + "\n")
            case .html:
                var rows: [Measures] = []
                try context.store.satisfaction(congress, by: by, scope: scope) { rows.append($0) }
                let covers = filters.description(zh: zh) + (zh ? "，按\(groupingLabel(by.rawValue, zh: true))" : ", by \(by.rawValue)")
                sink.write(HTMLReport(zh: zh, congress: congress.name, title: zh ? "代表建议办理满意度测评" : "Satisfaction with the handling of suggestions",
                                      covers: covers, grouping: by, stamp: stamp, rows: rows, scores: nil, policy: nil).render())
            }
        }
    }
}
