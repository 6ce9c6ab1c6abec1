import Casework

/// A domain error as the CLI reports it: the contract's kind (its exit code) and the one line,
/// with the flag the value came from. Only this file words Casework's and CaseStore's typed
/// errors; ExitCodes.swift maps the kind to the code.
protocol Refusal: Error {
    var failure: Failure { get }
}

/// The step refusals.
extension CaseError: Refusal {
    /// The one line a user sees, a day named by the flag (or column) `day` was given for.
    func message(day: String = "--on") -> String {
        switch self {
        case .notAllowed(let number, let step, let state):
            let possible = CaseStep.allowed(in: state).map(\.rawValue)
            let now = possible.isEmpty ? "nothing more can be done" : "allowed now: \(possible.joined(separator: ", "))"
            let need = step.allowedStates.map(\.rawValue).sorted().joined(separator: " or ")
            return "\(number) is \(state.rawValue) (\(state.zh)); \(step.rawValue) needs \(need); \(now)"
        case .dayAfterToday(let given, let today):
            return "\(day): \(given) is after today (\(today)); jianyi records nothing for a day that has not come (--today moves today)"
        case .dateBeforePreviousStep(let number, let given, let previous, let kind):
            return "\(day): \(given) is before \(previous), the day of \(number)'s previous step (\(kind.rawValue)); the steps of a case follow one another"
        case .deadlineUncountable(let kind, let from, let refusal):
            return "\(Self.flag(from)): the \(kind.rawValue) deadline, \(refusal)"
        case .unknownUnit(let unit, let role, let congress):
            return "\(Self.flag(role)): \(unit) is not a unit of \(congress)"
        case .coUnitRepeated(let unit):
            return "--co: \(unit) is given twice or is also the lead"
        case .notAssigned(let unit, let number, let step):
            let why = step == .transferRequest ? "; only its assigned units may ask for a transfer" : ""
            return "--unit: \(unit) is not assigned to \(number)\(why)"
        case .notCoHandler(let unit, let number):
            return "--unit: \(unit) is not a co-handler of \(number); only co-handlers send opinions"
        case .notLeadUnit(let unit, let number, let lead):
            return "--unit: \(unit) is not the lead unit of \(number) (\(lead ?? "none")); only the lead replies"
        case .transferWindowClosed(let unit, let number, let due):
            return "\(unit)'s transfer window for \(number) closed on \(due); the assignment stands"
        case .transferPending(let number, let unit):
            return "\(number) already has a pending transfer request from \(unit); approve or reject it first"
        case .noPendingTransfer(let number):
            return "\(number) has no pending transfer request"
        case .alreadyAssigned(let unit, let number):
            return "--to: \(unit) is or was already assigned to \(number)"
        case .planDateMissing:
            return "--plan-by: outcome B (正在解决或列入计划解决) needs the plan date"
        case .planDateBeforeReply(let plan, let reply):
            return "--plan-by: \(plan) is before the reply date \(reply)"
        case .planDateNotForOutcome:
            return "--plan-by: only outcome B carries a plan date"
        case .noReplyToRate(let number):
            return "\(number) has no reply to rate"
        case .commentRequired:
            return "--comment: a comment is required when the deputy is dissatisfied"
        }
    }

    static func flag(_ role: UnitRole) -> String {
        switch role {
        case .lead: "--lead"
        case .co: "--co"
        case .transferTo: "--to"
        }
    }

    static func flag(_ day: StepDay) -> String {
        switch day {
        case .step: "--on"
        case .planBy: "--plan-by"
        }
    }

    var failure: Failure { failure(day: "--on") }

    /// The refusal as the contract reports it, a malformed value (64) or a broken rule (65),
    /// a day named by `day` (`--as-of`, a file's `submitted_on`).
    func failure(day: String) -> Failure {
        let message = message(day: day)
        return switch self {
        case .coUnitRepeated, .planDateMissing, .planDateBeforeReply, .planDateNotForOutcome, .commentRequired:
            .badValue(message)
        case .notAllowed, .dayAfterToday, .dateBeforePreviousStep, .deadlineUncountable, .unknownUnit, .notAssigned, .notCoHandler,
             .notLeadUnit, .transferWindowClosed, .transferPending, .noPendingTransfer, .alreadyAssigned, .noReplyToRate:
            .ruleBroken(message)
        }
    }
}

/// Something named that is not there.
extension LookupError: Refusal {
    var failure: Failure {
        switch self {
        case .noSuchCase(let number, let congress):
            .ruleBroken("suggestion \(number) does not exist in \(congress)")
        case .noSuchCongress(let code, let known):
            .ruleBroken("congress \(code) does not exist (known: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
        case .noCongressYet:
            .ruleBroken("no congress yet: create one with `jianyi congress add CODE --name NAME --level city`")
        case .severalCongresses(let known):
            .badValue("the database holds several congresses (\(known.joined(separator: ", "))): choose one with --congress or JIANYI_CONGRESS")
        case .unknownDeputy(let code, let role, let congress):
            .ruleBroken("\(role == .lead ? "--deputy" : "--cosigner"): \(code) is not a deputy of \(congress)")
        case .unknownSession(let code, let congress):
            .ruleBroken("--session: \(code) is not a session of \(congress) (add it with `jianyi session add`)")
        }
    }
}

extension OverdueRunError: Refusal {
    var failure: Failure {
        switch self {
        case .inProgress(let congress):
            Failure(.tryLater, "another overdue run for \(congress) is working; try again later (or drop --no-wait to wait for it)")
        case .noSuchRun(let id, let congress):
            .ruleBroken("--run: \(congress) has no overdue run #\(id) (jianyi overdue runs lists them)")
        }
    }
}

extension SetupError: Refusal {
    var failure: Failure {
        switch self {
        case .unknownTimeZone(let zone):
            .badValue("--time-zone: '\(zone)' is not a time zone PostgreSQL knows (e.g. Asia/Shanghai)")
        case .sessionClosesBeforeOpening(let opened, let closed):
            .badValue("--closed: \(closed) is before --opened \(opened)")
        case .yearOutOfRange(let year):
            .badValue("--year: \(year) is not a year from \(Day.years.lowerBound) to \(Day.years.upperBound)")
        }
    }
}

extension RegistrationError: Refusal {
    var failure: Failure {
        switch self {
        case .titleTooLong(let count, let limit):
            .badValue("--title: the title has \(count) characters; at most \(limit)")
        case .noDeputy:
            .badValue("--deputy: no deputy code given")
        case .sessionMissing:
            .badValue("--channel session needs --session CODE")
        case .sessionOutsideSession(let channel, let session):
            .badValue("--channel \(channel.rawValue) is for suggestions outside a session; drop --session \(session)")
        case .cosignerIsLead(let code):
            .ruleBroken("--cosigner: \(code) is the lead deputy and cannot also co-sign")
        case .cosignerRepeated(let code):
            .badValue("--cosigner: \(code) is given twice")
        }
    }
}
