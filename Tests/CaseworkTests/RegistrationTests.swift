import Casework
import Testing

@Suite struct RegistrationTests {
    let day = Day("2026-03-05")!

    @Test func sessionSuggestionNumbersInItsSession() throws {
        let r = try Registration(title: " 关于加快老旧小区改造的建议 ", deputy: "D001", cosigners: ["D002", " D003 "],
                                 session: SessionCode("5-4"), submittedOn: day)
        #expect(r.title == "关于加快老旧小区改造的建议")
        #expect(r.channel == .session)
        #expect(r.cosigners == ["D002", "D003"])
        #expect(r.category == "其他")
        #expect(r.series.number(12) == "5-4-0012")
    }

    @Test func recessSuggestionNumbersByYearOfSubmission() throws {
        let r = try Registration(title: "关于优化城区公交线路的建议", deputy: "D007", session: nil, submittedOn: day)
        #expect(r.channel == .recess)
        #expect(r.series.description == "R2026")
        #expect(r.series.number(1) == "R2026-0001")
        #expect(r.series.number(12345) == "R2026-12345")
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func emptyTitleIsRefused(title: String) {
        #expect(throws: InputError.blank(.title, value: title)) {
            try Registration(title: title, deputy: "D001", session: SessionCode("5-4"), submittedOn: day)
        }
    }

    @Test func titleLimit() throws {
        let long = String(repeating: "建", count: 201)
        #expect(throws: RegistrationError.titleTooLong(count: 201, limit: 200)) {
            try Registration(title: long, deputy: "D001", session: nil, submittedOn: day)
        }
        _ = try Registration(title: String(long.dropLast()), deputy: "D001", session: nil, submittedOn: day)
    }

    @Test func leadCannotCosign() {
        #expect(throws: RegistrationError.cosignerIsLead("D001")) {
            try Registration(title: "t", deputy: "D001", cosigners: ["D001"], session: nil, submittedOn: day)
        }
    }

    @Test func channelMustMatchSession() {
        #expect(throws: RegistrationError.sessionMissing) {
            try Registration(title: "t", deputy: "D001", session: nil, channel: .session, submittedOn: day)
        }
        #expect(throws: RegistrationError.sessionOutsideSession(channel: .recess, session: SessionCode("5-4")!)) {
            try Registration(title: "t", deputy: "D001", session: SessionCode("5-4"), channel: .recess, submittedOn: day)
        }
    }

    @Test(arguments: [("5-4", true), ("12-1", true), ("5-0", false), ("5", false), ("5-4-1", false), ("a-4", false), ("-4", false), ("五-四", false)])
    func sessionCodes(text: String, valid: Bool) {
        #expect((SessionCode(text) != nil) == valid)
    }

    @Test func sessionLabel() {
        #expect(SessionCode("5-4")!.label == "五届四次会议")
        #expect(SessionCode("14-2")!.label == "十四届二次会议")
    }
}
