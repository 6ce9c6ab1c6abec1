import CaseStore
import Casework
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import JianyiServer
import Testing

/// The pages over HTTP: what a browser is sent. The flows themselves run in real Chromium
/// (Scripts/check-pages); these pin the answers a browser cannot show a test: statuses,
/// headers, escaping, and the same row security as the API.
@Suite("Pages", .serialized, .timeLimit(.minutes(2)))
struct PageTests {
    /// Templates/ and the copy compiled into the binary are the same files.
    @Test func theEmbeddedTemplatesAreTheTemplatesFolder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Templates").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == EmbeddedTemplates.files.keys.sorted(), "run Scripts/embed-templates")
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(text == EmbeddedTemplates.files[file], "\(file) differs from the embedded copy: run Scripts/embed-templates")
        }
    }

    @Test func everyTemplateParses() throws {
        _ = try PageTemplates.library.get()
        #expect(PageTemplates.stylesheet.contains("@media print"))
    }

    /// A browser's session signed in through the sign-in form: the cookie to send back, and the
    /// CSRF token its forms carry.
    static func signIn(_ server: RunningServer, _ login: String) async throws -> BrowserSession {
        let response = try await server.signInForm("login=\(login)&password=\(RunningServer.formPassword)")
        #expect(response.status == .seeOther)
        #expect(response.headers[.location] == "/")
        let setCookie = try #require(response.headers[.setCookie])
        let pair = String(try #require(setCookie.split(separator: ";").first))
        return BrowserSession(cookie: pair, csrf: String(pair.split(separator: ".").last ?? ""), setCookie: setCookie)
    }

    @Test func withoutASessionTheHomeIsTheSignInFormWithTheSecurityHeaders() async throws {
        try await StepFixture.with { f in
            let home = try await f.server.get("/")
            #expect(home.status == .ok)
            #expect(home.headers[.contentType] == "text/html; charset=utf-8")
            let csp = try #require(home.headers[HTTPField.Name("Content-Security-Policy")!])
            #expect(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && !csp.contains("script-src"))
            #expect(home.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(home.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            #expect(home.text.contains(#"<form method="post" action="/sign-in""#))
            #expect(home.text.contains(#"<html lang="zh-CN">"#) && home.text.contains("<main id=\"main\""))
            #expect(!home.text.contains("<script"))
            let style = try await f.server.get("/assets/style.css")
            #expect(style.status == .ok && style.headers[.contentType] == "text/css; charset=utf-8")
            let elsewhere = try await f.server.get("/cases/5-4-0001")
            #expect(elsewhere.status == .unauthorized)
            #expect(elsewhere.text.contains(#"action="/sign-in""#))
        }
    }

    @Test func aFailedSignInIsTheAPIsRefusalWithTheLoginKeptAndThrottledAlike() async throws {
        try await StepFixture.with { f in
            for attempt in 1...5 {
                let response = try await f.server.signInForm("login=d1&password=wrong+password")
                #expect(response.status == .unauthorized, "attempt \(attempt)")
                #expect(response.text.contains("登录名或密码错误，或账户已停用"))
                #expect(response.text.contains(#"value="d1""#))
            }
            // The API's sign-in counts against the same limit: the sixth try of either is 429.
            let api = try await f.server.call(.post, "/api/v1/tokens", json: #"{"login":"d1","password":"\#(ServedCongress.password)"}"#)
            #expect(api.status == .tooManyRequests)
            let page = try await f.server.signInForm("login=d1&password=\(RunningServer.formPassword)")
            #expect(page.status == .tooManyRequests)
            #expect(page.headers[.retryAfter] != nil)
            #expect(page.text.contains("登录失败次数过多"))
        }
    }

    @Test func aCaseTheAccountMayNotSeeIsTheAPIs404Page() async throws {
        try await StepFixture.with { f in
            let number = try f.submitted()
            let d3 = try await Self.signIn(f.server, "d3")
            let page = try await f.server.get("/cases/\(number)", headers: d3.headers())
            let api = try await f.server.call(.get, "/api/v1/cases/\(number)", token: try await f.server.token("d3"))
            #expect(page.status == .notFound && api.status == .notFound)
            #expect(page.text.contains("建议\(number)不存在"))
            #expect(api.text.contains("建议\(number)不存在"))
            // The co-signer sees it; a unit not yet assigned does not.
            let d2 = try await Self.signIn(f.server, "d2")
            #expect(try await f.server.get("/cases/\(number)", headers: d2.headers()).status == .ok)
            let sjj = try await Self.signIn(f.server, "sjj1")
            #expect(try await f.server.get("/cases/\(number)", headers: sjj.headers()).status == .notFound)
        }
    }

    @Test func aFormPostedWithoutItsCSRFTokenIsRefusedAndChangesNothing() async throws {
        try await StepFixture.with { f in
            let number = try f.replied()
            let d1 = try await Self.signIn(f.server, "d1")
            let refused = try await f.server.call(.post, "/cases/\(number)/rating", form: "result=satisfied", headers: d1.headers())
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("缺少有效的 CSRF 令牌"))
            #expect(try f.state(number) == .replied)
            let rated = try await f.server.call(.post, "/cases/\(number)/rating", form: "csrf=\(d1.csrf)&result=satisfied",
                                                headers: d1.headers())
            #expect(rated.status == .seeOther)
            #expect(try f.state(number) == .closed)
        }
    }

    @Test func aRefusedFormShowsTheAPIsWordsNextToTheFieldAndKeepsWhatWasTyped() async throws {
        try await StepFixture.with { f in
            let number = try f.replied()
            let d1 = try await Self.signIn(f.server, "d1")
            let page = try await f.server.call(.post, "/cases/\(number)/rating", form: "csrf=\(d1.csrf)&result=dissatisfied&comment=",
                                              headers: d1.headers())
            let api = try await f.post("d1", number, "rating", #"{"result":"dissatisfied"}"#, english: false)
            #expect(page.status == api.status)
            #expect(api.error.message == "comment: 代表不满意时须写明意见")
            #expect(page.text.contains(#"<p class="error-text" id="rating-comment-error">comment: 代表不满意时须写明意见</p>"#))
            #expect(page.text.contains(#"value="dissatisfied" checked"#))
            #expect(try f.state(number) == .replied)
        }
    }

    @Test func markupInATitleIsEscapedEverywhereItIsShown() async throws {
        try await StepFixture.with { f in
            let hostile = #"<script>alert(1)</script>"><img src=x onerror=alert(2)>"#
            let number = try f.submitted(title: hostile)
            let d1 = try await Self.signIn(f.server, "d1")
            for path in ["/", "/cases/\(number)"] {
                let page = try await f.server.get(path, headers: d1.headers())
                #expect(page.status == .ok)
                #expect(!page.text.contains("<script>") && !page.text.contains("<img"), "\(path)")
                #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"), "\(path)")
            }
        }
    }

    /// The first press looks for like titles. A title no suggestion may have (over 200
    /// characters) is refused next to the field before any search, in registration's words.
    @Test func theLikeTitlesCheckRefusesATitleTooLongToRegister() async throws {
        try await StepFixture.with { f in
            let d1 = try await Self.signIn(f.server, "d1")
            func check(_ title: String) async throws -> (status: HTTPResponse.Status, text: String) {
                let encoded = try #require(title.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
                let page = try await f.server.call(.post, "/submit", form: "csrf=\(d1.csrf)&title=\(encoded)&occasion=5-4", headers: d1.headers())
                return (page.status, page.text)
            }
            let long = try await check(String(repeating: "路灯", count: 4_000))
            #expect(long.status == .unprocessableContent)
            #expect(long.text.contains(#"id="title-error">title：标题有8000个字，最多200个</p>"#))
            let limit = try await check("关于" + String(repeating: "路", count: 198))
            #expect(limit.status == .ok)
            #expect(!limit.text.contains(#"id="title-error""#))
        }
    }

    @Test func aSubmissionFromTheFormIsTheAPIsRegistration() async throws {
        try await StepFixture.with { f in
            let d1 = try await Self.signIn(f.server, "d1")
            let form = "csrf=\(d1.csrf)&action=send&title=%E5%85%B3%E4%BA%8E%E8%B7%AF%E7%81%AF&occasion=5-4&category=&body=&cosigners=D002&cosigners=D003"
            let sent = try await f.server.call(.post, "/submit", form: form, headers: d1.headers())
            #expect(sent.status == .seeOther)
            let location = try #require(sent.headers[.location])
            #expect(location.hasPrefix("/?submitted=5-4-"))
            let number = String(location.dropFirst("/?submitted=".count))
            let view = try f.owner().caseView(f.served.congress, number: number)
            #expect(view.title == "关于路灯" && view.deputy == "D001" && view.cosigners == ["D002", "D003"] && view.session == "5-4")
            #expect(view.submittedOn == StepFixture.today)
            // A unit may not submit: the page says so as the API does.
            let sjj = try await Self.signIn(f.server, "sjj1")
            let unit = try await f.server.call(.post, "/submit", form: "csrf=\(sjj.csrf)&action=send&title=x&occasion=recess",
                                              headers: sjj.headers())
            #expect(unit.status == .forbidden)
        }
    }
    @Test func changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions() async throws {
        try await StepFixture.with { f in
            let here = try await Self.signIn(f.server, "d1")
            let elsewhere = try await Self.signIn(f.server, "d1")
            let wrong = try await f.server.call(.post, "/password", form: "csrf=\(here.csrf)&current=wrong+one+here&password=a+brand+new+password",
                                                headers: here.headers())
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains(#"id="current-error">current：当前密码不正确</p>"#))
            let short = try await f.server.call(.post, "/password", form: "csrf=\(here.csrf)&current=\(RunningServer.formPassword)&password=short",
                                                headers: here.headers())
            #expect(short.text.contains(#"id="password-error">password：太短，至少 10 个字符</p>"#))
            let changed = try await f.server.call(.post, "/password",
                                                  form: "csrf=\(here.csrf)&current=\(RunningServer.formPassword)&password=a+brand+new+password",
                                                  headers: here.headers())
            #expect(changed.status == .seeOther && changed.headers[.location] == "/password?done=1")
            #expect(try await f.server.get("/", headers: here.headers()).status == .ok)
            #expect(try await f.server.get("/cases/5-4-0001", headers: elsewhere.headers()).status == .unauthorized)
            let old = try await f.server.signInForm("login=d1&password=\(RunningServer.formPassword)")
            #expect(old.status == .unauthorized)
            let new = try await f.server.signInForm("login=d1&password=a+brand+new+password")
            #expect(new.status == .seeOther)
        }
    }
    /// 待办 is `GET /api/v1/me/obligations` in words: the same obligations in the same order,
    /// each with its tier's colour, and the tiers counted at the top.
    @Test func aUnitsToDoListIsItsOwedObligationsWithTheirTiers() async throws {
        try await StepFixture.with { f in
            let owner = try f.owner()
            let late = try owner.register(f.served.congress, Registration(
                title: "关于去年的建议", deputy: "D001", session: nil, channel: .recess, submittedOn: Day("2025-09-01")!)).number
            _ = try owner.accept(f.served.congress, late, on: Day("2025-09-02")!)
            _ = try owner.assign(f.served.congress, late, lead: "SJJ", co: [], complex: false, on: Day("2025-09-03")!)
            let current = try f.assigned()
            let sjj = try await Self.signIn(f.server, "sjj1")
            let page = try await f.server.get("/", headers: sjj.headers())
            #expect(page.status == .ok)
            let api = try await f.server.call(.get, "/api/v1/me/obligations", token: try await f.server.token("sjj1"))
            let owed = try #require(api.object?["obligations"] as? [[String: Any]])
            #expect(owed.map { $0["number"] as? String } == [late, current])
            let tier = try #require(owed[0]["tier"] as? String)
            #expect(tier == "severely_overdue")
            #expect(page.text.contains(#"<li class="case tier-severely_overdue">"#))
            #expect(page.text.contains(#"<li class="tier-severely_overdue">严重超期 <strong>1</strong></li>"#))
            #expect(page.text.contains(#"<li class="tier-due_soon">临期 <strong>0</strong></li>"#))
            let positions = [late, current].compactMap { page.text.range(of: $0)?.lowerBound }
            #expect(positions.count == 2 && positions[0] < positions[1], "most urgent first")
        }
    }

    /// The case page offers each unit the forms of the steps it may take now, and nothing else.
    @Test func aUnitsCasePageHasTheFormsOfItsOwnSteps() async throws {
        try await StepFixture.with { f in
            let number = try f.assigned()
            let sjj = try await Self.signIn(f.server, "sjj1")
            let lead = try await f.server.get("/cases/\(number)", headers: sjj.headers())
            #expect(lead.text.contains(#"action="/cases/\#(number)/contacts""#) && lead.text.contains(#"action="/cases/\#(number)/reply""#))
            #expect(!lead.text.contains(#"/opinions""#) && !lead.text.contains(#"/rating""#))
            let jtj = try await Self.signIn(f.server, "jtj1")
            let co = try await f.server.get("/cases/\(number)", headers: jtj.headers())
            #expect(co.text.contains(#"action="/cases/\#(number)/opinions""#) && !co.text.contains(#"/reply""#))
            let d1 = try await Self.signIn(f.server, "d1")
            let deputy = try await f.server.get("/cases/\(number)", headers: d1.headers())
            #expect(!deputy.text.contains("<form method=\"post\" action=\"/cases/"))
            // A B reply without its plan date: the API's words next to the date, the text kept.
            let refused = try await f.server.call(.post, "/cases/\(number)/reply", form: "csrf=\(sjj.csrf)&outcome=B&plan_by=&text=%E5%B7%B2%E5%88%97%E5%85%A5",
                                                  headers: sjj.headers())
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"id="reply-plan_by-error">plan_by: B 类答复（正在解决或列入计划解决）须给出计划解决日期</p>"#))
            #expect(refused.text.contains(">已列入</textarea>"))
            #expect(try f.state(number) == .assigned)
            // Posted by a party the step is not for: the API's 403, as a page.
            let notLead = try await f.server.call(.post, "/cases/\(number)/reply", form: "csrf=\(jtj.csrf)&outcome=A&text=x", headers: jtj.headers())
            let apiNotLead = try await f.post("jtj1", number, "reply", #"{"outcome":"A","text":"x"}"#, english: false)
            #expect(notLead.status == apiNotLead.status)
            #expect(notLead.text.contains(apiNotLead.error.message))
            #expect(notLead.headers[.contentType] == "text/html; charset=utf-8")
            let replied = try await f.server.call(.post, "/cases/\(number)/reply", form: "csrf=\(sjj.csrf)&outcome=B&plan_by=2026-12-31&text=x",
                                                  headers: sjj.headers())
            #expect(replied.status == .seeOther && replied.headers[.location] == "/cases/\(number)?done=reply")
            #expect(try f.state(number) == .replied)
        }
    }
}
