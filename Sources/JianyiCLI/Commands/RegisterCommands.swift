import ArgumentParser
import CaseStore
import Casework
import Foundation

extension Channel: ExpressibleByArgument {}
extension PublishConsent: ExpressibleByArgument {}

struct Register: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a suggestion (提交) and print its number.",
        discussion: """
            Numbers are gapless per series: 5-4-0001, 5-4-0002 … for a session; R2026-0001 … for \
            suggestions raised in recess (by the year of submission).

            Examples:
              jianyi register --title 关于加快老旧小区改造的建议 --deputy D001 --cosigner D002 --session 5-4 --category 城乡建设
              jianyi register --title 关于优化城区公交线路的建议 --deputy D007 --recess --on 2026-03-02
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Title (required, at most 200 characters).") var title: String
    @Option(help: "The lead deputy's code (领衔代表).", completion: CodeCompletion.deputies) var deputy: String
    @Option(help: "A co-signing deputy's code (附议); repeat for several.", completion: CodeCompletion.deputies)
    var cosigner: [String] = []
    @Option(help: "Session code, e.g. 5-4.", completion: CodeCompletion.sessions) var session: String?
    @Flag(help: "Raised between sessions (闭会期间).") var recess = false
    @Option(help: "session, recess or liaison_station.") var channel: Channel?
    @Option(help: "The liaison station's name (联络站).") var station: String?
    @Option(help: "Category, e.g. 城乡建设, 教育, 医疗卫生 (default 其他).") var category: String?
    @Option(help: "The text of the suggestion.") var body: String?
    @Option(name: .customLong("body-file"), help: "Read the text from a file (- for standard input).", completion: FileCompletion.text)
    var bodyFile: String?
    @Option(help: "Date submitted, YYYY-MM-DD (default today).") var on: String?
    @Option(help: "yes or no: the deputy consents to publishing the reply (答复公开); changed until the reply with jianyi publish --consent.")
    var publish: PublishConsent?
    @Option(help: "text (the number) or json.") var format: RegisterFormat = .text

    enum RegisterFormat: String, ExpressibleByArgument { case text, json }

    func validate() throws {
        if session != nil && recess { throw ValidationError("give --session or --recess, not both") }
        if session == nil && !recess && channel != .recess && channel != .liaisonStation {
            throw ValidationError("say where it was raised: --session CODE or --recess")
        }
        if body != nil && bodyFile != nil { throw ValidationError("give --body or --body-file, not both") }
    }

    func run() throws {
        let sessionCode = try session.map { try SessionCode.parse($0, for: "--session") }
        // Checked before the database is opened: a malformed --on is said first.
        if let on { _ = try Day.parse(on, for: "--on") }
        let text = try bodyFile.map { try Text.nonBlank(readInput($0), field: .file(.body)) } ?? body ?? ""
        let context = try Context(global)
        let congress = try context.congress()
        let registration = try Registration(
            title: title, body: text, deputy: deputy, cosigners: cosigner, session: sessionCode,
            channel: channel ?? (recess ? .recess : nil), station: station, category: category,
            submittedOn: try context.day(on, in: congress), publish: publish?.consents)
        let registered = try context.store.register(congress, registration)
        switch format {
        case .text: emit(registered.number + "\n")
        case .json: emit(JSONValue.object([("number", .string(registered.number)), ("id", .int(registered.id))]).serialized() + "\n")
        }
        // 反复提: said at once on standard error, so the secretariat can look before it accepts.
        let earlier = try context.store.similarEarlier(congress, caseID: registered.id)
        if !earlier.isEmpty {
            let list = earlier.prefix(3).map { "\($0.number) (\(String(format: "%.2f", $0.score)))" }.joined(separator: ", ")
            warn(context.text("反复提：与往届建议 \(list) 相似，见 jianyi show \(registered.number)",
                              "raised before: like \(list) of an earlier session; see jianyi show \(registered.number)"))
        }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bulk imports.", subcommands: [Suggestions.self, Cases.self])

    struct Suggestions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggestions",
            abstract: "Register every suggestion of a CSV file, numbered in file order (all rows or none).",
            discussion: """
                Columns: title,deputy,cosigners,session,channel,category,body,submitted_on[,ref]; \
                cosigners are ;-separated deputy codes; an empty session means recess; an empty \
                submitted_on means today; ref (optional) is the old platform's id of the case, kept \
                with it and unique in the congress. A row already registered (the same ref, or \
                without one the same deputy, session or recess year, and title) or repeating an \
                earlier row is refused; --skip-existing skips it instead, so a file can be imported \
                again. Every bad row is listed (exit 65; with --format json also on standard \
                output) and nothing is registered. The file is streamed: any size, in constant \
                memory; a progress line shows on a terminal. publish (optional) is the deputy's \
                consent to publishing the reply, yes or no (empty: not said).

                Example: jianyi import suggestions suggestions.csv
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ImportOptions
        @Argument(help: "CSV file (UTF-8; a BOM is fine; - for standard input).", completion: FileCompletion.csv) var file: String
        @Flag(name: .customLong("skip-existing"), help: "Skip rows already registered instead of refusing the file.")
        var skipExisting = false

        func run() throws {
            let source = try importSource(file)
            let context = try Context(global)
            let congress = try context.congress()
            let today = try context.today(in: congress)
            let progress = ProgressLine(quiet: options.quiet, lang: context.lang)
            defer { progress?.end() }
            var json = options.format == .json ? JSONArrayWriter() : nil
            let result = try options.reportingBadRows(day: "submitted_on") {
                try context.store.importSuggestions(
                    congress, source: source, file: file, defaultDay: today, today: today, skipExisting: skipExisting,
                    progress: progress.map { line in { rows, bytes in line.update(rows: rows, bytes: bytes, of: source.size) } },
                    each: json == nil ? nil : { registered in
                        progress?.end()
                        json!.append(.object([("number", .string(registered.number)), ("id", .int(registered.id))]))
                    })
            }
            progress?.end()
            if var json {
                json.finish()
                return
            }
            let first = result.first ?? "", last = result.last ?? ""
            var line = result.registered == 0 ? context.text("未登记新建议", "registered no new suggestions")
                : context.text("已登记 \(result.registered) 件建议（\(first) … \(last)）",
                               "registered \(result.registered) suggestions (\(first) … \(last))")
            if skipExisting {
                line += context.text("，跳过已登记 \(result.skipped) 件", ", skipped \(result.skipped) already registered")
            }
            emit(line + "\n")
        }
    }
}

/// What an import reads: a file streamed from disk (exit 66 when it cannot be opened), or
/// standard input (`-`), read whole.
func importSource(_ path: String) throws -> ImportSource {
    if path == "-" { return .bytes(try readBytes(path)) }
    guard FileManager.default.isReadableFile(atPath: path) else {
        throw Failure(.noInput, "\(path): no such file, or it cannot be read")
    }
    return .file(path: path)
}
