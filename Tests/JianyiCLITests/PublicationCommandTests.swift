import Foundation
import Testing

/// 答复公开 through the binary: the deputy's consent (register, import, `publish --consent`), the
/// secretariat's mark (`publish --approve|--withhold`), and `export publication` writing only
/// the replies both allow, redacted, with the redactions listed apart.
@Suite struct PublicationCommandTests {
    static let replyText = "经核查，已对滨河路12号3栋路口进行改造。\n如有疑问请联系王科长13812345678或0358-8221234。<b>完</b>"

    /// A replied case of D001 in 5-4 on 2024-03-01 (consent as given at registration).
    func repliedCase(_ jianyi: Jianyi, title: String = "关于整治滨河路交通拥堵的建议", publish: String? = "yes",
                     text: String = Self.replyText) throws -> String {
        var register = ["register", "--title", title, "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21"]
        if let publish { register += ["--publish", publish] }
        let number = try jianyi.ok(register).stdout.trimmingCharacters(in: .newlines)
        try jianyi.ok("review", number, "--accept", "--on", "2024-01-30")
        try jianyi.ok("assign", number, "--lead", "ZJJ", "--on", "2024-02-20")
        try jianyi.ok("reply", number, "--unit", "ZJJ", "--outcome", "A", "--text", text, "--on", "2024-03-01")
        return number
    }

    func congress() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.addUnits()
        return jianyi
    }

    @Test func onlyConsentedAndApprovedRepliesAreExportedRedacted() throws {
        let jianyi = try congress()
        let published = try repliedCase(jianyi)
        let notConsented = try repliedCase(jianyi, title: "关于不同意公开的建议", publish: "no")
        let notSaid = try repliedCase(jianyi, title: "关于未表态的建议", publish: nil)
        let withheld = try repliedCase(jianyi, title: "关于被暂缓公开的建议")
        for number in [published, notConsented, notSaid] { try jianyi.ok("publish", number, "--approve", "--on", "2024-03-02") }
        try jianyi.ok("publish", withheld, "--approve", "--on", "2024-03-02")
        try jianyi.ok("publish", withheld, "--withhold", "--on", "2024-03-03")

        let csv = try jianyi.ok("export", "publication", "--format", "csv")
        // CSV lines end in CRLF (RFC 4180); a reply's own line break stays LF inside its quotes.
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == "number,title,deputy,delegation,session,lead_unit,lead_unit_name,replied_on,outcome,merged,reply")
        #expect(csv.stdout.contains("\(published),关于整治滨河路交通拥堵的建议,史芷彤,离石区代表团,5-4,ZJJ,市住房和城乡建设局,2024-03-01,A,,\"经核查，已对滨河路【已隐去】路口进行改造。\n如有疑问请联系王科长【已隐去】或【已隐去】。<b>完</b>\"\r\n"), "\(csv.stdout)")
        for number in [notConsented, notSaid, withheld] { #expect(!csv.stdout.contains(number)) }
        #expect(!csv.stdout.contains("13812345678") && !csv.stdout.contains("8221234"))
        #expect(csv.stderr == "jianyi: warning: 3 redactions in 1 replies; list them for review with --redactions FILE\n")
    }

    @Test func theHTMLIsEscapedPrintsOnA4AndTheRedactionsGoToTheirOwnFile() throws {
        let jianyi = try congress()
        let number = try repliedCase(jianyi, title: "关于<script>alert(1)</script>&的建议")
        try jianyi.ok("publish", number, "--approve", "--on", "2024-03-02")
        let folder = try temporaryDirectory()
        let page = folder + "/公开.html", review = folder + "/隐去清单.csv"
        let result = try jianyi.ok("export", "publication", "--session", "5-4", "--format", "html", "--output", page, "--redactions", review)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.components(separatedBy: "<style>").count == 2 && !html.contains("<link") && !html.contains("<script>"))
        #expect(html.contains("<h2>关于&lt;script&gt;alert(1)&lt;/script&gt;&amp;的建议</h2>"), "\(html)")
        #expect(html.contains("如有疑问请联系王科长【已隐去】或【已隐去】。&lt;b&gt;完&lt;/b&gt;</p>"), "\(html)")
        #expect(!html.contains("13812345678"))
        let listed = try String(contentsOfFile: review, encoding: .utf8)
        #expect(listed == ["number,kind,original", "\(number),mobile,13812345678", "\(number),landline,0358-8221234",
                           "\(number),address,12号3栋", ""].joined(separator: "\r\n"))
    }

    @Test func consentChangesUntilTheReplyAndNotAfter() throws {
        let jianyi = try congress()
        let number = try jianyi.acceptedCase()
        try jianyi.ok("publish", number, "--consent", "yes", "--on", "2024-01-31")
        try jianyi.ok("publish", number, "--consent", "no", "--on", "2024-02-01")
        #expect(try eventKinds(jianyi, number).suffix(2) == ["publish_consent", "publish_consent"])
        try jianyi.ok("assign", number, "--lead", "ZJJ", "--on", "2024-02-20")
        try jianyi.ok("publish", number, "--consent", "yes", "--on", "2024-02-21")
        try jianyi.ok("reply", number, "--unit", "ZJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-03-01")
        try jianyi.expectRefusal(["publish", number, "--consent", "no", "--on", "2024-03-02"], 65,
                                 mentioning: "\(number) is replied (已答复); the deputy's consent is recorded or changed only before the reply")
        try jianyi.ok("publish", number, "--approve", "--on", "2024-03-02")
        #expect(try jianyi.ok("export", "publication", "--format", "csv").stdout.contains("\n\(number),"))
    }

    @Test func refusalsChangeNothing() throws {
        let jianyi = try congress()
        let number = try jianyi.acceptedCase()
        try jianyi.expectRefusal(["publish", number], 64, mentioning: "give one of --consent yes|no, --approve or --withhold")
        try jianyi.expectRefusal(["publish", number, "--approve", "--withhold"], 64, mentioning: "give one of")
        try jianyi.expectRefusal(["publish", number, "--consent", "maybe"], 64, mentioning: "--consent")
        try jianyi.expectRefusal(["publish", number, "--approve", "--on", "2024-01-29"], 65, mentioning: "--on: 2024-01-29 is before 2024-01-30")
        try jianyi.expectRefusal(["publish", "5-4-0099", "--approve"], 65, mentioning: "5-4-0099 does not exist")
        try jianyi.expectRefusal(["register", "--title", "关于某事的建议", "--deputy", "D001", "--session", "5-4", "--publish", "ok"], 64,
                                 mentioning: "--publish")
        try jianyi.ok("withdraw", number, "--reason", "已解决", "--on", "2024-01-31")
        try jianyi.expectRefusal(["publish", number, "--approve"], 65, mentioning: "\(number) is withdrawn (已撤回) and has no reply of its own to publish")
        try jianyi.expectRefusal(["export", "publication", "--format", "xlsx"], 64, mentioning: "--format")
        try jianyi.expectRefusal(["export", "publication", "--format", "csv", "--session", "five"], 64, mentioning: "--session")
        let folder = try temporaryDirectory()
        try jianyi.expectRefusal(["export", "publication", "--format", "csv", "--output", folder], 73, mentioning: "--output")
        try jianyi.expectRefusal(["export", "publication", "--format", "csv", "--redactions", folder + "/missing/x.csv"], 73,
                                 mentioning: "--redactions")
    }

    @Test func theImportTakesAnOptionalPublishColumn() throws {
        let jianyi = try congress()
        let file = try temporaryFile("s.csv", """
            title,deputy,cosigners,session,channel,category,body,submitted_on,publish
            关于一的建议,D001,,5-4,,,,2024-01-21,yes
            关于二的建议,D002,,5-4,,,,2024-01-21,no
            关于三的建议,D003,,5-4,,,,2024-01-21,

            """)
        try jianyi.ok("import", "suggestions", file)
        let bad = try temporaryFile("bad.csv", """
            title,deputy,cosigners,session,channel,category,body,submitted_on,publish
            关于四的建议,D001,,5-4,,,,2024-01-21,是

            """)
        try jianyi.expectRefusal(["import", "suggestions", bad], 65, mentioning: "line 2, column 9 (publish): '是' is not one of yes|no")
        for (number, consent) in [("5-4-0001", true), ("5-4-0002", false)] {
            try jianyi.ok("review", number, "--accept", "--on", "2024-01-30")
            try jianyi.ok("assign", number, "--lead", "ZJJ", "--on", "2024-02-20")
            try jianyi.ok("reply", number, "--unit", "ZJJ", "--outcome", "C", "--text", "留作参考", "--on", "2024-03-01")
            try jianyi.ok("publish", number, "--approve", "--on", "2024-03-02")
            #expect(try jianyi.ok("export", "publication", "--format", "csv").stdout.contains("\n\(number),") == consent)
        }
    }
}

extension PublicationCommandTests {
    @Test func showSaysTheConsentAndTheMark() throws {
        let jianyi = try congress()
        let number = try repliedCase(jianyi)
        var shown = try jianyi.shown(number, today: "2024-03-02")
        #expect(shown["publish_consent"] as? String == "yes" && shown["publication"] is NSNull)
        try jianyi.ok("publish", number, "--withhold", "--on", "2024-03-02")
        shown = try jianyi.shown(number, today: "2024-03-02")
        #expect(shown["publication"] as? String == "withheld")
        #expect(try jianyi.ok("show", number, "--today", "2024-03-02").stdout.contains("答复公开  代表同意 · 不予公开\n"))
        let other = try jianyi.acceptedCase("关于另一事项的建议")
        shown = try jianyi.shown(other, today: "2024-03-02")
        #expect(shown["publish_consent"] is NSNull && shown["publication"] is NSNull)
    }
}
