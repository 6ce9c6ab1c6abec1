import Casework
import HTTPTypes

/// What a form was sent with and what was wrong with it, to render it again: the values typed
/// (so nothing is lost), the refusal of each field by its name, and one not tied to a field.
struct FormState {
    var values: [String: String] = [:]
    var lists: [String: [String]] = [:]
    var errors: [String: String] = [:]
    var problem: String?
    /// Put before every element id of the form: `rating-` makes `rating-comment`.
    var idPrefix = ""

    /// How a form field becomes a value of the API's body, so the step reads it with the same
    /// getters (and refuses it with the same words) as the API.
    enum Kind {
        /// A text, sent even when empty (the step says "不能为空" where one is required).
        case text
        /// One of a list, or a day: absent when nothing was chosen.
        case word
        /// Checkboxes: an array of the values ticked.
        case list
        /// A checkbox standing for `true`.
        case flag
    }

    init() {}

    init(_ form: FormFields, _ kinds: [String: Kind]) {
        for (name, kind) in kinds {
            if kind == .list { lists[name] = form.all(name) } else if let value = form[name] { values[name] = value }
        }
    }

    /// Takes the values and lists of `other`, keeping this one's id prefix.
    mutating func merge(_ other: FormState) {
        values.merge(other.values) { $1 }
        lists.merge(other.lists) { $1 }
    }

    /// The API's body for the fields of `kinds` (the field name is the body's key).
    func body(_ kinds: [String: Kind]) -> StrictBody {
        var body: [String: StrictBody.Value] = [:]
        for (name, kind) in kinds {
            switch kind {
            case .text:
                if let value = values[name] { body[name] = .string(value) }
            case .word:
                if let value = values[name], !value.isEmpty { body[name] = .string(value) }
            case .list:
                body[name] = .array((lists[name] ?? []).filter { !$0.isEmpty }.map(StrictBody.Value.string))
            case .flag:
                if let value = values[name], !value.isEmpty { body[name] = .bool(true) }
            }
        }
        return StrictBody(values: body)
    }

    /// Records why the form was refused, in the API's words: next to the field the message
    /// names (`title：…`, `comment: …`; `aliases` maps a body key to the field that sent it),
    /// else above the form. Rethrows what is no refusal of the form's values (a case not to be
    /// seen, a step not permitted, the database away): that becomes an error page.
    /// Returns the API's status for the refusal, for the page to answer with.
    @discardableResult
    mutating func refuse(_ error: Error, fields: [String], aliases: [String: String] = [:]) throws -> HTTPResponse.Status {
        let answer = ErrorTable.serviceError(for: error)
        guard [400, 409, 422].contains(answer.status.code) else { throw error }
        let message = answer.zh
        let keys = fields.map { ($0, $0) } + aliases.map { ($0.key, $0.value) }
        for (key, field) in keys where message.hasPrefix("\(key)：") || message.hasPrefix("\(key): ") {
            errors[field] = message
            return answer.status
        }
        problem = message
        return answer.status
    }
}
