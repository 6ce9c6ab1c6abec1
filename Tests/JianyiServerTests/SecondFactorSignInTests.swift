import CaseStore
import Casework
import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import JianyiServer
import Testing

/// Signing in with a second factor over the real server: the API's `totp`, the sign-in page's
/// 动态验证码, the same throttle as passwords, and the congress's setting that requires it of
/// the secretariat.
@Suite("Sign-in: the second factor", .serialized, .timeLimit(.minutes(2)))
struct SecondFactorSignInTests {
    func enroll(_ f: StepFixture, _ login: String) throws -> TOTP {
        let enrolled = try f.owner().enrollSecondFactor(f.served.congress, login: login, issuer: "jianyi")
        return TOTP(secret: try #require(Base32.secret(ofURI: enrolled.uri)))
    }

    func token(_ f: StepFixture, _ login: String, totp: String?) async throws -> TestClient.Response {
        let code = totp.map { #","totp":"\#($0)""# } ?? ""
        return try await f.server.call(.post, "/api/v1/tokens", json: #"{"login":"\#(login)","password":"\#(ServedCongress.password)"\#(code)}"#,
                                       headers: [.acceptLanguage: "en"])
    }

    @Test func theAPIAsksForTheCodeAndTakesItOnce() async throws {
        try await StepFixture.with { f in
            let totp = try enroll(f, "sec")
            let none = try await token(f, "sec", totp: nil)
            #expect(none.status == .unauthorized && none.error.message.contains("second factor"), "\(none.text)")
            let code = totp.code(step: TOTP.step(at: Date()))
            let signed = try await token(f, "sec", totp: code)
            #expect(signed.status == .created, "\(signed.text)")
            let replay = try await token(f, "sec", totp: code)
            #expect(replay.status == .unauthorized && replay.error.message == "the second factor's code is wrong, expired or already used")
            // Others sign in as before.
            #expect(try await token(f, "sjj1", totp: nil).status == .created)
        }
    }

    @Test func wrongCodesAreThrottledLikeWrongPasswords() async throws {
        try await StepFixture.with { f in
            let totp = try enroll(f, "sec")
            for attempt in 1...5 {
                #expect(try await token(f, "sec", totp: "000000").status == .unauthorized, "attempt \(attempt)")
            }
            let right = try await token(f, "sec", totp: totp.code(step: TOTP.step(at: Date())))
            #expect(right.status == .tooManyRequests && right.headers[.retryAfter] != nil)
        }
    }

    @Test func theSignInPageTakesTheCode() async throws {
        try await StepFixture.with { f in
            let totp = try enroll(f, "sec")
            let form = try await f.server.get("/")
            #expect(form.text.contains(#"name="totp""#) && form.text.contains(#"autocomplete="one-time-code""#))
            let without = try await f.server.signInForm("login=sec&password=\(RunningServer.formPassword)")
            #expect(without.status == .unauthorized && without.text.contains("此账户已启用两步验证"))
            #expect(without.headers[.setCookie]?.hasPrefix("jianyi_session") != true)
            let with = try await f.server.signInForm("login=sec&password=\(RunningServer.formPassword)&totp=\(totp.code(step: TOTP.step(at: Date())))")
            #expect(with.status == .seeOther && with.headers[.setCookie]?.hasPrefix("jianyi_session=") == true)
        }
    }

    @Test func theCongressRequiresItOfTheSecretariat() async throws {
        try await StepFixture.with { f in
            try f.owner().setPolicy(f.served.congress, key: "secretariat_totp", value: "1")
            let refused = try await token(f, "sec", totp: nil)
            #expect(refused.status == .forbidden, "\(refused.text)")
            #expect(refused.error.message.contains("requires the secretariat's accounts to use a second factor")
                && refused.error.message.contains("jianyi account totp sec"))
            let page = try await f.server.signInForm("login=sec&password=\(RunningServer.formPassword)")
            #expect(page.status == .forbidden && page.text.contains("本届人大要求办公厅账户使用两步验证"))
            #expect(try await token(f, "sjj1", totp: nil).status == .created, "units are not bound by it")
            let totp = try enroll(f, "sec")
            #expect(try await token(f, "sec", totp: totp.code(step: TOTP.step(at: Date()))).status == .created)
        }
    }
}
