@testable import CaseStore
import Casework
import Foundation
import Postgres
import Testing

/// TOTP against RFC 6238's own vectors, and the second factor as the web role checks it at
/// sign-in (migration 22): a code once, ±1 step, recovery codes once, and the congress's
/// setting that makes it mandatory for the secretariat.
@Suite struct SecondFactorTests {
    let password = "correct horse battery"

    /// RFC 6238 appendix B, SHA1 (the seed is the 20 ASCII bytes "1234567890" twice), 8 digits.
    @Test func theRFC6238TestVectors() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let vectors: [(Double, String)] = [(59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
                                           (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130")]
        for (time, code) in vectors {
            #expect(totp.code(step: TOTP.step(at: Date(timeIntervalSince1970: time)), digits: 8) == code, "T=\(time)")
        }
        // Six digits are the last six of the same number (RFC 4226's truncation modulo 10^6).
        #expect(totp.code(step: TOTP.step(at: Date(timeIntervalSince1970: 59))) == "287082")
    }

    @Test func base32IsRFC4648s() {
        for (text, encoded) in [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")] {
            #expect(Base32.encode(Array(text.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(text.utf8))
        }
    }

    func fixture() throws -> Fixture {
        let f = try Fixture()
        try f.store.addAccount(f.congress, login: "office", party: .secretariat, password: password)
        try f.store.addAccount(f.congress, login: "zjj", party: .unit("ZJJ"), password: password)
        return f
    }

    /// The enrolled secret, read back from the URI as an authenticator app reads it.
    static func secret(_ uri: String) throws -> [UInt8] {
        try #require(Base32.secret(ofURI: uri))
    }

    @Test func enrollingPrintsAnOtpauthURIAndKeepsOnlyHashesOfTheRecoveryCodes() throws {
        let f = try fixture()
        let enrolled = try f.store.enrollSecondFactor(f.congress, login: "office", issuer: "jianyi LL")
        #expect(enrolled.uri.hasPrefix("otpauth://totp/jianyi%20LL:office?secret="))
        #expect(enrolled.uri.hasSuffix("&issuer=jianyi%20LL&algorithm=SHA1&digits=6&period=30"))
        #expect(try Self.secret(enrolled.uri).count == 20)
        #expect(enrolled.recoveryCodes.count == 10 && Set(enrolled.recoveryCodes).count == 10)
        #expect(enrolled.recoveryCodes.allSatisfy { $0.range(of: "^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$", options: .regularExpression) != nil })
        let stored = try f.store.connection.query("SELECT encode(code_hash, 'hex') AS h FROM account_recovery_code").rows
            .map { try $0.decode(String.self, "h") }
        #expect(stored.count == 10 && !stored.contains { hash in enrolled.recoveryCodes.contains { hash.localizedCaseInsensitiveContains($0) } })
        #expect(throws: AccountError.noSuchAccount(login: "nobody", congress: "LL")) {
            try f.store.enrollSecondFactor(f.congress, login: "nobody", issuer: "x")
        }
    }

    @Test func aCodeIsAcceptedOnceWithinOneStepOfNow() throws {
        let f = try fixture()
        let totp = TOTP(secret: try Self.secret(try f.store.enrollSecondFactor(f.congress, login: "office", issuer: "jianyi LL").uri))
        let web = try f.webStore()
        let congress = try web.congress("LL")
        let office = try web.signIn(congress, login: "office", password: password)
        let now = Date(timeIntervalSince1970: 1_800_000_015)
        let step = TOTP.step(at: now)
        #expect(throws: SecondFactorError.codeRequired) { try web.checkSecondFactor(congress, account: office, code: nil, at: now) }
        #expect(throws: SecondFactorError.codeRequired) { try web.checkSecondFactor(congress, account: office, code: " ", at: now) }
        // Two steps off is refused either way; one step behind (a slow phone) is taken.
        for far in [step - 2, step + 2] {
            #expect(throws: SecondFactorError.codeRefused) { try web.checkSecondFactor(congress, account: office, code: totp.code(step: far), at: now) }
        }
        try web.checkSecondFactor(congress, account: office, code: totp.code(step: step - 1), at: now)
        // The same code again, or one of an earlier step, is a replay.
        #expect(throws: SecondFactorError.codeRefused) {
            try web.checkSecondFactor(congress, account: office, code: totp.code(step: step - 1), at: now)
        }
        try web.checkSecondFactor(congress, account: office, code: totp.code(step: step + 1), at: now)
        #expect(throws: SecondFactorError.codeRefused) { try web.checkSecondFactor(congress, account: office, code: totp.code(step: step), at: now) }
        // An account without a second factor needs none.
        try web.checkSecondFactor(congress, account: try web.signIn(congress, login: "zjj", password: password), code: nil, at: now)
    }

    @Test func aRecoveryCodeSignsInOnce() throws {
        let f = try fixture()
        let enrolled = try f.store.enrollSecondFactor(f.congress, login: "office", issuer: "jianyi LL")
        let web = try f.webStore()
        let congress = try web.congress("LL")
        let office = try web.signIn(congress, login: "office", password: password)
        let code = enrolled.recoveryCodes[3]
        try web.checkSecondFactor(congress, account: office, code: code.lowercased().replacingOccurrences(of: "-", with: ""), at: Date())
        #expect(throws: SecondFactorError.codeRefused) { try web.checkSecondFactor(congress, account: office, code: code, at: Date()) }
        #expect(throws: SecondFactorError.codeRefused) { try web.checkSecondFactor(congress, account: office, code: "AAAA-AAAA-AAAA-AAAA", at: Date()) }
        try web.checkSecondFactor(congress, account: office, code: enrolled.recoveryCodes[4], at: Date())
        // Enrolling again replaces the codes: the old ones sign in no more.
        _ = try f.store.enrollSecondFactor(f.congress, login: "office", issuer: "jianyi LL")
        #expect(throws: SecondFactorError.codeRefused) { try web.checkSecondFactor(congress, account: office, code: enrolled.recoveryCodes[5], at: Date()) }
    }

    @Test func theCongressCanRequireItOfTheSecretariat() throws {
        let f = try fixture()
        try f.store.setPolicy(f.congress, key: "secretariat_totp", value: "1")
        let web = try f.webStore()
        let congress = try web.congress("LL")
        let office = try web.signIn(congress, login: "office", password: password)
        #expect(throws: SecondFactorError.enrollmentRequired(login: "office")) {
            try web.checkSecondFactor(congress, account: office, code: nil, at: Date())
        }
        // Units are not the secretariat: the setting does not reach them.
        try web.checkSecondFactor(congress, account: try web.signIn(congress, login: "zjj", password: password), code: nil, at: Date())
        try f.store.setPolicy(f.congress, key: "secretariat_totp", value: "0")
        try web.checkSecondFactor(congress, account: office, code: nil, at: Date())
        #expect(throws: PolicyError.notAValue(.secretariatTOTP, value: "2")) { try f.store.setPolicy(f.congress, key: "secretariat_totp", value: "2") }
    }

    /// The web role reads neither table; it reaches them through the sign-in functions only.
    @Test func theWebRoleReachesNoSecretDirectly() throws {
        let f = try fixture()
        _ = try f.store.enrollSecondFactor(f.congress, login: "office", issuer: "jianyi LL")
        let web = try f.webStore()
        #expect(throws: (any Error).self) { try web.connection.query("SELECT * FROM account_totp") }
        #expect(throws: (any Error).self) { try web.connection.query("SELECT * FROM account_recovery_code") }
        #expect(throws: (any Error).self) { try web.connection.execute("UPDATE account_totp SET last_step = NULL") }
    }
}
