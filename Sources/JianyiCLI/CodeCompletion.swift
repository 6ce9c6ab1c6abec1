import ArgumentParser
import CaseStore
import Foundation

/// Shell completion of the congress's codes (units, deputies, sessions), asked of the database
/// each time TAB is pressed. The shell waits on it, so it connects with a short timeout, and it
/// answers nothing at all, on either stream, when the database cannot be reached, is not
/// migrated or has no such congress: a completion never prints an error into the command line.
enum CodeCompletion {
    enum Kind { case unit, deputy, session }

    static let units = CompletionKind.custom { words, _, prefix in codes(.unit, words: words, prefix: prefix) }
    static let deputies = CompletionKind.custom { words, _, prefix in codes(.deputy, words: words, prefix: prefix) }
    static let sessions = CompletionKind.custom { words, _, prefix in codes(.session, words: words, prefix: prefix) }

    /// Seconds to wait for the database: PGCONNECT_TIMEOUT when set, else this.
    static let connectTimeout = "2"

    /// The codes of `kind` starting with `prefix`, in the congress the command line (or the
    /// environment) names, on the database it names.
    static func codes(_ kind: Kind, words: [String], prefix: String) -> [String] {
        let environment = ProcessInfo.processInfo.environment
        let url = value(of: "--database-url", in: words) ?? environment["DATABASE_URL"]
        if let url, DatabaseAddress.problem(with: url) != nil { return [] }
        if environment["PGCONNECT_TIMEOUT"] == nil { setenv("PGCONNECT_TIMEOUT", connectTimeout, 1) }
        let named = value(of: "--congress", in: words) ?? environment["JIANYI_CONGRESS"].flatMap { $0.isEmpty ? nil : $0 }
        guard let store = try? Store(url: url, actor: "completion"), let congress = try? store.congress(named) else { return [] }
        let codes: [String]?
        switch kind {
        case .unit: codes = try? store.units(congress).map(\.code)
        case .deputy: codes = try? store.deputies(congress).map(\.code)
        case .session: codes = try? store.sessions(congress).map(\.code)
        }
        return (codes ?? []).filter { $0.hasPrefix(prefix) }
    }

    /// The value given to `option` on the command line being completed (`--x V` or `--x=V`),
    /// with one layer of shell quotes taken off; nil when it is not there.
    static func value(of option: String, in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word == option, index + 1 < words.count { return unquoted(words[index + 1]) }
            if word.hasPrefix(option + "=") { return unquoted(String(word.dropFirst(option.count + 1))) }
        }
        return nil
    }

    private static func unquoted(_ word: String) -> String {
        for quote in ["'", "\""] where word.count >= 2 && word.hasPrefix(quote) && word.hasSuffix(quote) {
            return String(word.dropFirst().dropLast())
        }
        return word
    }
}

/// File completions for the files the commands read and write.
enum FileCompletion {
    static let csv = CompletionKind.file(extensions: ["csv"])
    static let text = CompletionKind.file()
}
