import CaseStore
import Casework
import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import JianyiServer
import Testing

/// The secretariat's pages over HTTP: each page and form for the secretariat alone, the API's
/// steps and refusals behind them, CSRF, and markup in what others typed shown as text.
@Suite("Secretariat pages", .serialized, .timeLimit(.minutes(3)))
struct SecretariatPageTests {
    static let pages = ["/review", "/assign", "/transfers", "/key", "/satisfaction", "/accounts"]
    static let forms = ["/review/5-4-0001", "/assign", "/transfers/5-4-0001", "/key", "/accounts", "/accounts/d1/disable",
                        "/accounts/d1/password"]

    func signIn(_ f: StepFixture, _ login: String) async throws -> BrowserSession {
        try await PageTests.signIn(f.server, login)
    }

    /// `form` posted by `session` with its CSRF token.
    func post(_ f: StepFixture, _ session: BrowserSession, _ path: String, _ form: String) async throws -> TestClient.Response {
        try await f.server.call(.post, path, form: "csrf=\(session.csrf)&" + form, headers: session.headers())
    }

    @Test func everyPageIsTheSecretariatsAndADeputyOrAUnitIsRefused() async throws {
        try await StepFixture.with { f in
            let number = try f.submitted()
            let sec = try await signIn(f, "sec")
            let home = try await f.server.get("/", headers: sec.headers())
            #expect(home.status == .ok)
            #expect(home.text.contains("<title>概况 · ") && home.text.contains("建议按状态（共 1 件）"))
            #expect(home.text.contains(#"<a href="/review">已提交</a></th><td class="num">1</td>"#))
            for path in Self.pages + ["/cases"] {
                let page = try await f.server.get(path, headers: sec.headers())
                #expect(page.status == .ok, "\(path)")
                #expect(page.text.contains(#"<main id="main""#) && page.text.contains(#"aria-label="主导航""#), "\(path)")
                #expect(page.text.contains(#"<a href="\#(path)" aria-current="page">"#), "\(path)")
            }
            // 全部建议 offers no 提交建议: that form is a deputy's.
            #expect(!(try await f.server.get("/cases", headers: sec.headers())).text.contains(#"href="/submit""#))
            for login in ["d1", "sjj1"] {
                let other = try await signIn(f, login)
                for path in Self.pages {
                    let page = try await f.server.get(path, headers: other.headers())
                    #expect(page.status == .forbidden, "\(login) \(path)")
                    #expect(page.text.contains("只有代表工作机构可以使用此页"), "\(login) \(path)")
                }
                for path in Self.forms {
                    let refused = try await post(f, other, path, "decision=accept&login=x&role=secretariat&password=0123456789ab&number=\(number)")
                    #expect(refused.status == .forbidden, "\(login) POST \(path)")
                }
                #expect(!(try await f.server.get("/", headers: other.headers())).text.contains("建议按状态"))
            }
            #expect(try f.state(number) == .submitted)
            #expect(try f.owner().listAccounts(f.served.congress).count == 8)
        }
    }

    @Test func everyFormWithoutItsCSRFTokenIsRefusedAndChangesNothing() async throws {
        try await StepFixture.with { f in
            let number = try f.submitted()
            let sec = try await signIn(f, "sec")
            for path in Self.forms {
                let refused = try await f.server.call(.post, path.replacingOccurrences(of: "5-4-0001", with: number),
                                                      form: "decision=accept&login=new1&role=secretariat&password=0123456789ab&number=\(number)",
                                                      headers: sec.headers())
                #expect(refused.status == .forbidden, "\(path)")
                #expect(refused.text.contains("缺少有效的 CSRF 令牌"), "\(path)")
            }
            #expect(try f.state(number) == .submitted)
            #expect(try f.owner().listAccounts(f.served.congress).allSatisfy { !$0.account.disabled && $0.account.login != "new1" })
        }
    }

    @Test func theReviewQueueAcceptsAndRejectsWithTheAPIsRefusalNextToTheReason() async throws {
        try await StepFixture.with { f in
            let (first, second) = (try f.submitted(), try f.submitted(title: "关于增设公交线路的建议"))
            let sec = try await signIn(f, "sec")
            let queue = try await f.server.get("/review", headers: sec.headers())
            #expect(queue.text.contains("待审查 2 件") && queue.text.contains(#"action="/review/\#(first)""#))
            let blank = try await post(f, sec, "/review/\(first)", "decision=reject&reason=+")
            let api = try await f.post("sec", first, "review", #"{"reject":true,"reason":" "}"#, english: false)
            #expect(blank.status == api.status)
            #expect(blank.text.contains(#"<p class="error-text" id="review-\#(first)-reason-error">\#(api.error.message)</p>"#))
            #expect(api.error.message.hasPrefix("reason"))
            #expect(try f.state(first) == .submitted)
            let rejected = try await post(f, sec, "/review/\(first)", "decision=reject&reason=%E4%B8%8D%E5%B1%9E%E4%BA%8E%E5%BB%BA%E8%AE%AE")
            #expect(rejected.status == .seeOther && rejected.headers[.location] == "/review?done=rejected")
            // A reason typed and then 立案 pressed is not sent: the API would refuse it with accept.
            let accepted = try await post(f, sec, "/review/\(second)", "decision=accept&reason=typed+first")
            #expect(accepted.status == .seeOther)
            #expect(try f.state(first) == .rejected && f.state(second) == .accepted)
            let history = try f.owner().history(f.served.congress, number: first)
            #expect(history.last?.kind == .rejected && history.last?.data.contains("不属于建议") == true)
            let again = try await post(f, sec, "/review/\(second)", "decision=accept")
            #expect(again.status == .conflict)
        }
    }

    @Test func severalCasesAreAssignedAllOrNothing() async throws {
        try await StepFixture.with { f in
            let owner = try f.owner()
            func accepted(_ title: String) throws -> String {
                let number = try f.submitted(title: title)
                _ = try owner.accept(f.served.congress, number, on: Day("2026-01-25")!)
                return number
            }
            let (a, b, c) = (try accepted("甲件"), try accepted("乙件"), try accepted("丙件"))
            let sec = try await signIn(f, "sec")
            let page = try await f.server.get("/assign", headers: sec.headers())
            #expect(page.text.contains(#"value="\#(a)""#) && page.text.contains("市司法局") && page.text.contains(#"id="lead-SJJ""#))
            // Meanwhile b is assigned elsewhere: the batch is refused on b, and a stays unassigned.
            _ = try owner.assign(f.served.congress, b, lead: "ZJJ", co: [], complex: false, on: Day("2026-01-26")!)
            let refused = try await post(f, sec, "/assign", "cases=\(a)&cases=\(b)&lead=SJJ&co=JTJ&complex=true")
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("\(b)：") && refused.text.contains("本次勾选的建议均未交办"))
            #expect(refused.text.contains(#"id="case-\#(a)" type="checkbox" name="cases" value="\#(a)" checked"#))
            #expect(refused.text.contains(#"value="SJJ" checked"#) && refused.text.contains(#"value="JTJ" checked"#))
            #expect(try f.state(a) == .accepted)
            // A unit both lead and co: the API's words next to the field.
            let twice = try await post(f, sec, "/assign", "cases=\(a)&lead=SJJ&co=SJJ")
            #expect(twice.status == .unprocessableContent)
            #expect(twice.text.contains(#"id="co-error">co"#))
            let none = try await post(f, sec, "/assign", "lead=SJJ")
            #expect(none.status == .badRequest && none.text.contains(#"id="cases-error">cases：请至少勾选一件建议"#))
            let done = try await post(f, sec, "/assign", "cases=\(a)&cases=\(c)&lead=SJJ&co=JTJ&complex=true")
            #expect(done.status == .seeOther && done.headers[.location] == "/assign?assigned=2")
            for number in [a, c] {
                let view = try owner.caseView(f.served.congress, number: number)
                #expect(view.state == .assigned && view.leadUnit == "SJJ" && view.coUnits == ["JTJ"] && view.complex, "\(number)")
            }
        }
    }

    @Test func aTransferRequestIsApprovedWithTheNewUnitOrRefusedWithAReason() async throws {
        try await StepFixture.with { f in
            let owner = try f.owner()
            let (one, two) = (try f.assigned(), try f.assigned(title: "关于第二件的建议"))
            for number in [one, two] {
                _ = try owner.requestTransfer(f.served.congress, number, unit: "SJJ", reason: "不属本单位职责", on: Day("2026-01-27")!)
            }
            let sec = try await signIn(f, "sec")
            let page = try await f.server.get("/transfers", headers: sec.headers())
            #expect(page.text.contains("不属本单位职责") && page.text.contains("<dd>市司法局</dd>"))
            #expect(page.text.contains(#"id="transfer-\#(one)-to-ZJJ""#) && !page.text.contains(#"id="transfer-\#(one)-to-SJJ""#))
            let noUnit = try await post(f, sec, "/transfers/\(one)", "decision=approve")
            #expect(noUnit.status == .badRequest)
            #expect(noUnit.text.contains(#"id="transfer-\#(one)-to-error">to"#))
            let noReason = try await post(f, sec, "/transfers/\(two)", "decision=reject&reason=")
            #expect(noReason.text.contains(#"id="transfer-\#(two)-reason-error">reason"#))
            #expect(try owner.caseView(f.served.congress, number: one).leadUnit == "SJJ")
            #expect(try await post(f, sec, "/transfers/\(one)", "decision=approve&to=ZJJ&reason=ignored").status == .seeOther)
            #expect(try await post(f, sec, "/transfers/\(two)", "decision=reject&reason=%E4%BB%8D%E7%94%B1%E8%B4%B5%E5%8D%95%E4%BD%8D%E5%8A%9E%E7%90%86")
                .status == .seeOther)
            #expect(try owner.caseView(f.served.congress, number: one).leadUnit == "ZJJ")
            #expect(try owner.caseView(f.served.congress, number: two).leadUnit == "SJJ")
            #expect(try owner.history(f.served.congress, number: two).last?.kind == .transferRejected)
            #expect(try await f.server.get("/transfers", headers: sec.headers()).text.contains("没有待决定的调整交办申请"))
        }
    }

    @Test func aCaseIsMarkedKeyByItsNumber() async throws {
        try await StepFixture.with { f in
            let number = try f.assigned()
            let sec = try await signIn(f, "sec")
            let page = try await f.server.get("/key", headers: sec.headers())
            #expect(page.text.contains(#"<option value="\#(number)">"#) && page.text.contains("还没有重点督办建议"))
            let unknown = try await post(f, sec, "/key", "number=5-4-0999&leader=%E5%BC%A0%E4%B8%89")
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains(#"id="number-error">number：建议5-4-0999不存在"#))
            #expect(unknown.text.contains(#"value="5-4-0999""#) && unknown.text.contains(#"value="张三""#))
            let bad = try await post(f, sec, "/key", "number=%3Cb%3E")
            #expect(bad.status == .badRequest && bad.text.contains("number：不是建议编号") && bad.text.contains("&lt;b&gt;"))
            let marked = try await post(f, sec, "/key", "number=\(number)&leader=%E5%BC%A0%E4%B8%89&committee=")
            #expect(marked.status == .seeOther)
            let view = try f.owner().caseView(f.served.congress, number: number)
            #expect(view.isKey && view.keyLeader == "张三" && view.keyCommittee == nil)
            let after = try await f.server.get(try #require(marked.headers[.location]), headers: sec.headers())
            #expect(after.text.contains("已将 \(number) 列为重点督办建议") && after.text.contains("<dd>张三</dd>"))
        }
    }

    @Test func theSatisfactionSummaryAndScoresAreTheReportsFiguresWithBars() async throws {
        try await StepFixture.with { f in
            let number = try f.replied()
            _ = try f.owner().rate(f.served.congress, number, result: .satisfied, attitude: nil, comment: "", on: Day("2026-02-20")!)
            let sec = try await signIn(f, "sec")
            let page = try await f.server.get("/satisfaction", headers: sec.headers())
            #expect(page.status == .ok)
            var measures: [Measures] = []
            try f.owner().satisfaction(f.served.congress, by: .unit, scope: SummaryScope(asOf: StepFixture.today)) { measures.append($0) }
            let sjj = try #require(measures.first { $0.group == "SJJ" })
            let score = UnitScore.ranked(measures, weights: try f.owner().scoreWeights(f.served.congress)).first { $0.measures.group == "SJJ" }
            #expect(sjj.satisfactionRate.value == 1)
            #expect(page.text.contains(#"<span class="bar-label">市司法局</span><svg class="bar""#))
            #expect(page.text.contains(#"<rect x="0" y="0" width="100.0" height="10"></rect></svg><span class="bar-value">100.0%</span>"#))
            #expect(page.text.contains("<td class=\"num\">\(try #require(score).formattedScore)</td>"))
            // The report's three charts, titled and ranked as `report score --format html` draws them.
            let titles = page.text.components(separatedBy: "<figcaption>").dropFirst().map { String($0.prefix { $0 != "<" }) }
            #expect(titles == ["满意率（满意＋基本满意）", "按期答复率", "得分（不含样本不足的单位）"])
            let onTime = try #require(page.text.components(separatedBy: "<figcaption>").dropFirst(2).first)
            let values = onTime.components(separatedBy: #"<span class="bar-value">"#).dropFirst().map { String($0.prefix { $0 != "<" }) }
            let percents = values.compactMap { Double($0.dropLast()) }
            #expect(values.count == measures.count && percents == percents.sorted(by: >))
            #expect(values.dropFirst(percents.count).allSatisfy { $0 == "— 无数据" })
        }
    }

    @Test func theOverviewCountsStatesOverdueUnitsAndTheLatestRunsDigests() async throws {
        try await StepFixture.with { f in
            let owner = try f.owner()
            let late = try owner.register(f.served.congress, Registration(
                title: "关于去年的建议", deputy: "D001", session: nil, channel: .recess, submittedOn: Day("2025-09-01")!)).number
            _ = try owner.accept(f.served.congress, late, on: Day("2025-09-02")!)
            _ = try owner.assign(f.served.congress, late, lead: "SJJ", co: [], complex: false, on: Day("2025-09-03")!)
            _ = try f.submitted()
            let sec = try await signIn(f, "sec")
            let before = try await f.server.get("/", headers: sec.headers())
            #expect(before.text.contains("还没有运行过逾期检查"))
            #expect(before.text.contains(#"<tr><th scope="row">市司法局</th><td class="num">1</td></tr>"#))
            _ = try owner.overdueRun(f.served.congress, asOf: StepFixture.today, warnDays: nil, wait: true) { _ in }
            let page = try await f.server.get("/", headers: sec.headers())
            #expect(page.text.contains("建议按状态（共 2 件）"))
            #expect(page.text.contains(#"<a href="/review">已提交</a></th><td class="num">1</td>"#))
            #expect(page.text.contains("检查日 2026-03-02") && page.text.contains("各单位督办提醒"))
            #expect(page.text.contains(#"<tr><th scope="row">市司法局</th><td class="num">0</td><td class="num">0</td><td class="num">1</td><td class="num">1</td></tr>"#))
        }
    }

    @Test func accountsAreAddedDisabledAndResetWithTheCLIsChecksAndNoPasswordEchoed() async throws {
        try await StepFixture.with { f in
            let sec = try await signIn(f, "sec")
            let list = try await f.server.get("/accounts", headers: sec.headers())
            #expect(list.text.contains(#"<span class="login">sjj1</span>"#) && list.text.contains("市司法局（SJJ）"))
            let short = try await post(f, sec, "/accounts", "login=new.clerk&role=unit&unit=JTJ&signer=true&password=tiny+pass")
            #expect(short.status == .badRequest)
            #expect(short.text.contains(#"id="password-error">password：太短，至少 10 个字符</p>"#))
            #expect(short.text.contains(#"value="new.clerk""#) && short.text.contains(#"value="JTJ" checked"#))
            #expect(!short.text.contains("tiny pass") && !short.text.contains("tiny+pass"))
            let noUnit = try await post(f, sec, "/accounts", "login=new.clerk&role=unit&password=a+long+enough+one")
            #expect(noUnit.text.contains(#"id="unit-error">unit：承办单位的账户须选择一个单位"#))
            let deputySigner = try await post(f, sec, "/accounts", "login=new.d&role=deputy&deputy=D003&signer=true&password=a+long+enough+one")
            #expect(deputySigner.text.contains(#"id="signer-error">signer：只用于承办单位的账户"#))
            let hostile = try await post(f, sec, "/accounts", "login=%3Cscript%3Ex&role=secretariat&password=a+long+enough+one")
            #expect(hostile.status == .badRequest && hostile.text.contains(#"id="login-error">login："#))
            #expect(hostile.text.contains("&lt;script&gt;x") && hostile.text.contains("不是有效的登录名"))
            #expect(!hostile.text.contains("<script>"))
            let taken = try await post(f, sec, "/accounts", "login=sjj1&role=unit&unit=SJJ&password=a+long+enough+one")
            #expect(taken.status == .unprocessableContent && taken.text.contains(#"id="login-error">login：账户 sjj1 在 LL 中已存在"#))
            #expect(try f.owner().listAccounts(f.served.congress).count == 8)

            let added = try await post(f, sec, "/accounts", "login=new.clerk&role=unit&unit=JTJ&signer=true&password=a+long+enough+one")
            #expect(added.status == .seeOther && added.headers[.location] == "/accounts?done=added")
            let account = try #require(try f.owner().listAccounts(f.served.congress).first { $0.account.login == "new.clerk" }).account
            #expect(account.party == .unit("JTJ") && account.signer)
            let clerk = try await f.server.signInForm("login=new.clerk&password=a+long+enough+one")
            #expect(clerk.status == .seeOther)

            let d1 = try await signIn(f, "d1")
            let tooShort = try await post(f, sec, "/accounts/d1/password", "password=short")
            #expect(tooShort.text.contains(#"id="account-d1-password-error">password：太短"#) && !tooShort.text.contains("value=\"short\""))
            let reset = try await post(f, sec, "/accounts/d1/password", "password=another+good+one")
            #expect(reset.status == .seeOther)
            #expect(try await f.server.get("/", headers: d1.headers()).text.contains(#"action="/sign-in""#))
            #expect(try await f.server.signInForm("login=d1&password=another+good+one").status == .seeOther)

            let disabled = try await post(f, sec, "/accounts/new.clerk/disable", "")
            #expect(disabled.status == .seeOther)
            #expect(try await f.server.signInForm("login=new.clerk&password=a+long+enough+one").status == .unauthorized)
            let gone = try await post(f, sec, "/accounts/nobody/disable", "")
            #expect(gone.status == .notFound && gone.text.contains("账户 &#39;nobody&#39; 在 LL 中不存在"))
        }
    }

    @Test func namesOthersTypedAreShownAsTextOnEveryPage() async throws {
        try await StepFixture.with { f in
            let hostile = #"<script>alert(1)</script>"><img src=x onerror=alert(2)>"#
            let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"
            let owner = try f.owner()
            let submitted = try f.submitted(title: hostile)
            let accepted = try f.submitted(title: hostile)
            _ = try owner.accept(f.served.congress, accepted, on: Day("2026-01-25")!)
            let assigned = try f.assigned(title: hostile)
            _ = try owner.requestTransfer(f.served.congress, assigned, unit: "SJJ", reason: hostile, on: Day("2026-01-27")!)
            _ = try owner.supervise(f.served.congress, assigned, leader: hostile, committee: nil, on: Day("2026-01-28")!)
            _ = submitted
            let sec = try await signIn(f, "sec")
            for path in ["/review", "/assign", "/transfers", "/key", "/cases"] {
                let page = try await f.server.get(path, headers: sec.headers())
                #expect(page.status == .ok, "\(path)")
                #expect(!page.text.contains("<script>") && !page.text.contains("<img"), "\(path)")
                #expect(page.text.contains(escaped), "\(path)")
            }
        }
    }
}
