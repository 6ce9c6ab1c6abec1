import ArgumentParser
import CaseStore
import Presentation
import Casework
import Foundation

struct Overdue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "The nightly overdue job (督办): tiers every open obligation and records each new flag once.",
        subcommands: [Sweep.self, Runs.self, Digests.self],
        defaultSubcommand: Sweep.self)

    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Check every open reply, opinion, rehandle and plan deadline as of a day (the default).",
            discussion: """
                due_soon: due within the warning window (working days); overdue: from the day after the \
                due day; severely_overdue: from severe_days (\(PolicyDefaults.value(.severeDays))) after it. Each flag (case, obligation, \
                unit, tier) is recorded the first time a run sees it; later runs report it with \
                "new": false. Safe to rerun, to run after missed nights, and for an earlier day. \
                Two runs at once: the second waits (--no-wait: exits 75). \
                --out-dir writes <as-of>-<code>.csv per unit and <as-of>-index.csv, each \
                replacing a file of the same name whole. In a name, a byte of the code \
                other than a letter, digit, '_', '-' or a '.' after the first is written \
                %XX, and so is the first letter of 'index' (%69ndex). If the run commits \
                but some files cannot be put in place, it stays recorded and exits 74 \
                naming them: jianyi overdue digests --run ID --out-dir DIR writes them. \
                --digest-format xlsx writes the same files as spreadsheets (.xlsx). \
                --format xlsx writes the report as a spreadsheet to standard output, which \
                must then be a file or a pipe, not a terminal.

                Examples:
                  jianyi overdue
                  jianyi overdue --as-of 2024-06-01 --format json
                  jianyi overdue --out-dir /var/lib/jianyi/digests     # one CSV per unit, and an index
                  jianyi overdue --out-dir /var/lib/jianyi/digests --digest-format xlsx
                  jianyi overdue --format xlsx > 督办.xlsx
                """)
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("as-of"), help: "The day to check, YYYY-MM-DD (default today).") var asOf: String?
        @Option(help: "table, json, csv or xlsx.") var format: ListFormat = .table
        @Option(name: .customLong("out-dir"), help: "Write one digest per unit and an index into this existing folder: CSV (UTF-8 with BOM), or .xlsx with --digest-format xlsx.",
                completion: .directory)
        var outDir: String?
        @Option(name: .customLong("digest-format"), help: "The digests' files: csv (the default) or xlsx.") var digestFormat: DigestFormat = .csv
        @Option(name: .customLong("warn-days"), help: "Warning window in working days (default: the policy's warn_working_days, \(PolicyDefaults.value(.warnWorkingDays))).") var warnDays: Int?
        @Flag(name: .customLong("no-wait"), help: "Exit 75 instead of waiting when another run is working.") var noWait = false

        func validate() throws {
            if let warnDays, !(0...100).contains(warnDays) { throw ValidationError("--warn-days: \(warnDays) is not between 0 and 100") }
        }

        func run() throws {
            if format == .xlsx { try XLSXOutput.refuseTerminal(nil, outputOption: false) }
            if let outDir { try DigestWriter.checkDirectory(outDir) }
            let context = try Context(global)
            let congress = try context.congress()
            let day = try context.day(asOf, flag: "--as-of", in: congress)
            let zh = context.lang == .zh
            var digests = try outDir.map { try DigestWriter(directory: $0, asOf: day, format: digestFormat) }
            // On every path out, no staging folder is left (after a delivery there is none).
            defer { digests?.discard() }
            var recorded: OverdueRun?
            var undelivered: Failure?
            // One table per unit, printed when the next unit starts: the report comes ordered by
            // unit, so memory holds one unit's flags, not the night's.
            var section = UnitSection(zh: zh)
            var warnings: [String] = []
            // The run records its new flags after the report has streamed: hold the report
            // until the run has committed, so a run that fails prints nothing.
            do {
                try Output.write(holdUntilDone: true) { out in
                    let draft = format == .xlsx ? try XLSXOutput.Draft() : nil
                    let sheet = try draft.map { try $0.book.addSheet("督办", SheetLayouts.overdue) }
                    switch format {
                    case .json: out.write("{\"as_of\":\"\(day)\",\"flags\":[")
                    case .csv: out.write(CSV.line(Self.csvHeader))
                    case .table, .xlsx: break
                    }
                    // The digests are synced, and the report's writes checked, before the run
                    // commits: a disk that is full fails the run, which then records nothing.
                    let run = try context.store.overdueRun(congress, asOf: day, warnDays: warnDays, wait: !noWait,
                                                           beforeCommit: { try digests?.seal(); try draft?.finish(into: &out); try out.check() }) { flag in
                        try digests?.add(flag)
                        switch format {
                        case .json:
                            out.writeElement { appendFlagJSON(flag, to: &$0) }
                        case .csv:
                            out.write(CSV.line([flag.number, flag.obligation.rawValue, flag.unit, flag.due, flag.daysOverdue,
                                                flag.tier.rawValue, flag.isNew ? "true" : "false", flag.title, flag.unitName]))
                        case .table:
                            if flag.unit != section.unit { section.flush(to: &out); section.start(flag) }
                            section.append(flag)
                        case .xlsx:
                            try sheet?.append(flag)
                        }
                    }
                    recorded = run
                    undelivered = digests?.deliver(run: run.id)
                    switch format {
                    case .json:
                        out.write("],\"run_id\":\(run.id),\"new_flags\":\(run.newFlags),\"warnings\":"
                                  + JSONValue.array(run.warnings.map(JSONValue.string)).serialized() + "}\n")
                    case .csv, .xlsx:
                        break
                    case .table:
                        section.flush(to: &out)
                        out.write(zh ? "\(day) 督办：临期 \(run.dueSoon)，超期 \(run.overdue)，严重超期 \(run.severelyOverdue)；本次新发现 \(run.newFlags)（运行 #\(run.id)）\n"
                                     : "\(day): due soon \(run.dueSoon), overdue \(run.overdue), severely overdue \(run.severelyOverdue); new \(run.newFlags) (run #\(run.id))\n")
                    }
                    warnings = run.warnings
                }
            } catch let failure as Failure where failure.kind == .ioError && recorded != nil {
                // Standard output failed as the held report was copied out, after the commit.
                let digestsToo = undelivered.map { "; " + $0.message } ?? ""
                throw Failure(.ioError, "run #\(recorded!.id) is recorded, but \(failure.message)\(digestsToo)")
            }
            // The report is out and the run recorded; what is missing is the error's one line
            // (the run's warnings stay in its record: jianyi overdue runs).
            if let undelivered { throw undelivered }
            warnings.forEach(warn)
        }

        static let csvHeader = ["number", "obligation", "unit", "due", "days_overdue", "tier", "new", "title", "unit_name"]
    }

    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "runs",
            abstract: "Recent runs: as-of day, started, finished, counts, warnings.",
            discussion: "Example: jianyi overdue runs --format json")
        @OptionGroup var global: GlobalOptions
        @Option(help: "table or json.") var format: ListFormat = .table
        @Option(help: "How many runs (newest first).") var limit = 20

        func validate() throws {
            try format.refuseXLSX()
            guard (1...1000).contains(limit) else { throw ValidationError("--limit: \(limit) is not between 1 and 1000") }
        }

        func run() throws {
            let context = try Context(global)
            let congress = try context.congress()
            let clock = try CongressClock(congress)
            let runs = try context.store.overdueRuns(congress, limit: limit)
            if format == .json {
                emit(JSONValue.array(runs.map { overdueRunJSON($0, clock) }).serialized() + "\n")
                return
            }
            let zh = context.lang == .zh
            var table = TextTable(header: zh ? ["运行", "督办日", "开始", "结束", "临期", "超期", "严重超期", "新发现", "警告"]
                                             : ["run", "as of", "started", "finished", "due soon", "overdue", "severe", "new", "warnings"])
            for r in runs {
                table.append([String(r.id), r.asOf.description, clock.shown(r.startedAt), r.finishedAt.map(clock.shown) ?? (zh ? "未结束" : "unfinished"),
                              String(r.dueSoon), String(r.overdue), String(r.severelyOverdue), String(r.newFlags),
                              String(r.warnings.count)])
            }
            emit(table.render())
        }
    }

    struct Digests: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "digests",
            abstract: "Write a past run's digests again: the files it wrote, or would have written, to --out-dir.",
            discussion: """
                For a run that was recorded but whose digests could not all be written \
                (its message names this command). The flags are found again from the \
                run's day, its warning window and the flags recorded up to it: the files \
                are those the run wrote, unless a step dated on or before its day was \
                recorded since, or severe_days, the calendar or a unit's name changed. \
                Run ids: jianyi overdue runs.

                Example: jianyi overdue digests --run 42 --out-dir /var/lib/jianyi/digests
                """)
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("run"), help: "The run's id (jianyi overdue runs).") var runID: Int
        @Option(name: .customLong("out-dir"), help: "The existing folder to write the digests into.", completion: .directory)
        var outDir: String
        @Option(name: .customLong("digest-format"), help: "csv (the default) or xlsx.") var digestFormat: DigestFormat = .csv

        func run() throws {
            try DigestWriter.checkDirectory(outDir)
            let context = try Context(global)
            let congress = try context.congress()
            let past = try context.store.overdueRun(congress, id: runID)
            var digests = try DigestWriter(directory: outDir, asOf: past.asOf, format: digestFormat)
            defer { digests.discard() }
            try context.store.overdueFlags(congress, of: past) { try digests.add($0) }
            try digests.seal()
            if let failure = digests.deliver(run: past.id) { throw failure }
            emit(context.text("已写入运行 #\(past.id)（\(past.asOf)）的督办文件 \(digests.delivered) 个：\(outDir)\n",
                              "wrote the \(digests.delivered) digest files of run #\(past.id) (\(past.asOf)) to \(outDir)\n"))
        }
    }
}

/// Appends one flag as JSON, straight to bytes: a run can report a hundred thousand flags.
func appendFlagJSON(_ flag: OverdueFlag, to out: inout [UInt8]) {
    func key(_ name: StaticString) {
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: "\":".utf8)
    }
    out.append(UInt8(ascii: "{"))
    key("number"); JSONValue.appendQuoted(flag.number, to: &out); out.append(UInt8(ascii: ","))
    key("obligation"); JSONValue.appendQuoted(flag.obligation.rawValue, to: &out); out.append(UInt8(ascii: ","))
    key("unit"); JSONValue.appendQuoted(flag.unit, to: &out); out.append(UInt8(ascii: ","))
    key("due"); JSONValue.appendQuoted(flag.due.description, to: &out); out.append(UInt8(ascii: ","))
    key("days_overdue"); out.append(contentsOf: String(flag.daysOverdue).utf8); out.append(UInt8(ascii: ","))
    key("tier"); JSONValue.appendQuoted(flag.tier.rawValue, to: &out); out.append(UInt8(ascii: ","))
    key("new"); out.append(contentsOf: (flag.isNew ? "true" : "false").utf8)
    out.append(UInt8(ascii: "}"))
}

/// The flags of one unit in the table format: a heading, then its rows aligned.
struct UnitSection {
    let zh: Bool
    private(set) var unit: String?
    private var heading = ""
    private var table: TextTable

    init(zh: Bool) {
        self.zh = zh
        table = Self.emptyTable(zh: zh)
    }

    mutating func start(_ flag: OverdueFlag) {
        unit = flag.unit
        heading = "\(flag.unit) \(flag.unitName)".terminalLine
        table = Self.emptyTable(zh: zh)
    }

    mutating func append(_ flag: OverdueFlag) {
        table.append([flag.number, flag.title, flag.obligation.label(zh: zh), flag.due.description,
                      String(flag.daysOverdue), flag.tier.label(zh: zh), flag.isNew ? "●" : ""])
    }

    /// Writes the unit's table, if it has rows.
    mutating func flush(to out: inout Output) {
        guard !table.rows.isEmpty else { return }
        out.write(zh ? "\(heading)（\(table.rows.count) 项）\n" : "\(heading) (\(table.rows.count))\n")
        out.write(table.render())
        out.write("\n")
        table.rows.removeAll()
    }

    private static func emptyTable(zh: Bool) -> TextTable {
        TextTable(header: zh ? ["编号", "标题", "事项", "期限", "超期天数", "级别", "新"]
                             : ["number", "title", "obligation", "due", "days over", "tier", "new"],
                  maxWidths: [nil, 30])
    }
}
