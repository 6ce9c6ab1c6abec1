import ArgumentParser
import Casework

/// The options of every command that imports a file: the format of its result and of the
/// bad rows of a refused file, and whether to show progress.
struct ImportOptions: ParsableArguments {
    @Option(help: "text or json: the result, or the bad rows of a refused file (on standard output, exit 65).")
    var format: ImportFormat = .text
    @Flag(help: "No progress line on standard error.") var quiet = false

    enum ImportFormat: String, ExpressibleByArgument { case text, json }

    /// Runs an import. A file refused for its rows is said as usual, a row's typed refusal
    /// worded with its day named by `day` (a column, or the flag the whole file's day came
    /// in); with --format json the bad rows are also given, in parts, on standard output.
    func reportingBadRows<Value>(day: String = "--on", _ body: () throws -> Value) throws -> Value {
        do { return try body() } catch let rows as RowRefusals {
            let refusal = DayGivenIn(refusal: rows, day: day)
            // In the language the refusal is said in on standard error.
            let lang = Jianyi.errorLanguage(Array(CommandLine.arguments.dropFirst()))
            if format == .json, let rows = refusal.failure(lang, day: day).badRows { emit(rows.json.serialized() + "\n") }
            throw refusal
        } catch let failure as Failure {
            if format == .json, let rows = failure.badRows { emit(rows.json.serialized() + "\n") }
            throw failure
        }
    }
}

extension BadRows {
    /// `{"file", "bad_rows", "rows": [{"line", "column", "column_name", "value", "reason"}]}`:
    /// every bad row up to the limit, by line; `bad_rows` counts them all.
    var json: JSONValue {
        .object([
            ("file", .string(file)),
            ("bad_rows", .int(count)),
            ("rows", .array(listed.map { row in
                .object([
                    ("line", .int(row.line)),
                    ("column", row.column.map { .int($0) } ?? .null),
                    ("column_name", row.columnName.map { .string($0) } ?? .null),
                    ("value", row.value.map { .string($0) } ?? .null),
                    ("reason", .string(row.reason)),
                ])
            })),
        ])
    }
}
