import ArgumentParser
import CaseStore
import Casework
import Foundation

/// The `jianyi` command.
public struct Jianyi: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jianyi",
        abstract: "Tracks deputies' suggestions (代表建议) from registration to the deputy's rating.",
        discussion: """
            The database comes from --database-url or DATABASE_URL; the congress from --congress or \
            JIANYI_CONGRESS (or the only one). Start with:
              jianyi db migrate
              jianyi congress add LL --name 吕梁市人民代表大会 --level city
              jianyi register --title 关于加快老旧小区改造的建议 --deputy D001 --session 5-4

            Exit codes: 0 done, 64 bad usage or value, 65 the data breaks a rule, 66 missing input \
            file, 69 database unreachable or unable to serve (read-only, connection lost, no \
            privilege), 73 cannot create an output file, 74 writing failed part-way, 75 try later, \
            78 schema not migrated, too new, or not jianyi's; 70 is a bug in jianyi: please report it.
            """,
        version: "0.1.0",
        subcommands: [
            DB.self, CongressCommand.self, SessionCommand.self, DeputyCommand.self, UnitCommand.self,
            CalendarCommand.self, PolicyCommand.self, Register.self, ImportCommand.self,
            Review.self, Withdraw.self, Assign.self, Transfer.self, Contact.self, Opinion.self, Reply.self,
            RateCommand.self, FollowUp.self, Supervise.self, Merge.self, Publish.self,
            Show.self, List.self, History.self, Explain.self, Similar.self, Overdue.self, Export.self, Score.self, ReportCommand.self,
            AccountCommand.self,
            Serve.self,
        ]
    )

    public init() {}

    /// Runs the command line and exits with the documented code.
    public static func main() {
        // A reader that stops early (`jianyi list | head`) must not kill jianyi with a signal:
        // the write fails with EPIPE instead, and ends the command with 74 and one line.
        signal(SIGPIPE, SIG_IGN)
        let code = run(Array(CommandLine.arguments.dropFirst()))
        Foundation.exit(code)
    }

    /// Parses and runs `arguments`; returns the exit code after printing any error (see `Exit`).
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(UsageErrors.bindingNegativeValues(arguments))
            try command.run()
            return 0
        } catch {
            let exit = Exit(error, lang: errorLanguage(arguments))
            if !exit.message.isEmpty {
                if exit.code == 0 { emit(exit.message + "\n") } else { printError(exit.message) }
            }
            // A refusal of many rows: the first line counts them, one line follows for each.
            exit.details.forEach { printError($0) }
            return exit.code
        }
    }

    /// The language of a refusal: Chinese only when `--lang zh` is given. Without `--lang`,
    /// refusals stay in English, as scripts have read them (docs/errors.md); the last
    /// `--lang` before a `--` counts, as when parsing.
    static func errorLanguage(_ arguments: [String]) -> Language {
        var lang = Language.en
        var rest = arguments[...]
        while let argument = rest.popFirst(), argument != "--" {
            if argument == "--lang", let value = rest.first {
                lang = Language(rawValue: value) ?? lang
            } else if argument.hasPrefix("--lang=") {
                lang = Language(rawValue: String(argument.dropFirst("--lang=".count))) ?? lang
            }
        }
        return lang
    }

    /// One line, control characters visible (the message may quote what a user typed), and
    /// without a password even when it echoes one (an argument, a connection string libpq
    /// could not parse).
    static func printError(_ message: String) {
        writeToStandardError("jianyi: \(DatabaseAddress.redacted(message).terminalLine)\n")
    }
}
