import Casework
import Foundation
import Postgres

extension Deadline.Brief {
    /// One obligation as `json_build_object` sends it: dates in ISO form whatever the
    /// session's DateStyle, a unit or a day met that is absent as JSON null.
    private struct Sent: Decodable {
        let kind: ObligationKind
        let unit: String?
        let due: Day
        let status: ObligationStatus
        let met_on: Day?
    }

    /// Reads a case's obligations from a `json_agg` of them.
    static func decodeList(_ json: String) throws -> [Deadline.Brief] {
        let sent: [Sent]
        do {
            sent = try JSONDecoder().decode([Sent].self, from: Data(json.utf8))
        } catch {
            throw PostgresError(kind: .decoding, message: "deadlines: cannot read \(json.prefix(200)): \(error)")
        }
        return sent.map { item in
            Deadline.Brief(kind: item.kind, unit: item.unit, due: item.due, recordedStatus: item.status, metOn: item.met_on)
        }
    }
}
