import Casework
import Testing

/// Issue 13's "who may do what", as a table: each party, each step, on one case raised by
/// D001, co-signed by D002, with ZJJ lead, JTJ co-handler, and CGJ relieved by a transfer.
@Suite struct PermissionTests {
    static let parties = CaseParties(deputy: "D001", cosigners: ["D002"], assignments: [
        .init(unit: "ZJJ", role: .lead), .init(unit: "JTJ", role: .co), .init(unit: "CGJ", role: .co, active: false),
    ])

    /// The steps each party may take; every other step is refused.
    static let table: [(Party, Set<CaseStep>)] = [
        (.secretariat, Set(CaseStep.allCases)),
        (.deputy("D001"), [.withdraw, .rate, .confirmContact, .disputeContact]),
        (.deputy("D002"), []),                       // a co-signer sees the case but acts on none of it
        (.deputy("D009"), []),
        (.unit("ZJJ"), [.contact, .reply, .transferRequest, .followUp]),
        (.unit("JTJ"), [.contact, .opinion, .transferRequest]),
        (.unit("CGJ"), []),                          // relieved: sees its past case, acts no more
        (.unit("SJJ"), []),
    ]

    @Test(arguments: table)
    func eachPartyMayTakeExactlyItsSteps(party: Party, allowed: Set<CaseStep>) {
        for step in CaseStep.allCases {
            #expect(party.may(step, on: Self.parties) == allowed.contains(step), "\(party) \(step)")
        }
    }

    @Test(arguments: [
        (Party.secretariat, true), (.deputy("D001"), true), (.deputy("D002"), true), (.deputy("D009"), false),
        (.unit("ZJJ"), true), (.unit("JTJ"), true), (.unit("CGJ"), true), (.unit("SJJ"), false),
    ])
    func whoSeesTheCase(party: Party, sees: Bool) {
        #expect(party.sees(Self.parties) == sees)
    }

    @Test func aRefusalNamesTheStepAndTheParty() {
        #expect(throws: AccessError.notPermitted(step: .rate, party: .deputy("D002"))) {
            try Party.deputy("D002").requirePermission(.rate, on: Self.parties)
        }
        #expect(throws: AccessError.notPermitted(step: .reply, party: .unit("JTJ"))) {
            try Party.unit("JTJ").requirePermission(.reply, on: Self.parties)
        }
        #expect(throws: Never.self) { try Party.unit("ZJJ").requirePermission(.reply, on: Self.parties) }
    }

    @Test func aDeputySubmitsForThemselfAndTheSecretariatForAnyone() {
        #expect(Party.deputy("D001").maySubmit(for: "D001"))
        #expect(!Party.deputy("D001").maySubmit(for: "D002"))
        #expect(Party.secretariat.maySubmit(for: "D002"))
        #expect(!Party.unit("ZJJ").maySubmit(for: "D001"))
        #expect(throws: AccessError.mayNotSubmit(party: .unit("ZJJ"), deputy: "D001")) { try Party.unit("ZJJ").requireSubmit(for: "D001") }
    }

    /// Codes are compared byte for byte, as the database compares them.
    @Test func codesAreComparedAsTheDatabaseDoes() {
        let composed = "Z\u{00C9}", decomposed = "ZE\u{0301}"
        let parties = CaseParties(deputy: composed, assignments: [.init(unit: composed, role: .lead)])
        #expect(Party.deputy(composed).may(.rate, on: parties))
        #expect(!Party.deputy(decomposed).may(.rate, on: parties))
        #expect(!Party.unit(decomposed).may(.reply, on: parties))
    }

    @Test func partiesAndAccountsAreSaidInBothLanguages() {
        #expect(Party.unit("SJJ").zh == "承办单位 SJJ")
        #expect(Party.deputy("D001").en == "deputy D001")
        #expect(Party.secretariat.label(zh: false) == "secretariat")
        #expect(Party(role: .unit, code: nil) == nil)
        #expect(Party(role: .secretariat, code: "X") == nil)
        #expect(Party(role: .deputy, code: "D001") == .deputy("D001"))
    }

    @Test(arguments: ["a", "office", "zjj.clerk-2@ll", String(repeating: "x", count: 64)])
    func goodLogins(login: String) throws { try Account.checkLogin(login) }

    @Test(arguments: ["", "a b", "张三", "x;drop", String(repeating: "x", count: 65)])
    func badLogins(login: String) {
        #expect(throws: AccountError.badLogin(login)) { try Account.checkLogin(login) }
    }

    @Test func passwordsAreLongEnoughAndOneLine() throws {
        try Account.checkPassword("0123456789")
        try Account.checkPassword("十个汉字的密码也算长度")
        #expect(throws: AccountError.passwordTooShort(minimum: 10)) { try Account.checkPassword("012345678") }
        #expect(throws: AccountError.passwordControl) { try Account.checkPassword("0123456789\r") }
        #expect(throws: AccountError.passwordTooLong(maximumBytes: 72)) { try Account.checkPassword(String(repeating: "x", count: 73)) }
    }
}
