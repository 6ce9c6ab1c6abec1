import Casework
import Testing

@Suite struct PolicyTests {
    @Test(arguments: [
        ("3 months", Period(3, .months)), ("1 month", Period(1, .months)), ("10 working_days", Period(10, .workingDays)),
        ("10 working days", Period(10, .workingDays)), ("30 days", Period(30, .days)), ("1 day", Period(1, .days)),
    ])
    func parsesPeriods(text: String, period: Period) {
        #expect(Period(text) == period)
    }

    @Test(arguments: ["3", "months", "0 months", "-1 months", "3 weeks", "three months"])
    func refusesBadPeriods(text: String) {
        #expect(Period(text) == nil)
    }

    @Test func periodsPrintAsTheyParse() {
        for period in [Period(1, .months), Period(6, .months), Period(20, .workingDays), Period(1, .days)] {
            #expect(Period(period.description) == period)
        }
    }

    @Test func unitSuffixKeys() throws {
        let (setting, value) = try PolicySetting.resolve(key: "reply_months", value: "3")
        #expect(setting == .reply)
        #expect(value == .period(Period(3, .months)))
        let (window, days) = try PolicySetting.resolve(key: "transfer_window_working_days", value: "7")
        #expect(window == .transferWindow)
        #expect(days == .period(Period(7, .workingDays)))
    }

    @Test func plainKeys() throws {
        #expect(try PolicySetting.resolve(key: "rehandle", value: "2 months").1 == .period(Period(2, .months)))
        #expect(try PolicySetting.resolve(key: "weight_contact", value: "0.2").1 == .weight(0.2))
        #expect(try PolicySetting.resolve(key: "severe_days", value: "45").1 == .count(45))
    }

    /// Each refusal names the key or setting as typed, and the value.
    @Test(arguments: [
        ("nonsense", "3", PolicyError.notASetting(key: "nonsense")),
        ("weight_contact_months", "3", .notASetting(key: "weight_contact_months")),
        ("weight_contact", "1.5", .notAValue(.weightContact, value: "1.5")),
        ("reply", "soon", .notAValue(.reply, value: "soon")),
        ("reply_months", "0", .notACount(key: "reply_months", value: "0", unit: .months)),
        ("severe_days", "366", .notAValue(.severeDays, value: "366")),
    ])
    func refusals(key: String, value: String, refusal: PolicyError) throws {
        #expect(throws: refusal) { try PolicySetting.resolve(key: key, value: value) }
    }

    @Test func defaultsAreThoseOfTheDomain() {
        #expect(PolicySetting.reply.defaultValue == .period(Period(3, .months)))
        #expect(PolicySetting.replyComplex.defaultValue == .period(Period(6, .months)))
        #expect(PolicySetting.opinion.defaultValue == .period(Period(1, .months)))
        #expect(PolicySetting.transferWindow.defaultValue == .period(Period(10, .workingDays)))
        #expect(PolicySetting.rehandle.defaultValue == .period(Period(1, .months)))
        #expect(PolicySetting.ratingReminder.defaultValue == .period(Period(20, .workingDays)))
        let weights: [PolicySetting] = [.weightOnTime, .weightContact, .weightSatisfaction, .weightResolution]
        let values = weights.compactMap { if case .weight(let w) = $0.defaultValue { w } else { nil } }
        #expect(values == [0.25, 0.15, 0.45, 0.15])
    }
}
