import CaseStore
import Casework
import Presentation

/// `score units --explain UNIT` for people: the score's terms as a table, then, term by term,
/// the cases in its numerator and those of its denominator that it misses.
func explanationText(_ e: ScoreExplanation, stamp: AsOfStamp, clock: CongressClock, scope: String, minRated: Int, zh: Bool) -> String {
    let s = e.score, m = e.score.measures
    let unit = "\(m.group) \(m.groupName)".terminalLine
    var out = zh ? "承办单位：\(unit)\n" : "unit: \(unit)\n"
    out += stamp.lines(clock, zh: zh) + scope.terminalLine + "\n"
    let place = s.insufficientSample
        ? (zh ? "样本不足：已评价 \(m.rated) 件，少于 \(minRated) 件，不排名" : "insufficient sample: \(m.rated) rated, fewer than \(minRated), not ranked")
        : s.rank.map { zh ? "第 \($0) 名" : "rank \($0)" } ?? (zh ? "范围内无已交办建议" : "no assigned case in scope")
    out += zh ? "得分：\(s.formattedScore)；\(place)\n\n" : "score: \(s.formattedScore); \(place)\n\n"
    var table = TextTable(header: zh ? ["组成", "权重", "比率", "得分"] : ["term", "weight", "rate", "points"])
    for t in e.terms {
        table.append([t.part.term.label(zh: zh), PolicySetting.Value.weight(t.part.weight).description, percent(t.part.rate),
                      UnitScore.twoPlaces(t.part.points)])
    }
    table.append([zh ? "合计" : "total", "", "", s.formattedScore])
    out += table.render() + "\n"
    for t in e.terms {
        let words = caseWords(t.part.term, zh: zh)
        let (numerator, missing) = (t.numeratorCases, t.missingCases)
        if zh {
            out += "\(t.part.term.zh)（\(t.part.term.rawValue)）= \(words.numerator) / \(words.denominator)\n"
            out += "  \(words.numerator)（\(numerator.count) 件）：\(list(numerator, zh: zh))\n"
            out += "  \(words.missing)（\(missing.count) 件）：\(list(missing, zh: zh))\n"
        } else {
            out += "\(t.part.term.rawValue) = \(words.numerator) / \(words.denominator)\n"
            out += "  \(words.numerator) (\(numerator.count)): \(list(numerator, zh: zh))\n"
            out += "  \(words.missing) (\(missing.count)): \(list(missing, zh: zh))\n"
        }
    }
    return out
}

/// What a term's numerator and denominator count, and the denominator's cases the numerator
/// misses, in words.
private func caseWords(_ term: ScoreTerm, zh: Bool) -> (numerator: String, denominator: String, missing: String) {
    switch term {
    case .onTime: zh ? ("按期答复", "已答复或超期未答复", "逾期答复或超期未答复")
                     : ("replied on time", "replied or unreplied past due", "replied late or unreplied past due")
    case .contact: zh ? ("答复前已沟通", "已答复", "答复前未沟通") : ("contacted before the reply", "replied", "not contacted before the reply")
    case .satisfaction: zh ? ("满意或基本满意", "已评价", "不满意") : ("satisfied or basically satisfied", "rated", "dissatisfied")
    case .resolution: zh ? ("已解决（A，或 B 且计划已完成）", "已答复", "未解决") : ("resolved (A, or B with its plan done)", "replied", "not resolved")
    }
}

private func list(_ numbers: [String], zh: Bool) -> String {
    numbers.isEmpty ? (zh ? "无" : "none") : numbers.joined(separator: zh ? "、" : ", ")
}
