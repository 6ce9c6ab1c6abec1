import Casework
import Postgres

/// An earlier suggestion like the one asked about.
public struct SimilarCase: Sendable, Equatable {
    public let number: String
    public let title: String
    public let deputy: String
    public let submittedOn: Day
    public let state: CaseState
    public let score: Double
}

extension Store {
    /// Suggestions of this congress whose titles are like `title`, most alike first (equally
    /// alike, the earlier, then the lower number): those submitted on or before `before` (the
    /// case's own day), excluding `number` itself. The score is the Dice coefficient of the
    /// titles' character bigrams once normalized (Schema/0014: one normalization, in the
    /// database); `similar_titles` finds them through the bigram index, giving what scoring
    /// every title would. Under the web role it sees only the cases the actor may.
    public func similar(_ congress: Congress, title: String, excluding number: String?, before: Day?,
                        limit: Int, threshold: Double) throws -> [SimilarCase] {
        let title = try Registration.title(title)
        return try connection.query("""
            SELECT s.number, s.title, s.deputy_code, s.submitted_on, s.state, f.score
            FROM similar_titles(\(congress.id)::integer, \(title)::text, \(number)::text, \(before)::date,
                                \(limit)::integer, \(threshold)::double precision) f
            JOIN suggestion s ON \(congress.scope("s")) AND s.suggestion_id = f.suggestion_id
            ORDER BY f.rank
            """).rows.map { row in
            SimilarCase(number: try row.decode(String.self, "number"), title: try row.decode(String.self, "title"),
                        deputy: try row.decode(String.self, "deputy_code"), submittedOn: try row.decode(Day.self, "submitted_on"),
                        state: try row.decode(CaseState.self, "state"), score: try row.decode(Double.self, "score"))
        }
    }
}
