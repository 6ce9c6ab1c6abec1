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
    /// Suggestions of this congress whose titles are like `title`, most alike first: those
    /// submitted on or before `before` (the case's own day), excluding `number` itself.
    /// Titles stream from the server, so memory holds only the best `limit`.
    public func similar(_ congress: Congress, title: String, excluding number: String?, before: Day?,
                        limit: Int, threshold: Double) throws -> [SimilarCase] {
        let reference = TitleSimilarity(title)
        var best: [SimilarCase] = []
        try connection.forEachRow("""
            SELECT number, title, deputy_code, submitted_on, state FROM suggestion
            WHERE \(congress.scope) AND (\(number)::text IS NULL OR number <> \(number))
              AND (\(before)::date IS NULL OR submitted_on <= \(before))
            """) { row in
            let candidate = try row.decode(String.self, "title")
            let score = reference.score(TitleSimilarity(candidate))
            guard score >= threshold else { return }
            best.append(SimilarCase(
                number: try row.decode(String.self, "number"), title: candidate, deputy: try row.decode(String.self, "deputy_code"),
                submittedOn: try row.decode(Day.self, "submitted_on"),
                state: try row.decode(CaseState.self, "state"), score: score))
            if best.count > limit * 4 { best = Self.top(best, limit) }
        }
        return Self.top(best, limit)
    }

    /// Most alike first; equally alike, the earlier first.
    private static func top(_ cases: [SimilarCase], _ limit: Int) -> [SimilarCase] {
        Array(cases.sorted { ($0.score, $1.submittedOn, $1.number) > ($1.score, $0.submittedOn, $0.number) }.prefix(limit))
    }
}
