import ArgumentParser
import CaseStore
import Casework
import Foundation
import JianyiServer
import Logging

/// `jianyi serve`: the web service over the same database and use cases as the CLI.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web service (GET /healthz; the API comes with accounts).",
        discussion: """
            Prints one line with the address it listens on, then one access-log line \
            per request on stderr (method, path without query, status, duration). \
            SIGTERM or SIGINT stops it once the requests in flight finish (exit 0). \
            Refuses to start unless the database answers (69), its schema is \
            migrated (78) and it connects as a role row-level security holds: \
            not a superuser, without BYPASSRLS, owning no table (78), such as \
            jianyi_web, which `jianyi db migrate` creates (docs/operations.md).

            Each flag falls back on an environment variable, then a default:
            - --listen, JIANYI_LISTEN: 127.0.0.1:8080 (port 0: any free port, printed at start).
            - --pool-size, JIANYI_POOL_SIZE: 16 connections (1-500).
            - --pool-wait, JIANYI_POOL_WAIT: 2000 ms; a request waiting longer for a free connection gets 503 with Retry-After.
            - --statement-timeout, JIANYI_STATEMENT_TIMEOUT: 10000 ms; 0: none.
            - --token-lifetime, JIANYI_TOKEN_LIFETIME: 43200 s (12 h) for a bearer token or a browser session.
            - --sign-in-failures-per-login, JIANYI_SIGN_IN_FAILURES_PER_LOGIN: 5.
            - --sign-in-failures-per-address, JIANYI_SIGN_IN_FAILURES_PER_ADDRESS: 20.
            - --sign-in-window, JIANYI_SIGN_IN_WINDOW: 900 s; past either count of failures within the window, sign-in \
            answers 429 with Retry-After without checking the password (counted in this process only).
            - --trust-proxy, JIANYI_TRUST_PROXY=1: off; believe the proxy's X-Forwarded-For (its last hop is the client) \
            and X-Forwarded-Proto (https: cookies get Secure). Only behind a proxy that sets them.

            docs/operations.md says how to size them.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Address to listen on (default: $JIANYI_LISTEN, then 127.0.0.1:8080).", valueName: "host:port"))
    var listen: String?

    @Option(name: .customLong("pool-size"), help: ArgumentHelp("Database connections at most (default: $JIANYI_POOL_SIZE, then 16).", valueName: "n"))
    var poolSize: Int?

    @Option(name: .customLong("pool-wait"), help: ArgumentHelp("Milliseconds a request waits for a free connection before 503 (default: $JIANYI_POOL_WAIT, then 2000).", valueName: "ms"))
    var poolWait: Int?

    @Option(name: .customLong("statement-timeout"), help: ArgumentHelp("Milliseconds a statement may run; 0: no limit (default: $JIANYI_STATEMENT_TIMEOUT, then 10000).", valueName: "ms"))
    var statementTimeout: Int?

    @OptionGroup var signIn: ServeSignInOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let address = try listenAddress(environment)
        let size = try Self.setting(poolSize, flag: "--pool-size", variable: "JIANYI_POOL_SIZE", default: 16, within: 1...500, environment)
        let wait = try Self.setting(poolWait, flag: "--pool-wait", variable: "JIANYI_POOL_WAIT", default: 2000, within: 0...600_000, environment)
        let timeout = try Self.setting(statementTimeout, flag: "--statement-timeout", variable: "JIANYI_STATEMENT_TIMEOUT",
                                  default: 10_000, within: 0...86_400_000, environment)
        let signInSettings = try signIn.settings(environment)
        // Refuse to start on a database that cannot serve (69) or is not migrated (78),
        // and learn the congress it serves (--congress, $JIANYI_CONGRESS, or the only one).
        let context = try Context(global)
        try context.store.requireRowSecurityHolds()
        let congress = try context.congress()
        let fixedToday = try context.fixedToday()
        let pool = StorePool(.init(
            databaseURL: global.databaseURL ?? environment["DATABASE_URL"], size: size, wait: .milliseconds(wait),
            statementTimeout: timeout == 0 ? nil : .milliseconds(timeout)))
        let site = try Site(pool: pool, congress: congress, fixedToday: fixedToday, tokenLifetime: signInSettings.tokenLifetime,
                            throttle: SignInThrottle(signInSettings.throttle), trustProxy: signInSettings.trustProxy)
        var logger = Diagnostics.logger("jianyi.serve")
        // The access log is the service's record: on whatever JIANYI_LOG asks for diagnostics.
        logger.logLevel = min(logger.logLevel, .info)
        do {
            try WebServer.runUntilSignalled(address: address, pool: pool, site: site, logger: logger) { bound in
                emit("listening on \(bound.url)\n")
            }
        } catch {
            throw Failure(.unavailable, "cannot serve on \(address.url): \(WebServer.reason(error))")
        }
    }

    private func listenAddress(_ environment: [String: String]) throws -> ListenAddress {
        let (text, source) = listen.map { ($0, "--listen") } ?? environment["JIANYI_LISTEN"].map { ($0, "JIANYI_LISTEN") } ?? ("", "")
        if source.isEmpty { return .standard }
        switch ListenAddress.parse(text) {
        case .success(let address): return address
        case .failure(let problem): throw Failure.badValue("\(source): '\(text)' is not an address to listen on: \(problem.reason)")
        }
    }

    /// A number from its flag, else its environment variable, else `default`; 64 naming the
    /// flag or the variable when it is not a whole number within `range`.
    static func setting(_ flagValue: Int?, flag: String, variable: String, default value: Int, within range: ClosedRange<Int>,
                         _ environment: [String: String]) throws -> Int {
        let given: (value: Int?, text: String, source: String)
        if let flagValue {
            given = (flagValue, String(flagValue), flag)
        } else if let text = environment[variable], !text.isEmpty {
            given = (Int(text), text, variable)
        } else {
            return value
        }
        guard let number = given.value, range.contains(number) else {
            throw Failure.badValue("\(given.source): '\(given.text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
