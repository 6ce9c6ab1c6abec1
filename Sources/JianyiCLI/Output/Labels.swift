// How human output names the domain's words: each enum's own `label(zh:)` (Casework's
// Labelled). What is not an enum is named here.

/// Who owes a deadline: its unit, or the deputy (a rating) when it has none.
func ownerLabel(_ unit: String?, zh: Bool) -> String { unit ?? (zh ? "代表" : "deputy") }
