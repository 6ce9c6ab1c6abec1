import ArgumentParser
import CaseStore
import Casework
import Presentation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports for supervision.", subcommands: [Repeated.self, Supervision.self])

    struct Repeated: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "repeated",
            abstract: "Suggestions raised again (反复提): each case whose title closely matches one of an earlier session.",
            discussion: """
                A case repeats an earlier one when their titles score 0.6 or more (as in `jianyi similar`) \
                and the earlier one was filed in another session or recess year, on an earlier day, by the \
                same deputy or another. Each earlier case is listed with its reply and rating: a topic \
                raised again after an A or B reply is what supervision looks at first. With --as-of DATE, \
                the cases registered by then, the earlier ones' reply and rating as they stood then.

                Examples:
                  jianyi report repeated --session 5-4
                  jianyi report repeated --format json
                  jianyi report repeated --format xlsx > 反复提.xlsx
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only the later cases of this session, e.g. 5-4.", completion: CodeCompletion.sessions) var session: String?
        @OptionGroup var asOf: AsOfOption
        @Option(help: "table, csv, json or xlsx (a spreadsheet, to standard output when it is not a terminal).")
        var format: Format = .table

        enum Format: String, ExpressibleByArgument { case table, csv, json, xlsx }

        func run() throws {
            _ = try asOf.given()
            if format == .xlsx { try XLSXOutput.refuseTerminal(nil, outputOption: false) }
            let context = try Context(global)
            let congress = try context.congress()
            let day = try asOf.day(context, congress)
            let rows = try context.store.repeated(congress, session: session, asOf: day)
            let stamp = try context.stamp(congress, asOf: day)
            let clock = try CongressClock(congress)
            let counts = Counts(rows)
            let zh = context.lang == .zh
            switch format {
            case .xlsx:
                try Output.write { out in
                    try XLSXOutput.write(into: &out) { book in try book.addSheet("反复提", SheetLayouts.repeated) { row in try rows.forEach(row) } }
                }
            case .json:
                emit(stamped(JSONValue.object([
                    ("session", .optional(session)), ("repeated_cases", .int(counts.cases)),
                    ("by_the_same_deputy", .int(counts.sameDeputy)), ("by_another_deputy", .int(counts.otherDeputy)),
                    ("earlier_reply_a_or_b", .int(counts.earlierAOrB)),
                    ("rows", .array(rows.map { r in
                        .object([("number", .string(r.number)), ("title", .string(r.title)), ("deputy", .string(r.deputy)),
                                 ("session", .optional(r.session)), ("same_deputy", .bool(r.sameDeputy)), ("earlier", earlierJSON(r.earlier))])
                    })),
                ]), stamp, clock).serialized() + "\n")
            case .csv:
                emit(CSV.line(["number", "title", "deputy", "session", "same_deputy", "earlier_number", "earlier_title", "earlier_deputy",
                               "earlier_session", "score", "earlier_outcome", "earlier_replied_on", "earlier_rating_result"]))
                for r in rows {
                    let e = r.earlier
                    emit(CSV.line([r.number, r.title, r.deputy, r.session ?? "", r.sameDeputy ? "yes" : "no", e.number, e.title, e.deputy,
                                   e.session ?? "", String(format: "%.3f", e.score), e.outcome?.rawValue ?? "",
                                   e.repliedOn?.description ?? "", e.ratingResult?.rawValue ?? ""]))
                }
            case .table:
                var table = TextTable(header: (zh ? ["编号", "标题", "领衔代表"] : ["number", "title", "deputy"]) + EarlierColumns.header(zh: zh),
                                      maxWidths: [nil, 24, nil, nil, nil, 24])
                for r in rows { table.append([r.number, r.title, r.deputy] + EarlierColumns.cells(r.earlier, zh: zh)) }
                emit(stamp.lines(clock, zh: zh))
                if !rows.isEmpty { emit(table.render()) }
                emit(zh ? "反复提建议 \(counts.cases) 件：同一代表再提 \(counts.sameDeputy) 件，其他代表再提 \(counts.otherDeputy) 件；往届已答复为 A 或 B 的 \(counts.earlierAOrB) 件。\n"
                        : "\(counts.cases) suggestions raised again: \(counts.sameDeputy) by the same deputy, \(counts.otherDeputy) by another; \(counts.earlierAOrB) after an earlier A or B reply.\n")
            }
        }
    }

    /// Later cases, counted once each however many earlier cases they repeat.
    struct Counts {
        let cases: Int, sameDeputy: Int, otherDeputy: Int, earlierAOrB: Int

        init(_ rows: [RepeatedCase]) {
            let byCase = Dictionary(grouping: rows, by: \.number)
            cases = byCase.count
            sameDeputy = byCase.values.filter { $0.contains(where: \.sameDeputy) }.count
            otherDeputy = byCase.values.filter { $0.contains { !$0.sameDeputy } }.count
            earlierAOrB = byCase.values.filter { $0.contains { [.a, .b].contains($0.earlier.outcome) } }.count
        }
    }
}
