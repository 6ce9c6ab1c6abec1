import Casework
import CaseStore
@testable import JianyiCLI
import Testing

/// Each step refusal in the CLI's words and code: the text is the one the commands printed
/// before the refusals were typed, byte for byte.
@Suite struct ErrorTextTests {
    static func d(_ text: String) -> Day { Day(text)! }

    static let table: [(CaseError, Int32, String)] = [
        (.notAllowed(number: "5-4-0001", step: .reply, state: .submitted), 65,
         "5-4-0001 is submitted (已提交); reply needs assigned or rehandling; allowed now: review --accept, review --reject, withdraw, supervise, merge"),
        (.notAllowed(number: "5-4-0001", step: .rate, state: .closed), 65,
         "5-4-0001 is closed (已办结); rate needs replied; allowed now: contact confirm, contact dispute"),
        (.notAllowed(number: "5-4-0001", step: .confirmContact, state: .withdrawn), 65,
         "5-4-0001 is withdrawn (已撤回); contact confirm needs assigned or closed or following or rehandling or replied; nothing more can be done"),
        (.dayAfterToday(day: d("2026-12-01"), today: d("2026-11-30")), 65,
         "--on: 2026-12-01 is after today (2026-11-30); jianyi records nothing for a day that has not come (--today moves today)"),
        (.dateBeforePreviousStep(number: "5-4-0001", day: d("2024-02-19"), previous: d("2024-02-20"), kind: .assigned), 65,
         "--on: 2024-02-19 is before 2024-02-20, the day of 5-4-0001's previous step (assigned); the steps of a case follow one another"),
        (.deadlineUncountable(kind: .plan, from: .planBy, refusal: .init(start: d("9999-12-31"), period: nil, reason: .pastLastDay)), 65,
         "--plan-by: the plan deadline, the first working day from 9999-12-31 would fall after 9999-12-31, the last day jianyi records"),
        (.deadlineUncountable(kind: .reply, from: .step, refusal: .init(start: d("9999-12-01"), period: Period(3, .months), reason: .pastLastDay)), 65,
         "--on: the reply deadline, 3 months from 9999-12-01 would fall after 9999-12-31, the last day jianyi records"),
        (.unknownUnit("XX", role: .lead, congress: "C"), 65, "--lead: XX is not a unit of C"),
        (.unknownUnit("YY", role: .co, congress: "C"), 65, "--co: YY is not a unit of C"),
        (.unknownUnit("XX", role: .transferTo, congress: "C"), 65, "--to: XX is not a unit of C"),
        (.coUnitRepeated("ZJJ"), 64, "--co: ZJJ is given twice or is also the lead"),
        (.notAssigned(unit: "CGJ", number: "5-4-0001", step: .contact), 65, "--unit: CGJ is not assigned to 5-4-0001"),
        (.notAssigned(unit: "CGJ", number: "5-4-0001", step: .transferRequest), 65,
         "--unit: CGJ is not assigned to 5-4-0001; only its assigned units may ask for a transfer"),
        (.notCoHandler(unit: "ZJJ", number: "5-4-0001"), 65, "--unit: ZJJ is not a co-handler of 5-4-0001; only co-handlers send opinions"),
        (.notLeadUnit(unit: "JTJ", number: "5-4-0001", lead: "ZJJ"), 65, "--unit: JTJ is not the lead unit of 5-4-0001 (ZJJ); only the lead replies"),
        (.notLeadUnit(unit: "JTJ", number: "5-4-0001", lead: nil), 65, "--unit: JTJ is not the lead unit of 5-4-0001 (none); only the lead replies"),
        (.transferWindowClosed(unit: "JTJ", number: "5-4-0001", due: d("2024-03-05")), 65,
         "JTJ's transfer window for 5-4-0001 closed on 2024-03-05; the assignment stands"),
        (.transferPending(number: "5-4-0001", unit: "ZJJ"), 65,
         "5-4-0001 already has a pending transfer request from ZJJ; approve or reject it first"),
        (.noPendingTransfer(number: "5-4-0001"), 65, "5-4-0001 has no pending transfer request"),
        (.alreadyAssigned(unit: "CGJ", number: "5-4-0001"), 65, "--to: CGJ is or was already assigned to 5-4-0001"),
        (.planDateMissing, 64, "--plan-by: outcome B (正在解决或列入计划解决) needs the plan date"),
        (.planDateBeforeReply(plan: d("2024-04-16"), reply: d("2024-04-17")), 64, "--plan-by: 2024-04-16 is before the reply date 2024-04-17"),
        (.planDateNotForOutcome(.c), 64, "--plan-by: only outcome B carries a plan date"),
        (.noReplyToRate(number: "5-4-0001"), 65, "5-4-0001 has no reply to rate"),
        (.commentRequired, 64, "--comment: a comment is required when the deputy is dissatisfied"),
        (.noSuchContact(number: "5-4-0001", contact: 3, known: [1, 2]), 65,
         "--contact: 5-4-0001 has no contact 3 (its contacts: 1, 2; jianyi show lists them)"),
        (.noSuchContact(number: "5-4-0001", contact: 1, known: []), 65, "--contact: 5-4-0001 has no contact recorded"),
        (.contactAnswered(number: "5-4-0001", contact: 1, answer: .disputed, on: d("2024-03-02")), 65,
         "5-4-0001's contact 1 was already disputed on 2024-03-02; a contact is answered once"),
        (.dateBeforeContact(number: "5-4-0001", contact: 2, day: d("2024-03-01"), contactDay: d("2024-03-05")), 65,
         "--on: 2024-03-01 is before 2024-03-05, the day of 5-4-0001's contact 2; the deputy answers a contact after it"),
        (.disputeNoteRequired, 64, "--note: a dispute needs a note: the deputy's account of what happened"),
    ]

    /// What CaseStore refuses on its own: the things named that are not there, the overdue
    /// runs, the values a congress is set up with.
    static let store: [(any Error & Refusal, Int32, String)] = [
        (LookupError.noSuchCase(number: "5-4-0009", congress: "LL"), 65, "suggestion 5-4-0009 does not exist in LL"),
        (LookupError.noSuchCongress(code: "XX", known: ["LL", "TY"]), 65, "congress XX does not exist (known: LL, TY)"),
        (LookupError.noSuchCongress(code: "XX", known: []), 65, "congress XX does not exist (known: none)"),
        (LookupError.noCongressYet, 65, "no congress yet: create one with `jianyi congress add CODE --name NAME --level city`"),
        (LookupError.severalCongresses(known: ["LL", "TY"]), 64,
         "the database holds several congresses (LL, TY): choose one with --congress or JIANYI_CONGRESS"),
        (LookupError.unknownDeputy("D404", role: .lead, congress: "LL"), 65, "--deputy: D404 is not a deputy of LL"),
        (LookupError.unknownDeputy("D405", role: .cosigner, congress: "LL"), 65, "--cosigner: D405 is not a deputy of LL"),
        (LookupError.unknownSession("9-9", congress: "LL"), 65, "--session: 9-9 is not a session of LL (add it with `jianyi session add`)"),
        (OverdueRunError.inProgress(congress: "LL"), 75,
         "another overdue run for LL is working; try again later (or drop --no-wait to wait for it)"),
        (OverdueRunError.noSuchRun(id: 7, congress: "LL"), 65, "--run: LL has no overdue run #7 (jianyi overdue runs lists them)"),
        (SetupError.unknownTimeZone("Mars/Olympus"), 64, "--time-zone: 'Mars/Olympus' is not a time zone PostgreSQL knows (e.g. Asia/Shanghai)"),
        (SetupError.sessionClosesBeforeOpening(opened: d("2024-01-23"), closed: d("2024-01-20")), 64, "--closed: 2024-01-20 is before --opened 2024-01-23"),
        (SetupError.yearOutOfRange(10000), 64, "--year: 10000 is not a year from 1900 to 9999"),
        (SetupError.makeupDayOnWeekday(d("2027-01-04")), 65, "2027-01-04 is a weekday; a makeup working day (work) falls on a Saturday or Sunday"),
        (RegistrationError.titleTooLong(count: 201, limit: 200), 64, "--title: the title has 201 characters; at most 200"),
        (RegistrationError.noDeputy, 64, "--deputy: no deputy code given"),
        (RegistrationError.sessionMissing, 64, "--channel session needs --session CODE"),
        (RegistrationError.sessionOutsideSession(channel: .recess, session: SessionCode("5-4")!), 64,
         "--channel recess is for suggestions outside a session; drop --session 5-4"),
        (RegistrationError.cosignerIsLead("D001"), 65, "--cosigner: D001 is the lead deputy and cannot also co-sign"),
        (RegistrationError.cosignerRepeated("D002"), 64, "--cosigner: D002 is given twice"),
        (InputError.blank(.title, value: ""), 64, "--title: the title is empty"),
        (InputError.blank(.title, value: "\u{200B}\u{FEFF}"), 64, "--title: the title holds only invisible characters ('\\u{200B}\\u{FEFF}')"),
        (InputError.blank(.body, value: " "), 64, "--body: the text is empty"),
        (InputError.blank(.station, value: " "), 64, "--station: the station is empty"),
        (InputError.blank(.category, value: " "), 64, "--category: the category is empty"),
        (InputError.blank(.text, value: " "), 64, "--text: the text is empty"),
        (InputError.blank(.reason, value: " "), 64, "--reason: the text is empty"),
        (InputError.blank(.leader, value: " "), 64, "--leader: the leader is empty"),
        (InputError.blank(.committee, value: " "), 64, "--committee: the committee is empty"),
        (InputError.blank(.note, value: "  "), 64, "--note: the note is empty"),
        (InputError.blank(.progress, value: " "), 64, "--progress: the text is empty"),
        (InputError.blank(.comment, value: " "), 64, "--comment: the comment is empty"),
        (InputError.blank(.delegation, value: " "), 64, "--delegation: the delegation is empty"),
        (InputError.blank(.congressName, value: " "), 64, "--name: the name is empty"),
        (InputError.blank(.deputyName(code: "D001"), value: " "), 64, "--name: the name of deputy D001 is empty"),
        (InputError.blank(.unitName(code: "SJJ"), value: " "), 64, "--name: the name of unit SJJ is empty"),
        (InputError.blank(.holidayName, value: " "), 64, "--name: the name is empty"),
        (InputError.blank(.file(.body), value: "\n"), 64, "--body-file: the file is empty"),
        (InputError.blank(.file(.text), value: "\u{200B}"), 64, "--text-file: the file holds only invisible characters ('\\u{200B}')"),
        (InputError.notOneOf(.unitKind, value: "ministry", choices: ["government", "court", "procuratorate", "other"]), 64,
         "--kind: 'ministry' is not one of government|court|procuratorate|other"),
        (PolicyError.notASetting(key: "reply_weeks"), 64,
         "policy: 'reply_weeks' is not a setting (one of \(PolicySetting.allCases.map(\.rawValue).joined(separator: ", ")); a period also takes a unit suffix, e.g. reply_months)"),
        (PolicyError.notACount(key: "reply_months", value: "0", unit: .months), 64, "policy reply_months: '0' is not a whole number of months (1–1000)"),
        (PolicyError.notAValue(.reply, value: "soon"), 64, "policy reply: 'soon' is not a period (e.g. '3 months', '30 days', '10 working_days')"),
        (PolicyError.notAValue(.severeDays, value: "366"), 64, "policy severe_days: '366' is not a whole number of days (0–365)"),
        (PolicyError.notAValue(.weightContact, value: "1.5"), 64, "policy weight_contact: '1.5' is not a weight between 0 and 1"),
        (SchemaError.serverTooOld(oldest: 140_000, server: 130_004), 69, "jianyi needs PostgreSQL 14 or newer; this server is 13.4"),
        (SchemaError.migrationStopped(version: 6, name: "dates_in_range", reason: "rows outside", hint: "fix them"), 65,
         "migration 6 (dates_in_range) stopped and changed nothing: rows outside; fix them"),
        (SchemaError.migrationStopped(version: 6, name: "dates_in_range", reason: "rows outside", hint: nil), 65,
         "migration 6 (dates_in_range) stopped and changed nothing: rows outside"),
        (SchemaError.migrationRefused(version: 8, name: "accounts_and_row_security", reason: "permission denied to create role", hint: "have a DBA create it"), 69,
         "migration 8 (accounts_and_row_security) stopped and changed nothing: permission denied to create role; have a DBA create it"),
        (AccountError.loginTaken(login: "sjj1", congress: "LL"), 65, "account sjj1 already exists in LL"),
        (AccessError.notPermitted(step: .reply, party: .unit("JTJ")), 65, "unit JTJ may not take the step reply on this case"),
        (SchemaError.notSetUp, 78, "the database is not set up: run `jianyi db migrate` first"),
        (SchemaError.newerThanBinary(version: 9999, name: "future"), 78,
         "the database has migration 9999 (future), which this jianyi does not know: it is newer than this binary"),
        (SchemaError.newerThanBinary(version: 9999, name: nil), 78, "the database schema (migration 9999) is newer than this jianyi: upgrade jianyi"),
        (SchemaError.pending([2, 3]), 78, "the database has 2 pending migration(s) (2, 3): run `jianyi db migrate`"),
        (SchemaError.foreignMigrationsTable(missing: ["version integer", "name text"]), 78,
         "the database has a schema_migrations table that jianyi did not make (no version integer, name text): is --database-url a jianyi database?"),
        (InputError.notACode("D 12"), 64, "CODE: 'D 12' is not a code (1–32 letters, digits, '.', '_' or '-')"),
        (ConflictError.duplicate(.congress, code: "LL", congress: nil), 65, "congress LL already exists"),
        (ConflictError.duplicate(.session, code: "5-4", congress: "LL"), 65, "session 5-4 already exists in LL"),
        (ConflictError.duplicate(.deputy, code: "D001", congress: "LL"), 65, "deputy D001 already exists in LL"),
        (ConflictError.duplicate(.unit, code: "SJJ", congress: "LL"), 65, "unit SJJ already exists in LL"),
        (ConflictError.suggestionRegistered(as: "5-4-0001"), 65,
         "already registered as 5-4-0001 (the same deputy, series and title); leave it out or use --skip-existing"),
        (ConflictError.suggestionRepeated(line: 2), 65, "the same suggestion as line 2 (the same deputy, series and title)"),
    ]

    @Test(arguments: store.indices)
    func eachStoreRefusalHasItsFlagSentenceAndCode(index: Int) {
        let (refusal, code, message) = Self.store[index]
        #expect(Exit(refusal) == Exit(code: code, message: message))
    }

    /// A day's refusal names the flag or column the day was given for.
    @Test func aDayIsNamedByWhereItWasGiven() {
        let late = CaseError.dayAfterToday(day: Self.d("2026-12-01"), today: Self.d("2026-11-30"))
        #expect(late.failure(day: "--as-of") == .ruleBroken(
            "--as-of: 2026-12-01 is after today (2026-11-30); jianyi records nothing for a day that has not come (--today moves today)"))
        #expect(late.failure(day: "submitted_on") == .ruleBroken(
            "submitted_on: 2026-12-01 is after today (2026-11-30); jianyi records nothing for a day that has not come (--today moves today)"))
    }

    @Test(arguments: table.indices)
    func eachRefusalHasItsFlagSentenceAndCode(index: Int) {
        let (refusal, code, message) = Self.table[index]
        #expect(Exit(refusal) == Exit(code: code, message: message))
    }
}
