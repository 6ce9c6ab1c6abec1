/// A value refused for what it is, before any rule is asked; the front end names the flag or
/// column it came in.
public enum InputError: DomainError, Equatable {
    /// Nothing visible: empty, white space, or only invisible characters (`Text.isBlank`).
    case blank(Field, value: String)
    /// Not one of the words `field` takes.
    case notOneOf(Field, value: String, choices: [String])
    /// Not a code of a congress, deputy or unit: 1–32 ASCII letters, digits, '.', '_' or '-'.
    case notACode(String)
}

/// A value a person writes, by what it is in the domain.
public indirect enum Field: Sendable, Equatable {
    case title, body, station, category
    /// A reply's or an opinion's text.
    case text
    /// Why a case is rejected or withdrawn, or a transfer asked for or refused.
    case reason
    case leader, committee, note, progress, comment
    case congressName, delegation
    case deputyName(code: String)
    case unitName(code: String)
    case unitKind
    /// The name of a day off or a makeup working day.
    case holidayName
    /// The value of `field`, read from a file.
    case file(Field)
}
