import Casework
import Postgres

/// A suggestion just registered.
public struct Registered: Sendable, Equatable {
    public let id: Int
    public let number: String
}

extension Store {
    /// Registers one suggestion (提交) and gives it the next number of its series.
    ///
    /// The series counter row is incremented and stays locked until COMMIT, so concurrent
    /// registrars queue on it and numbers are gapless: a registration that fails rolls its
    /// increment back with everything else.
    public func register(_ congress: Congress, _ registration: Registration) throws -> Registered {
        try connection.retryingTransaction { connection in
            try account?.party.requireSubmit(for: registration.deputy)
            try checkReferences(congress, deputies: [registration.deputy], cosigners: registration.cosigners,
                                session: registration.session?.description)
            let sequence = try reserveNumbers(congress, series: registration.series.description, count: 1)
            let registered = try insertSuggestion(congress, registration.plan(sequence: sequence, by: actor))
            logger.debug("registered \(registered.number) (id \(registered.id)) in \(congress.code) for \(registration.deputy)")
            return registered
        }
    }

    /// Reserves `count` consecutive numbers of a series; returns the first.
    func reserveNumbers(_ congress: Congress, series: String, count: Int) throws -> Int {
        let row = try connection.query("""
            INSERT INTO number_counter (congress_id, series, last_value) VALUES (\(congress.id), \(series), \(count))
            ON CONFLICT (congress_id, series) DO UPDATE SET last_value = number_counter.last_value + EXCLUDED.last_value
            RETURNING last_value
            """).rows[0]
        return try row.decode(Int.self, "last_value") - count + 1
    }

    /// Inserts the suggestion, then its co-signers and its first event.
    func insertSuggestion(_ congress: Congress, _ plan: RegistrationPlan) throws -> Registered {
        let r = plan.registration
        let id = try connection.query("""
            INSERT INTO suggestion (congress_id, number, series, seq, title, body, deputy_code, session_code,
                                    channel, station, category, submitted_on, state)
            VALUES (\(congress.id), \(plan.number), \(r.series.description), \(plan.sequence), \(r.title), \(r.body), \(r.deputy),
                    \(r.session?.description), \(r.channel), \(r.station), \(r.category), \(r.submittedOn),
                    \(plan.state))
            RETURNING suggestion_id
            """).rows[0].decode(Int.self, "suggestion_id")
        // A second statement: under the web role's row policies (migration 8) the rows below
        // are checked against the suggestion, which a statement that inserts it cannot see.
        try connection.execute("""
            WITH co AS (
                INSERT INTO suggestion_cosigner (congress_id, suggestion_id, position, deputy_code)
                SELECT \(congress.id), \(id), c.position, c.code
                FROM unnest(\(r.cosigners)::text[]) WITH ORDINALITY AS c(code, position)
            )
            INSERT INTO case_event (congress_id, suggestion_id, event_no, kind, on_date, actor, data)
            VALUES (\(congress.id), \(id), 1, \(plan.eventKind), \(r.submittedOn), \(plan.actor),
                    \(plan.event.serialized())::jsonb)
            """)
        if let consent = r.publish {
            try connection.execute("""
                INSERT INTO publication (congress_id, suggestion_id, consent, consent_on)
                VALUES (\(congress.id), \(id), \(consent), \(r.submittedOn))
                """)
        }
        return Registered(id: id, number: plan.number)
    }

    /// Fails naming the first deputy, co-signer or session that the congress does not have.
    func checkReferences(_ congress: Congress, deputies: [String], cosigners: [String], session: String?) throws {
        let row = try connection.query("""
            SELECT
                (SELECT array_agg(d.code ORDER BY d.position) FROM unnest(\(deputies)::text[]) WITH ORDINALITY AS d(code, position)
                 WHERE NOT EXISTS (SELECT 1 FROM deputy WHERE \(congress.scope) AND code = d.code)) AS unknown_deputies,
                (SELECT array_agg(c.code ORDER BY c.position) FROM unnest(\(cosigners)::text[]) WITH ORDINALITY AS c(code, position)
                 WHERE NOT EXISTS (SELECT 1 FROM deputy WHERE \(congress.scope) AND code = c.code)) AS unknown_cosigners,
                (\(session)::text IS NULL OR EXISTS (SELECT 1 FROM session WHERE \(congress.scope) AND code = \(session))) AS session_known
            """).rows[0]
        if let unknown = try row.decode([String]?.self, "unknown_deputies")?.first {
            throw LookupError.unknownDeputy(unknown, role: .lead, congress: congress.code)
        }
        if let unknown = try row.decode([String]?.self, "unknown_cosigners")?.first {
            throw LookupError.unknownDeputy(unknown, role: .cosigner, congress: congress.code)
        }
        if let session, try !row.decode(Bool.self, "session_known") {
            throw LookupError.unknownSession(session, congress: congress.code)
        }
    }
}
