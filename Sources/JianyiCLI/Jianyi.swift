import ArgumentParser
import CaseStore
import Casework
import Foundation
import Postgres

/// The `jianyi` command.
public struct Jianyi: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "jianyi",
        abstract: "Tracks deputies' suggestions (代表建议) from registration to the deputy's rating.",
        discussion: """
            The database comes from --database-url or DATABASE_URL; the congress from --congress or
            JIANYI_CONGRESS (or the only one). Start with:
              jianyi db migrate
              jianyi congress add LL --name 吕梁市人民代表大会 --level city
              jianyi register --title 关于加快老旧小区改造的建议 --deputy D001 --session 5-4
            Exit codes: 0 done, 64 bad usage or value, 65 the data breaks a rule, 66 missing input
            file, 69 database unreachable, 75 try later, 78 schema not migrated or too new.
            """,
        version: "0.1.0",
        subcommands: [
            DB.self, CongressCommand.self, SessionCommand.self, DeputyCommand.self, UnitCommand.self,
            CalendarCommand.self, PolicyCommand.self, Register.self, ImportCommand.self,
            Review.self, Withdraw.self, Assign.self, Transfer.self, Contact.self, Opinion.self, Reply.self,
            RateCommand.self, FollowUp.self, Supervise.self,
            Show.self, List.self, History.self, Explain.self, Similar.self, Overdue.self, Export.self, Score.self,
        ]
    )

    public init() {}

    /// Runs the command line and exits with the documented code.
    public static func main() {
        let code = run(Array(CommandLine.arguments.dropFirst()))
        Foundation.exit(code)
    }

    /// Parses and runs `arguments`; returns the exit code after printing any error.
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(UsageErrors.bindingNegativeValues(arguments))
            try command.run()
            return 0
        } catch let failure as Failure {
            printError(failure.message)
            failure.details.forEach { printError($0) }
            return exitCode(failure.kind)
        } catch let error as PostgresError {
            switch error.kind {
            case .connection:
                printError(error.message)
                return 69
            case .server where error.isWorthRetrying:
                printError("the database gave up this transaction because of other work at the same time (\(error.message)); it was rolled back: run it again")
                return 75
            case .server, .client, .decoding:
                printError("database error: \(error)")
                return 70
            }
        } catch {
            let code = Self.exitCode(for: error)
            let message = Self.fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { emit(message + "\n") } else { printError(UsageErrors.line(for: error)) }
            }
            return code.rawValue
        }
    }

    static func exitCode(_ kind: Failure.Kind) -> Int32 {
        switch kind {
        case .badValue: 64
        case .ruleBroken: 65
        case .noInput: 66
        case .unavailable: 69
        case .cannotCreateOutput: 73
        case .ioError: 74
        case .tryLater: 75
        case .configuration: 78
        }
    }

    /// One line, control characters visible (the message may quote what a user typed);
    /// `keepingLines` for ArgumentParser's messages, which end with usage lines.
    static func printError(_ message: String, keepingLines: Bool = false) {
        let text = keepingLines ? message.terminalText : message.terminalLine
        FileHandle.standardError.write(Data("jianyi: \(text)\n".utf8))
    }
}
