import Foundation
import Testing

/// The server reaches the database only through CaseStore's use cases: no Postgres, no SQL.
@Suite struct ServerLayeringTests {
    @Test func theServerNeitherImportsPostgresNorSpeaksSQL() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/JianyiServer").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        try #require(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("import Postgres"), "\(file) imports Postgres")
            #expect(!text.contains("SELECT ") && !text.contains("INSERT ") && !text.contains("UPDATE "), "\(file) has SQL")
        }
    }
}
