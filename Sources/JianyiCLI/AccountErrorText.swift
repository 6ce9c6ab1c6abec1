import Casework

/// Account refusals. None of them quotes a password.
extension AccountError: BilingualRefusal {
    func worded(_ lang: Language, day _: String) -> Failure {
        switch self {
        case .badLogin(let login):
            .badValue(lang.say("LOGIN：'\(login)' 不是有效的登录名：只能用 1 到 64 个 A-Z、a-z、0-9、_ . @ -",
                               "LOGIN: '\(login)' is not a login: use 1 to 64 of A-Z, a-z, 0-9, _ . @ -"))
        case .passwordTooShort(let minimum):
            .badValue(lang.say("标准输入中的密码太短：至少 \(minimum) 个字符",
                               "the password on standard input is too short: at least \(minimum) characters"))
        case .passwordTooLong(let maximum):
            .badValue(lang.say("标准输入中的密码超过 \(maximum) 字节，bcrypt 读不全",
                               "the password on standard input is longer than \(maximum) bytes, more than bcrypt reads"))
        case .passwordControl:
            .badValue(lang.say("标准输入中的密码必须是一行，不含 NUL 或回车",
                               "the password on standard input must be one line, without NUL or carriage return"))
        case .codeDoesNotFitRole(let role):
            switch role {
            case .deputy: .badValue(lang.say("--role deputy 需要 --deputy CODE，且不能有 --unit", "--role deputy needs --deputy CODE and no --unit"))
            case .unit: .badValue(lang.say("--role unit 需要 --unit CODE，且不能有 --deputy", "--role unit needs --unit CODE and no --deputy"))
            case .secretariat: .badValue(lang.say("--role secretariat 不接受 --unit 或 --deputy", "--role secretariat takes neither --unit nor --deputy"))
            }
        case .loginTaken(let login, let congress):
            .ruleBroken(lang.say("账户 \(login) 在 \(congress) 中已存在", "account \(login) already exists in \(congress)"))
        case .noSuchAccount(let login, let congress):
            .ruleBroken(lang.say("账户 \(login) 在 \(congress) 中不存在", "account \(login) does not exist in \(congress)"))
        case .unknownUnit(let code, let congress):
            .ruleBroken(lang.say("--unit：\(code) 不是 \(congress) 的承办单位", "--unit: \(code) is not a unit of \(congress)"))
        case .unknownDeputy(let code, let congress):
            .ruleBroken(lang.say("--deputy：\(code) 不是 \(congress) 的代表", "--deputy: \(code) is not a deputy of \(congress)"))
        case .signInFailed:
            .ruleBroken(lang.say("登录名或密码错误，或账户已停用", "the login or the password is wrong, or the account is disabled"))
        case .signerNeedsUnitRole(let role):
            .badValue(lang.say("--signer 只用于 --role unit：\(role.zh)的账户不签发答复",
                               "--signer goes with --role unit only: a \(role.rawValue) account signs no replies"))
        case .signerNotUnit(let login, let role):
            .ruleBroken(lang.say("只有承办单位的账户可以签发：\(login) 是\(role.zh)的账户",
                                 "only a unit's account signs replies: \(login) is a \(role.rawValue) account"))
        }
    }
}

/// Permission refusals (the web service's 403); the CLI acts as the owner and never meets them.
extension AccessError: BilingualRefusal {
    func worded(_ lang: Language, day _: String) -> Failure {
        switch self {
        case .notPermitted(let step, let party):
            .ruleBroken(lang.say("\(party.zh) 不能对此件建议办理“\(step.rawValue)”", "\(party.en) may not take the step \(step.rawValue) on this case"))
        case .mayNotSubmit(let party, let deputy):
            .ruleBroken(lang.say("\(party.zh) 不能替代表 \(deputy) 提交建议", "\(party.en) may not submit a suggestion for deputy \(deputy)"))
        }
    }
}
