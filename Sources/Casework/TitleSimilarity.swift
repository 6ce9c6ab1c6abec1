/// How alike two suggestion titles are (反复提): the Dice coefficient of their character
/// bigrams, after dropping the words every title shares (关于…的建议) and punctuation.
/// Chinese has no spaces, so character pairs are the natural unit; 0 is nothing in common,
/// 1 the same words.
public struct TitleSimilarity: Sendable {
    public let normalized: String
    let bigrams: Set<String>

    public init(_ title: String) {
        var text = String(title.filter { !$0.isWhitespace && !$0.isPunctuation && !$0.isSymbol })
        for prefix in ["关于进一步", "关于"] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
            break
        }
        for suffix in ["的建议", "建议", "的议案", "的意见"] where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            break
        }
        normalized = text
        let characters = Array(text)
        var pairs = Set<String>()
        if characters.count == 1 { pairs.insert(String(characters)) }
        for index in characters.indices.dropLast() {
            pairs.insert(String(characters[index...index + 1]))
        }
        bigrams = pairs
    }

    /// 2|A∩B| / (|A|+|B|), from 0 to 1.
    public func score(_ other: TitleSimilarity) -> Double {
        let total = bigrams.count + other.bigrams.count
        guard total > 0 else { return 0 }
        return 2 * Double(bigrams.intersection(other.bigrams).count) / Double(total)
    }
}
