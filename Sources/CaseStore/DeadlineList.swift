import Casework
import Foundation
import Postgres

extension Deadline.Brief {
    /// One obligation as `json_build_object` sends it: dates in ISO form whatever the
    /// session's DateStyle, a unit or a day met that is absent as JSON null.
    private struct Sent: Decodable {
        let kind: ObligationKind
        let unit: String?
        let due: String
        let status: ObligationStatus
        let met_on: String?
    }

    /// Reads a case's obligations from a `json_agg` of them.
    static func decodeList(_ json: String) throws -> [Deadline.Brief] {
        let sent: [Sent]
        do {
            sent = try JSONDecoder().decode([Sent].self, from: Data(json.utf8))
        } catch {
            throw PostgresError(kind: .decoding, message: "deadlines: cannot read \(json.prefix(200)): \(error)")
        }
        return try sent.map { item in
            guard let due = Day(item.due) else {
                throw PostgresError(kind: .decoding, message: "deadlines: cannot read the due day '\(item.due)'")
            }
            let metOn = try item.met_on.map { text in
                guard let day = Day(text) else { throw PostgresError(kind: .decoding, message: "deadlines: cannot read the day met '\(text)'") }
                return day
            }
            return Deadline.Brief(kind: item.kind, unit: item.unit, due: due, recordedStatus: item.status, metOn: metOn)
        }
    }
}
