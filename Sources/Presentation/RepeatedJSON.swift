import CaseStore
import Casework
import Foundation

/// An earlier case a later one repeats (反复提): `show`'s `similar_earlier` and the rows of
/// `report repeated`.
public func earlierJSON(_ e: EarlierCase) -> JSONValue {
    .object([("number", .string(e.number)), ("title", .string(e.title)), ("deputy", .string(e.deputy)),
             ("session", .optional(e.session)), ("submitted_on", .string(e.submittedOn.description)),
             ("state", .string(e.state.rawValue)), ("score", .raw(String(format: "%.3f", e.score))),
             ("lead_unit", .optional(e.leadUnit)), ("outcome", .optional(e.outcome?.rawValue)),
             ("replied_on", .optional(e.repliedOn?.description)),
             ("rating_result", .optional(e.ratingResult?.rawValue)), ("rating_attitude", .optional(e.ratingAttitude?.rawValue))])
}
