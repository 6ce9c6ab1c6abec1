import Foundation
import Testing

/// Dates at the edges and numbers below zero, through the built binary: each is refused with
/// its documented code and one line naming the flag and the value, the database unchanged,
/// and the congress still readable afterwards.
@Suite struct DateEdgeTests {
    /// The last year jianyi records, as "today", so steps there are not refused as future.
    static let endOfTime = ["--today", "9999-12-31"]

    /// A congress with 5-4-0001 registered on 2024-01-21 and accepted on 2024-01-22.
    func accepted() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try expectDone(jianyi, "register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21")
        try expectDone(jianyi, "review", "5-4-0001", "--accept", "--on", "2024-01-22")
        return jianyi
    }

    func expectDone(_ jianyi: Jianyi, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try jianyi.run(arguments)
        #expect(result.code == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    }

    /// What a refused step must leave working for the whole congress.
    func expectStillReadable(_ jianyi: Jianyi, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for arguments in [["list"], ["show", "5-4-0001"], ["explain", "5-4-0001"], ["list", "--format", "json"]] {
            let result = try jianyi.run(arguments + Self.endOfTime)
            #expect(result.code == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Deadlines past 9999-12-31

    @Test func assigningOnTheLastDayIsRefusedNotTrapped() throws {
        let jianyi = try accepted()
        try jianyi.expectRefusal(["assign", "5-4-0001", "--lead", "SJJ", "--on", "9999-12-31"] + Self.endOfTime, 65,
                                 mentioning: "--on: the reply deadline, 3 months from 9999-12-31 would fall after 9999-12-31")
        try expectStillReadable(jianyi)
    }

    @Test func replyingWhoseRatingReminderPassesTheLastDayIsRefused() throws {
        let jianyi = try accepted()
        try expectDone(jianyi, "assign", "5-4-0001", "--lead", "SJJ", "--on", "9999-06-01", "--today", "9999-12-31")
        try jianyi.expectRefusal(["reply", "5-4-0001", "--unit", "SJJ", "--outcome", "A", "--text", "已解决", "--on", "9999-12-20"] + Self.endOfTime,
                                 65, mentioning: "the rating deadline, 20 working_days from 9999-12-20 would fall after 9999-12-31")
        try expectStillReadable(jianyi)
    }

    @Test func aPlanDateWithNoWorkingDayLeftIsRefused() throws {
        let jianyi = try accepted()
        try expectDone(jianyi, "assign", "5-4-0001", "--lead", "SJJ", "--on", "9999-06-01", "--today", "9999-12-31")
        try expectDone(jianyi, "calendar", "import", try temporaryFile("c.csv", "date,kind,name\n9999-12-31,off,年末\n"))
        try jianyi.expectRefusal(["reply", "5-4-0001", "--unit", "SJJ", "--outcome", "B", "--plan-by", "9999-12-31", "--text", "列入计划",
                                  "--on", "9999-06-02"] + Self.endOfTime, 65, mentioning: "--plan-by: the plan deadline")
        try expectStillReadable(jianyi)
    }

    @Test func ratingWhoseRehandlingPassesTheLastDayIsRefused() throws {
        let jianyi = try accepted()
        try expectDone(jianyi, "assign", "5-4-0001", "--lead", "SJJ", "--on", "9999-06-01", "--today", "9999-12-31")
        try expectDone(jianyi, "reply", "5-4-0001", "--unit", "SJJ", "--outcome", "A", "--text", "已解决", "--on", "9999-06-10", "--today", "9999-12-31")
        try jianyi.expectRefusal(["rate", "5-4-0001", "--result", "dissatisfied", "--comment", "未解决", "--on", "9999-12-25"] + Self.endOfTime,
                                 65, mentioning: "the rehandle deadline, 1 month from 9999-12-25 would fall after 9999-12-31")
        try expectStillReadable(jianyi)
    }

    // MARK: - Dates outside 1900–9999

    @Test(arguments: ["1899-12-31", "0000-01-01", "0024-01-21"])
    func aDateBefore1900IsMalformed(date: String) throws {
        let jianyi = try accepted()
        try jianyi.expectRefusal(["assign", "5-4-0001", "--lead", "SJJ", "--on", date], 64,
                                 mentioning: "--on: '\(date)' is outside the dates jianyi records (1900-01-01 to 9999-12-31)")
        try jianyi.expectRefusal(["register", "--title", "标题", "--deputy", "D001", "--session", "5-4", "--on", date], 64, mentioning: "--on: '\(date)'")
        try jianyi.expectRefusal(["list", "--today", date], 64, mentioning: "--today: '\(date)'")
        try jianyi.expectRefusal(["export", "satisfaction", "--from", date], 64, mentioning: "--from: '\(date)'")
        try expectStillReadable(jianyi)
    }

    @Test(arguments: ["0", "10000", "-5", "1899", "99999999999999999999", "twenty"])
    func calendarShowTakesOnlyYearsFrom1900To9999(year: String) throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.expectRefusal(["calendar", "show", "--year", year], 64, mentioning: "--year")
        #expect(try jianyi("calendar", "show", "--year", "1900").code == 0)
        #expect(try jianyi("calendar", "show", "--year", "9999").code == 0)
    }

    @Test func anImportedSubmissionDateOutsideTheRangeOrInTheFutureIsRefused() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let header = "title,deputy,cosigners,session,channel,category,body,submitted_on\n"
        let old = try temporaryFile("s.csv", header + "关于道路的建议,D001,,5-4,,,,2024-01-21\n关于学校的建议,D001,,5-4,,,,1899-12-31\n")
        try jianyi.expectRefusal(["import", "suggestions", old], 65, mentioning: "line 3, column 8 (submitted_on): '1899-12-31' is outside the dates")
        let future = try temporaryFile("s.csv", header + "关于道路的建议,D001,,5-4,,,,2026-12-01\n")
        try jianyi.expectRefusal(["import", "suggestions", future, "--today", "2026-11-30"], 65,
                                 mentioning: "line 2, column 8 (submitted_on): 2026-12-01 is after today (2026-11-30)")
        #expect(try jianyi("import", "suggestions", future, "--today", "2026-12-01").code == 0)
    }

    @Test func aCalendarDayBefore1900IsARowThatFails() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let file = try temporaryFile("c.csv", "date,kind,name\n2027-01-01,off,元旦\n1899-10-01,off,国庆节\n")
        try jianyi.expectRefusal(["calendar", "import", file], 65,
                                 mentioning: "line 3, column 1 (date): '1899-10-01' is outside the dates jianyi records (1900-01-01 to 9999-12-31)")
    }

    // MARK: - Today

    @Test func aStepAfterTodayIsRefusedUnlessTodayMoves() throws {
        let jianyi = try accepted()
        let assign = ["assign", "5-4-0001", "--lead", "SJJ", "--on", "2026-12-01"]
        try jianyi.expectRefusal(assign + ["--today", "2026-11-30"], 65, mentioning: "--on: 2026-12-01 is after today (2026-11-30)")
        // The real date: 9999-01-01 is after it whatever day the tests run.
        try jianyi.expectRefusal(["assign", "5-4-0001", "--lead", "SJJ", "--on", "9999-01-01"], 65, mentioning: "--on: 9999-01-01 is after today")
        try jianyi.expectRefusal(["register", "--title", "标题", "--deputy", "D001", "--session", "5-4", "--on", "2026-12-01", "--today", "2026-11-30"],
                                 65, mentioning: "--on: 2026-12-01 is after today (2026-11-30)")
        var later = jianyi
        later.environment["JIANYI_TODAY"] = "2026-11-30"
        try later.expectRefusal(assign, 65, mentioning: "after today (2026-11-30)")
        later.environment["JIANYI_TODAY"] = "2026-12-01"
        #expect(try later.run(assign).code == 0)
        later.environment["JIANYI_TODAY"] = "10000-01-01"
        try later.expectRefusal(["calendar", "show"], 64, mentioning: "JIANYI_TODAY: '10000-01-01' is not a date")
    }

    @Test func overdueAsOfTomorrowIsRefusedAndRecordsNoRun() throws {
        let jianyi = try accepted()
        try jianyi.expectRefusal(["overdue", "--as-of", "2026-12-01", "--today", "2026-11-30"], 65,
                                 mentioning: "--as-of: 2026-12-01 is after today (2026-11-30)")
        try jianyi.expectRefusal(["overdue", "--as-of", "1899-12-31"], 64, mentioning: "--as-of: '1899-12-31'")
        #expect(try jianyi("overdue", "--as-of", "2026-11-30", "--today", "2026-11-30").code == 0)
    }

    // MARK: - Steps in order

    @Test func aStepBeforeTheCasesPreviousStepIsRefusedNamingBothDates() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try expectDone(jianyi, "register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21")
        try jianyi.expectRefusal(["review", "5-4-0001", "--accept", "--on", "2024-01-20"], 65,
                                 mentioning: "--on: 2024-01-20 is before 2024-01-21, the day of 5-4-0001's previous step (registered)")
        try expectDone(jianyi, "review", "5-4-0001", "--accept", "--on", "2024-01-25")
        try jianyi.expectRefusal(["assign", "5-4-0001", "--lead", "SJJ", "--on", "2024-01-24"], 65,
                                 mentioning: "2024-01-24 is before 2024-01-25, the day of 5-4-0001's previous step (accepted)")
        try expectDone(jianyi, "assign", "5-4-0001", "--lead", "SJJ", "--on", "2024-02-20")
        try jianyi.expectRefusal(["contact", "5-4-0001", "--unit", "SJJ", "--mode", "phone", "--on", "2024-02-19"], 65,
                                 mentioning: "2024-02-19 is before 2024-02-20")
        try jianyi.expectRefusal(["reply", "5-4-0001", "--unit", "SJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-02-01"], 65,
                                 mentioning: "2024-02-01 is before 2024-02-20, the day of 5-4-0001's previous step (assigned)")
        // The same day as the previous step is in order.
        try expectDone(jianyi, "contact", "5-4-0001", "--unit", "SJJ", "--mode", "phone", "--on", "2024-02-20")
        try expectDone(jianyi, "reply", "5-4-0001", "--unit", "SJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-05-10")
        try jianyi.expectRefusal(["rate", "5-4-0001", "--result", "satisfied", "--on", "2024-05-09"], 65,
                                 mentioning: "2024-05-09 is before 2024-05-10, the day of 5-4-0001's previous step (replied)")
        try jianyi.expectRefusal(["supervise", "5-4-0001", "--leader", "张副主任", "--on", "2024-01-01"], 65, mentioning: "is before 2024-05-10")
        try expectDone(jianyi, "rate", "5-4-0001", "--result", "satisfied", "--on", "2024-05-10")
    }

    @Test func aBulkAssignmentBeforeAReviewNamesTheLine() throws {
        let jianyi = try accepted()
        let file = try temporaryFile("a.csv", "number,lead,co,complex\n5-4-0001,SJJ,,\n")
        try jianyi.expectRefusal(["assign", "--file", file, "--on", "2024-01-21"], 65,
                                 mentioning: "line 2: --on: 2024-01-21 is before 2024-01-22")
        try jianyi.expectRefusal(["assign", "--file", file, "--on", "2026-12-01", "--today", "2026-11-30"], 65,
                                 mentioning: "--on: 2026-12-01 is after today")
    }

    // MARK: - Numbers

    @Test(arguments: [
        (["similar", "5-4-0001", "--limit=-1"], "--limit: -1 is not between 1 and 200"),
        (["similar", "5-4-0001", "--limit", "-1"], "--limit: -1 is not between 1 and 200"),
        (["similar", "5-4-0001", "--limit", "0"], "--limit: 0 is not between 1 and 200"),
        (["similar", "5-4-0001", "--limit", "ten"], "--limit"),
        (["similar", "5-4-0001", "--limit", "99999999999999999999"], "--limit"),
        (["similar", "5-4-0001", "--min-score", "-0.1"], "--min-score: -0.1 is not between 0 and 1"),
        (["similar", "5-4-0001", "--min-score", "nan"], "--min-score"),
        (["overdue", "--warn-days", "-2"], "--warn-days: -2 is not between 0 and 100"),
        (["overdue", "--warn-days=-2"], "--warn-days: -2 is not between 0 and 100"),
        (["overdue", "runs", "--limit=-1"], "--limit: -1 is not between 1 and 1000"),
        (["overdue", "runs", "--limit", "-1"], "--limit: -1 is not between 1 and 1000"),
        (["calendar", "show", "--year", "-5"], "--year: -5 is not a year from 1900 to 9999"),
        (["policy", "set", "reply", "-3 months"], "policy reply: '-3 months' is not a period"),
        (["policy", "set", "reply", "-3", "months"], "Unexpected argument '-3'"),
        (["policy", "set", "reply_months", "-3"], "policy reply_months: '-3' is not a whole number of months (1–1000)"),
        (["policy", "set", "reply_months", "0"], "policy reply_months: '0' is not a whole number of months"),
        (["policy", "set", "transfer_window", "-10 working_days"], "policy transfer_window: '-10 working_days' is not a period"),
        (["policy", "set", "severe_days", "-1"], "policy severe_days: '-1' is not a whole number of days (0–365)"),
        (["policy", "set", "warn_working_days", "-2"], "policy warn_working_days: '-2'"),
        (["policy", "set", "weight_contact", "-0.5"], "policy weight_contact: '-0.5' is not a weight between 0 and 1"),
        (["policy", "set", "weight_contact", "-.5"], "policy weight_contact: '-.5'"),
    ])
    func aNegativeOrMalformedNumberIsBadUsageInOneLine(arguments: [String], message: String) throws {
        let jianyi = try accepted()
        // Never the help with exit 0 (ArgumentParser read "-3 months" as -3 -m -o -n -t -h -s), never 70.
        try jianyi.expectRefusal(arguments, 64, mentioning: message)
    }

    @Test func aValueThatLooksNegativeStillReachesATextOption() throws {
        let jianyi = try accepted()
        let result = try jianyi("register", "--title", "-3 度的冬天供暖不足", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21")
        #expect(result.code == 0, "\(result.stderr)")
        #expect(try jianyi("show", "5-4-0002").stdout.contains("-3 度的冬天供暖不足"))
    }
}
