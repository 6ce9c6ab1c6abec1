import Foundation
import Postgres
import Testing

/// What every run of the binary must respect, whatever it was given: the checks the hostile
/// corpus applies to each case.
enum Contract {
    /// The exit codes the README documents; nothing else may come out (no 1, no 70, no signal).
    static let exitCodes: Set<Int32> = [0, 64, 65, 66, 69, 73, 74, 75, 78]
}

extension Jianyi.Result {
    /// The first line of standard error, without its newline.
    var firstErrorLine: String { String(stderr.split(separator: "\n", omittingEmptySubsequences: false).first ?? "") }
}

/// Asserts a refusal: the documented code, one `jianyi: …` line on stderr (mentioning
/// `mentioning` when given) with no control characters, and nothing on stdout.
func expectRefused(_ result: Jianyi.Result, _ code: Int32, mentioning: String? = nil,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(Contract.exitCodes.contains(result.code), "exit \(result.code) is not in the contract", sourceLocation: sourceLocation)
    #expect(result.code == code, "expected exit \(code), got \(result.code): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("jianyi: "), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasSuffix("\n") && result.stderr.dropLast().firstIndex(of: "\n") == nil,
            "not one line: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(!result.stderr.unicodeScalars.contains { isControl($0) && $0 != "\n" },
            "control character on stderr: \(result.stderr.debugDescription)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "stdout after a refusal: \(result.stdout)", sourceLocation: sourceLocation)
    if let mentioning {
        #expect(result.stderr.contains(mentioning), "'\(mentioning)' not in: \(result.stderr)", sourceLocation: sourceLocation)
    }
}

/// C0 (but tab and newline), DEL and C1 controls: what must never reach a terminal raw.
func isControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
}

extension Jianyi {
    /// Every row of every table of the database, in a stable order: compare before and after
    /// a refused command to prove it changed nothing.
    func snapshot() throws -> String {
        let connection = try Connection(database)
        let tables = try connection.query("""
            SELECT quote_ident(table_name) AS name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
            """).rows.map { try $0.decode(String.self, "name") }
        var dump = ""
        for table in tables {
            dump += "== \(table)\n"
            for row in try connection.query(PostgresQuery(unsafeSQL: "SELECT t::text AS row FROM \(table) t ORDER BY 1")).rows {
                dump += try row.decode(String.self, "row") + "\n"
            }
        }
        return dump
    }

    /// Runs `arguments` (in `directory`, when given), expects the refusal `code`, and checks the
    /// database is unchanged.
    @discardableResult
    func expectRefusal(_ arguments: [String], _ code: Int32, mentioning: String? = nil, input: String? = nil,
                       directory: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let before = try snapshot()
        let result = try run(arguments, input: input, directory: directory)
        expectRefused(result, code, mentioning: mentioning, sourceLocation: sourceLocation)
        #expect(try snapshot() == before, "the database changed after a refused \(arguments)", sourceLocation: sourceLocation)
        return result
    }
}

/// A fresh folder under the temporary directory.
func temporaryDirectory() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jianyi-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.path
}
