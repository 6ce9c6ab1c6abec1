import Foundation
import Testing

/// A row of a suggestion file that the registration itself refuses (a typed refusal the CLI
/// words) is listed with its line, under its column where the words name one, as before.
@Suite struct TypedRowRefusalTests {
    @Test(arguments: [
        ("\(String(repeating: "建", count: 201)),D001,,5-4,session,教育,,2024-01-21\n",
         " line 2, column 1 (title): the title has 201 characters; at most 200"),
        ("关于增加学位的建议,D001,D001,5-4,session,教育,,2024-01-21\n",
         " line 2: --cosigner: D001 is the lead deputy and cannot also co-sign"),
        ("关于增加学位的建议,D001,,,session,教育,,2024-01-21\n",
         " line 2: --channel session needs --session CODE"),
    ])
    func aRegistrationRefusalIsListedWithItsLine(rows: String, words: String) throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let file = try temporaryFile("建议.csv", ImportErrorTests.suggestionHeader + rows)
        try jianyi.expectRefusal(["import", "suggestions", file], 65, mentioning: file + words)
    }
}
