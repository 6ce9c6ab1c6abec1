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

    /// Each refusal is a bad value (64) naming the key or setting, the value, and what is expected.
    @Test(arguments: [
        ("nonsense", "3", ["'nonsense' is not a setting"]),
        ("weight_contact_months", "3", ["'weight_contact_months' is not a setting"]),
        ("weight_contact", "1.5", ["weight_contact", "'1.5'", "between 0 and 1"]),
        ("reply", "soon", ["reply", "'soon'", "not a period"]),
        ("reply_months", "0", ["reply_months", "'0'", "whole number of months"]),
        ("severe_days", "366", ["severe_days", "'366'", "whole number of days"]),
    ])
    func refusals(key: String, value: String, words: [String]) throws {
        let failure = try #require(throws: Failure.self) { try PolicySetting.resolve(key: key, value: value) }
        #expect(failure.kind == .badValue)
        for word in words { #expect(failure.message.contains(word), "'\(word)' not in: \(failure.message)") }
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
