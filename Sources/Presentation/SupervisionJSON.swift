import CaseStore
import Casework

/// `report supervision --format json`: the month's report with the contract's English keys
/// and codes; `made` is the day it was made.
public func supervisionJSON(_ r: SupervisionReport, made: Day) -> JSONValue {
    .object([
        ("month", .string(r.month.description)), ("as_of", .string(r.asOf.description)),
        ("previous_month_end", .string(r.previousEnd.description)), ("made", .string(made.description)),
        ("severe_days", .int(r.severeDays)),
        ("states", .array(r.states.map { s in
            .object([("state", .string(s.state.rawValue)), ("previous", .int(s.previous)), ("current", .int(s.current)),
                     ("change", .int(s.current - s.previous))])
        })),
        ("replies", .array(r.replies.map { u in
            .object([("unit", .string(u.unit)), ("unit_name", .string(u.unitName)), ("replies", .int(u.replies)),
                     ("on_time", .int(u.onTime)), ("late", .int(u.late))])
        })),
        ("overdue", .array(r.overdue.map { u in
            .object([("unit", .string(u.unit)), ("unit_name", .string(u.unitName)), ("obligations", .int(u.items.count)),
                     ("severely_overdue", .int(u.severe)), ("longest_days_overdue", .int(u.longest)),
                     ("items", .array(u.items.map { i in
                         .object([("number", .string(i.number)), ("title", .string(i.title)), ("obligation", .string(i.obligation.rawValue)),
                                  ("due_on", .string(i.due.description)), ("days_overdue", .int(i.daysOverdue)), ("tier", .string(i.tier.rawValue))])
                     }))])
        })),
        ("key_suggestions", .array(r.key.map { k in
            .object([("number", .string(k.number)), ("title", .string(k.title)), ("deputy", .string(k.deputy)),
                     ("leader", .optional(k.leader)), ("committee", .optional(k.committee)), ("state", .string(k.state.rawValue)),
                     ("lead_unit", .optional(k.leadUnit)), ("lead_unit_name", .optional(k.leadUnitName)),
                     ("outcome", .optional(k.outcome?.rawValue)), ("replied_on", .optional(k.repliedOn?.description)),
                     ("rating_result", .optional(k.rating?.rawValue)), ("days_overdue", k.daysOverdue.map(JSONValue.int) ?? .null)])
        })),
        ("repeated", .array(r.repeated.map { c in
            .object([("number", .string(c.number)), ("title", .string(c.title)), ("deputy", .string(c.deputy)),
                     ("session", .optional(c.session)), ("same_deputy", .bool(c.sameDeputy)), ("earlier", earlierJSON(c.earlier))])
        })),
        ("units_without_reply", .array(r.silent.map { u in
            .object([("unit", .string(u.unit)), ("unit_name", .string(u.unitName)), ("replies_due", .int(u.due)),
                     ("earliest_due_on", .string(u.earliestDue.description))])
        })),
    ])
}
