import Casework
import Postgres

/// A suggestion of an earlier session whose title closely matches a later one (反复提), with
/// what became of it: the reply's outcome and the deputy's rating.
public struct EarlierCase: Sendable, Equatable {
    public let number: String
    public let title: String
    public let deputy: String
    public let session: String?
    public let submittedOn: Day
    public let state: CaseState
    public let score: Double
    public let outcome: Outcome?
    public let repliedOn: Day?
    public let leadUnit: String?
    public let ratingResult: Satisfaction?
    public let ratingAttitude: Satisfaction?
}

/// A case raised again: the later case and one earlier case it repeats.
public struct RepeatedCase: Sendable, Equatable {
    public let number: String
    public let title: String
    public let deputy: String
    public let session: String?
    public let earlier: EarlierCase
    public var sameDeputy: Bool { deputy == earlier.deputy }
}

extension Store {
    /// The earlier-session suggestions this case repeats (`similar_earlier`, Schema/0014),
    /// closest first.
    public func similarEarlier(_ congress: Congress, caseID: Int) throws -> [EarlierCase] {
        try connection.query("""
            SELECT \(Self.earlierColumns("e")) FROM similar_earlier(\(congress.id)::integer, \(caseID)::bigint) m
            JOIN suggestion e ON \(congress.scope("e")) AND e.suggestion_id = m.suggestion_id
            ORDER BY m.rank
            """).rows.map(Self.earlier)
    }

    /// Every case (of `session`, or of all) that repeats an earlier one, with each earlier case
    /// it repeats: in number order, the closest earlier case first. As of a day: the cases
    /// registered by then, the earlier ones' reply and rating as they stood then.
    public func repeated(_ congress: Congress, session: String?, asOf day: Day) throws -> [RepeatedCase] {
        try connection.query("""
            WITH st AS MATERIALIZED (SELECT * FROM \(caseStateAsOf(congress, day)))
            SELECT s.number AS later_number, s.title AS later_title, s.deputy_code AS later_deputy,
                   s.session_code AS later_session, \(Self.earlierColumns("est"))
            FROM suggestion s
            JOIN st ON st.suggestion_id = s.suggestion_id
            CROSS JOIN LATERAL similar_earlier(s.congress_id, s.suggestion_id) m
            JOIN suggestion e ON e.congress_id = s.congress_id AND e.suggestion_id = m.suggestion_id
            JOIN st est ON est.suggestion_id = e.suggestion_id
            WHERE \(congress.scope("s")) AND (\(session)::text IS NULL OR s.session_code = \(session))
            ORDER BY s.series, s.seq, m.rank
            """).rows.map { row in
            RepeatedCase(number: try row.decode(String.self, "later_number"), title: try row.decode(String.self, "later_title"),
                         deputy: try row.decode(String.self, "later_deputy"), session: try row.decode(String?.self, "later_session"),
                         earlier: try Self.earlier(row))
        }
    }

    /// The earlier case `e` with what became of it, read from `state` (`e` itself, or the case
    /// as of a day).
    private static func earlierColumns(_ state: StaticString) -> PostgresQuery {
        """
        e.number, e.title, e.deputy_code, e.session_code, e.submitted_on, \(unsafeRaw: state).state, m.score, \(unsafeRaw: state).outcome,
        \(unsafeRaw: state).lead_unit, \(unsafeRaw: state).replied_on, \(unsafeRaw: state).rating_result, \(unsafeRaw: state).rating_attitude
        """
    }

    private static func earlier(_ row: Row) throws -> EarlierCase {
        EarlierCase(number: try row.decode(String.self, "number"), title: try row.decode(String.self, "title"),
                    deputy: try row.decode(String.self, "deputy_code"), session: try row.decode(String?.self, "session_code"),
                    submittedOn: try row.decode(Day.self, "submitted_on"), state: try row.decode(CaseState.self, "state"),
                    score: try row.decode(Double.self, "score"), outcome: try row.decode(Outcome?.self, "outcome"),
                    repliedOn: try row.decode(Day?.self, "replied_on"), leadUnit: try row.decode(String?.self, "lead_unit"),
                    ratingResult: try row.decode(Satisfaction?.self, "rating_result"),
                    ratingAttitude: try row.decode(Satisfaction?.self, "rating_attitude"))
    }
}
