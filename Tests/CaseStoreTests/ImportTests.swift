import CaseStore
import Casework
import Postgres
import Testing

@Suite struct ImportTests {
    @Test func deputiesAreAddedThenUpdated() throws {
        let f = try Fixture()
        let csv = "\u{FEFF}code,name,delegation\r\nD001,史芷彤,离石区代表团\r\nD100,\"王, 小明\",孝义市代表团\r\n"
        #expect(try f.store.importDeputies(f.congress, csv: csv, file: "d.csv") == ImportCount(inserted: 1, updated: 1))
        let deputies = try f.store.deputies(f.congress)
        #expect(deputies.first { $0.code == "D001" }?.name == "史芷彤")
        #expect(deputies.first { $0.code == "D100" }?.name == "王, 小明")
    }

    @Test func aCodeTwiceNamesBothLinesAndWritesNothing() throws {
        let f = try Fixture()
        let csv = "code,name,kind\nSJJ,市市场监督管理局,government\nJYJ,市教育局,government\nSJJ,重复,government\n"
        #expect(throws: Failure.ruleBroken("u.csv line 4, column 1 (code): code SJJ is already on line 2")) {
            try f.store.importUnits(f.congress, csv: csv, file: "u.csv")
        }
        #expect(try f.store.units(f.congress).map(\.code) == ["CGJ", "JTJ", "SJJ", "ZJJ"])  // the fixture's only
    }

    @Test func badKindIsNamedWithItsLine() throws {
        let f = try Fixture()
        let refusals = try #require(throws: RowRefusals.self) {
            try f.store.importUnits(f.congress, csv: "code,name,kind\nA,甲,court\nB,乙,ministry\n", file: "u.csv")
        }
        let problem = try #require(refusals.problems.all.first)
        guard case .refused(let error as InputError) = problem.why else { Issue.record("not typed: \(problem.why)"); return }
        #expect(refusals.problems.count == 1 && problem.line == 3)
        #expect(error == .notOneOf(.unitKind, value: "ministry", choices: ["government", "court", "procuratorate", "other"]))
        #expect(try f.store.units(f.congress).map(\.code) == ["CGJ", "JTJ", "SJJ", "ZJJ"])  // the fixture's only
    }

    @Test func suggestionsAreNumberedInFileOrder() throws {
        let f = try Fixture()
        _ = try f.store.register(f.congress, f.registration())
        let csv = """
            title,deputy,cosigners,session,channel,category,body,submitted_on
            关于增加中小学学位供给的建议,D001,D002;D003,5-4,session,教育,学位紧张，建议新建学校。,2024-01-21
            关于加强农村养老服务设施建设的建议,D004,,,liaison_station,社会保障,,2024-04-22
            关于优化城区公交线路的建议,D005,D006,5-4,,交通,"多行
            正文",2024-01-22
            """
        let registered = try f.store.importSuggestions(f.congress, csv: csv, file: "s.csv", defaultDay: Day("2024-05-01")!)
        #expect(registered.map(\.number) == ["5-4-0002", "R2024-0001", "5-4-0003"])
        let third = try f.store.caseView(f.congress, number: "5-4-0003")
        #expect(third.body == "多行\n正文")
        #expect(third.cosigners == ["D006"])
        #expect(try f.store.caseView(f.congress, number: "5-4-0002").cosigners == ["D002", "D003"])
        #expect(try f.store.caseView(f.congress, number: "R2024-0001").channel == .liaisonStation)
        #expect(try f.count("case_event") == 4)
    }

    @Test func oneBadRowRefusesTheWholeFile() throws {
        let f = try Fixture()
        let csv = """
            title,deputy,cosigners,session,channel,category,body,submitted_on
            关于增加中小学学位供给的建议,D001,,5-4,session,教育,,2024-01-21
            关于优化城区公交线路的建议,D005,D404,5-4,session,交通,,2024-01-22
            """
        #expect(throws: Failure.ruleBroken("s.csv line 3, column 3 (cosigners): D404 is not a deputy of LL")) {
            try f.store.importSuggestions(f.congress, csv: csv, file: "s.csv", defaultDay: Day("2024-05-01")!)
        }
        #expect(try f.count("suggestion") == 0)
        #expect(try f.count("number_counter") == 0)
    }

    @Test func malformedDateIsNamedWithItsLine() throws {
        let f = try Fixture()
        let csv = "title,deputy,cosigners,session,channel,category,body,submitted_on\n标题,D001,,5-4,session,教育,,2024-02-30\n"
        #expect(throws: Failure.ruleBroken("s.csv line 2, column 8 (submitted_on): '2024-02-30' is not a date (expected YYYY-MM-DD, a real calendar day)")) {
            try f.store.importSuggestions(f.congress, csv: csv, file: "s.csv", defaultDay: Day("2024-05-01")!)
        }
    }
}

@Suite struct CalendarAndPolicyTests {
    @Test func newCongressHasTheOfficialCalendars() throws {
        let f = try Fixture()
        let calendar = try f.store.workCalendar(f.congress, years: 2024...2027)
        #expect(calendar.years == [2024, 2025, 2026])
        #expect(!calendar.isWorkingDay(Day("2026-10-01")!))
        #expect(calendar.isWorkingDay(Day("2026-10-10")!))      // Saturday 调休
        #expect(!calendar.isWorkingDay(Day("2024-02-12")!))     // Monday in Spring Festival
        #expect(calendar.isWorkingDay(Day("2024-02-04")!))      // Sunday 调休
    }

    @Test func importReplacesTheYearsItNamesWhenAsked() throws {
        let f = try Fixture()
        let csv = "date,kind,name\n2027-01-01,off,元旦\n2027-02-20,work,春节调休上班\n2026-12-31,off,测试\n"
        let years = try f.store.importCalendar(f.congress, csv: csv, file: "h.csv", replaceYears: true)
        #expect(years.map(\.year) == [2026, 2027])
        let calendar = try f.store.workCalendar(f.congress, years: 2026...2027)
        #expect(calendar.years == [2026, 2027])
        #expect(!calendar.isWorkingDay(Day("2026-12-31")!))
        #expect(calendar.isWorkingDay(Day("2026-10-01")!))  // 2026 replaced by the file, which lacks National Day
        #expect(years.first?.removed.contains { $0.day == Day("2026-10-01")! } == true)
        #expect(try f.store.calendarYear(f.congress, year: 2027).source == "import")
    }

    @Test func makeupDayOnAWeekdayIsRefused() throws {
        let f = try Fixture()
        let refusals = try #require(throws: RowRefusals.self) {
            try f.store.importCalendar(f.congress, csv: "date,kind,name\n2027-01-04,work,x\n", file: "h.csv")
        }
        let problem = try #require(refusals.problems.all.first)
        guard case .refused(let error as SetupError) = problem.why else { Issue.record("not typed: \(problem.why)"); return }
        #expect(refusals.problems.count == 1 && problem.line == 2)
        #expect(error == .makeupDayOnWeekday(Day("2027-01-04")!))
        #expect(try f.store.workCalendar(f.congress, years: 2027...2027).years.isEmpty)
    }

    @Test func policyDefaultsAndChanges() throws {
        let f = try Fixture()
        #expect(try f.store.policy(f.congress).allSatisfy { !$0.isSet && $0.value == $0.setting.defaultValue })
        try f.store.setPolicy(f.congress, key: "rehandle_months", value: "2")
        let entry = try #require(try f.store.policy(f.congress).first { $0.setting == .rehandle })
        #expect(entry.value == .period(Period(2, .months)))
        #expect(entry.isSet)
        #expect(entry.changedBy == "tester")
        #expect(throws: PolicyError.notAValue(.rehandle, value: "soon")) { try f.store.setPolicy(f.congress, key: "rehandle", value: "soon") }
        #expect(try f.store.policy(f.congress).first { $0.setting == .rehandle }?.value == .period(Period(2, .months)))
    }
}

@Suite struct TenantTests {
    @Test func congressesAreSeparate() throws {
        let f = try Fixture()
        let other = try f.store.addCongress(code: "TY", name: "太原市人民代表大会", level: .city, timeZone: "Asia/Shanghai")
        _ = try f.store.addSession(other, code: SessionCode("5-4")!, opened: Day("2024-01-20")!, closed: Day("2024-01-23")!)
        _ = try f.store.addDeputy(other, code: "D001", name: "另一位", delegation: "")
        #expect(try f.store.register(other, f.registration()).number == "5-4-0001")
        #expect(try f.store.register(f.congress, f.registration()).number == "5-4-0001")
        #expect(throws: LookupError.unknownDeputy("D002", role: .cosigner, congress: "TY")) {
            try f.store.register(other, f.registration(cosigners: ["D002"]))
        }
        #expect(throws: LookupError.severalCongresses(known: ["LL", "TY"])) {
            try f.store.congress(nil)
        }
        #expect(try f.store.congress("TY").id == other.id)
        #expect(throws: LookupError.noSuchCongress(code: "XX", known: ["LL", "TY"])) { try f.store.congress("XX") }
    }

    @Test func duplicatesAreRuleFailures() throws {
        let f = try Fixture()
        #expect(throws: ConflictError.duplicate(.deputy, code: "D001", congress: "LL")) {
            try f.store.addDeputy(f.congress, code: "D001", name: "x", delegation: "")
        }
        #expect(throws: ConflictError.duplicate(.congress, code: "LL", congress: nil)) {
            try f.store.addCongress(code: "LL", name: "x", level: .city, timeZone: "Asia/Shanghai")
        }
        #expect(throws: SetupError.unknownTimeZone("Mars/Olympus")) {
            try f.store.addCongress(code: "XX", name: "x", level: .city, timeZone: "Mars/Olympus")
        }
    }
}
