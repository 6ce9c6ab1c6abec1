import Mustache

/// The pages' templates, parsed once from the copies compiled into the binary
/// (`EmbeddedTemplates`, written by Scripts/embed-templates from Templates/).
enum PageTemplates {
    /// The library, or why a template did not parse (a bug of Templates/: a test parses them all).
    static let library: Result<MustacheLibrary, Error> = Result {
        var library = MustacheLibrary()
        for (file, text) in EmbeddedTemplates.files where file.hasSuffix(".mustache") {
            try library.register(text, named: String(file.dropLast(".mustache".count)))
        }
        return library
    }

    /// The stylesheet every page links to.
    static var stylesheet: String { EmbeddedTemplates.files["style.css"] ?? "" }

    /// `template` rendered with `object`; HTML-escaped except where a template says otherwise.
    static func render(_ template: String, _ object: Any) throws -> String {
        guard let html = try library.get().render(object, withTemplate: template) else { throw ServiceError.internal }
        return html
    }
}
