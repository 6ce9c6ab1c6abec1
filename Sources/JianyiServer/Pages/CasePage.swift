import CaseStore
import Casework
import Foundation
import Hummingbird
import Presentation

/// One case (`/cases/{number}`), for whoever may see it — what `GET /api/v1/cases/{number}`
/// answers the same account, read in the same transaction under the same row policies, so a
/// case the account may not see is the same 404. With the forms of the steps the account may
/// take now: the deputy who raised it rates a reply (评价).
enum CasePage {
    struct View {
        let number: String
        let caseTitle: String
        let state: String
        let deputy: String
        let cosigners: String
        let hasCosigners: Bool
        let occasion: String
        let submittedOn: String
        let category: String
        let lead: String?
        let coUnits: String
        let hasCoUnits: Bool
        let outcome: String?
        let rating: String?
        let deadlines: [DeadlineItem]
        let hasDeadlines: Bool
        let body: String
        let replies: [ReplyItem]
        let hasReplies: Bool
        let timeline: [EventItem]
        let rateForm: RateForm?
        let contactForm: ContactForm?
        let opinionForm: OpinionForm?
        let replyForm: ReplyForm?
        let notice: String?
        let more: CaseMore.View
    }

    struct DeadlineItem {
        let words: String
        let tone: String
    }

    struct ReplyItem {
        let on: String
        let unit: String
        let outcome: String
        let planBy: String?
        let text: String
    }

    struct EventItem {
        struct Detail {
            let label: String
            let value: String
        }

        let on: String
        let kind: String
        let actor: String
        let details: [Detail]
        let hasDetails: Bool

        init(on: String, kind: String, actor: String, details: [Detail]) {
            (self.on, self.kind, self.actor, self.details, hasDetails) = (on, kind, actor, details, !details.isEmpty)
        }
    }

    struct RateForm {
        let result: ChoiceView
        let attitude: ChoiceView
        let comment: FieldView
        let problem: String?
    }

    struct ContactForm {
        let mode: ChoiceView
        let on: FieldView
        let note: FieldView
        let problem: String?
    }

    struct OpinionForm {
        let text: FieldView
        let on: FieldView
        let problem: String?
    }

    struct ReplyForm {
        let outcome: ChoiceView
        let planBy: FieldView
        let text: FieldView
        let on: FieldView
        let problem: String?
    }

    /// What the page reads of a case, in one transaction as the account.
    struct Loaded: Sendable {
        let view: CaseView
        let events: [CaseEvent]
        let replies: [ReplyText]
        let units: [String: String]
        let deputies: [String: String]
        let party: Party
        let parties: CaseParties
        let more: CaseMore.Loaded
    }

    static func show(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        let number = try context.parameters.require("number")
        let notice = request.uri.queryParameters["done"].flatMap { CaseForms.named(String($0))?.done }
        return try await render(site, context, number: number, notice: notice)
    }

    /// The page, with `refused` (a form and what it was sent with) shown again.
    static func render(_ site: Site, _ context: WebContext, number: String, refused: (CaseForm, FormState)? = nil,
                       notice: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let loaded = try await load(site, context, number: number)
        let view = try build(loaded, today: site.today(), refused: refused, notice: notice)
        return try site.page("case", title: "建议 \(loaded.view.number)", page: view, context: context, status: status)
    }

    static func load(_ site: Site, _ context: WebContext, number: String) async throws -> Loaded {
        let congress = site.congress
        return try await site.act(context) { store, account in
            let view = try store.caseView(congress, number: number)
            let parties = try store.caseParties(congress, number)
            return Loaded(view: view, events: try store.history(congress, caseID: view.id), replies: try store.replies(congress, caseID: view.id),
                          units: try store.unitNames(congress), deputies: try store.deputyNames(congress), party: account.party,
                          parties: parties, more: try CaseMore.Loaded.load(store, congress, number: number, parties: parties, account: account))
        }
    }

    static func build(_ loaded: Loaded, today: Day, refused: (CaseForm, FormState)?, notice: String?) throws -> View {
        let (v, units, deputies) = (loaded.view, loaded.units, loaded.deputies)
        func unit(_ code: String) -> String { units[code] ?? code }
        func deputy(_ code: String) -> String { deputies[code].map { "\($0)（\(code)）" } ?? code }
        let deadlines = v.deadlines.map { Wording.deadline($0, today: today, unitNames: units) }.map { DeadlineItem(words: $0.words, tone: $0.tone) }
        /// The form of `form` when the account may take its step now: empty, or as refused.
        func state(_ form: CaseForm) -> FormState? {
            guard loaded.party.may(form.step, on: loaded.parties), CaseStep.allowed(in: v.state).contains(form.step) else { return nil }
            return refused.flatMap { $0.0.path == form.path ? $0.1 : nil } ?? form.state()
        }
        return View(
            number: v.number, caseTitle: v.title, state: v.state.zh, deputy: deputy(v.deputy),
            cosigners: v.cosigners.map(deputy).joined(separator: "、"), hasCosigners: !v.cosigners.isEmpty,
            occasion: Wording.occasion(v), submittedOn: v.submittedOn.description, category: v.category.isEmpty ? "未分类" : v.category,
            lead: v.leadUnit.map(unit), coUnits: v.coUnits.map(unit).joined(separator: "、"), hasCoUnits: !v.coUnits.isEmpty,
            outcome: v.outcome?.zh,
            rating: v.ratingResult.map { result in "结果\(result.zh)" + (v.ratingAttitude.map { "，态度\($0.zh)" } ?? "") },
            deadlines: deadlines, hasDeadlines: !deadlines.isEmpty, body: v.body,
            replies: loaded.replies.map {
                ReplyItem(on: $0.on.description, unit: unit($0.unit), outcome: $0.outcome.zh, planBy: $0.planBy?.description, text: $0.text)
            },
            hasReplies: !loaded.replies.isEmpty,
            timeline: loaded.events.map { EventItem(on: $0.on.description, kind: $0.kind.zh, actor: $0.actor, details: details($0.data, unit: unit)) },
            rateForm: state(CaseForms.rating).map(rateForm), contactForm: state(CaseForms.contact).map(contactForm),
            opinionForm: state(CaseForms.opinion).map(opinionForm),
            replyForm: CaseMore.repliesDirectly(loaded.more) ? state(CaseForms.reply).map(replyForm) : nil, notice: notice,
            more: CaseMore.build(loaded, refused: refused, unitName: unit))
    }

    static func rateForm(_ form: FormState) -> RateForm {
        let choices = Satisfaction.allCases.map { (value: $0.rawValue, text: $0.zh) }
        return RateForm(
            result: ChoiceView("result", "办理结果", form: form, required: true, choices: choices),
            attitude: ChoiceView("attitude", "办理态度", form: form, choices: choices),
            comment: FieldView("comment", "意见", form: form, multiline: true, rows: 4, hint: "不满意时必须填写"),
            problem: form.problem)
    }

    static func contactForm(_ form: FormState) -> ContactForm {
        ContactForm(
            mode: ChoiceView("mode", "方式", form: form, required: true, choices: CaseForms.contactModes),
            on: dayField(form), note: FieldView("note", "沟通情况", form: form, multiline: true, rows: 4), problem: form.problem)
    }

    static func opinionForm(_ form: FormState) -> OpinionForm {
        OpinionForm(text: FieldView("text", "协办意见", form: form, required: true, multiline: true, rows: 6), on: dayField(form),
                    problem: form.problem)
    }

    static func replyForm(_ form: FormState) -> ReplyForm {
        ReplyForm(
            outcome: ChoiceView("outcome", "答复类别", form: form, required: true, choices: Outcome.allCases.map { ($0.rawValue, $0.zh) }),
            planBy: FieldView("plan_by", "计划解决日期", form: form, type: "date", hint: "B 类答复必须填写（YYYY-MM-DD）"),
            text: FieldView("text", "答复内容", form: form, required: true, multiline: true, rows: 10), on: dayField(form),
            problem: form.problem)
    }

    static func dayField(_ form: FormState) -> FieldView {
        FieldView("on", "日期", form: form, type: "date", hint: "不填即今天（YYYY-MM-DD）")
    }

    /// `POST /cases/{number}/{form}`: the API's step with the form's values; 303 back to the
    /// case, or the case page again with the refusal next to its field.
    static func perform(_ form: CaseForm, site: Site, _ request: Request, context: WebContext) async throws -> Response {
        let number = try context.parameters.require("number")
        let fields = try await FormFields.read(request, context: context)
        var state = form.state()
        state.merge(FormState(fields, form.kinds))
        do {
            if let run = form.run {
                try await run(site, number, state.body(form.kinds), context)
            } else {
                _ = try await Steps(site: site).perform(form.path, on: number, state.body(form.kinds), context)
            }
            return seeOther("/cases/\(number)?done=\(form.path)")
        } catch {
            let status = try state.refuse(error, fields: Array(form.kinds.keys))
            return try await render(site, context, number: number, refused: (form, state), status: status)
        }
    }

    /// The event's data worth reading, labelled in Chinese, units by name.
    static func details(_ data: String, unit: (String) -> String) -> [EventItem.Detail] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] else { return [] }
        let labels: [(String, String)] = [
            ("lead", "主办单位"), ("co", "协办单位"), ("unit", "单位"), ("from", "原单位"), ("to", "新单位"), ("mode", "方式"),
            ("outcome", "答复类别"), ("plan_by", "计划解决日期"), ("result", "办理结果"), ("attitude", "办理态度"),
            ("reason", "理由"), ("note", "记录"), ("text", "意见"), ("comment", "代表意见"), ("progress", "落实进展"),
            ("done", "已落实"), ("leader", "督办领导"), ("committee", "督办工委"),
        ]
        return labels.compactMap { key, label in
            let value: String? = switch (key, object[key]) {
            case ("lead", let code as String), ("unit", let code as String), ("from", let code as String), ("to", let code as String):
                unit(code)
            case ("co", let codes as [String]): codes.isEmpty ? nil : codes.map(unit).joined(separator: "、")
            case ("outcome", let code as String): Outcome(rawValue: code)?.zh ?? code
            case ("result", let word as String), ("attitude", let word as String): Satisfaction(rawValue: word)?.zh ?? word
            case ("mode", let word as String): ContactModeText.zh(word)
            case ("done", let flag as Bool): flag ? "是" : "否"
            case (_, let text as String): text.isEmpty ? nil : text
            default: nil
            }
            return value.map { EventItem.Detail(label: label, value: $0) }
        }
    }
}

/// 沟通 modes in Chinese.
enum ContactModeText {
    static func zh(_ word: String) -> String {
        switch ContactMode(rawValue: word) {
        case .faceToFace: "当面"
        case .phone: "电话"
        case .visit: "走访"
        case .written: "书面"
        case .online: "网络"
        case nil: word
        }
    }
}
