import CaseStore
import Casework

/// The JSON object of a case (docs/domain.md, "What a case records"), in a stable order; deadline
/// statuses are as of `today`. `show` adds the contacts with the deputy's answers, the body
/// and the timeline (`eventJSON`).
public func caseJSON(_ view: CaseView, today: Day, contacts: [ContactView]? = nil, timeline: [JSONValue]? = nil) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
        ("number", .string(view.number)), ("id", .int(view.id)), ("title", .string(view.title)),
        ("state", .string(view.state.rawValue)), ("deputy", .string(view.deputy)),
        ("cosigners", .array(view.cosigners.map(JSONValue.string))), ("session", .optional(view.session)),
        ("channel", .string(view.channel.rawValue)), ("station", .optional(view.station)),
        ("category", .string(view.category)), ("submitted_on", .string(view.submittedOn.description)),
        ("key", .bool(view.isKey)), ("key_leader", .optional(view.keyLeader)), ("key_committee", .optional(view.keyCommittee)),
        ("lead_unit", .optional(view.leadUnit)), ("co_units", .array(view.coUnits.map(JSONValue.string))),
        ("complex", .bool(view.complex)), ("assigned_on", .optional(view.assignedOn?.description)),
        ("reply_due", .optional(view.replyDue?.description)), ("replied_on", .optional(view.repliedOn?.description)),
        ("outcome", .optional(view.outcome?.rawValue)), ("plan_by", .optional(view.planBy?.description)),
        ("plan_done_on", .optional(view.planDoneOn?.description)),
        ("rating_result", .optional(view.ratingResult?.rawValue)), ("rating_attitude", .optional(view.ratingAttitude?.rawValue)),
        ("round", view.round == 0 ? .null : .int(view.round)), ("closed_on", .optional(view.closedOn?.description)),
        ("deadlines", .array(view.deadlines.map { deadline in
            .object([("obligation", .string(deadline.kind.rawValue)), ("unit", .optional(deadline.unit)),
                     ("due", .string(deadline.due.description)), ("status", .string(deadline.status(on: today).rawValue)),
                     ("met_on", .optional(deadline.metOn?.description))])
        })),
        ("merged_into", .optional(view.mergedInto)), ("merged", .array(view.merged.map(JSONValue.string))),
    ]
    if let contacts {
        pairs.append(("contacts", .array(contacts.map(contactJSON))))
    }
    if let timeline {
        pairs.append(("body", .string(view.body)))
        pairs.append(("timeline", .array(timeline)))
    }
    return .object(pairs)
}

public func eventJSON(_ event: CaseEvent, _ clock: CongressClock) -> JSONValue {
    .object([("event", .int(event.number)), ("kind", .string(event.kind.rawValue)), ("on", .string(event.on.description)),
             ("recorded_at", clock.json(event.recordedAt)), ("actor", .string(event.actor)), ("data", .raw(event.data))])
}

/// A contact and the deputy's answer: `confirmation` is `confirmed`, `disputed` or null (not
/// answered yet), with the answer's day and note.
public func contactJSON(_ contact: ContactView) -> JSONValue {
    .object([("contact", .int(contact.number)), ("unit", .string(contact.unit)), ("mode", .string(contact.mode.rawValue)),
             ("on", .string(contact.on.description)), ("note", .string(contact.note)),
             ("confirmation", .optional(contact.confirmation?.rawValue)), ("confirmed_on", .optional(contact.confirmedOn?.description)),
             ("confirmation_note", .optional(contact.confirmationNote))])
}
