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

    /// Each pattern captures what to keep before the secret, then matches the secret.
    nonisolated(unsafe) private static let patterns: [Regex<(Substring, Substring)>] = [
        // libpq ends the user info at the first '@' or '/', so a password holds neither.
        #"(postgres(?:ql)?://[^:@/]*:)[^@/]*(?=@)"#,
        // A URI's query parameters end at '&'.
        #"([?&](?:ssl)?password=)[^&\s]*"#,
        // conninfo: a keyword not inside a longer word (nor a URI parameter, done above),
        // then a single-quoted value (to its closing quote, or the end) or a bare one.
        #"((?:^|[^?&\w])(?:ssl)?password\s*=\s*)(?:'(?:\\.|[^'\\])*'?|(?:\\.|[^\s\\])+)"#,
    ].map { try! Regex($0, as: (Substring, Substring).self).ignoresCase() }
}
