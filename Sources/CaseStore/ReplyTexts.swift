import Casework
import Postgres

/// One reply (答复件) of a case as its parties read it: the round, the unit, the outcome, the
/// plan date of a B reply, the text and the day.
public struct ReplyText: Sendable, Equatable {
    public let round: Int
    public let unit: String
    public let outcome: Outcome
    public let planBy: Day?
    public let text: String
    public let on: Day
}

extension Store {
    /// The replies of case `caseID`, by round. Under the web role the row policies decide: a
    /// party that does not see the case reads none.
    public func replies(_ congress: Congress, caseID: Int) throws -> [ReplyText] {
        try connection.query("""
            SELECT round, unit_code, outcome, plan_by, text, on_date FROM reply
            WHERE \(congress.scope(case: caseID)) ORDER BY round
            """).rows.map { row in
            ReplyText(round: try row.decode(Int.self, "round"), unit: try row.decode(String.self, "unit_code"),
                      outcome: try row.decode(Outcome.self, "outcome"), planBy: try row.decode(Day?.self, "plan_by"),
                      text: try row.decode(String.self, "text"), on: try row.decode(Day.self, "on_date"))
        }
    }
}
