import Casework
import Presentation

/// The CSV header and JSON keys of the measures (docs/domain.md, "Measures and the score"), in order.
let measureKeys = [
    "group", "cases", "replied", "replied_on_time", "on_time_rate", "contacted", "contact_rate", "rated", "satisfied",
    "basic", "dissatisfied", "satisfaction_rate", "satisfied_rate", "attitude_satisfaction_rate",
    "first_round_dissatisfied", "outcome_a", "outcome_b", "outcome_c", "resolution_rate",
]

func measureFields(_ m: Measures) -> [any CSVCell] {
    [m.group, m.cases, m.replied, m.repliedOnTime, m.onTimeRate, m.contacted, m.contactRate, m.rated, m.satisfied, m.basic,
     m.dissatisfied, m.satisfactionRate, m.satisfiedRate, m.attitudeSatisfactionRate, m.firstRoundDissatisfied,
     m.outcomeA, m.outcomeB, m.outcomeC, m.resolutionRate]
}

/// A rate for people: a percentage with its fraction, or a dash when there is nothing to count.
func percent(_ r: Rate) -> String {
    guard let value = r.value else { return "—" }
    let tenths = Int((value * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)% (\(r.numerator)/\(r.denominator))"
}

func measureTable(zh: Bool, grouping: String, score: Bool) -> TextTable {
    var header = zh ? [grouping, "名称", "件数", "已答复", "按期答复率", "沟通率", "已评价", "满意率", "态度满意率", "首轮不满意", "A/B/C", "解决率"]
                    : [grouping, "name", "cases", "replied", "on time", "contact", "rated", "satisfaction", "attitude", "1st-round dissat.", "A/B/C", "resolution"]
    if score { header = [zh ? "名次" : "rank"] + header + [zh ? "得分" : "score"] }
    return TextTable(header: header, maxWidths: score ? [nil, nil, 20] : [nil, 20])
}

func measureRow(_ m: Measures) -> [String] {
    [m.group, m.groupName, String(m.cases), String(m.replied), percent(m.onTimeRate), percent(m.contactRate), String(m.rated),
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
