import Casework
import Postgres

/// A unit's request to be relieved of a case (申请调整交办) still waiting for the secretariat.
public struct PendingTransfer: Sendable, Equatable {
    public let number: String
    public let title: String
    public let unit: String
    public let reason: String
    public let requestedOn: Day
}

extension Store {
    /// The congress's undecided transfer requests, oldest first (then by number). Under row
    /// security a party sees only the requests of the cases it sees.
    public func pendingTransfers(_ congress: Congress, limit: Int = 500) throws -> [PendingTransfer] {
        try connection.query("""
            SELECT s.number, s.title, t.unit_code, t.reason, t.requested_on
            FROM transfer_request t JOIN suggestion s ON s.congress_id = t.congress_id AND s.suggestion_id = t.suggestion_id
            WHERE \(congress.scope("t")) AND t.decision = \(literal: TransferDecision.pending)
            ORDER BY t.requested_on, s.series, s.seq LIMIT \(limit)
            """).rows.map { row in
            PendingTransfer(number: try row.decode(String.self, "number"), title: try row.decode(String.self, "title"),
                            unit: try row.decode(String.self, "unit_code"), reason: try row.decode(String.self, "reason"),
                            requestedOn: try row.decode(Day.self, "requested_on"))
        }
    }
}
