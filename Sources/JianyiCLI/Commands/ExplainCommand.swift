import ArgumentParser
import CaseStore
import Casework

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "How each deadline of a case was computed, step by step (民法典 art. 201–203).",
        discussion: """
            For every obligation: the day counting starts from (not itself counted), the period and \
            the setting it came from, the raw end, each rest day skipped and why, and the due day.

            Example: jianyi explain 5-4-0012
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The suggestion's number.") var number: String

    func run() throws {
        let context = try Context(global)
        let congress = try context.congress()
        let zh = context.lang == .zh
        let explained = try context.store.explain(congress, number: number)
        guard !explained.isEmpty else {
            emit(context.text("\(number) 尚未交办，没有办理期限。\n", "\(number) has no deadlines yet (not assigned).\n"))
            return
        }
        var out = ""
        for (deadline, derivation) in explained {
            let who = ownerLabel(deadline.unit, zh: zh)
            let title = deadline.kind.label(zh: zh)
            out += "\(deadline.number). \(title) · \(who) · \(zh ? "期限" : "due") \(deadline.due)  [\(deadline.policy)]\n"
            for step in derivation.steps { out += "   " + describe(step, kind: deadline.kind, zh: zh) + "\n" }
            if derivation.due != deadline.due {
                out += zh ? "   注意：按现行日历计算为 \(derivation.due)，已记录的期限 \(deadline.due) 不变。\n"
                          : "   note: on today's calendar this gives \(derivation.due); the recorded due day \(deadline.due) stands.\n"
            }
            for year in derivation.missingYears {
                out += zh ? "   警告：日历中没有 \(year) 年的放假安排，该年只按双休日计算。\n"
                          : "   warning: the calendar has no \(year) notice; that year counts weekends only.\n"
            }
            if let note = deadline.note { out += "   (\(note))\n" }
        }
        emit(out)
    }

    private func describe(_ step: Derivation.Step, kind: ObligationKind, zh: Bool) -> String {
        switch step {
        case .start(let day):
            let from = startName(kind, zh: zh)
            return zh ? "起算：\(from) \(day)（当日不计入，民法典第201条）" : "start: \(from) \(day) (not itself counted, art. 201)"
        case .monthsEnd(let period, let end, let clamped):
            if clamped {
                return zh ? "加 \(period.label)：到期月没有对应日，以月末 \(end) 为期间最后一日（第202条）"
                          : "+ \(period): the last month has no corresponding day, so its last day \(end) (art. 202)"
            }
            return zh ? "加 \(period.label)：到期月的对应日 \(end)（第202条）" : "+ \(period): the corresponding day \(end) (art. 202)"
        case .daysEnd(let period, let end):
            return zh ? "加 \(period.label)：\(end)" : "+ \(period): \(end)"
        case .notCounted(let day, let reason):
            return zh ? "  \(day) 不计（\(reasonText(reason, day: day, zh: true))）" : "  \(day) not counted (\(reasonText(reason, day: day, zh: false)))"
        case .workingDaysEnd(let period, let end):
            return zh ? "第 \(period.count) 个工作日：\(end)" : "working day \(period.count): \(end)"
        case .restDaySkipped(let day, let reason):
            return zh ? "\(day) 是休息日（\(reasonText(reason, day: day, zh: true))），顺延（第203条）"
                      : "\(day) is a rest day (\(reasonText(reason, day: day, zh: false))): moves on (art. 203)"
        case .given(let day):
            return zh ? "答复中承诺的计划完成日：\(day)" : "the plan date given in the reply: \(day)"
        case .due(let day):
            return zh ? "期限：\(day)（\(weekdayName(day, zh: true))）" : "due: \(day) (\(weekdayName(day, zh: false)))"
        }
    }

    private func startName(_ kind: ObligationKind, zh: Bool) -> String {
        switch kind {
        case .reply, .opinion, .transferWindow: zh ? "交办日" : "assignment day"
        case .rehandle: zh ? "不满意评价日" : "day of the dissatisfied rating"
        case .rating: zh ? "答复日" : "reply day"
        case .plan: zh ? "起算日" : "start day"
        }
    }

    private func reasonText(_ reason: RestReason, day: Day, zh: Bool) -> String {
        switch reason {
        case .holiday(let name): zh ? "\(name)放假" : "holiday: \(name)"
        case .weekend: weekdayName(day, zh: zh)
        case .weekendAssumed: zh ? "\(weekdayName(day, zh: true))，该年日历缺失" : "\(weekdayName(day, zh: false)), year not in the calendar"
        }
    }
}
