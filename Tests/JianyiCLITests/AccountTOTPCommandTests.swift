import Foundation
import Testing

/// `jianyi account totp LOGIN`: the otpauth:// URI and the recovery codes, printed once.
@Suite struct AccountTOTPCommandTests {
    @Test func printsTheURIAndTenRecoveryCodes() throws {
        var jianyi = try Jianyi()
        jianyi.environment["JIANYI_BCRYPT_COST"] = "4"
        try jianyi.setUp()
        try jianyi.ok("account", "add", "office", "--role", "secretariat", "--password-stdin", input: "长城-correct horse 9\n")
        let lines = try jianyi.ok("account", "totp", "office", "--lang", "en").stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.range(of: "^otpauth://totp/jianyi%20LL:office\\?secret=[A-Z2-7]{32}&issuer=jianyi%20LL&algorithm=SHA1&digits=6&period=30$",
                                   options: .regularExpression) != nil, "\(lines)")
        #expect(lines.dropFirst().first == "recovery codes (each signs in once; keep them safe):")
        let codes = lines.dropFirst(2)
        #expect(codes.count == 10 && codes.allSatisfy { $0.range(of: "^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$", options: .regularExpression) != nil })
        // Again: a new secret.
        let again = try jianyi.ok("account", "totp", "office").stdout
        #expect(!again.contains(lines[0]) && again.contains("一次性恢复码"))
        try jianyi.expectRefusal(["account", "totp", "nobody"], 65, mentioning: "account nobody does not exist in LL")
    }
}
