import Casework
import Presentation

/// The CSV header of the measures (docs/domain.md, "Measures and the score"), in order: the
/// contract's columns where they always stood, then those added since (a script reading by
/// position keeps working).
let measureKeys = [
    "group", "cases", "replied", "replied_on_time", "on_time_rate", "contacted", "contact_rate", "rated", "satisfied",
    "basic", "dissatisfied", "satisfaction_rate", "satisfied_rate", "attitude_satisfaction_rate",
    "first_round_dissatisfied", "outcome_a", "outcome_b", "outcome_c", "resolution_rate",
]
let addedMeasureKeys = ["unreplied_past_due", "replied_on_time_rate"]

func measureFields(_ m: Measures) -> [any CSVCell] {
    [m.group, m.cases, m.replied, m.repliedOnTime, m.onTimeRate, m.contacted, m.contactRate, m.rated, m.satisfied, m.basic,
     m.dissatisfied, m.satisfactionRate, m.satisfiedRate, m.attitudeSatisfactionRate, m.firstRoundDissatisfied,
     m.outcomeA, m.outcomeB, m.outcomeC, m.resolutionRate]
}

func addedMeasureFields(_ m: Measures) -> [any CSVCell] {
    [m.unrepliedPastDue, m.repliedOnTimeRate]
}

/// A rate for people: a percentage with its fraction, or a dash when there is nothing to count.
func percent(_ r: Rate) -> String {
    guard let value = r.value else { return "—" }
    let tenths = Int((value * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)% (\(r.numerator)/\(r.denominator))"
}

/// The measures' columns after the group's code and name, as people read them.
func measureValueHeader(zh: Bool) -> [String] {
    zh ? ["件数", "已答复", "超期未答复", "按期答复率", "沟通率", "已评价", "满意率", "态度满意率", "首轮不满意", "A/B/C", "解决率"]
       : ["cases", "replied", "unreplied past due", "on time", "contact", "rated", "satisfaction", "attitude", "1st-round dissat.", "A/B/C", "resolution"]
}

func measureTable(zh: Bool, grouping: String, score: Bool) -> TextTable {
    var header = [grouping, zh ? "名称" : "name"] + measureValueHeader(zh: zh)
    if score { header = [zh ? "名次" : "rank"] + header + [zh ? "得分" : "score"] }
    return TextTable(header: header, maxWidths: score ? [nil, nil, 20] : [nil, 20])
}

func measureRow(_ m: Measures) -> [String] {
    [m.group, m.groupName, String(m.cases), String(m.replied), String(m.unrepliedPastDue), percent(m.onTimeRate), percent(m.contactRate), String(m.rated),
     percent(m.satisfactionRate), percent(m.attitudeSatisfactionRate), String(m.firstRoundDissatisfied),
     "\(m.outcomeA)/\(m.outcomeB)/\(m.outcomeC)", percent(m.resolutionRate)]
}

func groupingLabel(_ grouping: String, zh: Bool) -> String {
    guard zh else { return grouping }
    switch grouping {
    case "unit": return "承办单位"
    case "category": return "类别"
    case "session": return "届次"
    case "delegation": return "代表团"
    case "deputy": return "代表"
    default: return grouping
    }
}

/// What the on-time rate counts, as a report's footnote says it.
func onTimeNote(asOf: Day, zh: Bool) -> String {
    zh ? "按期答复率 = 按期答复件数 /（已答复件数 + 截至 \(asOf) 已过答复期限仍未答复的件数）。"
       : "on time = replied on time / (replied + unreplied with the reply due before \(asOf))."
}

/// Why some units carry no rank, as a score report's footnote says it.
func sampleNote(minRated: Int, zh: Bool) -> String {
    zh ? "已评价不足 \(minRated) 件的单位标注“样本不足”，列出但不排名（min_rated_cases）。"
       : "units with fewer than \(minRated) rated cases are marked “insufficient sample”: listed, not ranked (min_rated_cases)."
}

/// A unit's place in a score report: its rank, or why it has none.
func rankText(_ s: UnitScore, zh: Bool) -> String {
    s.rank.map(String.init) ?? (zh ? "样本不足" : "insufficient sample")
}
