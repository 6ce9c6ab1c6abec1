import ArgumentParser
import CaseStore
import Presentation
import Casework

extension CaseState: ExpressibleByArgument {}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one case: its deputy, state, units, deadlines and timeline.",
        discussion: "Example: jianyi show 5-4-0012 --format json")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The suggestion's number, e.g. 5-4-0012.") var number: String
    @Option(help: "table or json.") var format: ShowFormat = .table

    enum ShowFormat: String, ExpressibleByArgument { case table, json }

    func run() throws {
        let context = try Context(global)
        let congress = try context.congress()
        let view = try context.store.caseView(congress, number: number)
        let events = try context.store.history(congress, caseID: view.id)
        let earlier = try context.store.similarEarlier(congress, caseID: view.id)
        let contacts = try context.store.contacts(congress, caseID: view.id)
        let publication = try context.store.publicationStatus(congress, caseID: view.id)
        let today = try context.today(in: congress)
        if format == .json {
            let clock = try CongressClock(congress)
            var json = caseJSON(view, today: today, contacts: contacts, timeline: events.map { eventJSON($0, clock) })
            if case .object(let pairs) = json {
                json = .object(pairs + [("similar_earlier", .array(earlier.map(earlierJSON))),
                                        ("publish_consent", .optional(publication.consent.map { $0 ? "yes" : "no" })),
                                        ("publication", .optional(publication.decision?.rawValue))])
            }
            emit(json.serialized() + "\n")
            return
        }
        let zh = context.lang == .zh
        var lines: [(String, String)] = [
            (zh ? "编号" : "number", view.number),
            (zh ? "标题" : "title", view.title),
            (zh ? "状态" : "state", view.state.label(zh: zh)),
            (zh ? "领衔代表" : "deputy", "\(view.deputy) \(view.deputyName)（\(view.delegation)）"),
        ]
        if let into = view.mergedInto {
            lines.append((zh ? "已并入" : "merged into", zh ? "\(into)（以该案的办理和答复为准：jianyi show \(into)）"
                                                        : "\(into) (handled and answered as part of it: jianyi show \(into))"))
        }
        if !view.merged.isEmpty { lines.append((zh ? "并入本案" : "merged in", view.merged.joined(separator: ", "))) }
        if !view.cosigners.isEmpty { lines.append((zh ? "附议代表" : "co-signers", view.cosigners.joined(separator: ", "))) }
        let sessionText = view.session.flatMap { SessionCode($0) }.map { zh ? "\($0.label)（\($0)）" : $0.description }
        lines.append((zh ? "届次" : "session", sessionText ?? (zh ? "闭会期间" : "recess")))
        lines.append((zh ? "渠道" : "channel", view.channel.label(zh: zh) + (view.station.map { " · \($0)" } ?? "")))
        lines.append((zh ? "类别" : "category", view.category))
        lines.append((zh ? "提交日期" : "submitted", view.submittedOn.description))
        if view.isKey {
            let who = [view.keyLeader, view.keyCommittee].compactMap { $0 }.joined(separator: " · ")
            lines.append((zh ? "重点建议" : "key", (zh ? "是" : "yes") + (who.isEmpty ? "" : "（\(who)）")))
        }
        if let lead = view.leadUnit {
            lines.append((zh ? "主办单位" : "lead unit", lead + (view.complex ? (zh ? "（涉及面广、处理难度大）" : " (complex)") : "")))
            if !view.coUnits.isEmpty { lines.append((zh ? "协办单位" : "co-handlers", view.coUnits.joined(separator: ", "))) }
            lines.append((zh ? "交办日期" : "assigned", view.assignedOn?.description ?? ""))
        }
        if let outcome = view.outcome {
            lines.append((zh ? "答复" : "reply", "\(view.repliedOn?.description ?? "") " + outcome.label(zh: zh)
                          + (view.planBy.map { zh ? "，计划 \($0) 前完成" : ", plan by \($0)" } ?? "")))
        }
        if let result = view.ratingResult {
            let attitude = view.ratingAttitude.map { zh ? "，态度\($0.zh)" : ", attitude \($0.rawValue)" } ?? ""
            lines.append((zh ? "评价" : "rating", (zh ? "结果\(result.zh)" : "result \(result.rawValue)") + attitude
                          + (view.round == 2 ? (zh ? "（第二轮）" : " (round 2)") : "")))
        }
        if publication.consent != nil || publication.decision != nil {
            let consent = publication.consent.map { zh ? ($0 ? "代表同意" : "代表不同意") : ($0 ? "deputy consents" : "deputy declines") }
                ?? (zh ? "代表未表态" : "deputy not asked")
            let decision = publication.decision.map { $0.label(zh: zh) } ?? (zh ? "未审定" : "not decided")
            lines.append((zh ? "答复公开" : "publication", "\(consent) · \(decision)"))
        }
        let labelWidth = lines.map { displayWidth($0.0) }.max() ?? 0
        // A value on its label's line only: a title holding a line break cannot fake another field.
        var out = lines.map { pad($0.0, to: labelWidth) + "  " + $0.1.terminalLine }.joined(separator: "\n") + "\n"
        if !view.body.isEmpty { out += "\n" + view.body + "\n" }
        if !view.deadlines.isEmpty {
            out += "\n" + (zh ? "办理期限" : "deadlines") + "\n"
            var deadlines = TextTable(header: zh ? ["事项", "单位", "期限", "状态"] : ["obligation", "unit", "due", "status"])
            for d in view.deadlines {
                deadlines.append([d.kind.label(zh: zh), ownerLabel(d.unit, zh: zh), d.due.description,
                                  d.status(on: today).label(zh: zh) + (d.metOn.map { " \($0)" } ?? "")])
            }
            out += deadlines.render()
        }
        if !contacts.isEmpty { out += "\n" + contactTable(contacts, zh: zh) }
        if !earlier.isEmpty {
            out += "\n" + (zh ? "往届相似建议（反复提）" : "raised in an earlier session (反复提)") + "\n"
            var similar = TextTable(header: EarlierColumns.header(zh: zh), maxWidths: [nil, nil, 30])
            for e in earlier { similar.append(EarlierColumns.cells(e, zh: zh)) }
            out += similar.render()
        }
        out += "\n" + (zh ? "办理经过" : "timeline") + "\n"
        var table = TextTable(header: zh ? ["日期", "事项", "经办"] : ["date", "event", "by"])
        for event in events { table.append([event.on.description, event.kind.label(zh: zh), event.actor]) }
        out += table.render()
        emit(out)
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List cases, in number order.",
        discussion: """
            Examples:
              jianyi list --session 5-4
              jianyi list --state submitted --format csv > submitted.csv
              jianyi list --deputy D001 --format json
              jianyi list --session 5-4 --format xlsx --output 建议.xlsx
              jianyi list --state assigned --unit SJJ --as-of 2024-06-30

            With --as-of, each case is shown as it stood at the end of that day by the dates its steps \
            carry (a reply dated later is not seen; a case registered later is not listed), and \
            --state, --unit, --key and --overdue apply to the case as it stood then.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only cases in this state (submitted, accepted, rejected, withdrawn, assigned, replied, rehandling, following, closed).")
    var state: CaseState?
    @Option(help: "Only cases led by this deputy.", completion: CodeCompletion.deputies) var deputy: String?
    @Option(help: "Only cases of this session, e.g. 5-4.", completion: CodeCompletion.sessions) var session: String?
    @Flag(help: "Only key suggestions (重点建议).") var key = false
    @Option(help: "Only cases this unit is currently assigned to (with --as-of: was assigned to then).",
            completion: CodeCompletion.units) var unit: String?
    @Flag(help: "Only cases with a reply, opinion, rehandle or plan deadline already passed (as of today, or --as-of).") var overdue = false
    @OptionGroup var asOf: AsOfOption
    @Option(help: "table, json, csv or xlsx (a spreadsheet: --output FILE, or standard output when it is not a terminal).")
    var format: ListFormat = .table
    @Option(help: ArgumentHelp("Write to this file instead of standard output, replaced whole or not at all.", valueName: "file"),
            completion: .file())
    var output: String?

    func run() throws {
        let given = try asOf.given()
        let file = try output.map { try OutputFile($0, flag: "--output") }
        if format == .xlsx { try XLSXOutput.refuseTerminal(file) }
        let context = try Context(global)
        let congress = try context.congress()
        let today = try asOf.day(context, congress)
        let filter = CaseFilter(state: state, deputy: deputy, session: session, keyOnly: key, unit: unit,
                                overdueOn: overdue ? today : nil, asOf: given == nil ? nil : today)
        let stamp = try given.map { try context.stamp(congress, asOf: $0) }
        let zh = context.lang == .zh
        try Output.write(to: file) { out in
            switch format {
            case .xlsx:
                try XLSXOutput.write(into: &out) { book in
                    try book.addSheet("建议", SheetLayouts.cases) { row in try context.store.listCases(congress, filter) { try row($0) } }
                }
            case .json:
                out.write("[")
                try context.store.listCases(congress, filter) { let view = $0; out.writeElement { caseJSON(view, today: today).write(to: &$0) } }
                out.write("]\n")
            case .csv:
                out.write(CSV.line(caseCSVHeader))
                try context.store.listCases(congress, filter) { out.write(CSV.line(caseCSVRow($0))) }
            case .table:
                var table = TextTable(
                    header: zh ? ["编号", "标题", "状态", "领衔代表", "类别", "提交日期"] : ["number", "title", "state", "deputy", "category", "submitted"],
                    maxWidths: [nil, 44])
                try context.store.listCases(congress, filter) { view in
                    table.append([view.number, view.title, view.state.label(zh: zh),
                                  "\(view.deputy) \(view.deputyName)", view.category, view.submittedOn.description])
                }
                if let stamp { out.write(stamp.lines(try CongressClock(congress), zh: zh)) }
                out.write(table.render())
                out.write(zh ? "共 \(table.rows.count) 件\n" : "\(table.rows.count) cases\n")
            }
        }
    }
}

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every event of a case, oldest first: when, who, what.",
        discussion: "Example: jianyi history 5-4-0012")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The suggestion's number.") var number: String
    @Option(help: "table or json.") var format: Show.ShowFormat = .table

    func run() throws {
        let context = try Context(global)
        let congress = try context.congress()
        let clock = try CongressClock(congress)
        let events = try context.store.history(congress, number: number)
        if format == .json {
            emit(JSONValue.array(events.map { eventJSON($0, clock) }).serialized() + "\n")
            return
        }
        let zh = context.lang == .zh
        var table = TextTable(header: zh ? ["序号", "日期", "记录时间", "经办", "事项", "内容"] : ["#", "date", "recorded", "by", "event", "details"], maxWidths: [nil, nil, nil, nil, nil, 100])
        for event in events {
            table.append([String(event.number), event.on.description, clock.shown(event.recordedAt), event.actor, event.kind.label(zh: zh),
                          eventDetails(event.data, zh: zh)])
        }
        emit(table.render())
    }
}
