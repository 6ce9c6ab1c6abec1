import CaseStore
import Casework

/// The keys every report's JSON object ends with (issue 16): the day it is as of, when it was
/// made (on the congress's clock) and the steps dated on or before that day but recorded after it.
public func asOfStampPairs(_ stamp: AsOfStamp, _ clock: CongressClock) -> [(String, JSONValue)] {
    [("as_of", .string(stamp.asOf.description)), ("made_at", clock.json(stamp.madeAt)), ("late_entries", .int(stamp.lateEntries))]
}

/// `object` with the stamp's keys appended; a key it already has keeps its place and value.
public func stamped(_ object: JSONValue, _ stamp: AsOfStamp, _ clock: CongressClock) -> JSONValue {
    guard case .object(let pairs) = object else { return object }
    let present = Set(pairs.map(\.0))
    return .object(pairs + asOfStampPairs(stamp, clock).filter { !present.contains($0.0) })
}
