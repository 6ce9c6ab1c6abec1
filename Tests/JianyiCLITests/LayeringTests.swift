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
}
