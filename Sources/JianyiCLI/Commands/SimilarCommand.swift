import ArgumentParser
import Foundation
import CaseStore
import Casework

struct Similar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Earlier suggestions like this one (反复提), most alike first.",
        discussion: """
            Titles are compared by their character pairs, leaving out 关于…的建议; the score runs \
            from 0 (nothing in common) to 1 (the same words).

            Examples:
              jianyi similar 5-4-0012
              jianyi similar --title 关于加快老旧小区改造的建议 --format json
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The suggestion's number (or use --title).") var number: String?
    @Option(help: "A title to look for instead of a registered suggestion.") var title: String?
    @Option(help: "How many to show.") var limit = 10
    @Option(name: .customLong("min-score"), help: "Leave out those less alike than this (0–1).") var minScore = 0.3
    @Option(help: "table or json.") var format: Show.ShowFormat = .table

    func validate() throws {
        guard (number == nil) != (title == nil) else { throw ValidationError("give NUMBER or --title, not both") }
        guard (1...200).contains(limit) else { throw ValidationError("--limit: \(limit) is not between 1 and 200") }
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score: \(minScore) is not between 0 and 1") }
    }

    func run() throws {
        var reference = try title.map { try Registration.title($0) } ?? ""
        let context = try Context(global)
        let congress = try context.congress()
        var before: Day?
        if let number {
            let view = try context.store.caseView(congress, number: number)
            reference = view.title
            before = view.submittedOn
        }
        let found = try context.store.similar(congress, title: reference, excluding: number, before: before, limit: limit, threshold: minScore)
        if format == .json {
            emit(JSONValue.array(found.map {
                .object([("number", .string($0.number)), ("title", .string($0.title)), ("deputy", .string($0.deputy)),
                         ("submitted_on", .string($0.submittedOn.description)), ("state", .string($0.state.rawValue)),
                         ("score", .raw(String(format: "%.3f", $0.score)))])
            }).serialized() + "\n")
            return
        }
        let zh = context.lang == .zh
        var table = TextTable(header: zh ? ["相似度", "编号", "标题", "领衔代表", "提交日期", "状态"]
                                         : ["score", "number", "title", "deputy", "submitted", "state"], maxWidths: [nil, nil, 40])
        for c in found {
            table.append([String(format: "%.2f", c.score), c.number, c.title, c.deputy, c.submittedOn.description,
                          c.state.label(zh: zh)])
        }
        emit(table.render())
        if found.isEmpty { emit(context.text("没有相似的建议。\n", "No similar suggestions.\n")) }
    }
}
