import ArgumentParser
import CaseStore
import Casework
import Presentation

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "score", abstract: "Score the handling units (评分通报).", subcommands: [Units.self])

    struct Units: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "units",
            abstract: "Each lead unit's score, 0–100, from its on-time, contact, satisfaction and resolution rates.",
            discussion: """
                score = 100 × (w_on_time × on_time_rate + w_contact × contact_rate + w_satisfaction × \
                satisfaction_rate + w_resolution × resolution_rate); an empty rate counts as 0 and is \
                named. on_time_rate counts every case replied or past its reply's due day as of today \
                (--today), so a unit that never replies scores 0 on it. Weights: \(Self.defaultWeights) \
                unless the congress sets its own (jianyi policy set weight_satisfaction 0.5). Ranked by \
                score, then cases, then code; a unit with fewer rated cases than min_rated_cases \
                (\(PolicyDefaults.value(.minRatedCases)) unless the congress sets its own) is listed as \
                样本不足 (insufficient sample) after the others and not ranked. --explain UNIT shows each \
                term of one unit's score, its weight, and the case numbers behind each count. --as-of DATE \
                scores the cases as they stood at the end of that day (JSON adds as_of, made_at and \
                late_entries).

                Examples:
                  jianyi score units --session 5-4 --format csv --output 评分.csv
                  jianyi score units --session 5-4 --format xlsx --output 评分.xlsx
                  jianyi score units --explain ZJJ --format json
                  jianyi score units --as-of 2024-06-30
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: ScopeOptions
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var report: ReportOptions
        @Option(help: ArgumentHelp("Explain this unit's score term by term, with the cases behind each count (table or json).",
                                   valueName: "unit"), completion: CodeCompletion.units)
        var explain: String?

        /// In the order of the score's terms.
        static var defaultWeights: String {
            [PolicySetting.weightOnTime, .weightContact, .weightSatisfaction, .weightResolution]
                .map(PolicyDefaults.value).joined(separator: ", ")
        }

        func validate() throws {
            if explain != nil, [.csv, .html, .xlsx].contains(report.format) {
                throw ValidationError("--explain: the explanation is a table or json, not \(report.format.rawValue)")
            }
        }

        func run() throws {
            _ = try filters.dates()
            _ = try asOf.given()
            let file = try report.outputFile()
            let context = try Context(global)
            let congress = try context.congress()
            let scope = try filters.scope(asOf: try asOf.day(context, congress))
            let stamp = try context.stamp(congress, asOf: scope.asOf)
            let clock = try CongressClock(congress)
            let policy = try context.store.currentPolicy(congress)
            let (weights, minRated) = (policy.scoreWeights, policy.count(.minRatedCases))
            var units: [Measures] = []
            try context.store.satisfaction(congress, by: .unit, scope: scope) { units.append($0) }
            let scores = UnitScore.ranked(units, weights: weights, minRated: minRated)
            if let explain {
                let explanation = try self.explanation(of: explain, scores, context, congress, scope, weights, minRated)
                let zh = context.lang == .zh
                try Output.write(to: file) { sink in
                    if report.format == .json {
                        sink.write(stamped(explanationJSON(explanation, asOf: scope.asOf, minRated: minRated), stamp, clock).serialized() + "\n")
                    } else {
                        sink.write(explanationText(explanation, stamp: stamp, clock: clock, scope: filters.description(zh: zh), minRated: minRated, zh: zh))
                    }
                }
                return
            }
            let zh = context.lang == .zh
            try Output.write(to: file) { sink in
                switch report.format {
                case .csv:
                    sink.write(report.csvStart + CSV.line(measureKeys + ["score"] + addedMeasureKeys + ["rank", "insufficient_sample"]))
                    for s in scores {
                        sink.write(CSV.line(measureFields(s.measures) + [FormattedNumber(s.formattedScore)] + addedMeasureFields(s.measures)
                                            + [s.rank.map(String.init) ?? "", s.insufficientSample ? "true" : "false"]))
                    }
                case .xlsx:
                    try XLSXOutput.write(into: &sink) { book in
                        try book.addSheet("评分通报", SheetLayouts.scores) { row in try scores.forEach(row) }
                    }
                case .json:
                    sink.write(stamped(JSONValue.object([
                        ("as_of", .string(scope.asOf.description)), ("weights", scoreWeightsJSON(weights)),
                        ("min_rated_cases", .int(minRated)), ("units", .array(scores.map(unitScoreJSON))),
                    ]), stamp, clock).serialized() + "\n")
                case .table:
                    var table = measureTable(zh: zh, by: .unit, score: true)
                    for s in scores { table.append([rankText(s, zh: zh)] + measureRow(s.measures) + [s.formattedScore]) }
                    sink.write(stamp.lines(clock, zh: zh))
                    sink.write(table.rows.isEmpty ? noData(zh: zh) : table.render())
                    sink.write(weightsNote(weights, zh: zh) + "\n")
                    sink.write(onTimeNote(asOf: scope.asOf, zh: zh) + "\n" + sampleNote(minRated: minRated, zh: zh) + "\n")
                case .html:
                    sink.write(HTMLReport(zh: zh, congress: congress.name, title: zh ? "承办单位办理代表建议评分通报" : "Handling units' scores",
                                          covers: filters.description(zh: zh), grouping: .unit, stamp: stamp,
                                          rows: units, scores: scores, policy: (weights, minRated)).render())
                }
            }
        }

        /// The unit's score (scored alone when it has no case in scope) and its cases; 65 for a
        /// code that is not one of the congress's units.
        private func explanation(of code: String, _ scores: [UnitScore], _ context: Context, _ congress: Congress,
                                 _ scope: SummaryScope, _ weights: ScoreWeights, _ minRated: Int) throws -> ScoreExplanation {
            guard let unit = try context.store.units(congress).first(where: { $0.code == code }) else {
                throw Failure.ruleBroken("--explain: \(code) is not a unit of \(congress.code)")
            }
            let score = scores.first { $0.measures.group == code }
                ?? UnitScore(Measures(group: code, groupName: unit.name), weights: weights, minRated: minRated)
            return ScoreExplanation(score, cases: try context.store.scoredCases(congress, unit: code, scope: scope))
        }
    }
}
