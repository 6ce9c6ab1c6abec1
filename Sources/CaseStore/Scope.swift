import Postgres

/// The tenant filter and the case join, written once. Every row belongs to one congress and
/// every statement on a congress's rows names it; a fragment keeps the value a parameter
/// and the column names in one place.
extension Congress {
    /// `congress_id = <this congress>`.
    var scope: PostgresQuery { "congress_id = \(id)" }

    /// `alias.congress_id = <this congress>`, for a table under an alias.
    func scope(_ alias: StaticString) -> PostgresQuery { "\(unsafeRaw: alias).congress_id = \(id)" }

    /// `congress_id = <this congress> AND suggestion_id = <the case>`: the rows of one case
    /// (its obligations, events, assignments, replies).
    func scope(case caseID: Int) -> PostgresQuery { "congress_id = \(id) AND suggestion_id = \(caseID)" }
}

/// `a.congress_id = b.congress_id AND a.suggestion_id = b.suggestion_id`: a row of `a` that
/// belongs to the case of `b`, the join every detail of a case is read through.
func sameCase(_ a: StaticString, _ b: StaticString) -> PostgresQuery {
    "\(unsafeRaw: a).congress_id = \(unsafeRaw: b).congress_id AND \(unsafeRaw: a).suggestion_id = \(unsafeRaw: b).suggestion_id"
}

/// The deputy who submitted the suggestion `s`, under the alias `d`.
let joinDeputy: PostgresQuery = "JOIN deputy d ON d.congress_id = s.congress_id AND d.code = s.deputy_code"
