import Casework

/// Something named that is not there.
extension LookupError: BilingualRefusal {
    func worded(_ lang: Language, day _: String) -> Failure {
        switch self {
        case .noSuchCase(let number, let congress):
            .ruleBroken(lang.say("建议 \(number) 在 \(congress) 中不存在", "suggestion \(number) does not exist in \(congress)"))
        case .noSuchCongress(let code, let known):
            .ruleBroken(lang.say("代表大会 \(code) 不存在（已有：\(known.isEmpty ? "无" : known.joined(separator: ", "))）",
                                 "congress \(code) does not exist (known: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"))
        case .noCongressYet:
            .ruleBroken(lang.say("还没有代表大会：先用 `jianyi congress add CODE --name NAME --level city` 建立",
                                 "no congress yet: create one with `jianyi congress add CODE --name NAME --level city`"))
        case .severalCongresses(let known):
            .badValue(lang.say("数据库中有多个代表大会（\(known.joined(separator: ", "))）：用 --congress 或 JIANYI_CONGRESS 选定一个",
                               "the database holds several congresses (\(known.joined(separator: ", "))): choose one with --congress or JIANYI_CONGRESS"))
        case .unknownDeputy(let code, let role, let congress):
            .ruleBroken((role == .lead ? "--deputy: " : "--cosigner: ")
                        + lang.say("\(code) 不是 \(congress) 的代表", "\(code) is not a deputy of \(congress)"))
        case .unknownSession(let code, let congress):
            .ruleBroken(lang.say("--session: \(code) 不是 \(congress) 的会议（用 `jianyi session add` 添加）",
                                 "--session: \(code) is not a session of \(congress) (add it with `jianyi session add`)"))
        }
    }
}

extension OverdueRunError: BilingualRefusal {
    func worded(_ lang: Language, day _: String) -> Failure {
        switch self {
        case .inProgress(let congress):
            Failure(.tryLater, lang.say("\(congress) 的另一次超期检查正在进行；请稍后再试（或去掉 --no-wait 等它完成）",
                                        "another overdue run for \(congress) is working; try again later (or drop --no-wait to wait for it)"))
        case .noSuchRun(let id, let congress):
            .ruleBroken(lang.say("--run: \(congress) 没有第 #\(id) 次超期检查（jianyi overdue runs 可列出）",
                                 "--run: \(congress) has no overdue run #\(id) (jianyi overdue runs lists them)"))
        }
    }
}

extension SetupError: BilingualRefusal {
    func worded(_ lang: Language, day _: String) -> Failure {
        switch self {
        case .unknownTimeZone(let zone):
            .badValue(lang.say("--time-zone: '\(zone)' 不是 PostgreSQL 认识的时区（例如 Asia/Shanghai）",
                               "--time-zone: '\(zone)' is not a time zone PostgreSQL knows (e.g. Asia/Shanghai)"))
        case .sessionClosesBeforeOpening(let opened, let closed):
            .badValue(lang.say("--closed: 闭会日期 \(closed) 早于 --opened \(opened)", "--closed: \(closed) is before --opened \(opened)"))
        case .yearOutOfRange(let year):
            .badValue(lang.say("--year: \(year) 不在 \(Day.years.lowerBound) 至 \(Day.years.upperBound) 年之间",
                               "--year: \(year) is not a year from \(Day.years.lowerBound) to \(Day.years.upperBound)"))
        case .makeupDayOnWeekday(let day):
            .ruleBroken(lang.say("\(day) 是工作日；调休上班日（work）应在星期六或星期日",
                                 "\(day) is a weekday; a makeup working day (work) falls on a Saturday or Sunday"))
        }
    }
}

extension RegistrationError: BilingualRefusal {
    func worded(_ lang: Language, day _: String) -> Failure {
        switch self {
        case .titleTooLong(let count, let limit):
            .badValue(lang.say("--title: 标题有 \(count) 个字，最多 \(limit) 个", "--title: the title has \(count) characters; at most \(limit)"))
        case .noDeputy:
            .badValue(lang.say("--deputy: 没有给出领衔代表的代码", "--deputy: no deputy code given"))
        case .sessionMissing:
            .badValue(lang.say("--channel session 须给出 --session CODE", "--channel session needs --session CODE"))
        case .sessionOutsideSession(let channel, let session):
            .badValue(lang.say("--channel \(channel.rawValue) 用于大会以外提出的建议；去掉 --session \(session)",
                               "--channel \(channel.rawValue) is for suggestions outside a session; drop --session \(session)"))
        case .cosignerIsLead(let code):
            .ruleBroken(lang.say("--cosigner: \(code) 是领衔代表，不能同时附议", "--cosigner: \(code) is the lead deputy and cannot also co-sign"))
        case .cosignerRepeated(let code):
            .badValue(lang.say("--cosigner: 附议代表 \(code) 重复给出", "--cosigner: \(code) is given twice"))
        }
    }
}

/// Something that is there already.
extension ConflictError: BilingualRefusal {
    func worded(_ lang: Language, day _: String) -> Failure {
        switch self {
        case .duplicate(.congress, let code, _):
            .ruleBroken(lang.say("代表大会 \(code) 已存在", "congress \(code) already exists"))
        case .duplicate(let registry, let code, let congress):
            .ruleBroken(lang.say("\(congress ?? "") 已有\(Self.name(registry).zh) \(code)", "\(Self.name(registry).en) \(code) already exists in \(congress ?? "")"))
        case .suggestionRegistered(let number):
            .ruleBroken(lang.say("已登记为 \(number)（同一领衔代表、同一批次、同一标题）；删去这一行，或用 --skip-existing",
                                 "already registered as \(number) (the same deputy, series and title); leave it out or use --skip-existing"))
        case .suggestionRepeated(let line):
            .ruleBroken(lang.say("与第 \(line) 行是同一件建议（同一领衔代表、同一批次、同一标题）",
                                 "the same suggestion as line \(line) (the same deputy, series and title)"))
        }
    }

    static func name(_ registry: Registry) -> (zh: String, en: String) {
        switch registry {
        case .congress: ("代表大会", "congress")
        case .session: ("会议", "session")
        case .deputy: ("代表", "deputy")
        case .unit: ("承办单位", "unit")
        }
    }
}
