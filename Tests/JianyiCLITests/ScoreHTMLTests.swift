import Foundation
import Testing

/// `score units --format html`: one page with nothing fetched, every unit with its rank and
/// score, and names escaped so a unit cannot inject markup.
@Suite struct ScoreHTMLTests {
    @Test func aSelfContainedPageWithTheUnitsAndTheirScores() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        try jianyi.ok("unit", "add", "ZJJ", "--name", "市住房和城乡建设局")
        try jianyi.ok("unit", "add", "JTJ", "--name", "市交通<b>运输</b>局 & \"公交\"")
        for (title, lead) in [("关于加快老旧小区改造的建议", "ZJJ"), ("关于增设公交站点的建议", "JTJ")] {
            let n = try jianyi.acceptedCase(title)
            try jianyi.ok("assign", n, "--lead", lead, "--on", "2024-02-20")
        }
        // ZJJ: contacted, replied on time, solved (A), rated satisfied → every rate 1 → 100.00.
        try jianyi.ok("contact", "5-4-0001", "--unit", "ZJJ", "--mode", "phone", "--on", "2024-03-01")
        try jianyi.ok("reply", "5-4-0001", "--unit", "ZJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-04-01")
        try jianyi.ok("rate", "5-4-0001", "--result", "satisfied", "--attitude", "satisfied", "--on", "2024-04-10")
        // JTJ: replied late (due 05-20) without a contact, C, rated basic → only satisfaction counts: 45.00.
        try jianyi.ok("reply", "5-4-0002", "--unit", "JTJ", "--outcome", "C", "--text", "条件不具备", "--on", "2024-05-21")
        try jianyi.ok("rate", "5-4-0002", "--result", "basic", "--attitude", "basic", "--on", "2024-05-30")

        // One rated case each: not ranked by default (样本不足), ranked once the congress asks for 1.
        let unranked = try jianyi.ok("score", "units", "--format", "html").stdout
        #expect(unranked.contains("<tr><td>样本不足</td><td class=\"l\">JTJ</td>"))
        #expect(unranked.contains("已评价不足 5 件的单位标注“样本不足”，列出但不排名（min_rated_cases）。"))
        try jianyi.ok("policy", "set", "min_rated_cases", "1")
        let html = try jianyi.ok("score", "units", "--format", "html").stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</body></html>\n"))
        #expect(html.contains("<title>吕梁市人民代表大会承办单位办理代表建议评分通报</title>"))
        #expect(html.contains("<th>名次</th><th>承办单位</th><th>名称</th>") && html.contains("<th>得分</th></tr>"))
        #expect(html.contains("<tr><td>1</td><td class=\"l\">ZJJ</td><td class=\"l name\">市住房和城乡建设局</td><td>1</td><td>1</td><td>0</td>"))
        #expect(html.contains("<td>100.00</td></tr>"))
        #expect(html.contains("<tr><td>2</td><td class=\"l\">JTJ</td><td class=\"l name\">市交通&lt;b&gt;运输&lt;/b&gt;局 &amp; &quot;公交&quot;</td>"))
        #expect(html.contains("<td>45.00</td></tr>"))
        #expect(html.contains("权重：按期答复率 0.25，沟通率 0.15，满意率 0.45，解决率 0.15；无分母的比率（—）按 0 计。"))
        #expect(html.components(separatedBy: "<figure class=\"chart\">").count == 4)  // score, satisfaction and on-time charts
        #expect(!html.contains("<b>运输</b>"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("<script") && !html.contains("@import"))

        let file = try temporaryDirectory() + "/评分.html"
        let written = try jianyi.ok("score", "units", "--format", "html", "--output", file)
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == html)
    }
}
