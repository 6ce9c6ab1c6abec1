import Foundation
import Testing

/// A congress whose cases carry everything `export cases` writes, with hostile text in it.
extension Jianyi {
    /// Text a spreadsheet could run, markup, CJK, quotes, commas and line breaks, a leading `'`.
    static let hostileTitle = "=1+1 关于<script>alert(1)</script>的建议, \"引号\""
    static let hostileBody = "第一行\r\n第二行, \"quoted\"\n'already quoted\u{7}bell\t制表"

    /// LL with its units, and three cases: one through its whole life (transfer, contacts and
    /// an answer, two replies, two ratings, follow-up, supervision, co-signers, ref-less), one
    /// in the recess registered on 9999-12-31, one only submitted with formula-like text.
    /// Returns their numbers.
    @discardableResult
    func exchangeCases() throws -> [String] {
        try setUp()
        try addUnits()
        let n = try ok("register", "--title", Self.hostileTitle, "--body", Self.hostileBody, "--deputy", "D001",
                       "--cosigner", "D003", "--cosigner", "D002", "--session", "5-4", "--category", "@城建",
                       "--on", "2024-01-21").stdout.trimmingCharacters(in: .newlines)
        for arguments in [
            ["review", n, "--accept", "--on", "2024-01-30"],
            ["supervise", n, "--leader", "'张副主任", "--committee=-城建环保委", "--on", "2024-02-01"],
            ["assign", n, "--lead", "CGJ", "--co", "JTJ", "--complex", "--on", "2024-07-01"],
            ["transfer", "request", n, "--unit", "CGJ", "--reason", "=不属于本单位职责", "--on", "2024-07-03"],
            ["transfer", "approve", n, "--to", "ZJJ", "--on", "2024-07-05"],
            ["contact", n, "--unit", "ZJJ", "--mode", "phone", "--note", "电话沟通\n两次", "--on", "2024-07-10"],
            ["contact", "dispute", n, "--contact", "1", "--note", "未接到电话", "--on", "2024-07-12"],
            ["opinion", n, "--unit", "JTJ", "--text", "+同意", "--on", "2024-07-20"],
            ["reply", n, "--unit", "ZJJ", "--outcome", "B", "--plan-by", "2025-06-30", "--text", "已列入计划,\"年内\"", "--on", "2024-09-20"],
            ["rate", n, "--result", "dissatisfied", "--attitude", "basic", "--comment", "<b>进度太慢</b>", "--on", "2024-09-30"],
            ["reply", n, "--unit", "ZJJ", "--outcome", "B", "--plan-by", "2025-06-30", "--text", "加快进度", "--on", "2024-10-25"],
            ["rate", n, "--result", "satisfied", "--attitude", "satisfied", "--on", "2024-11-01"],
            ["follow-up", n, "--progress", "改造完成", "--done", "--on", "2025-05-30"],
        ] {
            try ok(arguments + ["--today", "2025-06-01"])
        }
        let late = try ok("register", "--title", "闭会期间的建议", "--deputy", "D002", "--recess", "--channel", "liaison_station",
                          "--station", "离石区联络站", "--on", "9999-12-31", "--today", "9999-12-31")
            .stdout.trimmingCharacters(in: .newlines)
        let plain = try ok("register", "--title", "-2 开头的标题", "--deputy", "D003", "--session", "5-4", "--on", "2024-01-22")
            .stdout.trimmingCharacters(in: .newlines)
        return [n, late, plain]
    }

    /// The same congress with no case: what an import goes into.
    static func emptyCongress() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.addUnits()
        return jianyi
    }
}
