import Foundation
import Testing

/// `jianyi --generate-completion-script bash|zsh|fish`: file names for the files commands read
/// and write, and the congress's codes asked of the database (`---completion`).
@Suite struct CompletionTests {
    static func script(_ shell: String, _ jianyi: Jianyi) throws -> String {
        try jianyi.ok("--generate-completion-script", shell).stdout
    }

    /// Asks the binary for the completions of `option` of `command`, the word typed so far
    /// being `prefix`, as the shell scripts do on TAB.
    static func complete(_ jianyi: Jianyi, _ command: [String], _ option: String, _ prefix: String,
                         databaseURL: String? = nil) throws -> Jianyi.Result {
        let words = ["jianyi"] + command + [option, prefix]
        return try jianyi.run(["---completion"] + command + ["--", option, String(words.count - 1), String(prefix.count)] + words,
                              databaseURL: databaseURL)
    }

    @Test func bashCompletesFilesAndCallsBackForCodes() throws {
        let script = try Self.script("bash", try Jianyi(migrated: false))
        for option in ["--output", "--body-file", "--text-file"] {
            #expect(script.contains("'\(option)')\n        __jianyi_add_completions -f\n"), "\(option)")
        }
        #expect(script.contains("'--out-dir')\n        __jianyi_add_completions -d\n"))
        // The CSV arguments and `assign --file` offer .csv files (and folders to walk into).
        #expect(script.components(separatedBy: "__jianyi_add_completions -o plusdirs -fX '!*.@(csv)'").count - 1 >= 5)
        for callback in ["list -- --unit", "list -- --deputy", "register -- --deputy", "register -- --cosigner", "register -- --session",
                         "assign -- --lead", "assign -- --co", "score units -- --explain", "export satisfaction -- --session"] {
            #expect(script.contains("__jianyi_custom_complete ---completion \(callback) "), "\(callback)")
        }
    }

    @Test func zshCompletesFilesAndCallsBackForCodes() throws {
        let script = try Self.script("zsh", try Jianyi(migrated: false))
        #expect(script.contains("replaced whole or not at all.]:file:_files'"))
        #expect(script.contains("]:body-file:_files'") && script.contains("]:text-file:_files'"))
        #expect(script.contains("]:out-dir:_files -/'"))
        #expect(script.components(separatedBy: ":_files -g '\\''*.csv'\\''").count - 1 >= 5)
        for callback in ["list -- --unit", "register -- --deputy", "register -- --session", "transfer approve -- --to"] {
            #expect(script.contains("{__jianyi_custom_complete ---completion \(callback) "), "\(callback)")
        }
    }

    @Test func fishCompletesFilesAndCallsBackForCodes() throws {
        let script = try Self.script("fish", try Jianyi(migrated: false))
        let lines = script.components(separatedBy: "\n")
        func line(_ command: String, _ option: String) -> String? {
            lines.first { $0.contains("\"jianyi \(command)\" \(option)'") && $0.contains("-l '\(option)'") }
        }
        #expect(line("list", "output")?.hasSuffix(" -rF") == true)
        #expect(line("register", "body-file")?.hasSuffix(" -rF") == true)
        #expect(line("overdue run", "out-dir")?.contains("(__jianyi_complete_directories)") == true)
        #expect(line("assign", "file")?.contains("*.\\'csv\\'") == true)
        #expect(lines.contains { $0.contains("\"jianyi import suggestions\" -eq 1") && $0.contains("*.\\'csv\\'") })
        #expect(line("list", "unit")?.contains("(__jianyi_custom_completion ---completion list -- --unit ") == true)
        #expect(line("register", "session")?.contains("---completion register -- --session ") == true)
    }

    @Test func codesComeFromTheDatabase() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.ok("unit", "add", "ZJJ", "--name", "市住房和城乡建设局")
        try jianyi.ok("session", "add", "5-5", "--opened", "2025-01-20", "--closed", "2025-01-23")
        let units = try Self.complete(jianyi, ["list"], "--unit", "")
        #expect(units.code == 0 && units.stderr.isEmpty, "\(units.stderr)")
        #expect(units.stdout.split(separator: "\n") == ["SJJ", "ZJJ"])
        #expect(try Self.complete(jianyi, ["list"], "--unit", "Z").stdout.split(separator: "\n") == ["ZJJ"])
        #expect(try Self.complete(jianyi, ["register"], "--deputy", "").stdout.split(separator: "\n") == ["D001", "D002", "D003"])
        #expect(try Self.complete(jianyi, ["register"], "--session", "5-").stdout.split(separator: "\n") == ["5-4", "5-5"])
        #expect(try Self.complete(jianyi, ["transfer", "approve"], "--to", "S").stdout.split(separator: "\n") == ["SJJ"])
    }

    /// A database that is down, not migrated, or not a libpq string completes nothing and says
    /// nothing: the shell's command line is never written over with an error.
    @Test func noDatabaseCompletesNothingSilently() throws {
        let jianyi = try Jianyi(migrated: false)
        for url in [jianyi.database, "host=/nonexistent dbname=jianyi", "postgresql://%zz"] {
            let result = try Self.complete(jianyi, ["list"], "--unit", "", databaseURL: url)
            #expect(result.code == 0, "\(url)")
            #expect(result.stdout.isEmpty && result.stderr.isEmpty, "\(url): \(result.stdout) \(result.stderr)")
        }
    }
}
