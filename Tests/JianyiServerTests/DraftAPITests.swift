import CaseStore
import Casework
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// 拟稿 and 签发 over the real server as jianyi_web: SJJ's staff (sjj1, sjj2) draft, its signer
/// (sjjhead) approves or returns; every other party is refused as the API's table says (403 for
/// a step it may not take, 404 for drafts it does not see, 409 for what the case does not
/// allow now, 422 for the data's rules).
@Suite("API: draft replies and signing", .serialized, .timeLimit(.minutes(2)))
struct DraftAPITests {
    static let draftB = #"{"outcome":"B","plan_by":"2026-06-30","text":"已列入年度计划","on":"2026-02-20"}"#

    /// SJJ gets a signer account, sjjhead.
    static func withSigner(_ f: StepFixture) throws {
        try f.owner().addAccount(f.served.congress, login: "sjjhead", party: .unit("SJJ"), password: ServedCongress.password, signer: true)
    }

    func get(_ f: StepFixture, _ login: String, _ path: String) async throws -> TestClient.Response {
        try await f.server.call(.get, path, token: try await f.server.token(login), headers: [.acceptLanguage: "en"])
    }

    @Test func staffDraftAndTheSignerApproves() async throws {
        try await StepFixture.with { f in
            try Self.withSigner(f)
            let number = try f.assigned()
            let direct = try await f.post("sjj1", number, "reply", #"{"outcome":"A","text":"已解决"}"#)
            #expect(direct.status == .forbidden && direct.error.message.contains("submit a draft reply"), "\(direct.text)")

            let drafted = try await f.post("sjj1", number, "reply-drafts", Self.draftB)
            #expect(drafted.status == .ok, "\(drafted.text)")
            #expect(drafted.object?["status"] as? String == "pending" && drafted.object?["drafted_by"] as? String == "sjj1")
            #expect(drafted.object?["draft"] as? Int == 1 && drafted.object?["plan_by"] as? String == "2026-06-30")
            #expect(try f.state(number) == .assigned)

            for login in ["sjjhead", "sjj2"] {
                let queue = try await get(f, login, "/api/v1/me/drafts")
                #expect(queue.status == .ok && queue.object?["total"] as? Int == 1, "\(login) \(queue.text)")
                #expect((queue.object?["drafts"] as? [[String: Any]])?.first?["number"] as? String == number)
            }
            #expect(try await get(f, "jtj1", "/api/v1/me/drafts").object?["total"] as? Int == 0)
            #expect(try await get(f, "d1", "/api/v1/me/drafts").status == .forbidden)
            #expect(try await get(f, "sec", "/api/v1/me/drafts").status == .forbidden)

            let approve = "reply-drafts/current/approve"
            let byStaff = try await f.post("sjj1", number, approve, "{}")
            #expect(byStaff.status == .forbidden && byStaff.error.message == "only a signer of unit SJJ may approve a draft reply", "\(byStaff.text)")
            let bySecretariat = try await f.post("sec", number, approve, "{}")
            #expect(bySecretariat.status == .forbidden, "\(bySecretariat.text)")
            for login in ["jtj1", "d1", "d2"] {
                let unseen = try await f.post(login, number, approve, "{}")
                #expect(unseen.status == .notFound && unseen.error.code == "not_found", "\(login) \(unseen.text)")
            }
            // ZJJ is not on the case: the case itself is not found.
            let other = try await f.post("zjj1", number, approve, "{}")
            #expect(other.status == .notFound && other.error.message.contains("does not exist"), "\(other.text)")
            #expect(try f.state(number) == .assigned)

            let signed = try await f.post("sjjhead", number, approve, "{}")
            #expect(signed.status == .ok, "\(signed.text)")
            #expect(signed.object?["state"] as? String == "replied")
            let view = try f.owner().caseView(f.served.congress, number: number)
            #expect(view.repliedOn == StepFixture.today && view.outcome == .b && view.planBy == Day("2026-06-30"))
            let event = try #require(try f.owner().history(f.served.congress, number: number).last)
            #expect(event.kind == .replied && event.actor == "sjjhead" && event.on == StepFixture.today)
            #expect(event.data.contains(#""drafted_by": "sjj1""#) && event.data.contains(#""signed_by": "sjjhead""#), "\(event.data)")

            let again = try await f.post("sjjhead", number, approve, "{}")
            #expect(again.status == .conflict, "\(again.text)")
            let drafts = try await get(f, "sjj2", "/api/v1/cases/\(number)/reply-drafts")
            let only = try #require((drafts.array as? [[String: Any]])?.first)
            #expect(only["status"] as? String == "signed" && only["decided_by"] as? String == "sjjhead" && only["decided_on"] as? String == "2026-03-02")
        }
    }

    @Test func aReturnedDraftGoesBackWithItsCommentAndIsDraftedAgain() async throws {
        try await StepFixture.with { f in
            try Self.withSigner(f)
            let number = try f.assigned()
            #expect(try await f.post("sjj1", number, "reply-drafts", Self.draftB).status == .ok)
            let second = try await f.post("sjj2", number, "reply-drafts", Self.draftB)
            #expect(second.status == .conflict && second.error.message.contains("already waits"), "\(second.text)")

            let returnPath = "reply-drafts/current/return"
            for body in ["{}", #"{"comment":" \u200b "}"#] {
                let bare = try await f.post("sjjhead", number, returnPath, body)
                #expect(bare.status == .unprocessableContent && bare.error.message.hasPrefix("comment:"), "\(body) \(bare.text)")
            }
            #expect(try await f.post("sjj1", number, returnPath, #"{"comment":"请补充时限"}"#).status == .forbidden)
            let returned = try await f.post("sjjhead", number, returnPath, #"{"comment":"请补充时限"}"#)
            #expect(returned.status == .ok, "\(returned.text)")
            #expect(returned.object?["status"] as? String == "returned" && returned.object?["note"] as? String == "请补充时限")
            #expect(try await f.post("sjjhead", number, "reply-drafts/current/approve", "{}").status == .conflict)

            let revised = try await f.post("sjj2", number, "reply-drafts", #"{"outcome":"A","text":"已解决"}"#)
            #expect(revised.status == .ok && revised.object?["draft"] as? Int == 2, "\(revised.text)")

            for (login, status) in [("sec", HTTPResponse.Status.ok), ("sjj1", .ok), ("jtj1", .notFound), ("d1", .notFound)] {
                let list = try await get(f, login, "/api/v1/cases/\(number)/reply-drafts")
                #expect(list.status == status, "\(login) \(list.text)")
                if status == .ok { #expect((list.array as? [[String: Any]])?.map { $0["status"] as? String } == ["returned", "pending"]) }
            }
            #expect(try f.owner().history(f.served.congress, number: number).last?.kind == .assigned)
        }
    }

    @Test func whoMaySubmitADraft() async throws {
        try await StepFixture.with { f in
            let number = try f.assigned()
            // SJJ has no signer yet: it replies directly.
            let noSigner = try await f.post("sjj1", number, "reply-drafts", Self.draftB)
            #expect(noSigner.status == .conflict && noSigner.error.message.contains("no signer"), "\(noSigner.text)")
            try Self.withSigner(f)
            #expect(try await f.post("jtj1", number, "reply-drafts", Self.draftB).status == .forbidden)
            #expect(try await f.post("d1", number, "reply-drafts", Self.draftB).status == .forbidden)
            #expect(try await f.post("sec", number, "reply-drafts", #"{"unit":"SJJ","outcome":"A","text":"t"}"#).status == .forbidden)
            #expect(try await f.post("zjj1", number, "reply-drafts", Self.draftB).status == .notFound)
            let early = try await f.post("sjj1", number, "reply-drafts", #"{"outcome":"B","plan_by":"2026-02-01","text":"t","on":"2026-02-20"}"#)
            #expect(early.status == .unprocessableContent, "\(early.text)")
            // The signer's own reply is a signed reply; the secretariat's paper reply voids a waiting draft.
            #expect(try await f.post("sjj1", number, "reply-drafts", Self.draftB).status == .ok)
            let paper = try await f.post("sec", number, "reply", #"{"unit":"SJJ","outcome":"A","text":"书面答复"}"#)
            #expect(paper.status == .ok, "\(paper.text)")
            let drafts = try await get(f, "sec", "/api/v1/cases/\(number)/reply-drafts")
            #expect((drafts.array as? [[String: Any]])?.first?["status"] as? String == "void")
        }
    }

    @Test func theSignerRightIsTheAccountRowsAtEachRequest() async throws {
        try await StepFixture.with { f in
            try Self.withSigner(f)
            let number = try f.assigned()
            #expect(try await f.post("sjj1", number, "reply-drafts", Self.draftB).status == .ok)
            let token = try await f.server.token("sjjhead")
            try f.owner().setSigner(f.served.congress, login: "sjjhead", false)
            let revoked = try await f.server.call(.post, "/api/v1/cases/\(number)/reply-drafts/current/approve", json: "{}", token: token)
            #expect(revoked.status == .forbidden, "\(revoked.text)")
            // SJJ has no signer now: its staff reply directly (the waiting draft is voided).
            #expect(try await f.post("sjj1", number, "reply", #"{"outcome":"A","text":"已解决"}"#).status == .ok)
            let drafts = try await get(f, "sjj1", "/api/v1/cases/\(number)/reply-drafts")
            #expect((drafts.array as? [[String: Any]])?.first?["status"] as? String == "void", "\(drafts.text)")
        }
    }

    @Test func aTransferOfTheLeadVoidsItsDraft() async throws {
        try await StepFixture.with { f in
            try Self.withSigner(f)
            let number = try f.assigned()
            #expect(try await f.post("sjj1", number, "transfer-requests", #"{"reason":"不属于本单位职责","on":"2026-01-28"}"#).status == .ok)
            #expect(try await f.post("sjj1", number, "reply-drafts", Self.draftB).status == .ok)
            #expect(try await f.post("sec", number, "transfer-decision", #"{"approve":true,"to":"ZJJ"}"#).status == .ok)
            let drafts = try await get(f, "sec", "/api/v1/cases/\(number)/reply-drafts")
            let only = try #require((drafts.array as? [[String: Any]])?.first)
            #expect(only["status"] as? String == "void" && only["note"] as? String == "lead transferred to ZJJ", "\(drafts.text)")
            // The relieved unit no longer sees drafts; the new lead (no signer) replies directly.
            #expect(try await get(f, "sjj1", "/api/v1/cases/\(number)/reply-drafts").status == .notFound)
            #expect(try await f.post("zjj1", number, "reply", #"{"outcome":"A","text":"已解决"}"#).status == .ok)
        }
    }

    @Test func aSignedDraftLeavesTheCaseAsADirectReplyOfTheSigningDay() async throws {
        try await StepFixture.with { f in
            try Self.withSigner(f)
            let owner = try f.owner()
            let signedCase = try f.assigned()
            let directCase = try f.submitted(title: "关于增设公交站点的建议")
            _ = try owner.accept(f.served.congress, directCase, on: Day("2026-01-25")!)
            _ = try owner.assign(f.served.congress, directCase, lead: "ZJJ", co: ["JTJ"], complex: false, on: Day("2026-01-26")!)

            #expect(try await f.post("sjj1", signedCase, "reply-drafts", Self.draftB).status == .ok)
            #expect(try await f.post("sjjhead", signedCase, "reply-drafts/current/approve", #"{"on":"2026-03-02"}"#).status == .ok)
            let reply = #"{"outcome":"B","plan_by":"2026-06-30","text":"已列入年度计划","on":"2026-03-02"}"#
            #expect(try await f.post("zjj1", directCase, "reply", reply).status == .ok)

            func seen(_ number: String, lead: String) throws -> [String] {
                let view = try owner.caseView(f.served.congress, number: number)
                let deadlines = try owner.deadlines(f.served.congress, caseID: view.id).map {
                    "\($0.kind) \($0.unit == lead ? "LEAD" : $0.unit ?? "-") \($0.round) \($0.start) \($0.due) \($0.status) \($0.metOn.map(\.description) ?? "-")"
                }
                return ["\(view.state) \(view.repliedOn.map(\.description) ?? "-") \(view.outcome?.rawValue ?? "-") \(view.planBy.map(\.description) ?? "-")"] + deadlines
            }
            #expect(try seen(signedCase, lead: "SJJ") == seen(directCase, lead: "ZJJ"))
            var measures: [String: Measures] = [:]
            try owner.satisfaction(f.served.congress, by: .unit, scope: SummaryScope(asOf: StepFixture.today)) { measures[$0.group] = $0 }
            var sjj = try #require(measures["SJJ"]), zjj = try #require(measures["ZJJ"])
            (sjj.group, sjj.groupName, zjj.group, zjj.groupName) = ("", "", "", "")
            #expect(sjj == zjj && sjj.replied == 1 && sjj.repliedOnTime == 1)
        }
    }
}
