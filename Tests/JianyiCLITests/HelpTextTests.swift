import Foundation
import Testing

/// Help is wrapped by the argument parser to the terminal's width, never by hard line breaks
/// inside a sentence. With COLUMNS so wide that the parser wraps nothing, every line break
/// left is one the text itself holds; between two lines of prose it must end a sentence (or
/// a clause introducing what follows). Examples, list items and option rows are lines of
/// their own.
@Suite struct HelpTextTests {
    /// Every command path, found by walking the SUBCOMMANDS sections from the root.
    static func commandPaths(_ jianyi: Jianyi) throws -> [[String]] {
        var paths: [[String]] = [], queue: [[String]] = [[]]
        while !queue.isEmpty {
            let path = queue.removeFirst()
            paths.append(path)
            queue += try subcommands(try help(jianyi, path)).map { path + [$0] }
        }
        return paths
    }

    static func help(_ jianyi: Jianyi, _ path: [String]) throws -> String {
        let result = try jianyi.run(path + ["--help"])
        #expect(result.code == 0, "\(path): \(result.stderr)")
        return result.stdout
    }

    static func subcommands(_ help: String) -> [String] {
        guard let start = help.range(of: "\nSUBCOMMANDS:\n") else { return [] }
        return help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { $0.hasPrefix("  ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { $0 != "help" }
    }

    /// The pairs of lines where a sentence runs on past a hard line break.
    static func brokenSentences(_ help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var broken: [String] = []
        var section = "OVERVIEW"
        for (line, next) in zip(lines, lines.dropFirst()) {
            if let header = line.firstMatch(of: /^([A-Z]+):/) { section = String(header.1) }
            let (a, b) = (line.trimmingCharacters(in: .whitespaces), next.trimmingCharacters(in: .whitespaces))
            guard !a.isEmpty, !b.isEmpty else { continue }
            if section == "OVERVIEW" {
                // An example or list line stands alone; so does the line before one.
                let standsAlone = { (text: String) in ["jianyi ", "$ ", "- ", "• "].contains { text.hasPrefix($0) } }
                if standsAlone(a) || standsAlone(b) || line.hasPrefix("  ") && !line.hasPrefix("OVERVIEW") { continue }
                if a.range(of: #"[.:;!?。：；！？]["'”’)）]*$"#, options: .regularExpression) == nil { broken.append("\(a) ⏎ \(b)") }
            } else if section == "OPTIONS" || section == "ARGUMENTS" {
                // A row holding a flag and its help, then a line of help text: a break inside the help.
                let row = line.range(of: #"^  \S.*\S {2,}\S"#, options: .regularExpression) != nil
                let continued = next.range(of: #"^ {6,}[^\s-]"#, options: .regularExpression) != nil
                if row && continued { broken.append("\(a) ⏎ \(b)") }
            }
        }
        return broken
    }

    @Test func noCommandsHelpBreaksASentence() throws {
        var jianyi = try Jianyi(migrated: false)
        jianyi.environment["COLUMNS"] = "10000"
        let paths = try Self.commandPaths(jianyi)
        #expect(paths.count > 40)  // the walk found the tree, not only the root
        #expect(paths.contains(["score", "units"]) && paths.contains(["overdue", "digests"]))
        for path in paths {
            let broken = Self.brokenSentences(try Self.help(jianyi, path))
            #expect(broken.isEmpty, "jianyi \(path.joined(separator: " ")) --help: \(broken)")
        }
    }

    /// The check itself: it finds the breaks the root help had, and passes what the parser lays out.
    @Test func theCheckFindsAHardBreak() {
        let old = """
            OVERVIEW: Tracks deputies' suggestions.

            The database comes from --database-url or DATABASE_URL; the congress from --congress or
            JIANYI_CONGRESS (or the only one). Start with:
              jianyi db migrate
            Exit codes: 0 done, 66 missing input
            file, 69 database unreachable.

            USAGE: jianyi <subcommand>

            OPTIONS:
              --format <format>       table or json, one line
                                      and a broken one.
              --statement-timeout <ms>
                                      Milliseconds a statement may run.
            """
        #expect(Self.brokenSentences(old) == [
            "The database comes from --database-url or DATABASE_URL; the congress from --congress or ⏎ JIANYI_CONGRESS (or the only one). Start with:",
            "Exit codes: 0 done, 66 missing input ⏎ file, 69 database unreachable.",
            "--format <format>       table or json, one line ⏎ and a broken one.",
        ])
    }
}
