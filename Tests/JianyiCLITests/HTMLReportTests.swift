import Foundation
import Testing

/// The satisfaction and score pages as people read them: what and when in the heading, charts
/// ranked by their figure, whole names, headers that fit the grouping, 无数据, English.
@Suite struct HTMLReportTests {
    static let longName = "吕梁市住房和城乡建设局城市更新与历史文化街区保护中心"
    static let hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"

    /// ZJJ (a long name) is rated satisfied and replies on time; JTJ replies late, rated basic;
    /// AAA never replies. By code AAA comes first, by any rate it comes last.
    func threeUnits() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        for (code, name) in [("ZJJ", Self.longName), ("JTJ", "市交通运输局"), ("AAA", Self.hostile)] { try jianyi.ok("unit", "add", code, "--name", name) }
        for (title, lead) in [("关于加快老旧小区改造的建议", "ZJJ"), ("关于增设公交站点的建议", "JTJ"), ("关于整治占道经营的建议", "AAA")] {
            let n = try jianyi.acceptedCase(title)
            try jianyi.ok("assign", n, "--lead", lead, "--on", "2024-02-20")
        }
        try jianyi.ok("contact", "5-4-0001", "--unit", "ZJJ", "--mode", "phone", "--on", "2024-03-01")
        try jianyi.ok("reply", "5-4-0001", "--unit", "ZJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-04-01")
        try jianyi.ok("rate", "5-4-0001", "--result", "satisfied", "--attitude", "satisfied", "--on", "2024-04-10")
        try jianyi.ok("reply", "5-4-0002", "--unit", "JTJ", "--outcome", "C", "--text", "条件不具备", "--on", "2024-05-21")
        try jianyi.ok("rate", "5-4-0002", "--result", "basic", "--attitude", "basic", "--on", "2024-05-30")
        try jianyi.ok("policy", "set", "min_rated_cases", "1")
        return jianyi
    }

    /// The chart labels of the chart titled `title`, in page order.
    func chartLabels(_ html: String, _ title: String) -> [String] {
        guard let start = html.range(of: "<figcaption>\(title)</figcaption>") else { return [] }
        let rest = html[start.upperBound...]
        let chart = rest.range(of: "</figure>").map { rest[..<$0.lowerBound] } ?? rest
        return chart.components(separatedBy: "<div class=\"label\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func theHeadingSaysTheCongressWhatAndWhen() throws {
        let jianyi = try threeUnits()
        let html = try jianyi.ok("export", "satisfaction", "--format", "html", "--session", "5-4", "--today", "2026-11-23").stdout
        #expect(html.contains("<p class=\"congress\">吕梁市人民代表大会</p>\n<h1>代表建议办理满意度测评</h1>"))
        #expect(html.contains("<p class=\"covers\">范围：五届四次会议（5-4），按承办单位</p>"))
        #expect(html.contains("数据截至 <time datetime=\"2026-11-23\">2026年11月23日</time> · 制表 <time datetime=\"2026-11-23\">2026年11月23日</time>"))
        #expect(html.contains("比率为百分数，保留一位小数") && !html.contains("四位小数"))
        #expect(html.contains("thead { display: table-header-group; }") && html.contains("@page { size: A4 landscape;"))
    }

    @Test func chartsAreRankedByTheFigureShownWithWholeNames() throws {
        let jianyi = try threeUnits()
        let html = try jianyi.ok("export", "satisfaction", "--format", "html").stdout
        let escapedHostile = "AAA &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"
        // Satisfaction: ZJJ 100 %, JTJ 100 % on one rating each (ZJJ first by code), AAA nothing to rate.
        #expect(chartLabels(html, "满意率（满意＋基本满意）") == ["JTJ 市交通运输局", "ZJJ " + Self.longName, escapedHostile])
        // On time: ZJJ 1/1, JTJ 0/1, AAA 0/1 (by code among equals).
        #expect(chartLabels(html, "按期答复率") == ["ZJJ " + Self.longName, escapedHostile, "JTJ 市交通运输局"])
        #expect(!html.contains("…"))
        #expect(!html.contains("<script") && !html.contains("<img"))

        let score = try jianyi.ok("score", "units", "--format", "html").stdout
        let scored = chartLabels(score, "得分（不含样本不足的单位）")
        #expect(scored.first == "1. ZJJ " + Self.longName, "\(scored)")
        #expect(scored.count == 2)  // AAA has no rating: 样本不足, not charted
        #expect(score.components(separatedBy: "<figure class=\"chart\">").count == 4)
    }

    @Test func headersFitTheGrouping() throws {
        let jianyi = try threeUnits()
        let deputy = try jianyi.ok("export", "satisfaction", "--by", "deputy", "--format", "html").stdout
        #expect(deputy.contains("<thead><tr><th>代表</th><th>姓名</th><th>件数</th>"))
        #expect(deputy.contains("<tr><td class=\"l\">D001</td><td class=\"l name\">史芷彤</td><td>3</td>"))
        let category = try jianyi.ok("export", "satisfaction", "--by", "category", "--format", "html").stdout
        #expect(category.contains("<thead><tr><th>类别</th><th>件数</th>"))
        #expect(!category.contains("<th>名称</th>") && !category.contains("<th>姓名</th>"))
        let unit = try jianyi.ok("export", "satisfaction", "--format", "html").stdout
        #expect(unit.contains("<thead><tr><th>承办单位</th><th>名称</th><th>件数</th>"))
    }

    @Test func anEmptySelectionSaysNoData() throws {
        let jianyi = try threeUnits()
        for arguments in [["export", "satisfaction", "--from", "2030-01-01", "--format", "html"], ["score", "units", "--key", "--format", "html"]] {
            let html = try jianyi.ok(arguments).stdout
            #expect(html.contains("<main>\n<p class=\"empty\">无数据</p>\n</main>"), "\(arguments)")
            #expect(!html.contains("<table") && !html.contains("<figure"), "\(arguments)")
        }
        let english = try jianyi.ok("export", "satisfaction", "--from", "2030-01-01", "--format", "html", "--lang", "en").stdout
        #expect(english.contains("<p class=\"empty\">No data</p>"))
    }

    @Test func englishLabelsThroughout() throws {
        let jianyi = try threeUnits()
        let html = try jianyi.ok("score", "units", "--format", "html", "--lang", "en", "--today", "2026-11-23").stdout
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<title>Handling units&#39; scores — 吕梁市人民代表大会</title>"))
        #expect(html.contains("<thead><tr><th>rank</th><th>unit</th><th>name</th><th>cases</th>"))
        #expect(html.contains("Figures as of <time datetime=\"2026-11-23\">2026-11-23</time>"))
        #expect(html.contains("<p class=\"covers\">Covers: all assigned suggestions</p>"))
        #expect(html.contains("<figcaption>on time</figcaption>"))
        // Nothing Chinese but the congress's and the units' own names.
        let words = html.replacingOccurrences(of: "吕梁市人民代表大会", with: "").replacingOccurrences(of: Self.longName, with: "")
            .replacingOccurrences(of: "市交通运输局", with: "").replacingOccurrences(of: "Noto Sans CJK SC", with: "")
        let chinese = words.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
        #expect(chinese.isEmpty, "\(String(String.UnicodeScalarView(chinese)))")
    }
}
