import CaseStore
import Casework
import Foundation
import HTTPTypes
import Testing

/// How a step's body and its case refuse: 400 for a malformed body (naming the key), 409 for a
/// step the state does not allow (the CLI's reason), 422 for a rule of the data; nothing written.
@Suite("API steps: bodies and refusals", .serialized, .timeLimit(.minutes(2)))
struct StepBodyTests {
    @Test func malformedBodiesAre400NamingTheKey() async throws {
        try await StepFixture.with { f in
            let number = try f.assigned()
            let cases: [(String, String, String)] = [
                ("reply", #"{"outcome":"A","text":"已解决","colour":"red"}"#, "colour: is not a key this operation takes"),
                ("reply", #"{"outcome":"A","text":42}"#, "text: must be a string"),
                ("reply", #"{"outcome":"D","text":"已解决"}"#, "outcome: 'D' is not one of A|B|C"),
                ("reply", #"{"text":"已解决"}"#, "outcome: is missing"),
                ("reply", #"{"outcome":"A","text":"已\u0000解决"}"#, "text: holds a NUL character"),
                ("reply", #"{"outcome":"A","text":"   "}"#, "text: must not be empty"),
                ("reply", #"{"outcome":"A","text":"已解决","on":"2026-02-30"}"#, "on: '2026-02-30' is not a date YYYY-MM-DD from 1900-01-01 to 9999-12-31"),
                ("reply", #"["A"]"#, "the body is not a JSON object"),
                ("reply", #"{"outcome":"A","#, "the body is not JSON"),
                ("contacts", #"{"mode":"phone","unit":null}"#, "unit: must be a string"),
                ("assign", #"{"lead":"SJJ","co":"JTJ"}"#, "co: must be an array of strings"),
                ("review", #"{"accept":true,"reject":true,"reason":"x"}"#, "give accept or reject, exactly one of them"),
                ("review", #"{"accept":false}"#, "accept: must be true"),
            ]
            for (step, body, message) in cases {
                let response = try await f.post("sjj1", number, step, body)
                #expect(response.status == .badRequest, "\(step) \(body): \(response.text)")
                #expect(response.error.code == "invalid" && response.error.message == message, "\(step) \(body): \(response.error.message)")
            }
            #expect(try f.owner().history(f.served.congress, number: number).count == 3)
        }
    }

    @Test func aStepTheStateDoesNotAllowIs409WithTheCLIsReason() async throws {
        try await StepFixture.with { f in
            let number = try f.assigned()
            let english = try await f.post("sec", number, "review", #"{"accept":true}"#)
            #expect(english.status == .conflict && english.error.code == "conflict")
            #expect(english.error.message.hasPrefix("\(number) is assigned (已交办); review --accept needs submitted; allowed now:"),
                    "\(english.error.message)")
            let chinese = try await f.post("sec", number, "review", #"{"accept":true}"#, english: false)
            #expect(chinese.error.message.hasPrefix("\(number) 当前为已交办（assigned）"), "\(chinese.error.message)")
            #expect(chinese.headers[.contentLanguage] == "zh")
        }
    }

    @Test func ruleRefusalsAre422NamingTheKey() async throws {
        try await StepFixture.with { f in
            let number = try f.assigned()
            let noPlan = try await f.post("sjj1", number, "reply", #"{"outcome":"B","text":"列入计划"}"#)
            #expect(noPlan.status == .unprocessableContent && noPlan.error.code == "invalid")
            #expect(noPlan.error.message.hasPrefix("plan_by: "), "\(noPlan.error.message)")
            let future = try await f.post("sjj1", number, "contacts", #"{"mode":"phone","on":"2026-03-03"}"#)
            #expect(future.status == .unprocessableContent)
            #expect(future.error.message.hasPrefix("on: 2026-03-03 is after today (2026-03-02)"), "\(future.error.message)")
            let beforeAssignment = try await f.post("sjj1", number, "contacts", #"{"mode":"phone","on":"2026-01-20"}"#)
            #expect(beforeAssignment.status == .unprocessableContent && beforeAssignment.error.message.hasPrefix("on: 2026-01-20 is before"))
            // The secretariat naming a unit that is not the lead: a rule of the data, not a permission.
            let notLead = try await f.post("sec", number, "reply", #"{"unit":"JTJ","outcome":"A","text":"已解决"}"#)
            #expect(notLead.status == .unprocessableContent && notLead.error.message.hasPrefix("unit: JTJ is not the lead unit"))
            let secWithoutUnit = try await f.post("sec", number, "contacts", #"{"mode":"phone"}"#)
            #expect(secWithoutUnit.status == .badRequest && secWithoutUnit.error.message == "unit: is missing")
            let unknownCosigner = try await f.post("d1", nil, nil, #"{"title":"关于增设公交站点的建议","recess":true,"cosigners":["D999"]}"#)
            #expect(unknownCosigner.status == .unprocessableContent && unknownCosigner.error.message.hasPrefix("cosigners: D999"))
            #expect(try f.owner().history(f.served.congress, number: number).count == 3)
        }
    }
}
