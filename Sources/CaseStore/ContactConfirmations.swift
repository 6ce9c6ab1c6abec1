import Casework
import Postgres

/// A contact as `show` reports it: what the unit recorded and the deputy's answer, if any.
public struct ContactView: Sendable, Equatable {
    /// Its number on the case (`--contact`).
    public let number: Int
    public let unit: String
    public let mode: ContactMode
    public let on: Day
    public let note: String
    /// Nil until the deputy (or the secretariat for them) answers.
    public let confirmation: ContactConfirmation?
    public let confirmedOn: Day?
    public let confirmationNote: String?
}

/// The contacts `c` of a case with their answers `cc` (none: NULLs).
let joinContactAnswer: PostgresQuery = """
    LEFT JOIN contact_confirmation cc ON \(sameCase("cc", "c")) AND cc.contact_no = c.contact_no
    """

extension Store {
    /// 确认沟通 / 对沟通提出异议: the deputy who raised the case, or the secretariat keying in
    /// a paper answer, confirms or disputes one of its contacts, once. The case row is left
    /// as it is (`StepPlan.keepsCaseRow`).
    public func answerContact(_ congress: Congress, _ number: String, _ answer: ContactAnswer, on day: Day) throws -> StepResult {
        try step(congress, number, answer.confirmation.step) { c in
            try c.answerContact(answer, on: day, by: actor)
        } record: { c, _ in
            try connection.execute("""
                INSERT INTO contact_confirmation (congress_id, suggestion_id, contact_no, answer, on_date, note)
                VALUES (\(congress.id), \(c.id), \(answer.contact), \(answer.confirmation), \(day), \(answer.note))
                """)
        }
    }

    /// The contacts of a case with the deputy's answers, in the order recorded.
    public func contacts(_ congress: Congress, caseID: Int) throws -> [ContactView] {
        try connection.query("""
            SELECT c.contact_no, c.unit_code, c.mode, c.on_date, c.note, cc.answer, cc.on_date AS answered_on, cc.note AS answer_note
            FROM contact c \(joinContactAnswer)
            WHERE \(congress.scope("c")) AND c.suggestion_id = \(caseID)
            ORDER BY c.contact_no
            """).rows.map {
            ContactView(number: try $0.decode(Int.self, "contact_no"), unit: try $0.decode(String.self, "unit_code"),
                        mode: try $0.decode(ContactMode.self, "mode"), on: try $0.decode(Day.self, "on_date"),
                        note: try $0.decode(String.self, "note"), confirmation: try $0.decode(ContactConfirmation?.self, "answer"),
                        confirmedOn: try $0.decode(Day?.self, "answered_on"), confirmationNote: try $0.decode(String?.self, "answer_note"))
        }
    }

    /// The case's contacts as its steps' rules see them (loaded under the case's lock).
    func lockedContacts(_ congress: Congress, caseID: Int) throws -> [CaseSnapshot.Contact] {
        try connection.query("""
            SELECT c.contact_no, c.unit_code, c.on_date, cc.answer, cc.on_date AS answered_on
            FROM contact c \(joinContactAnswer)
            WHERE \(congress.scope("c")) AND c.suggestion_id = \(caseID)
            ORDER BY c.contact_no
            """).rows.map { row in
            let answer = try row.decode(ContactConfirmation?.self, "answer").map {
                CaseSnapshot.Contact.Answer($0, on: try row.decode(Day.self, "answered_on"))
            }
            return CaseSnapshot.Contact(number: try row.decode(Int.self, "contact_no"), unit: try row.decode(String.self, "unit_code"),
                                        day: try row.decode(Day.self, "on_date"), answer: answer)
        }
    }
}
