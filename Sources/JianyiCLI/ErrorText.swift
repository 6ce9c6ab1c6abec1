import Casework
import Presentation

/// A domain error as the CLI reports it: the contract's kind (its exit code) and the one line,
/// with the flag the value came from, in English or (`--lang zh`) Chinese. Only this file and
/// the *ErrorText.swift files beside it word Casework's and CaseStore's typed errors;
/// ExitCodes.swift maps the kind to the code.
protocol Refusal: Error {
    /// In English, a day named `--on`.
    var failure: Failure { get }
    /// In `lang`, a day named by `day`: the flag or column it was given in (`--as-of`, a
    /// file's `submitted_on`).
    func failure(_ lang: Language, day: String) -> Failure
}

extension Refusal {
    /// A refusal worded in English only says so in either language.
    func failure(_ lang: Language, day: String) -> Failure { failure }
    func failure(day: String) -> Failure { failure(.en, day: day) }
}

/// A refusal worded in Chinese and in English (`worded`), which gives both of `Refusal`'s.
protocol BilingualRefusal: Refusal {
    func worded(_ lang: Language, day: String) -> Failure
}

extension BilingualRefusal {
    var failure: Failure { worded(.en, day: "--on") }
    func failure(_ lang: Language, day: String) -> Failure { worded(lang, day: day) }
}

/// A refusal whose day was given in `day` rather than `--on`.
struct DayGivenIn: BilingualRefusal {
    let refusal: any Refusal
    let day: String

    func worded(_ lang: Language, day _: String) -> Failure { refusal.failure(lang, day: day) }
}

extension Language {
    /// The Chinese or the English of one message.
    func say(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}

/// The step refusals.
extension CaseError: BilingualRefusal {
    /// The one line a user sees, a day named by the flag (or column) `day` was given for
    /// (worded in Presentation, shared with the HTTP API).
    func message(_ lang: Language = .en, day: String = "--on") -> String {
        message(zh: lang == .zh, naming: .flags, day: day)
    }

    /// The refusal as the contract reports it, a malformed value (64) or a broken rule (65).
    func worded(_ lang: Language, day: String) -> Failure {
        let message = message(lang, day: day)
        return switch self {
        case .coUnitRepeated, .planDateMissing, .planDateBeforeReply, .planDateNotForOutcome, .commentRequired, .disputeNoteRequired:
            .badValue(message)
        case .notAllowed, .dayAfterToday, .dateBeforePreviousStep, .deadlineUncountable, .unknownUnit, .notAssigned, .notCoHandler,
             .notLeadUnit, .transferWindowClosed, .transferPending, .noPendingTransfer, .alreadyAssigned, .noReplyToRate,
             .noSuchContact, .contactAnswered, .dateBeforeContact, .mergeIntoItself, .mergeAcrossCongresses, .mergeIntoMerged,
             .mergeChain, .mergeTargetState:
            .ruleBroken(message)
        }
    }
}
