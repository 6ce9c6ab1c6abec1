import CaseStore
import Casework

/// The JSON object of a case, with the keys cli.md promises, in a stable order. Handling
/// fields (units, deadlines, replies, ratings) are null or empty until those steps exist.
func caseJSON(_ view: CaseView, timeline: [CaseEvent]? = nil) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
        ("number", .string(view.number)), ("id", .int(view.id)), ("title", .string(view.title)),
        ("state", .string(view.state.rawValue)), ("deputy", .string(view.deputy)),
        ("cosigners", .array(view.cosigners.map(JSONValue.string))), ("session", .optional(view.session)),
        ("channel", .string(view.channel.rawValue)), ("station", .optional(view.station)),
        ("category", .string(view.category)), ("submitted_on", .string(view.submittedOn.description)),
        ("key", .bool(view.isKey)), ("lead_unit", .null), ("co_units", .array([])), ("complex", .bool(false)),
        ("assigned_on", .null), ("reply_due", .null), ("replied_on", .null), ("outcome", .null),
        ("rating_result", .null), ("rating_attitude", .null), ("round", .null), ("deadlines", .array([])),
    ]
    if let timeline {
        pairs.append(("body", .string(view.body)))
        pairs.append(("timeline", .array(timeline.map(eventJSON))))
    }
    return .object(pairs)
}

func eventJSON(_ event: CaseEvent) -> JSONValue {
    .object([("event", .int(event.number)), ("kind", .string(event.kind)), ("on", .string(event.on.description)),
             ("recorded_at", .string(event.recordedAt)), ("actor", .string(event.actor)), ("data", .raw(event.data))])
}

/// The CSV columns of `list`.
let caseCSVHeader = ["number", "title", "state", "deputy", "cosigners", "session", "channel", "category", "submitted_on", "key"]

func caseCSVRow(_ view: CaseView) -> [String] {
    [view.number, view.title, view.state.rawValue, view.deputy, view.cosigners.joined(separator: ";"), view.session ?? "",
     view.channel.rawValue, view.category, view.submittedOn.description, view.isKey ? "true" : "false"]
}

func eventLabel(_ kind: String, zh: Bool) -> String {
    guard zh else { return kind }
    switch kind {
    case "registered": return "提交登记"
    default: return kind
    }
}
