@testable import CaseStore
import Casework
import Postgres
import Testing

/// `show` and `list` read a case's obligations as JSON from one subquery: every field,
/// a missing unit and a day not yet met included, in obligation order.
@Suite struct CaseViewDeadlineTests {
    let d = { (text: String) in Day(text)! }

    func briefs(_ view: CaseView) -> [String] {
        view.deadlines.map { "\($0.kind) \($0.unit ?? "-") \($0.due) \($0.recordedStatus) \($0.metOn?.description ?? "-")" }
    }

    @Test func obligationsAsTheViewReadsThem() throws {
        let f = try Fixture()
        let n = try f.acceptedCase()
        #expect(try f.store.caseView(f.congress, number: n).deadlines.isEmpty)
        _ = try f.store.assign(f.congress, n, lead: "ZJJ", co: ["JTJ"], complex: false, on: d("2024-02-20"))
        _ = try f.store.opinion(f.congress, n, unit: "JTJ", text: "同意", on: d("2024-03-01"))
        _ = try f.store.reply(f.congress, n, unit: "ZJJ", outcome: .a, planBy: nil, text: "已办结", on: d("2024-05-10"))
        let view = try f.store.caseView(f.congress, number: n)
        #expect(briefs(view) == [
            "reply ZJJ 2024-05-20 met 2024-05-10", "opinion JTJ 2024-03-20 met 2024-03-01",
            "transfer_window ZJJ 2024-03-05 open -", "transfer_window JTJ 2024-03-05 open -",
            "rating - 2024-06-06 open -",
        ])
        var listed: [CaseView] = []
        try f.store.listCases(f.congress, CaseFilter()) { listed.append($0) }
        #expect(listed == [view])
    }

    @Test func aListThatCannotBeReadIsADecodingError() throws {
        #expect(try Deadline.Brief.decodeList("[]").isEmpty)
        #expect(throws: PostgresError.self) { try Deadline.Brief.decodeList("kind,unit,2024-01-01,open,") }
        #expect(throws: PostgresError.self) {
            try Deadline.Brief.decodeList(#"[{"kind": "reply", "unit": null, "due": "20.05.2024", "status": "open", "met_on": null}]"#)
        }
    }
}
