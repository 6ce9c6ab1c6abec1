import Casework
import Testing

@Suite struct TitleSimilarityTests {
    @Test func theSharedWordsOfEveryTitleDoNotCount() {
        #expect(TitleSimilarity("关于加快老旧小区改造的建议").normalized == "加快老旧小区改造")
        #expect(TitleSimilarity("关于进一步加强农村饮水安全保障的建议。").normalized == "加强农村饮水安全保障")
        // Nothing in common but the frame: 0.
        #expect(TitleSimilarity("关于加快老旧小区改造的建议").score(TitleSimilarity("关于提高乡村医生待遇的建议")) == 0)
    }

    @Test func closeTitlesScoreHigh() {
        let a = TitleSimilarity("关于加快老旧小区改造的建议")
        // 加快老旧小区改造 (7 bigrams) vs 加快推进老旧小区加装电梯 (11 bigrams): 加快 老旧 旧小 小区 shared → 2×4/18.
        let b = TitleSimilarity("关于加快推进老旧小区加装电梯的建议")
        #expect(abs(a.score(b) - 8.0 / 18.0) < 1e-9)
        #expect(a.score(a) == 1)
        #expect(a.score(b) == b.score(a))
    }
}
