import Casework
import HTTPTypes
import Hummingbird
import JianyiServer
import Postgres
import Testing

/// The one table from typed errors to HTTP: status, code, and a message naming the field.
@Suite("Errors as HTTP answers")
struct ErrorTableTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let error: any Error
        let status: HTTPResponse.Status
        let code: String
        /// What the English message must say (the field it names, the case).
        let en: String
        var testDescription: String { "\(error) → \(status.code) \(code)" }
    }

    static let day = Day(year: 2025, month: 3, day: 10)!
    static let today = Day(year: 2025, month: 3, day: 9)!

    static let rows: [Row] = [
        Row(error: LookupError.noSuchCase(number: "2025-001", congress: "LL"), status: .notFound, code: "not_found", en: "2025-001"),
        Row(error: CaseError.notAllowed(number: "2025-001", step: .reply, state: .submitted), status: .conflict,
            code: "conflict", en: "2025-001 is submitted (已提交); reply needs assigned or rehandling; allowed now: review --accept"),
        Row(error: CaseError.noPendingTransfer(number: "2025-001"), status: .conflict, code: "conflict", en: "2025-001"),
        Row(error: CaseError.unknownUnit("XXX", role: .co, congress: "LL"), status: .unprocessableContent, code: "invalid", en: "co: XXX"),
        Row(error: CaseError.dayAfterToday(day: day, today: today), status: .unprocessableContent, code: "invalid", en: "on: 2025-03-10"),
        Row(error: CaseError.commentRequired, status: .unprocessableContent, code: "invalid", en: "comment:"),
        Row(error: CaseError.planDateMissing, status: .unprocessableContent, code: "invalid", en: "plan_by:"),
        Row(error: CaseError.noSuchContact(number: "2025-001", contact: 3, known: [1, 2]), status: .unprocessableContent, code: "invalid",
            en: "contact: 2025-001 has no contact 3 (its contacts: 1, 2"),
        Row(error: CaseError.contactAnswered(number: "2025-001", contact: 1, answer: .confirmed, on: today), status: .conflict, code: "conflict",
            en: "2025-001's contact 1 was already confirmed on 2025-03-09; a contact is answered once"),
        Row(error: CaseError.dateBeforeContact(number: "2025-001", contact: 1, day: today, contactDay: day), status: .unprocessableContent,
            code: "invalid", en: "on: 2025-03-09 is before 2025-03-10, the day of 2025-001's contact 1"),
        Row(error: CaseError.disputeNoteRequired, status: .unprocessableContent, code: "invalid", en: "note: a dispute needs a note"),
        Row(error: AccessError.notPermitted(step: .disputeContact, party: .unit("SJJ")), status: .forbidden, code: "forbidden",
            en: "unit SJJ may not take the step contact-confirmations on this case"),
        Row(error: LookupError.unknownDeputy("D9", role: .cosigner, congress: "LL"), status: .unprocessableContent, code: "invalid", en: "cosigners: D9"),
        Row(error: RegistrationError.titleTooLong(count: 300, limit: 200), status: .unprocessableContent, code: "invalid", en: "title:"),
        Row(error: CaseError.notLeadUnit(unit: "SJJ", number: "2025-001", lead: "JTJ"), status: .unprocessableContent, code: "invalid", en: "unit: SJJ"),
        Row(error: AccessError.notPermitted(step: .rate, party: .deputy("D002")), status: .forbidden, code: "forbidden", en: "deputy D002"),
        Row(error: InputError.blank(.reason, value: " "), status: .badRequest, code: "invalid", en: "reason:"),
        Row(error: Failure(.badValue, "session: '5' is not a session code"), status: .badRequest, code: "invalid", en: "session:"),
        Row(error: Failure(.ruleBroken, "the rule"), status: .unprocessableContent, code: "invalid", en: "the rule"),
        Row(error: CaseError.transferPending(number: "2025-001", unit: "SJJ"), status: .conflict, code: "conflict", en: "pending"),
        Row(error: Failure(.unavailable, "cannot connect to PostgreSQL at /tmp/.s.PGSQL.5432"), status: .serviceUnavailable,
            code: "unavailable", en: "the database cannot serve now"),
        Row(error: Failure(.tryLater, "locked"), status: .serviceUnavailable, code: "unavailable", en: "busy"),
        Row(error: OverdueRunError.inProgress(congress: "LL"), status: .serviceUnavailable, code: "unavailable", en: "another overdue run"),
        Row(error: PostgresError(kind: .server, sqlState: "42501", message: "new row violates row-level security policy"),
            status: .forbidden, code: "forbidden", en: "not permitted"),
        Row(error: PostgresError(kind: .server, sqlState: "40001", message: "could not serialize access"),
            status: .serviceUnavailable, code: "unavailable", en: "busy"),
        Row(error: PostgresError(kind: .server, sqlState: "42601", message: "syntax error at or near \"SELEC\""),
            status: .internalServerError, code: "internal", en: "internal error"),
        Row(error: HTTPError(.badRequest), status: .badRequest, code: "invalid", en: "malformed"),
        Row(error: CocoaStyleSurprise(), status: .internalServerError, code: "internal", en: "internal error"),
    ]

    @Test(arguments: rows)
    func mapsToStatusCodeAndMessage(_ row: Row) {
        let answer = ErrorTable.serviceError(for: row.error)
        #expect(answer.status == row.status)
        #expect(answer.code == row.code)
        #expect(answer.en.contains(row.en), "\(answer.en)")
        #expect(!answer.zh.isEmpty && answer.zh != answer.en)
    }

    @Test func internalErrorsSayNothingOfTheInternals() {
        for error in [CocoaStyleSurprise(), PostgresError(kind: .server, sqlState: "42601", message: "syntax error at or near \"SELEC\"")] as [any Error] {
            let answer = ErrorTable.serviceError(for: error)
            #expect(!answer.en.contains("SELEC") && !answer.zh.contains("SELEC") && !answer.en.contains("surprise"))
        }
        let unavailable = ErrorTable.serviceError(for: Failure(.unavailable, "cannot connect to PostgreSQL at /tmp/.s.PGSQL.5432"))
        #expect(!unavailable.en.contains("/tmp") && !unavailable.zh.contains("/tmp"))
    }

    @Test func theResponseIsJSONWithRetryAfterWhenBusy() {
        let response = ServiceError.busy(retryAfter: 3).response(in: .zh)
        #expect(response.status == .serviceUnavailable)
        #expect(response.headers[.retryAfter] == "3")
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        let notFound = ErrorTable.serviceError(for: LookupError.noSuchCase(number: "2025-001", congress: "LL")).response(in: .en)
        #expect(notFound.headers[.retryAfter] == nil)
    }

    @Test(arguments: [
        (nil, Language.zh), ("en", .en), ("EN-us", .en), ("en-US,en;q=0.9", .en), ("zh-CN,en;q=0.8", .zh),
        ("fr, en;q=0.5", .en), ("en;q=0.2, zh;q=0.9", .zh), ("fr", .zh), ("en;q=0", .zh), ("english", .zh),
    ] as [(String?, Language)])
    func acceptLanguagePicksChineseUnlessEnglishIsPreferred(header: String?, expected: Language) {
        #expect(Language(acceptLanguage: header) == expected)
    }
}

private struct CocoaStyleSurprise: Error, CustomStringConvertible {
    var description: String { "a surprise with internals in it" }
}
