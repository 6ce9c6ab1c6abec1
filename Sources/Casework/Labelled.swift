/// A word of the domain's vocabulary as output names it: Chinese (the default of human
/// output), or in English its code, the name the CLI, JSON, CSV and the database use. Each
/// word's Chinese sits on its enum, so a new case cannot be added without it.
public protocol Labelled: RawRepresentable, CustomStringConvertible where RawValue == String {
    var zh: String { get }
}

extension Labelled {
    public func label(zh: Bool) -> String { zh ? self.zh : rawValue }

    /// Interpolated into a message, a word reads as its code (`transfer_window`), never as
    /// the Swift case name (`transferWindow`).
    public var description: String { rawValue }
}
