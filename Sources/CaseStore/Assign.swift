import Casework
import Postgres

extension Store {
    /// 交办: one lead unit, co-handlers, and the obligations with their deadlines.
    public func assign(_ congress: Congress, _ number: String, lead: String, co: [String], complex: Bool, on day: Day) throws -> StepResult {
        try assign(congress, number, try AssignInput(lead: lead, co: co, complex: complex), on: day, loaded: nil)
    }

    /// The same, with the units and rules already loaded when many cases are assigned on one day.
    private func assign(
        _ congress: Congress, _ number: String, _ input: AssignInput, on day: Day, loaded: (units: UnitDirectory, rules: Rules)?
    ) throws -> StepResult {
        try step(congress, number, .assign) { c in
            try c.assign(input, units: loaded?.units ?? unitDirectory(congress), rules: loaded?.rules ?? rules(congress, from: day),
                         on: day, by: actor)
        } record: { c, plan in
            let assignments = plan.assignments
            try connection.execute("""
                INSERT INTO assignment (congress_id, suggestion_id, unit_code, role, assigned_on)
                SELECT \(congress.id), \(c.id), u.code, u.role, \(day)
                FROM unnest(\(assignments.map(\.unit))::text[], \(assignments.map(\.role))::text[]) AS u(code, role)
                """)
            try connection.execute("""
                UPDATE suggestion SET lead_unit = \(plan.input.lead), complex = \(plan.input.complex), assigned_on = \(day),
                       round = \(plan.round)
                WHERE \(congress.scope(case: c.id))
                """)
        }
    }

    /// 集中交办 from a CSV file `number,lead,co,complex`: all rows or none. Every row is tried
    /// (each in its own savepoint) so that every bad row is reported, then nothing is kept.
    /// A row's typed refusal (a step's, a case not found) is listed for the front end to word
    /// (`RowRefusals`); any other error ends the import.
    public func assignFile(_ congress: Congress, csv: some CSVSource, file: String, on day: Day) throws -> [StepResult] {
        let table = try CSVTable(csv, expecting: ["number", "lead", "co", "complex"], file: file)
        return try connection.retryingTransaction { _ in
            // Each attempt starts from the file's own problems: a row refused by an attempt
            // that was rolled back may pass now (a case accepted in the meantime).
            var problems = table.problems
            let loaded = (units: try unitDirectory(congress), rules: try rules(congress, from: day))
            var results: [StepResult] = []
            for record in table.records {
                let result = try problems.checking(line: record.line) { () throws -> StepResult in
                    let complex: Bool
                    switch record(3).lowercased() {
                    case "", "false", "no", "0", "否": complex = false
                    case "true", "yes", "1", "是": complex = true
                    default: throw Failure.badValue("complex: \(Text.printable(record(3))) is not true or false")
                    }
                    let co = record(2).split(separator: ";").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                    let input = try AssignInput(lead: record(1), co: co, complex: complex)
                    return try assign(congress, record(0), input, on: day, loaded: loaded)
                }
                if let result { results.append(result) }
            }
            try problems.check()
            return results
        }
    }

    /// 申请调整交办: an assigned unit asks, within its transfer window, to be replaced.
    public func requestTransfer(_ congress: Congress, _ number: String, unit: String, reason: String, on day: Day) throws -> StepResult {
        let reason = try Text.required(reason, field: .reason)
        return try step(congress, number, .transferRequest) { c in
            try c.requestTransfer(unit: unit, reason: reason, on: day, by: actor)
        } record: { c, _ in
            try connection.execute("""
                INSERT INTO transfer_request (congress_id, suggestion_id, request_no, unit_code, reason, requested_on)
                SELECT \(congress.id), \(c.id), coalesce(max(request_no), 0) + 1, \(unit), \(reason), \(day)
                FROM transfer_request WHERE \(congress.scope(case: c.id))
                """)
        }
    }

    /// 调整交办: the secretariat approves; the new unit takes the old one's role and its
    /// clock restarts from today.
    public func approveTransfer(_ congress: Congress, _ number: String, to newUnit: String, on day: Day) throws -> StepResult {
        try step(congress, number, .transferApprove) { c in
            try c.approveTransfer(to: newUnit, units: unitDirectory(congress), rules: rules(congress, from: day), on: day, by: actor)
        } record: { c, plan in
            try connection.execute("""
                UPDATE assignment SET ended_on = \(day)
                WHERE \(congress.scope(case: c.id)) AND unit_code = \(plan.request.unit)
                """)
            try connection.execute("""
                INSERT INTO assignment (congress_id, suggestion_id, unit_code, role, assigned_on)
                VALUES (\(congress.id), \(c.id), \(newUnit), \(plan.role), \(day))
                """)
            if let lead = plan.newLead {
                try connection.execute("""
                    UPDATE suggestion SET lead_unit = \(lead) WHERE \(congress.scope(case: c.id))
                    """)
            }
            try connection.execute("""
                UPDATE transfer_request SET decision = \(TransferDecision.approved), decided_on = \(day), to_unit = \(newUnit)
                WHERE \(congress.scope(case: c.id)) AND request_no = \(plan.request.number)
                """)
        }
    }

    /// The secretariat refuses the transfer; the original deadlines stand.
    public func rejectTransfer(_ congress: Congress, _ number: String, reason: String, on day: Day) throws -> StepResult {
        let reason = try Text.required(reason, field: .reason)
        return try step(congress, number, .transferReject) { c in
            try c.rejectTransfer(reason: reason, on: day, by: actor)
        } record: { c, plan in
            try connection.execute("""
                UPDATE transfer_request SET decision = \(TransferDecision.rejected), decided_on = \(day), decision_note = \(reason)
                WHERE \(congress.scope(case: c.id)) AND request_no = \(plan.request.number)
                """)
        }
    }
}
