import Foundation
import Testing

/// A title within the 200-character limit whose characters each carry many combining marks
/// is several kilobytes: more than a btree entry holds, so the duplicate lookup's index keys
/// on its hash. It registers, and importing it again is still found as a duplicate.
@Suite struct LongTitleTests {
    @Test func aTitleOfManyBytesRegistersAndIsFoundAgain() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        let heavy = "关" + String(repeating: "\u{0301}", count: 20)
        let title = String(repeating: heavy, count: 200)
        #expect(title.count == 200 && title.utf8.count > 8192)
        let registered = try jianyi("register", "--title", title, "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21")
        #expect(registered.code == 0, "\(registered.stderr)")
        #expect(registered.stdout == "5-4-0001\n")
        let file = try temporaryFile("s.csv", "title,deputy,cosigners,session,channel,category,body,submitted_on\n\(title),D001,,5-4,,,,2024-01-21\n")
        try jianyi.expectRefusal(["import", "suggestions", file], 65, mentioning: "already registered as 5-4-0001")
    }
}
