import Foundation
import Testing

/// The front ends speak to the database only through CaseStore's use cases: no import of
/// the driver, no reaching for a connection. (The tests may; they go around the front ends on purpose.)
@Suite struct LayeringTests {
    @Test(arguments: [("JianyiCLI", 10), ("Presentation", 2)])
    func theFrontEndsDoNotUseTheDriver(module: String, atLeast: Int) throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/\(module)").standardized
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count >= atLeast)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("import Postgres"), "\(file) imports Postgres")
            #expect(text.firstMatch(of: /\.connection\b/) == nil, "\(file) reaches through a connection")
            #expect(!text.contains("PostgresError"), "\(file) names the driver's error")
        }
    }

    /// Casework and CaseStore refuse with values; which flag a value came in, and the words,
    /// are the CLI's (its *ErrorText.swift files).
    @Test func theDomainNamesNoFlag() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardized
        var files = 0
        for layer in ["Casework", "CaseStore"] {
            let folder = root.appendingPathComponent(layer)
            // The schema's SQL, whose comments start with `--`, is embedded as it is.
            for file in try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap({ $0 as? String })
            where file.hasSuffix(".swift") && file != "EmbeddedSchema.swift" {
                files += 1
                let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
                // Doc comments may name flags, and a step's name is the command that takes it
                // (`case accept = "review --accept"`).
                for line in lines where !line.trimmingCharacters(in: .whitespaces).hasPrefix("///") && line.firstMatch(of: /^\s*case \w+ = "/) == nil {
                    // A string that starts with a flag, or a flag inside a string (` --skip-existing`).
                    #expect(line.firstMatch(of: /"--|[ (]--[a-z]/) == nil, "\(layer)/\(file) names a flag: \(line)")
                }
            }
        }
        #expect(files > 40)
    }
}
