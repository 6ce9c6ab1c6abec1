import Casework

/// Account refusals. None of them quotes a password.
extension AccountError: Refusal {
    var failure: Failure {
        switch self {
        case .badLogin(let login):
            .badValue("LOGIN: '\(login)' is not a login: use 1 to 64 of A-Z, a-z, 0-9, _ . @ -")
        case .passwordTooShort(let minimum):
            .badValue("the password on standard input is too short: at least \(minimum) characters")
        case .passwordTooLong(let maximum):
            .badValue("the password on standard input is longer than \(maximum) bytes, more than bcrypt reads")
        case .passwordControl:
            .badValue("the password on standard input must be one line, without NUL or carriage return")
        case .codeDoesNotFitRole(let role):
            switch role {
            case .deputy: .badValue("--role deputy needs --deputy CODE and no --unit")
            case .unit: .badValue("--role unit needs --unit CODE and no --deputy")
            case .secretariat: .badValue("--role secretariat takes neither --unit nor --deputy")
            }
        case .loginTaken(let login, let congress):
            .ruleBroken("account \(login) already exists in \(congress)")
        case .noSuchAccount(let login, let congress):
            .ruleBroken("account \(login) does not exist in \(congress)")
        case .unknownUnit(let code, let congress):
            .ruleBroken("--unit: \(code) is not a unit of \(congress)")
        case .unknownDeputy(let code, let congress):
            .ruleBroken("--deputy: \(code) is not a deputy of \(congress)")
        case .signInFailed:
            .ruleBroken("the login or the password is wrong, or the account is disabled")
        }
    }
}

/// Permission refusals (the web service's 403); the CLI acts as the owner and never meets them.
extension AccessError: Refusal {
    var failure: Failure {
        switch self {
        case .notPermitted(let step, let party):
            .ruleBroken("\(party.en) may not take the step \(step.rawValue) on this case")
        case .mayNotSubmit(let party, let deputy):
            .ruleBroken("\(party.en) may not submit a suggestion for deputy \(deputy)")
        }
    }
}
