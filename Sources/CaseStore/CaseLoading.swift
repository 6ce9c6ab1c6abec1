import Casework
import Postgres

extension Store {
    /// Locks case `number` for a step and loads it as the step's rules see it. What is read
    /// after the lock sees whatever a step that held it before has written.
    func lockCase(_ congress: Congress, _ number: String) throws -> LockedCase {
        let rows = try connection.query("""
            SELECT suggestion_id, state, round, lead_unit, complex, outcome, deputy_code,
                   ARRAY(SELECT c.deputy_code FROM suggestion_cosigner c
                         WHERE c.congress_id = suggestion.congress_id AND c.suggestion_id = suggestion.suggestion_id
                         ORDER BY c.position) AS cosigners,
                   \(mergedParties("suggestion"))
            FROM suggestion
            WHERE \(congress.scope) AND number = \(number) FOR UPDATE
            """).rows
        guard let row = rows.first else { throw LookupError.noSuchCase(number: number, congress: congress.code) }
        let id = try row.decode(Int.self, "suggestion_id")
        let previous = try connection.query("""
            SELECT on_date, kind FROM case_event WHERE \(congress.scope(case: id))
            ORDER BY on_date DESC, event_no DESC LIMIT 1
            """).rows.first.map { StepDate.Previous(day: try $0.decode(Day.self, "on_date"), step: try $0.decode(EventKind.self, "kind")) }
        let assignments = try connection.query("""
            SELECT unit_code, role, ended_on IS NULL AS active FROM assignment
            WHERE \(congress.scope(case: id)) ORDER BY assigned_on, unit_code
            """).rows.map {
            CaseSnapshot.Assignment(unit: try $0.decode(String.self, "unit_code"), role: try $0.decode(AssignmentRole.self, "role"),
                                    active: try $0.decode(Bool.self, "active"))
        }
        let obligations = try connection.query("""
            SELECT obligation_no, kind, unit_code, status, due_on FROM obligation
            WHERE \(congress.scope(case: id)) ORDER BY obligation_no
            """).rows.map {
            CaseSnapshot.Obligation(number: try $0.decode(Int.self, "obligation_no"), kind: try $0.decode(ObligationKind.self, "kind"),
                                    unit: try $0.decode(String?.self, "unit_code"), status: try $0.decode(ObligationStatus.self, "status"),
                                    due: try $0.decode(Day.self, "due_on"))
        }
        let pending = try connection.query("""
            SELECT request_no, unit_code FROM transfer_request
            WHERE \(congress.scope(case: id)) AND decision = \(TransferDecision.pending) ORDER BY request_no LIMIT 1
            """).rows.first.map {
            CaseSnapshot.Transfer(number: try $0.decode(Int.self, "request_no"), unit: try $0.decode(String.self, "unit_code"))
        }
        let pendingDraft = try drafts(congress, caseID: id, status: .pending).first
        let snapshot = CaseSnapshot(
            number: number, congress: congress.code,
            state: try row.decode(CaseState.self, "state"),
            round: try row.decode(Int.self, "round"), leadUnit: try row.decode(String?.self, "lead_unit"),
            complex: try row.decode(Bool.self, "complex"),
            outcome: try row.decode(Outcome?.self, "outcome"),
            previousStep: previous, assignments: assignments, obligations: obligations, pendingTransfer: pending,
            pendingDraft: pendingDraft,
            contacts: try lockedContacts(congress, caseID: id),
            mergedInto: try row.decode(String?.self, "merged_into_number"), mergedIn: try row.decode([String].self, "merged_in"))
        let parties = CaseParties(deputy: try row.decode(String.self, "deputy_code"), cosigners: try row.decode([String].self, "cosigners"),
                                  assignments: assignments, mergedDeputies: try row.decode([String].self, "merged_deputies"),
                                  mergedCosigners: try row.decode([String].self, "merged_cosigners"))
        return LockedCase(congress: congress, id: id, snapshot: snapshot, parties: parties)
    }

    /// The units of the congress, for the steps that name one.
    func unitDirectory(_ congress: Congress) throws -> UnitDirectory {
        UnitDirectory(try connection.query("SELECT code FROM unit WHERE \(congress.scope)").rows.map {
            try $0.decode(String.self, "code")
        })
    }
}
