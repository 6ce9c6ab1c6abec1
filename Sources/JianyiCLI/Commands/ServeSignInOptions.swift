import ArgumentParser
import Casework
import JianyiServer

/// `serve`'s settings for signing in: how long a token lives, how failed sign-ins are throttled,
/// and whether a reverse proxy's forwarding headers are believed.
struct ServeSignInOptions: ParsableArguments {
    @Option(name: .customLong("token-lifetime"), help: ArgumentHelp("Seconds a bearer token or browser session lives (default: $JIANYI_TOKEN_LIFETIME, then 43200 = 12 h).", valueName: "s"))
    var tokenLifetime: Int?

    @Option(name: .customLong("sign-in-failures-per-login"), help: ArgumentHelp("Failed sign-ins of one login within the window before 429 (default: $JIANYI_SIGN_IN_FAILURES_PER_LOGIN, then 5).", valueName: "n"))
    var failuresPerLogin: Int?

    @Option(name: .customLong("sign-in-failures-per-address"), help: ArgumentHelp("Failed sign-ins from one client address within the window before 429 (default: $JIANYI_SIGN_IN_FAILURES_PER_ADDRESS, then 20).", valueName: "n"))
    var failuresPerAddress: Int?

    @Option(name: .customLong("sign-in-window"), help: ArgumentHelp("Seconds over which failed sign-ins are counted (default: $JIANYI_SIGN_IN_WINDOW, then 900).", valueName: "s"))
    var window: Int?

    @Flag(name: .customLong("trust-proxy"), help: "Believe X-Forwarded-For and X-Forwarded-Proto: only behind a reverse proxy that sets them (default: $JIANYI_TRUST_PROXY=1).")
    var trustProxy = false

    struct Settings {
        let tokenLifetime: Duration
        let throttle: SignInThrottle.Settings
        let trustProxy: Bool
    }

    /// The settings from the flags, else their variables, else the defaults; 64 naming the flag
    /// or variable at fault.
    func settings(_ environment: [String: String]) throws -> Settings {
        let lifetime = try Serve.setting(tokenLifetime, flag: "--token-lifetime", variable: "JIANYI_TOKEN_LIFETIME",
                                         default: 12 * 3600, within: 1...30 * 86400, environment)
        let perLogin = try Serve.setting(failuresPerLogin, flag: "--sign-in-failures-per-login", variable: "JIANYI_SIGN_IN_FAILURES_PER_LOGIN",
                                         default: 5, within: 1...1000, environment)
        let perAddress = try Serve.setting(failuresPerAddress, flag: "--sign-in-failures-per-address",
                                           variable: "JIANYI_SIGN_IN_FAILURES_PER_ADDRESS", default: 20, within: 1...100_000, environment)
        let window = try Serve.setting(window, flag: "--sign-in-window", variable: "JIANYI_SIGN_IN_WINDOW",
                                       default: 900, within: 1...86400, environment)
        return Settings(
            tokenLifetime: .seconds(lifetime),
            throttle: .init(failuresPerLogin: perLogin, failuresPerAddress: perAddress, window: .seconds(window)),
            trustProxy: try trustProxy || Self.yes(environment["JIANYI_TRUST_PROXY"], variable: "JIANYI_TRUST_PROXY"))
    }

    /// A yes/no variable: 1/true/yes or 0/false/no (or unset, or empty).
    static func yes(_ text: String?, variable: String) throws -> Bool {
        switch text?.lowercased() {
        case nil, "", "0", "false", "no": return false
        case "1", "true", "yes": return true
        case let text?: throw Failure.badValue("\(variable): '\(text)' is not one of 1, true, yes, 0, false, no")
        }
    }
}
