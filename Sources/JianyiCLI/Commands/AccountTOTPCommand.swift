import ArgumentParser
import CaseStore
import Casework

extension AccountCommand {
    /// `jianyi account totp LOGIN`: enrolls a second factor and prints it once.
    struct TOTPEnroll: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "totp",
            abstract: "Enroll an account in a second factor (TOTP) and print its otpauth:// URI and recovery codes.",
            discussion: """
                The URI (RFC 6238: SHA1, 6 digits, 30 seconds) goes into an authenticator app, typed or as a QR code; \
                each recovery code signs in once in place of a code. Both are shown this once: the database keeps the \
                secret and only a hash of each recovery code. Running it again replaces both. From then on the \
                account signs in with its code (the sign-in form's 动态验证码, the API's `totp`). \
                `jianyi policy set secretariat_totp 1` makes a second factor mandatory for the secretariat's accounts.
                Example: jianyi account totp office
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login.") var login: String

        func run() throws {
            let context = try Context(global)
            let congress = try context.congress()
            let enrolled = try context.store.enrollSecondFactor(congress, login: login, issuer: "jianyi \(congress.code)")
            emit(enrolled.uri + "\n")
            emit(context.text("一次性恢复码（每个只能用一次，请妥善保存）：\n", "recovery codes (each signs in once; keep them safe):\n"))
            emit(enrolled.recoveryCodes.map { $0 + "\n" }.joined())
        }
    }
}
