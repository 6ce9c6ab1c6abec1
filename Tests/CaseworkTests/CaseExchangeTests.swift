import Casework
import Testing

/// The layout's checks of one record, without a database.
@Suite struct CaseExchangeTests {
    /// A record that fits: every field present with a value of its kind.
    static func record(_ changes: [String: JSONValue] = [:]) -> [JSONValue] {
        var values: [String: JSONValue] = [
            "format_version": 1, "number": "5-4-0001", "ref": .null, "title": "=1+1", "body": "", "deputy": "D001",
            "cosigners": .array(["D002", "D003"]), "session": "5-4", "channel": "session", "station": .null, "category": "城建",
            "submitted_on": "9999-12-31", "state": "submitted", "key": false, "key_leader": .null, "key_committee": .null,
            "lead_unit": .null, "complex": false, "assigned_on": .null, "round": 0, "outcome": .null, "plan_by": .null,
            "plan_done_on": .null, "replied_on": .null, "rating_result": .null, "rating_attitude": .null, "closed_on": .null,
            "registered_at": "2024-01-21T08:00:00.123456Z", "updated_at": "2024-01-21T08:00:00.123456Z",
            "units": .array([]), "deadlines": .array([]), "transfer_requests": .array([]), "contacts": .array([]),
            "contact_confirmations": .array([]), "replies": .array([]), "ratings": .array([]),
            "history": .array([.object([("no", 1), ("kind", "registered"), ("on", "9999-12-31"),
                                         ("recorded_at", "2024-01-21T08:00:00.000000Z"), ("actor", "秘书处"),
                                         ("data", .object([("number", "5-4-0001")]))])]),
        ]
        for (name, value) in changes { values[name] = value }
        return CaseExchange.names.map { values[$0]! }
    }

    static func problem(_ changes: [String: JSONValue]) -> CaseExchange.Problem? {
        if case .failure(let problem) = CaseExchange.staged(record(changes)) { return problem }
        return nil
    }

    @Test func aRecordThatFitsIsStagedAsPostgreSQLReadsIt() throws {
        let staged = try CaseExchange.staged(Self.record()).get()
        #expect(staged.count == CaseExchange.fields.count)
        #expect(staged[0] == "1")
        #expect(staged[CaseExchange.names.firstIndex(of: "cosigners")!] == "{D002,D003}")
        #expect(staged[CaseExchange.names.firstIndex(of: "key")!] == "false")
        #expect(staged[CaseExchange.names.firstIndex(of: "ref")!] == nil)
        #expect(staged[CaseExchange.names.firstIndex(of: "history")!]?.hasPrefix("[{\"no\":1,") == true)
    }

    @Test func eachFieldIsCheckedForItsKind() {
        let column = { (name: String) in CaseExchange.names.firstIndex(of: name)! }
        #expect(Self.problem(["format_version": 2])?.column == 0)
        let day = Self.problem(["submitted_on": "2024-02-30"])
        #expect(day?.column == column("submitted_on") && day?.value == "2024-02-30")
        #expect(day?.why == "not a date YYYY-MM-DD from 1900-01-01 to 9999-12-31")
        #expect(Self.problem(["state": "lost"])?.why.hasPrefix("must be one of submitted, accepted") == true)
        #expect(Self.problem(["title": .null])?.why == "a value is required")
        #expect(Self.problem(["key": "true"])?.why == "expected true or false")
        #expect(Self.problem(["round": .number(1.5)])?.why == "expected a whole number")
        #expect(Self.problem(["deputy": "D 001"])?.column == column("deputy"))
        #expect(Self.problem(["cosigners": .array(["D002", "x,y"])])?.why == "not a list of deputy codes")
        #expect(Self.problem(["registered_at": "2024-01-21T08:00:00Z"])?.column == column("registered_at"))
        #expect(Self.problem(["registered_at": "2024-01-21T24:00:00.000000Z"])?.column == column("registered_at"))
    }

    @Test func listItemsHaveExactlyTheirFields() {
        let unit: [(String, JSONValue)] = [("unit", "ZJJ"), ("role", "lead"), ("assigned_on", "2024-07-01"), ("ended_on", .null)]
        #expect(Self.problem(["units": .array([.object(unit)])]) == nil)
        #expect(Self.problem(["units": .array([.object(unit + [("extra", 1)])])])?.why == "item 1 has an unknown field extra")
        #expect(Self.problem(["units": .array([.object(Array(unit.dropLast()))])])?.why == "item 1 has no ended_on")
        #expect(Self.problem(["units": .array([.object(unit), "ZJJ"])])?.why == "item 2 is not an object")
        var bad = unit
        bad[1] = ("role", "host")
        #expect(Self.problem(["units": .array([.object(bad)])])?.why == "item 1, role: must be one of lead, co")
    }
}
