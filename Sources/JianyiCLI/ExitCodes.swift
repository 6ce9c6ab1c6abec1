import ArgumentParser
import Casework
import CaseStore
import Foundation

/// How a run that did not succeed ends: the exit code and the one line that says why.
///
/// The one place where errors meet the contract's exit codes (sysexits): 64 bad usage, 65 the
/// data breaks a rule, 66 an input file, 69 the database cannot serve, 73/74 output files,
/// 75 try again later, 78 the schema. 70 (EX_SOFTWARE) is kept apart for what only a mistake
/// in jianyi itself can cause, so that it is never mistaken for anything a user can fix.
struct Exit: Equatable {
    var code: Int32
    var message: String
    /// Lines printed after the message, one each: the bad rows of an imported file.
    var details: [String] = []

    /// A mistake in jianyi (EX_SOFTWARE); no input should ever lead here.
    static let bug: Int32 = 70

    init(code: Int32, message: String, details: [String] = []) {
        self.code = code
        self.message = message
        self.details = details
    }

    /// The exit of `error`, a typed refusal worded in `lang` (what jianyi says in its own
    /// words, a `Failure`, is English only).
    init(_ error: Error, lang: Language = .en) {
        switch error {
        case let failure as Failure:
            self.init(failure)
        case let refusal as any Refusal:
            self.init(refusal.failure(lang, day: "--on"))
        default:
            if let database = DatabaseFailure(error) {
                self.init(database)
                return
            }
            let parsed = Jianyi.exitCode(for: error)
            // ArgumentParser's own errors (usage, --help, --version) carry 64 or 0; anything
            // else it would call a failure (1), which the contract does not have.
            if parsed == .success {
                self.init(code: parsed.rawValue, message: Jianyi.fullMessage(for: error))
            } else if parsed == .validationFailure {
                self.init(code: parsed.rawValue, message: UsageErrors.line(for: error))
            } else if let file = Self.fileError(error) {
                self = file
            } else {
                self.init(code: Self.bug, message: "a bug in jianyi: \(String(describing: error).oneLine); please report it")
            }
        }
    }

    init(_ failure: Failure) {
        self.init(code: Self.code(failure.kind), message: failure.message, details: failure.details)
    }

    static func code(_ kind: Failure.Kind) -> Int32 {
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

    /// Every database error by its category (`DatabaseFailure.Category`, from the table of SQLSTATE
    /// classes): what the user can do about it decides the code.
    init(_ error: DatabaseFailure) {
        let said = error.message.oneLine
        switch error.category {
        case .dataRejected:
            self.init(code: Self.code(.ruleBroken), message: "the database refused the data: \(Self.rejection(error))")
        case .conflict:
            let tries = error.attempts > 1 ? " on each of \(error.attempts) attempts" : ""
            self.init(code: Self.code(.tryLater), message: "the database gave up because of other work at the same time or a time limit (\(said))\(tries); it was rolled back: run the command again later")
        case .busy:
            self.init(code: Self.code(.tryLater), message: "the database is short of resources or time (\(said)); it was rolled back: try again later")
        case .readOnly:
            self.init(code: Self.code(.unavailable), message: "the database accepts no changes (\(said)): it is a standby, or default_transaction_read_only is on; point --database-url at one that accepts them")
        case .connectionLost:
            self.init(code: Self.code(.unavailable), message: "lost the connection to the database (\(said)); what was not committed was rolled back")
        case .refused:
            self.init(code: Self.code(.unavailable), message: "the database refused to serve jianyi (\(said)): ask its administrator")
        case .schemaMismatch:
            self.init(code: Self.code(.configuration), message: "the database is not one that `jianyi db migrate` built (\(said)): check --database-url and `jianyi db status`")
        case .bug:
            self.init(code: Self.bug, message: "a bug in jianyi: \(error.description.oneLine); please report it")
        }
    }

    /// A constraint or value error in words: which rule, on what, from the fields the server gives.
    static func rejection(_ error: DatabaseFailure) -> String {
        let table = error.table ?? "a table"
        let detail = error.detail.map { " (\($0.oneLine))" } ?? ""
        switch error.sqlState {
        case "23505":
            return "\(table) already has a row like this one\(detail)"
        case "23503":
            return "a row of \(table) refers to something that does not exist\(detail)"
        case "23502":
            return "\(error.column.map { "the \($0)" } ?? "a value") of a row of \(table) is missing"
        case "23514":
            let rule = error.constraint.map { " \($0)" } ?? ""
            let subject = checkedColumn(error).map { "the \($0) of a row of \(table)" } ?? "a row of \(table)"
            return "\(subject) breaks the rule\(rule)"
        default:
            return error.message.oneLine
        }
    }

    /// The column a check constraint is about when PostgreSQL named the constraint itself
    /// (`calendar_year_year_check` on `calendar_year` is about `year`).
    static func checkedColumn(_ error: DatabaseFailure) -> String? {
        guard let table = error.table, let name = error.constraint,
              name.hasPrefix(table + "_"), name.hasSuffix("_check") else { return nil }
        let column = name.dropFirst(table.count + 1).dropLast("_check".count)
        return column.isEmpty ? nil : String(column)
    }

    /// Foundation's and the system's file errors, which arrive without a `Failure`: reading →
    /// 66, creating or writing → 73, a full disk or an I/O error part-way → 74.
    static func fileError(_ error: Error) -> Exit? {
        let error = error as NSError
        let path = (error.userInfo[NSFilePathErrorKey] as? String)
            ?? (error.userInfo[NSURLErrorKey] as? URL)?.path
        let posix = (error.domain == NSPOSIXErrorDomain ? error : error.userInfo[NSUnderlyingErrorKey] as? NSError)
            .flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil }
        let reason = posix.map { String(cString: strerror($0)) } ?? error.localizedDescription
        let message = (path.map { "\($0): " } ?? "") + reason.oneLine
        if error.domain == NSCocoaErrorDomain {
            switch error.code {
            case CocoaError.fileWriteOutOfSpace.rawValue: return Exit(code: Self.code(.ioError), message: message)
            case 256..<512: return Exit(code: Self.code(.noInput), message: message)
            case 512..<1024: return Exit(code: Self.code(.cannotCreateOutput), message: message)
            case 0..<256: return Exit(code: Self.code(.ioError), message: message)
            default: return nil
            }
        }
        return posix == nil ? nil : Exit(code: Self.code(.ioError), message: message)
    }
}

extension String {
    /// The first non-empty line without the server's severity prefix, its spaces squeezed:
    /// libpq's messages run over several lines (`FATAL:  …`, `CONTEXT: …`, hints).
    var oneLine: String {
        let first = split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        var words = first.split(whereSeparator: \.isWhitespace)
        if let severity = words.first, ["FATAL:", "ERROR:", "PANIC:"].contains(severity) { words.removeFirst() }
        return words.joined(separator: " ")
    }
}
