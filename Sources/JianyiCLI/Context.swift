import ArgumentParser
import CaseStore
import Presentation
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

    @Option(help: "Language of human output: zh or en (refusals are in Chinese only when --lang zh is given).")
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
        if let url, let problem = DatabaseAddress.problem(with: url) {
            let source = options.databaseURL == nil ? "DATABASE_URL" : "--database-url"
            // The string itself is not quoted: a password libpq could not delimit is in it.
            throw Failure.badValue("\(source) is not a libpq URI or conninfo string: \(problem)")
        }
        if let user = environment["JIANYI_USER"], user.allSatisfy(\.isWhitespace) {
            throw Failure.badValue("JIANYI_USER is set but empty: set it to who is acting (recorded in the history), or unset it")
        }
        let actor = environment["JIANYI_USER"] ?? environment["USER"] ?? "jianyi"
        let logger = Diagnostics.logger("jianyi")
        let started = ContinuousClock.now
        store = try Store(url: url, actor: actor)
        store.logger = Diagnostics.logger("jianyi.store")
        logger.debug("connected to \(store.target) as \(actor) in \(ContinuousClock.now - started)")
        self.options = options
        self.environment = environment
        if requireMigrated { try store.requireMigrated() }
    }

    var lang: Language { options.lang }

    func congress() throws -> Congress {
        try store.congress(options.congress ?? environment["JIANYI_CONGRESS"].flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The day --today or JIANYI_TODAY fixes, if any.
    func fixedToday() throws -> Day? {
        if let text = options.today { return try Day.parse(text, for: "--today") }
        if let text = environment["JIANYI_TODAY"], !text.isEmpty { return try Day.parse(text, for: "JIANYI_TODAY") }
        return nil
    }

    /// Today in the congress's time zone, unless --today or JIANYI_TODAY says otherwise.
    func today(in congress: Congress) throws -> Day {
        if let fixed = try fixedToday() { return fixed }
        guard let today = try CongressClock(congress).day() else {
            throw Failure.badValue("the system clock gives no date from \(Day.first) to \(Day.last) in \(congress.timeZone); give --today")
        }
        return today
    }

    /// The date a step is recorded on (or a run checks): `flag`'s value, else today; never
    /// after today.
    func day(_ text: String?, flag: String = "--on", in congress: Congress) throws -> Day {
        let today = try today(in: congress)
        guard let text else { return today }
        let day = try Day.parse(text, for: flag)
        do { try StepDate.checkNotAfterToday(day, today: today) } catch { throw DayGivenIn(refusal: error, day: flag) }
        return day
    }

    func text(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }
}

/// Reads an input file's bytes, or fails with exit 66 naming it. Imports decode them with
/// CSVTable, which names the line and column of any invalid UTF-8.
func readBytes(_ path: String) throws -> [UInt8] {
    if path == "-" {
        // `-` is standard input, as for most commands that read a file.
        do { return [UInt8](try FileHandle.standardInput.readToEnd() ?? Data()) } catch {
            throw Failure(.noInput, "standard input cannot be read (\(error.localizedDescription))")
        }
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw Failure(.noInput, "\(path): no such file, or it cannot be read")
    }
    return [UInt8](data)
}

/// Reads a text file given as a value (`--body-file`): 66 when missing, 65 when it is not
/// UTF-8 or holds a NUL byte.
func readInput(_ path: String) throws -> String {
    try Text.decode(readBytes(path), file: path)
}

/// A warning on standard error, on one line: the command still did its work.
func warn(_ message: String) {
    writeToStandardError("jianyi: warning: \(message.terminalLine)\n")
}

/// The last resort for a message: when standard error itself cannot be written (closed, a
/// full disk), there is nowhere left to say so, and the exit code still tells.
func writeToStandardError(_ text: String) {
    try? writeAll(STDERR_FILENO, Array(text.utf8), path: "standard error")
}

/// Writes to standard output without buffering surprises. What goes through here is read on
/// terminals, so control characters are made visible; JSON passes unchanged, as its writer
/// escapes them all. A write that fails (a full disk behind `>`) ends the command with 74 and
/// one line: the work before it is done.
func emit(_ text: String) {
    do {
        try writeAll(STDOUT_FILENO, Array(text.terminalText.utf8), path: "standard output")
    } catch {
        Jianyi.printError("writing to standard output failed (\(error.reason)); what the command did before it is done")
        Foundation.exit(Exit.code(.ioError))
    }
}
