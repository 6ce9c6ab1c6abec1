import CaseStore
import Casework
import Foundation
import HTTPTypes
import Testing

/// Issue 13's "Who may do what", row by row over the real server as jianyi_web: each step
/// allowed for the party the table names, and refused (403 on a case the caller sees, 404 on
/// one it does not) for the others. Serialized: each test blocks a thread of the shared
/// cooperative pool while it migrates its database, and timing tests elsewhere share it.
@Suite("API steps: who may do what", .serialized, .timeLimit(.minutes(2)))
struct StepPermissionTests {
    @Test func aDeputySubmitsForThemselfOnlyAndTheSecretariatForAnyDeputy() async throws {
        try await StepFixture.with { f in
            let own = try await f.post("d1", nil, nil, #"{"title":"关于增设公交站点的建议","session":"5-4","cosigners":["D002"],"on":"2026-01-21"}"#)
            #expect(own.status == .created, "\(own.text)")
            let number = try #require(own.object?["number"] as? String)
            #expect(own.headers[.location] == "/api/v1/cases/\(number)")
            #expect(try f.owner().history(f.served.congress, number: number).first?.actor == "d1")

            let forAnother = try await f.post("d1", nil, nil, #"{"title":"关于增设公交站点的建议","deputy":"D002","recess":true}"#)
            #expect(forAnother.status == .forbidden)
            #expect(forAnother.error.code == "forbidden" && forAnother.error.message.contains("deputy"))
            let byUnit = try await f.post("sjj1", nil, nil, #"{"title":"关于增设公交站点的建议","deputy":"D001","recess":true}"#)
            #expect(byUnit.status == .forbidden)

            let withoutDeputy = try await f.post("sec", nil, nil, #"{"title":"关于增设公交站点的建议","recess":true}"#)
            #expect(withoutDeputy.status == .badRequest && withoutDeputy.error.message == "deputy: is missing")
            let forD002 = try await f.post("sec", nil, nil, #"{"title":"关于增设公交站点的建议","deputy":"D002","recess":true}"#)
            #expect(forD002.status == .created, "\(forD002.text)")
        }
    }

    @Test func theStoreRefusesASubmissionForAnotherDeputyBelowTheAPI() throws {
        let served = try ServedCongress.make()
        let store = try Store(url: served.webURL, actor: "web")
        let registration = try Registration(title: "关于增设公交站点的建议", deputy: "D002", session: nil, submittedOn: Day("2026-01-21")!)
        #expect(throws: AccessError.mayNotSubmit(party: .deputy("D001"), deputy: "D002")) {
            try store.acting(as: Account(login: "d1", congress: "LL", party: .deputy("D001"))) { try $0.register(served.congress, registration) }
        }
    }

    @Test func reviewWithdrawAssignAndSupervisionAreTheSecretariats() async throws {
        try await StepFixture.with { f in
            let number = try f.submitted()
            #expect(try await f.post("d1", number, "review", #"{"accept":true}"#).status == .forbidden)
            // A unit not (yet) on the case does not see it.
            let unseen = try await f.post("sjj1", number, "review", #"{"accept":true}"#)
            #expect(unseen.status == .notFound && unseen.error.code == "not_found")
            let accepted = try await f.post("sec", number, "review", #"{"accept":true,"on":"2026-01-25"}"#)
            #expect(accepted.status == .ok, "\(accepted.text)")
            #expect(accepted.object?["state"] as? String == "accepted")

            // The co-signer may not withdraw; a deputy not on the case does not see it.
            #expect(try await f.post("d2", number, "withdraw", #"{"reason":"问题已解决"}"#).status == .forbidden)
            #expect(try await f.post("d3", number, "withdraw", #"{"reason":"问题已解决"}"#).status == .notFound)

            #expect(try await f.post("d1", number, "assign", #"{"lead":"SJJ"}"#).status == .forbidden)
            #expect(try await f.post("sjj1", number, "assign", #"{"lead":"SJJ"}"#).status == .notFound)
            let assigned = try await f.post("sec", number, "assign", #"{"lead":"SJJ","co":["JTJ"],"on":"2026-01-26"}"#)
            #expect(assigned.status == .ok, "\(assigned.text)")
            let created = try #require(assigned.object?["created"] as? [[String: Any]])
            let owed = Set(created.map { "\($0["obligation"] as? String ?? "") \($0["unit"] as? String ?? "")" })
            #expect(owed.isSuperset(of: ["reply SJJ", "opinion JTJ"]), "\(owed)")

            #expect(try await f.post("sjj1", number, "supervision", #"{"leader":"王主任"}"#).status == .forbidden)
            #expect(try await f.post("d1", number, "supervision", #"{"leader":"王主任"}"#).status == .forbidden)
            #expect(try await f.post("sec", number, "supervision", #"{"leader":"王主任"}"#).status == .ok)
            #expect(try f.state(number) == .assigned)
        }
    }

    @Test func theLeadDeputyWithdrawsBeforeAssignment() async throws {
        try await StepFixture.with { f in
            let number = try f.submitted()
            let withdrawn = try await f.post("d1", number, "withdraw", #"{"reason":"问题已解决"}"#)
            #expect(withdrawn.status == .ok, "\(withdrawn.text)")
            #expect(try f.state(number) == .withdrawn)
            #expect(try f.owner().history(f.served.congress, number: number).last?.actor == "d1")
        }
    }

    @Test func unitsContactGiveOpinionsAndReplyAsTheirRoleAllows() async throws {
        try await StepFixture.with { f in
            let number = try f.assigned()
            // Another unit's case, by number: as if it did not exist.
            let other = try await f.post("zjj1", number, "contacts", #"{"mode":"phone"}"#)
            #expect(other.status == .notFound)
            #expect(other.error.message == "suggestion \(number) does not exist")
            #expect(try await f.post("d1", number, "contacts", #"{"mode":"phone"}"#).status == .forbidden)
            // A unit naming another unit as itself.
            let asAnother = try await f.post("sjj1", number, "contacts", #"{"unit":"JTJ","mode":"phone"}"#)
            #expect(asAnother.status == .forbidden && asAnother.error.message.hasPrefix("unit:"))
            #expect(try await f.post("sjj2", number, "contacts", #"{"mode":"phone","note":"电话沟通"}"#).status == .ok)
            #expect(try await f.post("jtj1", number, "contacts", #"{"unit":"JTJ","mode":"visit"}"#).status == .ok)

            // The lead sends no opinion; the co-handler does.
            #expect(try await f.post("sjj1", number, "opinions", #"{"text":"同意"}"#).status == .forbidden)
            #expect(try await f.post("jtj1", number, "opinions", #"{"text":"建议统筹"}"#).status == .ok)

            // The co-handler does not reply; the lead does.
            let coReply = try await f.post("jtj1", number, "reply", #"{"outcome":"A","text":"已解决"}"#)
            #expect(coReply.status == .forbidden && coReply.error.code == "forbidden")
            #expect(try await f.post("d1", number, "reply", #"{"outcome":"A","text":"已解决"}"#).status == .forbidden)
            let replied = try await f.post("sjj1", number, "reply", #"{"outcome":"A","text":"已解决"}"#)
            #expect(replied.status == .ok, "\(replied.text)")
            #expect(replied.object?["state"] as? String == "replied")
            #expect(try f.owner().history(f.served.congress, number: number).last?.actor == "sjj1")
        }
    }

    @Test func onlyTheLeadDeputyRatesAndTheLeadUnitFollowsUpItsPlan() async throws {
        try await StepFixture.with { f in
            let number = try f.replied(.b)
            let cosigner = try await f.post("d2", number, "rating", #"{"result":"satisfied"}"#)
            #expect(cosigner.status == .forbidden)
            #expect(cosigner.error.message == "deputy D002 may not take the step rating on this case")
            #expect(try await f.post("sjj1", number, "rating", #"{"result":"satisfied"}"#).status == .forbidden)
            #expect(try await f.post("d3", number, "rating", #"{"result":"satisfied"}"#).status == .notFound)
            let rated = try await f.post("d1", number, "rating", #"{"result":"satisfied","attitude":"basic"}"#)
            #expect(rated.status == .ok, "\(rated.text)")
            #expect(rated.object?["state"] as? String == "following")

            #expect(try await f.post("jtj1", number, "follow-ups", #"{"progress":"已开工"}"#).status == .forbidden)
            #expect(try await f.post("d1", number, "follow-ups", #"{"progress":"已开工"}"#).status == .forbidden)
            let done = try await f.post("sjj1", number, "follow-ups", #"{"progress":"已完工","done":true}"#)
            #expect(done.status == .ok, "\(done.text)")
            #expect(try f.state(number) == .closed)
        }
    }

    @Test func anAssignedUnitAsksForATransferAndTheSecretariatDecides() async throws {
        try await StepFixture.with { f in
            let number = try f.assigned()
            #expect(try await f.post("d1", number, "transfer-requests", #"{"reason":"不属本单位职责","on":"2026-01-27"}"#).status == .forbidden)
            let asked = try await f.post("jtj1", number, "transfer-requests", #"{"reason":"不属本单位职责","on":"2026-01-27"}"#)
            #expect(asked.status == .ok, "\(asked.text)")
            let again = try await f.post("sjj1", number, "transfer-requests", #"{"reason":"不属本单位职责","on":"2026-01-27"}"#)
            #expect(again.status == .conflict && again.error.message.contains("pending transfer request from JTJ"))

            #expect(try await f.post("jtj1", number, "transfer-decision", #"{"approve":true,"to":"ZJJ"}"#).status == .forbidden)
            #expect(try await f.post("zjj1", number, "transfer-decision", #"{"approve":true,"to":"ZJJ"}"#).status == .notFound)
            let approved = try await f.post("sec", number, "transfer-decision", #"{"approve":true,"to":"ZJJ","on":"2026-01-28"}"#)
            #expect(approved.status == .ok, "\(approved.text)")
            // ZJJ now sees and acts on it; JTJ, relieved, still sees it but may not act.
            #expect(try await f.post("zjj1", number, "opinions", #"{"text":"接办"}"#).status == .ok)
            #expect(try await f.post("jtj1", number, "contacts", #"{"mode":"phone"}"#).status == .forbidden)
            let none = try await f.post("sec", number, "transfer-decision", #"{"reject":true,"reason":"维持"}"#)
            #expect(none.status == .conflict && none.error.message == "\(number) has no pending transfer request")
        }
    }
}
