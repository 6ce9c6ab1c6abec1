import ArgumentParser
import CaseStore
import Casework

extension CaseFileFormat: ExpressibleByArgument {}

/// What `export cases` writes: the exchange formats `import cases` reads back, and xlsx for
/// people to read (not read back: docs/export.md).
enum CaseExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json, jsonl, xlsx
}

extension Export {
    struct Cases: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cases",
            abstract: "Every case with its whole state and history: csv, json or jsonl that import cases reads back, or xlsx to read.",
            discussion: """
                One record per case, by number: the case (title, body, deputy, co-signers, session, \
                channel, category, state, key suggestion marks, ref), its units (lead and co, complex), \
                deadlines, transfer requests, contacts and the deputy's answers, replies and ratings of \
                every round, and its history with each step's own date (opinions and follow-ups are \
                history events). Keys are the contract's English; the layout is versioned by the \
                format_version field of every record (docs/export.md). csv: one row per case, lists as \
                JSON cells, text that could run as a formula starts with ' (so does text that \
                started with '; import cases takes one off). json: an array of the records. jsonl: one \
                record per line. xlsx: a workbook to read, not to import: a sheet 建议 with a row per \
                case (Chinese headers, names beside codes, codes and days as text), and a sheet per list \
                (承办单位, 期限, 转办申请, 沟通联系, 联系确认, 答复, 评价, 历史) with a row per item; a sheet \
                holds at most 1,048,575 rows, so export a large congress by --session or --from/--to. \
                Streamed from PostgreSQL: any number of cases in constant memory. \
                --from and --to select by the day the case was submitted.

                Examples:
                  jianyi export cases --format jsonl --output cases.jsonl
                  jianyi export cases --session 5-4 --format csv --output 5-4.csv
                  jianyi export cases --from 2024-01-01 --to 2024-12-31 --format json
                  jianyi export cases --session 5-4 --format xlsx --output 建议-5-4.xlsx
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only cases of this session, e.g. 5-4.", completion: CodeCompletion.sessions) var session: String?
        @Option(help: "Only cases submitted on or after this day.") var from: String?
        @Option(help: "Only cases submitted on or before this day.") var to: String?
        @Option(help: "csv, json, jsonl (read back by import cases) or xlsx (a spreadsheet to read: --output FILE, or standard output when it is not a terminal).")
        var format: CaseExportFormat
        @Option(help: ArgumentHelp(
            "Write to this file instead of standard output: replaced whole or not at all (a temporary file beside it, renamed over it). A folder, a missing folder, or a file or folder without write permission is refused (exit 73) and left as it is.",
            valueName: "file"), completion: FileCompletion.text)
        var output: String?

        func run() throws {
            let from = try self.from.map { try Day.parse($0, for: "--from") }
            let to = try self.to.map { try Day.parse($0, for: "--to") }
            if let from, let to, to < from { throw Failure.badValue("--to: \(to) is before --from \(from)") }
            if let session { _ = try SessionCode.parse(session, for: "--session") }
            let file = try output.map { try OutputFile($0, flag: "--output") }
            if format == .xlsx { try XLSXOutput.refuseTerminal(file) }
            let context = try Context(global)
            let congress = try context.congress()
            let selection = CaseSelection(session: session, from: from, to: to)
            try Output.write(to: file) { sink in
                switch format {
                case .json:
                    sink.write("[")
                    try context.store.exportCases(congress, selection) { values in
                        sink.writeElement { caseJSON(CaseCell.cells(values)).write(to: &$0) }
                    }
                    sink.write("]\n")
                case .jsonl:
                    try context.store.exportCases(congress, selection) { values in
                        var line: [UInt8] = []
                        caseJSON(CaseCell.cells(values)).write(to: &line)
                        line.append(0x0A)
                        sink.write(line)
                    }
                case .csv, .xlsx:
                    var table = try tableWriter(context, congress)
                    try table.header(CaseExchange.names, into: &sink)
                    try context.store.exportCases(congress, selection) { try table.row(CaseCell.cells($0), into: &sink) }
                    try table.finish(into: &sink)
                }
            }
        }

        /// The writer of the table formats; the workbook's names are read before the export streams.
        private func tableWriter(_ context: Context, _ congress: Congress) throws -> any CaseTableWriter {
            guard format == .xlsx else { return CaseCSVWriter() }
            let deputies = try context.store.deputies(congress), units = try context.store.units(congress)
            return CaseXLSXWriter(names: CaseSheetNames(
                deputies: Dictionary(deputies.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }),
                units: Dictionary(units.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })))
        }
    }
}

extension ImportCommand {
    struct Cases: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cases",
            abstract: "Recreate the cases of a file export cases wrote (all cases or none).",
            discussion: """
                Reads the layout of export cases (docs/export.md) in csv, json or jsonl (by the \
                file's extension, or --file-format) and recreates each case whole in this congress: \
                its number, state, units, deadlines, transfers, contacts, replies, ratings and \
                history with their own dates. The congress's sessions, deputies and units must be \
                there already. A case whose number or ref the congress already has is refused, as is \
                any value that does not fit the layout; every bad row is listed (exit 65; with \
                --format json also on standard output) and nothing is imported. Numbering then \
                continues after the highest number imported in each series. jsonl and csv are \
                streamed; json is read whole.

                Example: jianyi import cases cases.jsonl
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ImportOptions
        @Argument(help: "The file (UTF-8; - for standard input, with --file-format).", completion: FileCompletion.caseFile)
        var file: String
        @Option(name: .customLong("file-format"), help: "csv, json or jsonl (default: the file's extension).")
        var fileFormat: CaseFileFormat?

        func run() throws {
            let format = try fileFormat ?? formatOfName()
            let source = try importSource(file)
            let context = try Context(global)
            let congress = try context.congress()
            let progress = ProgressLine(quiet: options.quiet, lang: context.lang)
            defer { progress?.end() }
            let result = try options.reportingBadRows {
                try context.store.importCases(
                    congress, source: source, format: format, file: file,
                    progress: progress.map { line in { rows, bytes in line.update(rows: rows, bytes: bytes, of: source.size) } })
            }
            progress?.end()
            if options.format == .json {
                emit(JSONValue.object([("imported", .int(result.imported)), ("first", .optional(result.first)),
                                       ("last", .optional(result.last))]).serialized() + "\n")
                return
            }
            emit(context.text("已导入 \(result.imported) 件建议（\(result.first ?? "") … \(result.last ?? "")）",
                              "imported \(result.imported) cases (\(result.first ?? "") … \(result.last ?? ""))") + "\n")
        }

        private func formatOfName() throws -> CaseFileFormat {
            let ending = file.split(separator: ".").last.map { $0.lowercased() }
            if file.contains("."), ending == "xlsx" {
                throw Failure.badValue("\(file): an xlsx export is for reading, not for import; export cases --format jsonl (or csv, json) writes a file import cases reads")
            }
            guard file.contains("."), let ending, let format = CaseFileFormat(rawValue: ending) else {
                throw Failure.badValue("--file-format: say csv, json or jsonl; \(file) does not end in .csv, .json or .jsonl")
            }
            return format
        }
    }
}
