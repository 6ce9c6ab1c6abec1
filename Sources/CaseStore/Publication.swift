import Casework
import Postgres

/// A reply that may be published (consented and approved), as `export publication` reads it;
/// the text is as the unit wrote it: the front end redacts it (Casework's `Redaction`).
public struct PublishableReply: Sendable, Equatable {
    public let number: String
    public let title: String
    public let deputyName: String
    public let delegation: String
    public let session: String?
    public let leadUnit: String
    public let leadUnitName: String
    public let repliedOn: Day
    public let outcome: Outcome
    public let text: String
    /// The cases merged into this one (并案), answered by the same reply.
    public let merged: [String]
}

/// The consent and the mark of a case, as `show` reports them.
public struct PublicationStatus: Sendable, Equatable {
    public let consent: Bool?
    public let decision: PublicationDecision?
    public var publishable: Bool { consent == true && decision == .approved }
}

extension Store {
    /// 公开意愿: records the deputy's consent (until the reply; a merged case's is its target's).
    public func consentToPublish(_ congress: Congress, _ number: String, consent: Bool, on day: Day) throws {
        try recordPublication(congress, number, { try $0.consentToPublish(consent, on: day, by: actor) }) { id in
            """
            INSERT INTO publication (congress_id, suggestion_id, consent, consent_on) VALUES (\(congress.id), \(id), \(consent), \(day))
            ON CONFLICT (congress_id, suggestion_id) DO UPDATE SET consent = EXCLUDED.consent, consent_on = EXCLUDED.consent_on
            """
        }
    }

    /// 公开审定: the secretariat marks the case publishable or withholds it.
    public func decidePublication(_ congress: Congress, _ number: String, _ decision: PublicationDecision, on day: Day) throws {
        try recordPublication(congress, number, { try $0.decidePublication(decision, on: day, by: actor) }) { id in
            """
            INSERT INTO publication (congress_id, suggestion_id, decision, decided_on) VALUES (\(congress.id), \(id), \(decision), \(day))
            ON CONFLICT (congress_id, suggestion_id) DO UPDATE SET decision = EXCLUDED.decision, decided_on = EXCLUDED.decided_on
            """
        }
    }

    /// Locks the case, asks Casework, writes the row and the event: one transaction.
    private func recordPublication(
        _ congress: Congress, _ number: String, _ rule: (CaseSnapshot) throws -> PublicationStep, row: (Int) -> PostgresQuery
    ) throws {
        try connection.retryingTransaction { _ in
            let locked = try lockCase(congress, number)
            let step = try rule(locked.snapshot)
            try connection.execute(row(locked.id))
            try connection.execute("UPDATE suggestion SET updated_at = now() WHERE \(congress.scope(case: locked.id))")
            try appendEvent(congress, caseID: locked.id, step.kind, on: step.day, by: step.actor, step.data)
        }
    }

    /// The consent and mark of a case (nil each when not given).
    public func publicationStatus(_ congress: Congress, caseID: Int) throws -> PublicationStatus {
        let row = try connection.query("""
            SELECT consent, decision FROM publication WHERE \(congress.scope(case: caseID))
            """).rows.first
        return PublicationStatus(consent: try row?.decode(Bool?.self, "consent"),
                                 decision: try row?.decode(PublicationDecision?.self, "decision"))
    }

    /// The replies that may be published, in number order, streamed: the cases whose deputy
    /// consented and the secretariat approved, with a reply (the latest round's text).
    public func publishableReplies(_ congress: Congress, session: String?, _ body: (PublishableReply) throws -> Void) throws {
        try connection.forEachRow("""
            SELECT s.number, s.title, d.name AS deputy_name, d.delegation, s.session_code, s.lead_unit, u.name AS unit_name,
                   r.on_date AS replied_on, r.outcome, r.text,
                   ARRAY(SELECT m.number FROM suggestion m WHERE m.congress_id = s.congress_id AND m.merged_into = s.suggestion_id
                         ORDER BY m.series, m.seq) AS merged_in
            FROM publication p
            JOIN suggestion s ON \(sameCase("s", "p"))
            \(joinDeputy)
            JOIN unit u ON u.congress_id = s.congress_id AND u.code = s.lead_unit
            JOIN LATERAL (SELECT * FROM reply r WHERE \(sameCase("r", "s")) ORDER BY r.round DESC LIMIT 1) r ON true
            WHERE \(congress.scope("p")) AND p.consent AND p.decision = \(literal: PublicationDecision.approved)
              AND (\(session)::text IS NULL OR s.session_code = \(session))
            ORDER BY s.series, s.seq
            """) { row in
            try body(PublishableReply(
                number: try row.decode(String.self, "number"), title: try row.decode(String.self, "title"),
                deputyName: try row.decode(String.self, "deputy_name"), delegation: try row.decode(String.self, "delegation"),
                session: try row.decode(String?.self, "session_code"), leadUnit: try row.decode(String.self, "lead_unit"),
                leadUnitName: try row.decode(String.self, "unit_name"), repliedOn: try row.decode(Day.self, "replied_on"),
                outcome: try row.decode(Outcome.self, "outcome"), text: try row.decode(String.self, "text"),
                merged: try row.decode([String].self, "merged_in")))
        }
    }
}
extension PublicationDecision: PostgresWord {}
