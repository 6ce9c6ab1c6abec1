import ArgumentParser
import CaseStore
import Casework
import Foundation
import Logging

/// The options every command that touches the database takes.
public struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: ArgumentHelp(
        "libpq URI or conninfo string (default: $DATABASE_URL, then libpq's PG* defaults).", valueName: "url"))
    var databaseURL: String?

    @Option(help: ArgumentHelp("The congress to work in, by code (default: $JIANYI_CONGRESS, or the only one).", valueName: "code"))
    var congress: String?

    @Option(help: ArgumentHelp("Act as if today were this date, YYYY-MM-DD (default: $JIANYI_TODAY, or the real date in the congress's time zone).", valueName: "date"))
    var today: String?

    @Option(help: "Language of human output: zh or en.")
    var lang: Language = .zh

    public init() {}
}

public enum Language: String, ExpressibleByArgument, CaseIterable, Sendable {
    case zh, en
}

/// What a running command needs: the store, the congress, today's date and the language.
struct Context {
    let store: Store
    let options: GlobalOptions
    let environment: [String: String]

    /// Opens the database and checks that its schema matches this binary (exit 78 if not).
    init(_ options: GlobalOptions, requireMigrated: Bool = true) throws {
        let environment = ProcessInfo.processInfo.environment
        let url = options.databaseURL ?? environment["DATABASE_URL"]
        let actor = environment["JIANYI_USER"] ?? environment["USER"] ?? "jianyi"
        let logger = Diagnostics.logger("jianyi")
        let started = ContinuousClock.now
        store = try Store(url: url, actor: actor)
        store.logger = Diagnostics.logger("jianyi.store")
        logger.debug("connected to \(store.connection.target) as \(actor) in \(ContinuousClock.now - started)")
        self.options = options
        self.environment = environment
        if requireMigrated { try store.requireMigrated() }
    }

    var lang: Language { options.lang }

    func congress() throws -> Congress {
        try store.congress(options.congress ?? environment["JIANYI_CONGRESS"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Today in the congress's time zone, unless --today or JIANYI_TODAY says otherwise.
    func today(in congress: Congress) throws -> Day {
        if let text = options.today { return try Day.parse(text, for: "--today") }
        if let text = environment["JIANYI_TODAY"], !text.isEmpty { return try Day.parse(text, for: "JIANYI_TODAY") }
        guard let zone = TimeZone(identifier: congress.timeZone) else {
            throw Failure.badValue("congress \(congress.code) has time zone '\(congress.timeZone)', which this system does not know")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The date a step is recorded on: --on, else today.
    func day(_ on: String?, in congress: Congress) throws -> Day {
        if let on { return try Day.parse(on, for: "--on") }
        return try today(in: congress)
    }

    func text(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
}

/// Reads an input file as UTF-8, or fails with exit 66 naming it.
func readInput(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw Failure(.noInput, "\(path): no such file, or it cannot be read")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw Failure(.noInput, "\(path): not UTF-8 text (save it as UTF-8; Excel: CSV UTF-8)")
    }
    return text
}

/// A warning on standard error: the command still did its work.
func warn(_ message: String) {
    FileHandle.standardError.write(Data("jianyi: warning: \(message)\n".utf8))
}

/// Writes to standard output without buffering surprises. A write that fails (a full disk
/// behind `>`) ends the command with 74 and one line: the work before it is done.
func emit(_ text: String) {
    do {
        try writeAll(STDOUT_FILENO, Array(text.utf8), path: "standard output")
    } catch {
        Jianyi.printError("writing to standard output failed (\(error.reason)); what the command did before it is done")
        Foundation.exit(Jianyi.exitCode(.ioError))
    }
}
