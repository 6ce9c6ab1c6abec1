import CaseStore
import Casework
import Foundation
import HTTPTypes
import Testing

/// `POST /api/v1/cases/{number}/contact-confirmations` over the real server as jianyi_web: the
/// deputy who raised the case (or the secretariat) answers a unit's contact, once; a co-signer
/// and the units on the case are refused (403), a party that does not see the case gets 404.
@Suite("API: the deputy confirms or disputes a contact", .serialized, .timeLimit(.minutes(2)))
struct ContactConfirmationAPITests {
    /// D001's case (co-signed by D002), assigned to SJJ (lead) and JTJ (co), with contact 1 by
    /// SJJ on 2026-02-01 and contact 2 by JTJ on 2026-02-02.
    static func contacted(_ f: StepFixture) throws -> String {
        let number = try f.assigned()
        let owner = try f.owner()
        _ = try owner.contact(f.served.congress, number, unit: "SJJ", mode: .phone, note: "电话沟通", on: Day("2026-02-01")!)
        _ = try owner.contact(f.served.congress, number, unit: "JTJ", mode: .visit, note: "", on: Day("2026-02-02")!)
        return number
    }

    /// What the owner sees of the answers: "contact answer on note" each, in contact order.
    static func answers(_ f: StepFixture, _ number: String) throws -> [String] {
        let owner = try f.owner()
        let id = try owner.caseID(f.served.congress, number: number)
        return try owner.contacts(f.served.congress, caseID: id).compactMap { contact in
            contact.confirmation.map { "\(contact.number) \($0.rawValue) \(contact.confirmedOn!) \(contact.confirmationNote ?? "")" }
        }
    }

    @Test func theDeputyWhoRaisedTheCaseConfirmsAndTheCaseShowsIt() async throws {
        try await StepFixture.with { f in
            let number = try Self.contacted(f)
            let confirmed = try await f.post("d1", number, "contact-confirmations", #"{"contact":1,"on":"2026-02-03"}"#)
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            #expect(confirmed.object?["state"] as? String == "assigned")
            #expect(try Self.answers(f, number) == ["1 confirmed 2026-02-03 "])
            let last = try #require(try f.owner().history(f.served.congress, number: number).last)
            #expect(last.kind == .contactConfirmed && last.actor == "d1")

            // The case as the deputy reads it: each contact with its answer, and the event.
            let shown = try await f.server.call(.get, "/api/v1/cases/\(number)", token: try await f.server.token("d1"))
            let contacts = try #require(shown.object?["contacts"] as? [[String: Any]])
            #expect(contacts.map { $0["contact"] as? Int } == [1, 2])
            #expect(contacts[0]["confirmation"] as? String == "confirmed" && contacts[0]["confirmed_on"] as? String == "2026-02-03")
            #expect(contacts[1]["confirmation"] is NSNull && contacts[1]["confirmed_on"] is NSNull)
            let timeline = try #require(shown.object?["timeline"] as? [[String: Any]])
            #expect(timeline.last?["kind"] as? String == "contact_confirmed" && timeline.last?["actor"] as? String == "d1")
        }
    }

    @Test func aCoSignerAndTheUnitsOnTheCaseAreRefusedAndOthersDoNotSeeIt() async throws {
        try await StepFixture.with { f in
            let number = try Self.contacted(f)
            let body = #"{"contact":1,"dispute":true,"note":"未曾来电"}"#
            let cosigner = try await f.post("d2", number, "contact-confirmations", body)
            #expect(cosigner.status == .forbidden)
            #expect(cosigner.error.message == "deputy D002 may not take the step contact-confirmations on this case")
            for unit in ["sjj1", "jtj1"] {
                let refused = try await f.post(unit, number, "contact-confirmations", body)
                #expect(refused.status == .forbidden && refused.error.code == "forbidden", "\(unit): \(refused.text)")
            }
            for stranger in ["zjj1", "d3"] {
                let unseen = try await f.post(stranger, number, "contact-confirmations", body)
                #expect(unseen.status == .notFound && unseen.error.message == "suggestion \(number) does not exist", "\(stranger)")
            }
            #expect(try Self.answers(f, number).isEmpty)
        }
    }

    @Test func theSecretariatKeysInADisputeAndAContactIsAnsweredOnce() async throws {
        try await StepFixture.with { f in
            let number = try Self.contacted(f)
            let disputed = try await f.post("sec", number, "contact-confirmations", #"{"contact":2,"dispute":true,"note":"只收到短信"}"#)
            #expect(disputed.status == .ok, "\(disputed.text)")
            #expect(try f.owner().history(f.served.congress, number: number).last?.kind == .contactDisputed)
            let again = try await f.post("d1", number, "contact-confirmations", #"{"contact":2}"#)
            #expect(again.status == .conflict && again.error.code == "conflict")
            #expect(again.error.message == "\(number)'s contact 2 was already disputed on 2026-03-02; a contact is answered once")
            #expect(try Self.answers(f, number) == ["2 disputed 2026-03-02 只收到短信"])
        }
    }

    @Test func theBodyAndTheDataAreCheckedNamingTheKey() async throws {
        try await StepFixture.with { f in
            let number = try Self.contacted(f)
            let cases: [(String, HTTPResponse.Status, String)] = [
                (#"{"dispute":true,"note":"没有"}"#, .badRequest, "contact: is missing"),
                (#"{"contact":"1"}"#, .badRequest, "contact: must be a whole number"),
                (#"{"contact":1.5}"#, .badRequest, "contact: must be a whole number"),
                (#"{"contact":1,"dispute":"yes"}"#, .badRequest, "dispute: must be true or false"),
                (#"{"contact":1,"unit":"SJJ"}"#, .badRequest, "unit: is not a key this operation takes"),
                (#"{"contact":1,"note":" "}"#, .badRequest, "note: must not be empty"),
                (#"{"contact":1,"dispute":true}"#, .unprocessableContent, "note: a dispute needs a note: the deputy's account of what happened"),
                (#"{"contact":1,"dispute":true,"note":"\u200b"}"#, .unprocessableContent, "note: a dispute needs a note"),
                (#"{"contact":9}"#, .unprocessableContent, "contact: \(number) has no contact 9 (its contacts: 1, 2; jianyi show lists them)"),
                (#"{"contact":1,"on":"2026-01-31"}"#, .unprocessableContent, "on: 2026-01-31 is before 2026-02-02"),
                (#"{"contact":1,"on":"2026-03-03"}"#, .unprocessableContent, "on: 2026-03-03 is after today"),
            ]
            for (body, status, message) in cases {
                let answer = try await f.post("d1", number, "contact-confirmations", body)
                #expect(answer.status == status, "\(body): \(answer.text)")
                #expect(answer.error.message.hasPrefix(message), "\(body): \(answer.error.message)")
            }
            #expect(try Self.answers(f, number).isEmpty)
        }
    }

    @Test func notBeforeTheCaseIsAssigned() async throws {
        try await StepFixture.with { f in
            let number = try f.submitted()
            let early = try await f.post("d1", number, "contact-confirmations", #"{"contact":1}"#)
            #expect(early.status == .conflict && early.error.message.contains("contact confirm needs assigned or closed or following"))
        }
    }
}
