import Casework

/// A step's form on the case page: the API step it runs (its path under
/// `/api/v1/cases/{number}/`, also the form's), the fields and how they become the step's
/// body, and what the page says once it is done.
struct CaseForm: Sendable {
    let path: String
    let step: CaseStep
    let kinds: [String: FormState.Kind]
    let done: String
    /// What the form does; nil: the API's step at `path` (`Steps.perform`).
    var run: Run? = nil

    typealias Run = @Sendable (Site, String, StrictBody, WebContext) async throws -> Void

    /// The form's state with its element ids prefixed by its path.
    func state() -> FormState {
        var state = FormState()
        state.idPrefix = path + "-"
        return state
    }
}

enum CaseForms {
    static let rating = CaseForm(path: "rating", step: .rate, kinds: ["result": .word, "attitude": .word, "comment": .text],
                                 done: "评价已提交。")
    static let contact = CaseForm(path: "contacts", step: .contact, kinds: ["mode": .word, "note": .text, "on": .word],
                                  done: "沟通情况已记录。")
    static let opinion = CaseForm(path: "opinions", step: .opinion, kinds: ["text": .text, "on": .word], done: "协办意见已提交。")
    static let reply = CaseForm(path: "reply", step: .reply, kinds: ["outcome": .word, "plan_by": .word, "text": .text, "on": .word],
                                done: "答复已提交。")
    static let all = [rating, contact, opinion, reply] + unitSide

    static func named(_ path: String) -> CaseForm? { all.first { $0.path == path } }

    static let contactModes: [(value: String, text: String)] = ContactMode.allCases.map { ($0.rawValue, ContactModeText.zh($0.rawValue)) }
}
