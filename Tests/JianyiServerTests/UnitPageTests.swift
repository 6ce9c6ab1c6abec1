import CaseStore
import Casework
import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import JianyiServer
import Testing

/// The unit's pages beside 待办 and the page answers of issue 14's second part: 拟稿 and
/// 签发 in a browser, 跟踪落实, 申请调整交办, the unit's own figures, both rounds of the
/// deputy's rating, HTML 404/405 outside the API, and the sign-in form's own CSRF token.
@Suite("Pages: the unit's side", .serialized, .timeLimit(.minutes(2)))
struct UnitPageTests {
    func signIn(_ f: StepFixture, _ login: String) async throws -> BrowserSession {
        try await PageTests.signIn(f.server, login)
    }

    func post(_ f: StepFixture, _ session: BrowserSession, _ path: String, _ form: String) async throws -> TestClient.Response {
        try await f.server.call(.post, path, form: "csrf=\(session.csrf)&" + form, headers: session.headers())
    }

    @Test func staffDraftTheSignerReturnsWithACommentThenSigns() async throws {
        try await StepFixture.with { f in
            try DraftAPITests.withSigner(f)
            let number = try f.assigned()
            let staff = try await signIn(f, "sjj1")
            let before = try await f.server.get("/cases/\(number)", headers: staff.headers())
            #expect(before.text.contains(#"action="/cases/\#(number)/reply-drafts""#))
            #expect(!before.text.contains(#"action="/cases/\#(number)/reply""#), "staff of a unit with a signer do not reply directly")
            let drafted = try await post(f, staff, "/cases/\(number)/reply-drafts", "outcome=B&plan_by=2026-06-30&text=%E5%B7%B2%E5%88%97%E5%85%A5%E8%AE%A1%E5%88%92")
            #expect(drafted.status == .seeOther && drafted.headers[.location] == "/cases/\(number)?done=reply-drafts", "\(drafted.text)")
            #expect(try f.state(number) == .assigned)

            let signer = try await signIn(f, "sjjhead")
            let queue = try await f.server.get("/drafts", headers: signer.headers())
            #expect(queue.status == .ok && queue.text.contains("<strong>1</strong> 件") && queue.text.contains("/cases/\(number)"))
            let page = try await f.server.get("/cases/\(number)", headers: signer.headers())
            #expect(page.text.contains("reply-drafts/current/approve") && page.text.contains("已列入计划"))

            let blank = try await post(f, signer, "/cases/\(number)/reply-drafts/current/return", "comment=")
            #expect(blank.status == .unprocessableContent, "\(blank.text)")
            #expect(blank.text.contains(#"id="return-comment-error""#), "\(blank.text)")
            let returned = try await post(f, signer, "/cases/\(number)/reply-drafts/current/return", "comment=%E8%AF%B7%E5%86%99%E6%98%8E%E8%B5%84%E9%87%91%E6%9D%A5%E6%BA%90")
            #expect(returned.status == .seeOther, "\(returned.text)")

            let back = try await f.server.get("/cases/\(number)", headers: staff.headers())
            #expect(back.text.contains("已退回") && back.text.contains("退回意见：请写明资金来源"))
            #expect(back.text.contains(#"action="/cases/\#(number)/reply-drafts""#), "the staff may draft again")
            #expect(try await f.server.get("/drafts", headers: signer.headers()).text.contains("没有等待签发的草稿"))

            _ = try await post(f, staff, "/cases/\(number)/reply-drafts", "outcome=A&text=ok")
            let signed = try await post(f, signer, "/cases/\(number)/reply-drafts/current/approve", "")
            #expect(signed.status == .seeOther, "\(signed.text)")
            #expect(try f.state(number) == .replied)
            let history = try f.owner().history(f.served.congress, number: number)
            #expect(history.last?.kind == .replied && history.last?.actor == "sjjhead")
            // The staff may not sign: the step's own refusal, a page of its own.
            let another = try f.assigned(title: "关于增设公交线路的建议")
            _ = try await post(f, staff, "/cases/\(another)/reply-drafts", "outcome=A&text=ok")
            let byStaff = try await post(f, staff, "/cases/\(another)/reply-drafts/current/approve", "")
            #expect(byStaff.status == .forbidden && byStaff.headers[.contentType] == "text/html; charset=utf-8")
            #expect(try f.state(another) == .assigned)
        }
    }

    @Test func aUnitWithoutASignerRepliesDirectly() async throws {
        try await StepFixture.with { f in
            let number = try f.assigned()
            let staff = try await signIn(f, "sjj1")
            let page = try await f.server.get("/cases/\(number)", headers: staff.headers())
            #expect(page.text.contains(#"action="/cases/\#(number)/reply""#) && !page.text.contains("reply-drafts"))
        }
    }

    @Test func theLeadFollowsUpItsBPlanUntilDone() async throws {
        try await StepFixture.with { f in
            let number = try f.replied(.b)
            _ = try f.owner().rate(f.served.congress, number, result: .satisfied, attitude: nil, comment: "", on: Day("2026-02-20")!)
            #expect(try f.state(number) == .following)
            let co = try await signIn(f, "jtj1")
            #expect(!(try await f.server.get("/cases/\(number)", headers: co.headers())).text.contains("follow-ups"))
            let lead = try await signIn(f, "sjj1")
            #expect(try await f.server.get("/cases/\(number)", headers: lead.headers()).text.contains(#"action="/cases/\#(number)/follow-ups""#))
            let blank = try await post(f, lead, "/cases/\(number)/follow-ups", "progress=&done=true")
            #expect(blank.status.code == 400 || blank.status.code == 422, "\(blank.status)")
            #expect(blank.text.contains(#"id="follow-ups-progress-error""#), "\(blank.text)")
            #expect(blank.text.contains(#"id="follow-ups-done-true" type="checkbox" name="done" value="true" checked>"#), "what was ticked is kept")
            #expect(try f.state(number) == .following)
            let progress = try await post(f, lead, "/cases/\(number)/follow-ups", "progress=%E5%B7%B2%E5%BC%80%E5%B7%A5")
            #expect(progress.status == .seeOther)
            #expect(try f.state(number) == .following)
            let done = try await post(f, lead, "/cases/\(number)/follow-ups", "progress=%E5%B7%B2%E5%AE%8C%E5%B7%A5&done=true")
            #expect(done.status == .seeOther)
            #expect(try f.state(number) == .closed)
        }
    }

    @Test func anAssignedUnitRequestsATransfer() async throws {
        try await StepFixture.with { f in
            // Assigned a few days ago: within the transfer window (10 working days).
            let number = try f.submitted()
            _ = try f.owner().accept(f.served.congress, number, on: Day("2026-02-25")!)
            _ = try f.owner().assign(f.served.congress, number, lead: "SJJ", co: ["JTJ"], complex: false, on: Day("2026-02-27")!)
            let co = try await signIn(f, "jtj1")
            #expect(try await f.server.get("/cases/\(number)", headers: co.headers()).text.contains("申请调整交办"))
            let refused = try await post(f, co, "/cases/\(number)/transfer-requests", "reason=")
            #expect(refused.status.code == 422 || refused.status.code == 400)
            #expect(refused.text.contains(#"id="transfer-requests-reason-error""#), "\(refused.text)")
            let sent = try await post(f, co, "/cases/\(number)/transfer-requests", "reason=%E4%B8%8D%E5%B1%9E%E6%9C%AC%E5%8D%95%E4%BD%8D%E8%81%8C%E8%B4%A3")
            #expect(sent.status == .seeOther, "\(sent.text)")
            #expect(try f.owner().history(f.served.congress, number: number).last?.kind == .transferRequested)
        }
    }

    @Test func theDeputySeesBothRoundsOfItsRating() async throws {
        try await StepFixture.with { f in
            let number = try f.replied()
            let owner = try f.owner()
            _ = try owner.rate(f.served.congress, number, result: .dissatisfied, attitude: .basic, comment: "未解决", on: Day("2026-02-20")!)
            _ = try owner.reply(f.served.congress, number, unit: "SJJ", outcome: .a, planBy: nil, text: "再次答复", on: Day("2026-02-25")!)
            _ = try owner.rate(f.served.congress, number, result: .satisfied, attitude: .satisfied, comment: "", on: Day("2026-03-01")!)
            let deputy = try await signIn(f, "d1")
            let page = try await f.server.get("/cases/\(number)", headers: deputy.headers())
            #expect(page.text.contains("<strong>第一轮</strong> <time datetime=\"2026-02-20\">2026-02-20</time>：办理结果不满意，办理态度基本满意"))
            #expect(page.text.contains("意见：未解决"))
            #expect(page.text.contains("<strong>第二轮</strong> <time datetime=\"2026-03-01\">2026-03-01</time>：办理结果满意，办理态度满意"))
        }
    }

    @Test func aUnitsFiguresAreTheSummarysForTheCasesItLeads() async throws {
        try await StepFixture.with { f in
            let number = try f.replied()
            _ = try f.owner().rate(f.served.congress, number, result: .basic, attitude: nil, comment: "", on: Day("2026-02-20")!)
            _ = try f.assigned(title: "关于增设公交线路的建议")
            let lead = try await signIn(f, "sjj1")
            let page = try await f.server.get("/figures", headers: lead.headers())
            #expect(page.status == .ok)
            // Two cases led, one replied on time, the other not yet due on 2026-03-02: 1/1.
            #expect(page.text.contains("<td>2</td><td>1</td><td>100.0%（1/1）</td><td>1</td><td>100.0%（1/1）</td><td>0.0%（0/1）</td>"), "\(page.text)")
            let co = try await signIn(f, "jtj1")
            #expect(try await f.server.get("/figures", headers: co.headers()).text.contains("<td>0</td><td>0</td><td>—</td>"))
            let deputy = try await signIn(f, "d1")
            #expect(try await f.server.get("/figures", headers: deputy.headers()).status == .forbidden)
        }
    }

    @Test func unknownPagesAndMethodsArePagesButTheAPIKeepsJSON() async throws {
        try await StepFixture.with { f in
            let missing = try await f.server.get("/no/such/page")
            #expect(missing.status == .notFound && missing.headers[.contentType] == "text/html; charset=utf-8")
            #expect(missing.text.contains("没有这个页面") && missing.headers[HTTPField.Name("Content-Security-Policy")!] != nil)
            let wrongMethod = try await f.server.get("/sign-out")
            #expect(wrongMethod.status == .methodNotAllowed && wrongMethod.headers[.allow] == "POST")
            #expect(wrongMethod.text.contains("此页只接受 POST 请求"))
            let delete = try await f.server.call(.delete, "/cases/5-4-0001")
            #expect(delete.status == .methodNotAllowed && delete.headers[.allow] == "GET")
            let api = try await f.server.get("/api/v1/no-such-thing")
            #expect(api.status == .notFound && api.headers[.contentType]?.hasPrefix("application/json") == true)
            let apiMethod = try await f.server.call(.delete, "/api/v1/cases")
            #expect(apiMethod.status == .methodNotAllowed && apiMethod.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test func theSignInFormCarriesItsOwnCSRFToken() async throws {
        try await StepFixture.with { f in
            let form = try await f.server.get("/")
            let setCookie = try #require(form.headers[.setCookie])
            #expect(setCookie.hasPrefix("jianyi_signin=") && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            let token = String(setCookie.dropFirst("jianyi_signin=".count).prefix(43))
            #expect(form.text.contains(#"name="csrf" value="\#(token)""#))
            let credentials = "login=d1&password=\(RunningServer.formPassword)"
            let bare = try await f.server.call(.post, "/sign-in", form: credentials)
            #expect(bare.status == .forbidden && bare.headers[.setCookie]?.hasPrefix("jianyi_session") != true)
            #expect(bare.text.contains("登录表单已过期"))
            let forged = try await f.server.call(.post, "/sign-in", form: "csrf=\(token)&" + credentials,
                                                 headers: [.cookie: "jianyi_signin=\(String(repeating: "A", count: 43))"])
            #expect(forged.status == .forbidden)
            let fine = try await f.server.call(.post, "/sign-in", form: "csrf=\(token)&" + credentials, headers: [.cookie: "jianyi_signin=\(token)"])
            #expect(fine.status == .seeOther && fine.headers[.setCookie]?.hasPrefix("jianyi_session=") == true)
        }
    }
}
