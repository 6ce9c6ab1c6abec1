/// Keeps passwords out of messages. libpq echoes a connection URI it cannot parse, argument
/// parsers echo what they were given, and a message that quotes either must still be safe to
/// print, log or paste into a ticket.
public enum Secrets {
    /// What a password becomes.
    public static let mask = "***"

    /// `text` with every password that a connection string in it carries replaced by `***`:
    /// in URIs the `user:PASSWORD@` part and `?password=` / `&password=` parameters, in
    /// conninfo `password=…` (quoted or not, backslash escapes included), `sslpassword` too,
    /// keywords in any case. Everything else is left as it was.
    public static func redacted(_ text: String) -> String {
        // Most messages quote no connection string: skip the regular expressions for them.
        guard text.contains("://") || text.lowercased().contains("password") else { return text }
        var result = text
        for pattern in patterns {
            result = result.replacing(pattern) { match in match.output.1 + mask }
        }
        return result
    }

    /// Why a URI's user information or parameters cannot be shown safely even redacted, or
    /// nil. libpq ends the user information at the first `/` and quotes a bad `%` escape
    /// whole, so a password holding an unencoded `/`, `@` or `%` would be split across the
    /// host, port and database of a message, or quoted, where no pattern can find it. Such a
    /// URI is refused before libpq reads it, and the reason quotes none of it.
    public static func uriProblem(_ uri: String) -> String? {
        guard let scheme = ["postgresql://", "postgres://"].first(where: { uri.lowercased().hasPrefix($0) }) else { return nil }
        let rest = uri.dropFirst(scheme.count)
        let path = rest.prefix { $0 != "?" }
        let query = rest.dropFirst(path.count + 1)
        let encodeIt = "percent-encode it (% as %25, / as %2F, @ as %40)"
        if let lastAt = path.lastIndex(of: "@") {
            let authority = path.prefix { $0 != "/" }
            // An '@' past the first '/' may be a database's own (`/db@archive`), but after a
            // ':' it is the end of a password that held a '/'.
            let splitPassword = authority.endIndex < lastAt && path[..<lastAt].contains(":")
            if splitPassword || authority.filter({ $0 == "@" }).count > 1 {
                return "its user name or password holds an unencoded '/' or '@': \(encodeIt)"
            }
            if !hasValidEscapes(path[..<lastAt]) {
                return "its user name or password holds a '%' that is not followed by two hex digits: \(encodeIt)"
            }
        }
        for parameter in query.split(separator: "&") where !hasValidEscapes(parameter) {
            let name = parameter.prefix { $0 != "=" }
            return "its parameter '\(name.count <= 40 ? String(name) : "?")' holds a '%' that is not followed by two hex digits: \(encodeIt)"
        }
        return nil
    }

    private static func hasValidEscapes(_ text: Substring) -> Bool {
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "%") else { continue }
            for _ in 0..<2 {
                guard let digit = bytes.next(), Character(Unicode.Scalar(digit)).isHexDigit else { return false }
            }
        }
        return true
    }

    /// Each pattern captures what to keep before the secret, then matches the secret.
    nonisolated(unsafe) private static let patterns: [Regex<(Substring, Substring)>] = [
        // libpq ends the user info at the first '@' or '/', so a password holds neither.
        #"(postgres(?:ql)?://[^:@/]*:)[^@/]*(?=@)"#,
        // A URI's query parameters end at '&'.
        #"([?&](?:ssl)?password=)[^&\s'"]*"#,
        // conninfo: a keyword not inside a longer word (nor a URI parameter, done above),
        // then a single-quoted value (to its closing quote, or the end) or a bare one.
        #"((?:^|[^?&\w])(?:ssl)?password\s*=\s*)(?:'(?:\\.|[^'\\])*'?|(?:\\.|[^\s\\])+)"#,
    ].map { try! Regex($0, as: (Substring, Substring).self).ignoresCase() }
}
