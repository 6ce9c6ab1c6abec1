import CaseStore
import Casework
import Foundation
import HTTPTypes
import Testing

/// `POST /api/v1/cases/{number}/merge` (并案) over the real server as jianyi_web: the
/// secretariat's alone; afterwards the deputy of the merged case sees the case it joined and
/// rates its reply, and the merged case's own co-signer does not rate it.
@Suite("API merge", .serialized, .timeLimit(.minutes(2)))
struct MergeAPITests {
    /// D001's case (co-signed by D002) and D003's case, both accepted on 2026-01-25.
    func twoAccepted(_ f: StepFixture) throws -> (target: String, merged: String) {
        let target = try f.submitted()
        let merged = try f.owner().register(f.served.congress, Registration(
            title: "关于老旧小区加装电梯的建议", deputy: "D003", session: try SessionCode.parse("5-4", for: "session"),
            submittedOn: Day("2026-01-21")!)).number
        for number in [target, merged] { _ = try f.owner().accept(f.served.congress, number, on: Day("2026-01-25")!) }
        return (target, merged)
    }

    @Test func onlyTheSecretariatMerges() async throws {
        try await StepFixture.with { f in
            let (target, merged) = try twoAccepted(f)
            let body = #"{"into":"\#(target)","note":"同一小区","on":"2026-01-26"}"#
            let byDeputy = try await f.post("d3", merged, "merge", body)
            #expect(byDeputy.status == .forbidden && byDeputy.error.code == "forbidden", "\(byDeputy.text)")
            // D001 does not see D003's case: the same answer as no case.
            #expect(try await f.post("d1", merged, "merge", body).status == .notFound)
            #expect(try await f.post("sjj1", merged, "merge", body).status == .notFound)
            #expect(try f.state(merged) == .accepted)

            let missing = try await f.post("sec", merged, "merge", #"{"note":"同一小区"}"#)
            #expect(missing.status == .badRequest && missing.error.message == "into: is missing", "\(missing.text)")
            let itself = try await f.post("sec", merged, "merge", #"{"into":"\#(merged)"}"#)
            #expect(itself.status == .unprocessableContent && itself.error.message.contains("into: \(merged) cannot be merged into itself"))

            let done = try await f.post("sec", merged, "merge", body)
            #expect(done.status == .ok, "\(done.text)")
            #expect(done.object?["state"] as? String == "merged")
            #expect(try f.owner().history(f.served.congress, number: merged).last?.actor == "sec")

            let again = try await f.post("sec", merged, "merge", body)
            #expect(again.status == .conflict && again.error.message.contains("\(merged) is merged"), "\(again.text)")
        }
    }

    @Test func afterAssignmentItIsAConflict() async throws {
        try await StepFixture.with { f in
            let (target, merged) = try twoAccepted(f)
            _ = try f.owner().assign(f.served.congress, target, lead: "SJJ", co: [], complex: false, on: Day("2026-01-26")!)
            let refused = try await f.post("sec", merged, "merge", #"{"into":"\#(target)"}"#)
            #expect(refused.status == .conflict && refused.error.message.contains("\(target) is assigned"), "\(refused.text)")
            #expect(try f.state(merged) == .accepted)
        }
    }

    @Test func theMergedCasesDeputySeesAndRatesTheTargetItsCoSignerDoesNot() async throws {
        try await StepFixture.with { f in
            let target = try f.submitted()
            let merged = try f.owner().register(f.served.congress, Registration(
                title: "关于老旧小区加装电梯的建议", deputy: "D003", cosigners: ["D002"], session: try SessionCode.parse("5-4", for: "session"),
                submittedOn: Day("2026-01-21")!)).number
            let owner = try f.owner()
            for number in [target, merged] { _ = try owner.accept(f.served.congress, number, on: Day("2026-01-25")!) }
            _ = try owner.merge(f.served.congress, merged, into: target, note: nil, on: Day("2026-01-25")!)
            _ = try owner.assign(f.served.congress, target, lead: "SJJ", co: [], complex: false, on: Day("2026-01-26")!)
            _ = try owner.reply(f.served.congress, target, unit: "SJJ", outcome: .a, planBy: nil, text: "已加装", on: Day("2026-02-10")!)

            let shown = try await f.server.call(.get, "/api/v1/cases/\(target)", token: try await f.server.token("d3"))
            #expect(shown.status == .ok, "\(shown.text)")
            #expect(shown.object?["merged"] as? [String] == [merged])
            let mergedShown = try await f.server.call(.get, "/api/v1/cases/\(merged)", token: try await f.server.token("d3"))
            #expect(mergedShown.object?["merged_into"] as? String == target)

            // D002 co-signed both: sees, does not rate.
            #expect(try await f.post("d2", target, "rating", #"{"result":"satisfied"}"#).status == .forbidden)
            let rated = try await f.post("d3", target, "rating", #"{"result":"satisfied","on":"2026-02-12"}"#)
            #expect(rated.status == .ok, "\(rated.text)")
            #expect(try f.state(target) == .closed)
            // One rating a round: the target's own deputy finds it rated.
            #expect(try await f.post("d1", target, "rating", #"{"result":"basic"}"#).status == .conflict)
        }
    }
}
