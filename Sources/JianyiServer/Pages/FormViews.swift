/// A text input or textarea as `field.mustache` renders it: what was typed is shown again, and
/// a refusal naming this field sits next to it.
struct FieldView {
    /// The element's id: the name, after the form's prefix (two forms on a page may share a name).
    let id: String
    let name: String
    let label: String
    let value: String
    let error: String?
    let type: String
    let required: Bool
    let multiline: Bool
    let rows: Int
    let hint: String?
    let autocomplete: String?
    /// The ids of the hint and the error, for `aria-describedby` (stored: templates read
    /// stored properties only).
    let describedBy: String?

    init(_ name: String, _ label: String, form: FormState, type: String = "text", required: Bool = false,
         multiline: Bool = false, rows: Int = 8, hint: String? = nil, autocomplete: String? = nil) {
        let id = form.idPrefix + name
        self.id = id
        self.name = name
        self.label = label
        value = form.values[name] ?? ""
        error = form.errors[name]
        self.type = type
        self.required = required
        self.multiline = multiline
        self.rows = rows
        self.hint = hint
        self.autocomplete = autocomplete
        let ids = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        describedBy = ids.isEmpty ? nil : ids.joined(separator: " ")
    }
}

/// A group of radio buttons or checkboxes (`choice.mustache`), as a fieldset with a legend.
struct ChoiceView {
    struct Option {
        let id: String
        let name: String
        let type: String
        let value: String
        let text: String
        let checked: Bool
    }

    let id: String
    let name: String
    let label: String
    let error: String?
    let required: Bool
    let options: [Option]
    /// `inline` for a few short options, `picks` for a long list (scrolls on its own).
    let layout: String
    let describedBy: String?

    init(_ name: String, _ label: String, form: FormState, multiple: Bool = false, required: Bool = false,
         choices: [(value: String, text: String)], layout: String = "inline") {
        let id = form.idPrefix + name
        self.id = id
        self.name = name
        self.label = label
        error = form.errors[name]
        self.required = required
        let chosen = multiple ? Set(form.lists[name] ?? []) : Set([form.values[name]].compactMap { $0 })
        options = choices.map {
            Option(id: "\(id)-\($0.value)", name: name, type: multiple ? "checkbox" : "radio", value: $0.value, text: $0.text, checked: chosen.contains($0.value))
        }
        self.layout = layout
        describedBy = error.map { _ in "\(id)-error" }
    }
}
