import Casework
import Testing

/// What each step plans for a case in each state, without a database: the refusal where the
/// step is not allowed, and the obligations, state and event where it is.
@Suite struct StepPlanTests {
    static let rules = Rules(policy: Policy(), clock: LegalClock(calendar: OfficialCalendar.calendar))
    static let units = UnitDirectory(["ZJJ", "JTJ", "CGJ", "NEW"])
    static let assignedOn = Day("2024-02-20")!

    /// A case assigned to ZJJ (lead) and JTJ (co) on 2024-02-20, in `state`, with what each
    /// state's steps need to get past their own rules.
    static func caseIn(
        _ state: CaseState, round: Int = 1, outcome: Outcome? = .a, pending: String? = nil,
        obligations: [CaseSnapshot.Obligation]? = nil
    ) -> CaseSnapshot {
        CaseSnapshot(
            number: "5-4-0001", congress: "C", state: state, round: round, leadUnit: "ZJJ", outcome: outcome,
            previousStep: .init(day: assignedOn, step: .assigned),
            assignments: [.init(unit: "ZJJ", role: .lead), .init(unit: "JTJ", role: .co)],
            obligations: obligations ?? [
                .init(number: 1, kind: .reply, unit: "ZJJ", due: Day("2024-05-20")!),
                .init(number: 2, kind: .opinion, unit: "JTJ", due: Day("2024-03-20")!),
                .init(number: 3, kind: .transferWindow, unit: "ZJJ", due: Day("2024-03-05")!),
                .init(number: 4, kind: .transferWindow, unit: "JTJ", due: Day("2024-03-05")!),
            ],
            pendingTransfer: pending.map { .init(number: 1, unit: $0) },
            contacts: [.init(number: 1, unit: "ZJJ", day: assignedOn)])
    }

    /// Each step with input its rules accept, on a case in `state`.
    static func plan(_ step: CaseStep, _ state: CaseState, on day: Day = Day("2024-03-01")!) throws -> StepPlan {
        let pending = [.transferApprove, .transferReject].contains(step) ? "JTJ" : nil
        let c = caseIn(state, pending: pending)
        switch step {
        case .accept: return try c.accept(on: day, by: "clerk")
        case .reject: return try c.reject(reason: "信访事项", on: day, by: "clerk")
        case .withdraw: return try c.withdraw(reason: "已解决", on: day, by: "clerk")
        case .assign: return try c.assign(try AssignInput(lead: "ZJJ", co: ["JTJ"], complex: false), units: units, rules: rules, on: day, by: "clerk").stepPlan
        case .transferRequest: return try c.requestTransfer(unit: "JTJ", reason: "不属于本单位职责", on: day, by: "clerk")
        case .transferApprove: return try c.approveTransfer(to: "NEW", units: units, rules: rules, on: day, by: "clerk").stepPlan
        case .transferReject: return try c.rejectTransfer(reason: "属于该单位职责", on: day, by: "clerk").stepPlan
        case .contact: return try c.contact(unit: "ZJJ", mode: .phone, note: "", on: day, by: "clerk")
        case .opinion: return try c.opinion(unit: "JTJ", text: "同意", on: day, by: "clerk")
        case .reply:
            let input = try ReplyInput(unit: "ZJJ", outcome: .a, planBy: nil, text: "已解决", on: day)
            return try c.reply(input, rules: rules, on: day, by: "clerk").stepPlan
        case .rate: return try c.rate(try RatingInput(result: .satisfied, attitude: nil, comment: ""), rules: rules, on: day, by: "clerk").stepPlan
        case .followUp: return try c.followUp(progress: "进行中", done: false, on: day, by: "clerk")
        case .supervise: return try c.supervise(leader: "张", committee: nil, on: day, by: "clerk")
        case .confirmContact: return try c.answerContact(try ContactAnswer(contact: 1, confirmation: .confirmed, note: ""), on: day, by: "clerk")
        case .disputeContact: return try c.answerContact(try ContactAnswer(contact: 1, confirmation: .disputed, note: "未曾来电"), on: day, by: "clerk")
        case .merge:
            let target = CaseSnapshot(number: "5-4-0002", congress: "C", state: .accepted, previousStep: .init(day: assignedOn, step: .accepted))
            return try c.merge(into: target, note: "同一事项", on: day, by: "clerk").stepPlan
        }
    }

    /// Where each step leaves a case it is allowed on (nil: where it found it).
    static let next: [CaseStep: CaseState?] = [
        .accept: .accepted, .reject: .rejected, .withdraw: .withdrawn, .assign: .assigned,
        .transferRequest: nil, .transferApprove: nil, .transferReject: nil, .contact: nil, .opinion: nil,
        .reply: .replied, .rate: .closed, .followUp: .following, .supervise: nil, .confirmContact: nil, .disputeContact: nil,
        .merge: .merged,
    ]

    @Test(arguments: CaseStep.allCases)
    func everyStepInEveryState(step: CaseStep) throws {
        for state in CaseState.allCases {
            if step.allowedStates.contains(state) {
                let plan = try Self.plan(step, state)
                #expect(plan.next == (Self.next[step]! ?? state), "\(step) in \(state)")
                #expect(plan.eventKind == step.eventKind)
                #expect(plan.actor == "clerk" && plan.day == Day("2024-03-01")!)
            } else {
                #expect(throws: CaseError.notAllowed(number: "5-4-0001", step: step, state: state),
                        "\(step) in \(state)") { try Self.plan(step, state) }
            }
        }
    }

    @Test(arguments: CaseStep.allCases)
    func noStepIsDatedBeforeThePreviousOne(step: CaseStep) throws {
        let state = step.allowedStates.sorted { $0.rawValue < $1.rawValue }.first!
        #expect(throws: CaseError.dateBeforePreviousStep(number: "5-4-0001", day: Day("2024-02-19")!, previous: Day("2024-02-20")!, kind: .assigned)) {
            try Self.plan(step, state, on: Day("2024-02-19")!)
        }
    }

    @Test func assignOpensTheReplyTheOpinionsAndTheWindows() throws {
        let c = CaseSnapshot(number: "5-4-0001", congress: "C", state: .accepted, previousStep: .init(day: Day("2024-01-25")!, step: .accepted))
        let plan = try c.assign(try AssignInput(lead: "ZJJ", co: ["JTJ", "CGJ"], complex: false), units: Self.units, rules: Self.rules,
                                on: Self.assignedOn, by: "clerk")
        let opened = plan.stepPlan.open.map { "\($0.kind) \($0.unit ?? "-") \($0.round) \($0.start) \($0.due) \($0.policy)" }
        #expect(opened == [
            "reply ZJJ 1 2024-02-20 2024-05-20 reply = 3 months",
            "opinion JTJ 1 2024-02-20 2024-03-20 opinion = 1 month",
            "opinion CGJ 1 2024-02-20 2024-03-20 opinion = 1 month",
            "transfer_window ZJJ 1 2024-02-20 2024-03-05 transfer_window = 10 working_days",
            "transfer_window JTJ 1 2024-02-20 2024-03-05 transfer_window = 10 working_days",
            "transfer_window CGJ 1 2024-02-20 2024-03-05 transfer_window = 10 working_days",
        ])
        #expect(plan.assignments.map { "\($0.unit) \($0.role)" } == ["ZJJ lead", "JTJ co", "CGJ co"])
        #expect(plan.round == 1 && plan.stepPlan.next == .assigned)
        #expect(plan.stepPlan.fulfil.isEmpty && plan.stepPlan.cancel.isEmpty && plan.stepPlan.warnings.isEmpty)
        #expect(plan.stepPlan.event.serialized() == #"{"lead":"ZJJ","co":["JTJ","CGJ"],"complex":false,"reply_due":"2024-05-20","policy":["reply = 3 months","opinion = 1 month","transfer_window = 10 working_days"],"state":"assigned"}"#)
    }

    @Test func aComplexCaseGetsTheLongerReplyPeriod() throws {
        let c = CaseSnapshot(number: "5-4-0001", congress: "C", state: .accepted)
        let plan = try c.assign(try AssignInput(lead: "ZJJ", co: [], complex: true), units: Self.units, rules: Self.rules,
                                on: Self.assignedOn, by: "clerk").stepPlan
        #expect(plan.open.map { "\($0.kind) \($0.due) \($0.policy)" } == [
            "reply 2024-08-20 reply_complex = 6 months", "transfer_window 2024-03-05 transfer_window = 10 working_days",
        ])
        #expect(plan.event.serialized().contains(#""reply_due":"2024-08-20""#))
    }

    @Test func assignRefusesUnknownUnitsAndRepeatedCoHandlers() throws {
        let c = CaseSnapshot(number: "5-4-0001", congress: "C", state: .accepted)
        #expect(throws: CaseError.unknownUnit("XX", role: .lead, congress: "C")) {
            try c.assign(try AssignInput(lead: "XX", co: ["YY"], complex: false), units: Self.units, rules: Self.rules, on: Self.assignedOn, by: "clerk")
        }
        #expect(throws: CaseError.unknownUnit("YY", role: .co, congress: "C")) {
            try c.assign(try AssignInput(lead: "ZJJ", co: ["JTJ", "YY"], complex: false), units: Self.units, rules: Self.rules, on: Self.assignedOn, by: "clerk")
        }
        // A code is a code byte for byte: a decomposed é is not the unit spelled with a composed one.
        #expect(throws: CaseError.unknownUnit("E\u{301}", role: .lead, congress: "C")) {
            try c.assign(try AssignInput(lead: "E\u{301}", co: [], complex: false), units: UnitDirectory(["\u{C9}"]), rules: Self.rules, on: Self.assignedOn, by: "clerk")
        }
        #expect(throws: CaseError.coUnitRepeated("ZJJ")) { try AssignInput(lead: "ZJJ", co: ["ZJJ"], complex: false) }
        #expect(throws: CaseError.coUnitRepeated("JTJ")) { try AssignInput(lead: "ZJJ", co: ["JTJ", "JTJ"], complex: false) }
    }

    @Test func approvingTheLeadsRequestHandsTheReplyToTheNewUnit() throws {
        var obligations = Self.caseIn(.assigned).obligations
        obligations[2] = .init(number: 3, kind: .transferWindow, unit: "ZJJ", status: .met, due: Day("2024-03-05")!)
        let c = Self.caseIn(.assigned, pending: "ZJJ", obligations: obligations)
        let approved = try c.approveTransfer(to: "NEW", units: Self.units, rules: Self.rules, on: Day("2024-03-01")!, by: "clerk")
        #expect(approved.role == .lead && approved.newLead == "NEW" && approved.request == .init(number: 1, unit: "ZJJ"))
        #expect(approved.stepPlan.cancel == [Cancellation(numbers: [1], note: "transferred to NEW")])
        #expect(approved.stepPlan.open.map { "\($0.kind) \($0.unit!) \($0.due) \($0.policy)" } == [
            "reply NEW 2024-06-03 reply = 3 months", "transfer_window NEW 2024-03-15 transfer_window = 10 working_days",
        ])
        #expect(approved.stepPlan.event.serialized() == #"{"from":"ZJJ","to":"NEW","role":"lead","due":"2024-06-03","policy":"reply = 3 months","state":"assigned"}"#)
    }

    @Test func approvingACoHandlersRequestHandsItsOpinionToTheNewUnit() throws {
        let approved = try Self.caseIn(.assigned, pending: "JTJ").approveTransfer(to: "NEW", units: Self.units, rules: Self.rules,
                                                                                  on: Day("2024-03-01")!, by: "clerk")
        #expect(approved.role == .co && approved.newLead == nil)
        #expect(approved.stepPlan.cancel == [Cancellation(numbers: [2, 4], note: "transferred to NEW")])
        #expect(approved.stepPlan.open.map { "\($0.kind) \($0.unit!) \($0.due)" } == ["opinion NEW 2024-04-01", "transfer_window NEW 2024-03-15"])
    }

    @Test func aTransferGoesOnlyToAUnitNeverOnTheCase() {
        var c = Self.caseIn(.assigned, pending: "JTJ")
        c = CaseSnapshot(number: c.number, congress: c.congress, state: c.state, leadUnit: c.leadUnit,
                         assignments: c.assignments + [.init(unit: "CGJ", role: .co, active: false)], pendingTransfer: c.pendingTransfer)
        #expect(throws: CaseError.alreadyAssigned(unit: "CGJ", number: "5-4-0001")) {
            try c.approveTransfer(to: "CGJ", units: Self.units, rules: Self.rules, on: Day("2024-03-01")!, by: "clerk")
        }
        #expect(throws: CaseError.noPendingTransfer(number: "5-4-0001")) {
            try Self.caseIn(.assigned).approveTransfer(to: "XX", units: Self.units, rules: Self.rules, on: Day("2024-03-01")!, by: "clerk")
        }
        #expect(throws: CaseError.unknownUnit("XX", role: .transferTo, congress: "C")) {
            try Self.caseIn(.assigned, pending: "JTJ").approveTransfer(to: "XX", units: Self.units, rules: Self.rules, on: Day("2024-03-01")!, by: "clerk")
        }
    }

    @Test func aTransferIsAskedByAUnitOnTheCaseWithinItsWindowOneAtATime() throws {
        let plan = try Self.caseIn(.assigned).requestTransfer(unit: "JTJ", reason: "r", on: Day("2024-03-05")!, by: "clerk")
        #expect(plan.fulfil == [4] && plan.open.isEmpty && plan.next == .assigned)
        #expect(throws: CaseError.transferWindowClosed(unit: "JTJ", number: "5-4-0001", due: Day("2024-03-05")!)) {
            try Self.caseIn(.assigned).requestTransfer(unit: "JTJ", reason: "r", on: Day("2024-03-06")!, by: "clerk")
        }
        #expect(throws: CaseError.notAssigned(unit: "CGJ", number: "5-4-0001", step: .transferRequest)) {
            try Self.caseIn(.assigned).requestTransfer(unit: "CGJ", reason: "r", on: Day("2024-03-01")!, by: "clerk")
        }
        #expect(throws: CaseError.transferPending(number: "5-4-0001", unit: "ZJJ")) {
            try Self.caseIn(.assigned, pending: "ZJJ").requestTransfer(unit: "JTJ", reason: "r", on: Day("2024-03-01")!, by: "clerk")
        }
    }

    @Test func onlyACoHandlerSendsAnOpinionAndOnlyAUnitOnTheCaseContacts() throws {
        #expect(try Self.caseIn(.assigned).opinion(unit: "JTJ", text: "t", on: Day("2024-03-01")!, by: "clerk").fulfil == [2])
        #expect(throws: CaseError.notCoHandler(unit: "ZJJ", number: "5-4-0001")) {
            try Self.caseIn(.assigned).opinion(unit: "ZJJ", text: "t", on: Day("2024-03-01")!, by: "clerk")
        }
        #expect(throws: CaseError.notAssigned(unit: "CGJ", number: "5-4-0001", step: .contact)) {
            try Self.caseIn(.assigned).contact(unit: "CGJ", mode: .visit, note: "", on: Day("2024-03-01")!, by: "clerk")
        }
        // Codes are compared byte for byte, as PostgreSQL compares them.
        let accented = CaseSnapshot(number: "5-4-0001", congress: "C", state: .assigned, assignments: [.init(unit: "\u{C9}", role: .co)])
        #expect(throws: CaseError.notAssigned(unit: "E\u{301}", number: "5-4-0001", step: .contact)) {
            try accented.contact(unit: "E\u{301}", mode: .visit, note: "", on: Day("2024-03-01")!, by: "clerk")
        }
    }

    @Test(arguments: [
        // outcome, plan date, the obligations opened
        (Outcome.a, nil as String?, ["rating - 1 2024-05-16 rating_reminder = 20 working_days"]),
        (.c, nil, ["rating - 1 2024-05-16 rating_reminder = 20 working_days"]),
        // 2024-12-01 is a Sunday: the plan is due the Monday after.
        (.b, "2024-12-01", ["plan ZJJ 1 2024-12-02 plan date given in the reply: 2024-12-01",
                            "rating - 1 2024-05-16 rating_reminder = 20 working_days"]),
    ])
    func aReplyMeetsTheReplyAndOpensItsPlanAndTheRatingReminder(outcome: Outcome, planBy: String?, opened: [String]) throws {
        let day = Day("2024-04-17")!
        let input = try ReplyInput(unit: "ZJJ", outcome: outcome, planBy: planBy.map { Day($0)! }, text: "答复", on: day)
        let plan = try Self.caseIn(.assigned).reply(input, rules: Self.rules, on: day, by: "clerk")
        #expect(plan.stepPlan.open.map { "\($0.kind) \($0.unit ?? "-") \($0.round) \($0.due) \($0.policy)" } == opened)
        #expect(plan.stepPlan.fulfil == [1] && plan.round == 1 && plan.stepPlan.next == .replied)
        #expect(plan.stepPlan.event.serialized() == #"{"unit":"ZJJ","round":1,"outcome":"\#(outcome.rawValue)","plan_by":\#(planBy.map { "\"\($0)\"" } ?? "null"),"rating_reminder":"2024-05-16","policy":"rating_reminder = 20 working_days","state":"replied"}"#)
    }

    @Test func theSecondRoundsReplyMeetsTheRehandling() throws {
        let obligations: [CaseSnapshot.Obligation] = [
            .init(number: 1, kind: .reply, unit: "ZJJ", status: .met, due: Day("2024-05-20")!),
            .init(number: 5, kind: .rehandle, unit: "ZJJ", due: Day("2024-06-20")!),
        ]
        let day = Day("2024-06-03")!
        let input = try ReplyInput(unit: "ZJJ", outcome: .c, planBy: nil, text: "说明", on: day)
        let plan = try Self.caseIn(.rehandling, round: 2, obligations: obligations).reply(input, rules: Self.rules, on: day, by: "clerk")
        #expect(plan.stepPlan.fulfil == [5] && plan.round == 2 && plan.stepPlan.open.map(\.round) == [2])
    }

    @Test func onlyTheLeadRepliesAndOnlyBCarriesAPlanDate() throws {
        let day = Day("2024-04-17")!
        #expect(throws: CaseError.notLeadUnit(unit: "JTJ", number: "5-4-0001", lead: "ZJJ")) {
            try Self.caseIn(.assigned).reply(try ReplyInput(unit: "JTJ", outcome: .a, planBy: nil, text: "t", on: day), rules: Self.rules, on: day, by: "clerk")
        }
        #expect(throws: CaseError.planDateMissing) {
            try ReplyInput(unit: "ZJJ", outcome: .b, planBy: nil, text: "t", on: day)
        }
        #expect(throws: CaseError.planDateBeforeReply(plan: Day("2024-04-16")!, reply: day)) {
            try ReplyInput(unit: "ZJJ", outcome: .b, planBy: Day("2024-04-16")!, text: "t", on: day)
        }
        #expect(throws: CaseError.planDateNotForOutcome(.a)) {
            try ReplyInput(unit: "ZJJ", outcome: .a, planBy: day, text: "t", on: day)
        }
        #expect(throws: CaseError.deadlineUncountable(kind: .plan, from: .planBy, refusal: .init(start: Day("9999-12-31")!, period: nil, reason: .pastLastDay))) {
            // 9999-12-31 is a Friday, but the calendar has no notice then and the test marks it off.
            let clock = LegalClock(calendar: WorkCalendar(years: [], entries: [.init(day: Day("9999-12-31")!, kind: .off, name: "x")]))
            _ = try Self.caseIn(.assigned).reply(try ReplyInput(unit: "ZJJ", outcome: .b, planBy: Day("9999-12-31")!, text: "t", on: day),
                                             rules: Rules(policy: Policy(), clock: clock), on: day, by: "clerk")
        }
    }

    /// A replied case: the reply met, a B plan and the rating reminder open, a co-handler's
    /// opinion still owed and a window that ran out unused.
    static func replied(round: Int, outcome: Outcome) -> CaseSnapshot {
        caseIn(.replied, round: round, outcome: outcome, obligations: [
            .init(number: 1, kind: .reply, unit: "ZJJ", status: .met, due: Day("2024-05-20")!),
            .init(number: 2, kind: .opinion, unit: "JTJ", due: Day("2024-03-20")!),
            .init(number: 4, kind: .transferWindow, unit: "JTJ", due: Day("2024-03-05")!),
            .init(number: 7, kind: .plan, unit: "ZJJ", due: Day("2024-12-02")!),
            .init(number: 8, kind: .rating, unit: nil, due: Day("2024-05-16")!),
        ])
    }

    @Test(arguments: [
        // round, outcome, result, next state, round after, cancelled (note: numbers), opened
        (1, Outcome.a, Satisfaction.satisfied, CaseState.closed, 1, ["case closed: [2, 7]"], [String]()),
        (1, .b, .basic, .following, 1, [], []),
        (1, .b, .dissatisfied, .rehandling, 2, ["superseded by rehandling: [7]"], ["rehandle ZJJ 2 2024-06-11 rehandle = 1 month"]),
        (2, .a, .dissatisfied, .closed, 2, ["case closed: [2, 7]"], []),
        (2, .b, .satisfied, .following, 2, [], []),
    ])
    func aRatingDecidesWhatTheCaseOwesNext(
        round: Int, outcome: Outcome, result: Satisfaction, next: CaseState, roundAfter: Int, cancelled: [String], opened: [String]
    ) throws {
        let input = try RatingInput(result: result, attitude: .basic, comment: result == .dissatisfied ? "未解决" : "")
        let plan = try Self.replied(round: round, outcome: outcome).rate(input, rules: Self.rules, on: Day("2024-05-10")!, by: "clerk")
        #expect(plan.stepPlan.next == next && plan.round == roundAfter && plan.ratedRound == round)
        #expect(plan.stepPlan.fulfil == [8])
        #expect(plan.stepPlan.cancel.map { "\($0.note): \($0.numbers)" } == cancelled)
        #expect(plan.stepPlan.open.map { "\($0.kind) \($0.unit ?? "-") \($0.round) \($0.due) \($0.policy)" } == opened)
    }

    @Test func aRatingNeedsAReply() {
        #expect(throws: CaseError.noReplyToRate(number: "5-4-0001")) {
            try Self.caseIn(.replied, outcome: nil).rate(try RatingInput(result: .basic, attitude: nil, comment: ""), rules: Self.rules,
                                                         on: Day("2024-05-10")!, by: "clerk")
        }
    }

    @Test func aDonePlanMeetsThePlanAndClosesTheCase() throws {
        let c = Self.replied(round: 1, outcome: .b)
        let following = CaseSnapshot(number: c.number, congress: c.congress, state: .following, leadUnit: "ZJJ", outcome: .b,
                                     obligations: c.obligations)
        let done = try following.followUp(progress: "建成", done: true, on: Day("2024-11-01")!, by: "clerk")
        #expect(done.next == .closed && done.fulfil == [7])
        #expect(done.cancel == [Cancellation(numbers: [2, 8], note: "case closed")])
        #expect(done.event.serialized() == #"{"progress":"建成","done":true,"state":"closed"}"#)
        let progress = try following.followUp(progress: "施工中", done: false, on: Day("2024-11-01")!, by: "clerk")
        #expect(progress.next == .following && progress.fulfil.isEmpty && progress.cancel.isEmpty)
    }

    @Test func registeringNumbersTheCaseSubmitsItAndWritesItsFirstEvent() throws {
        let registration = try Registration(title: "停车难", deputy: "D1", cosigners: ["D2"], session: nil, submittedOn: Day("2024-03-01")!)
        let plan = registration.plan(sequence: 7, by: "clerk")
        #expect(plan.number == registration.series.number(7) && plan.state == .submitted && plan.eventKind == .registered)
        #expect(plan.event.serialized() == #"{"number":"\#(plan.number)","title":"停车难","deputy":"D1","cosigners":["D2"],"session":null,"channel":"recess","category":"其他"}"#)
    }
}
