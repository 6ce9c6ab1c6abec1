import Casework
import Foundation
@testable import JianyiCLI
import Testing

@Suite struct TerminalTextTests {
    @Test func controlsBecomeVisibleSigns() {
        #expect("\u{1B}]0;pwned\u{07}".terminalLine == "␛]0;pwned␇")
        #expect("a\u{0}b\u{8}c\u{1F}d\u{7F}".terminalLine == "a␀b␈c␟d␡")
        #expect("\u{9B}31m\u{80}\u{9F}".terminalLine == "<U+009B>31m<U+0080><U+009F>")
        #expect("\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}".terminalLine
                == "<U+202A><U+202B><U+202C><U+202D><U+202E><U+2066><U+2067><U+2068><U+2069>")
    }

    @Test func oneLineShowsBreaksAndTabs() {
        #expect("a\nb\r\nc\rd\te".terminalLine == "a⏎b⏎c␍d␉e")
        #expect("a\u{0B}b\u{0C}c\u{85}d\u{2028}e\u{2029}f".terminalLine == "a⏎b⏎c⏎d⏎e⏎f")
    }

    @Test func textWithLinesKeepsNewlinesAndTabsButNotCarriageReturns() {
        #expect("a\nb\r\nc\rd\te\u{1B}[2J".terminalText == "a\nb\nc␍d\te␛[2J")
        #expect("a\u{2028}b".terminalText == "a\nb")
    }

    @Test func ordinaryTextIsUntouched() {
        for text in ["", "关于加快老旧小区改造的建议", "关于“十五五”规划…—的建议", "R2026-0012 Bus routes", "emoji 👍🏽 é", "\u{200B}\u{FEFF}"] {
            #expect(text.terminalLine == text)
            #expect(text.terminalText == text)
        }
    }

    /// Whatever the text, nothing a terminal obeys is left, on one line nothing breaks it.
    @Test func noScalarSurvivesThatATerminalWouldObey() {
        let scalars = (0..<0x3000).compactMap(Unicode.Scalar.init)
        let text = String(String.UnicodeScalarView(scalars))
        for (form, keepsLines) in [(text.terminalLine, false), (text.terminalText, true)] {
            let left = form.unicodeScalars.filter {
                (($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) && !(keepsLines && ($0 == "\n" || $0 == "\t")))
                    || isBidiControl($0) || $0 == "\u{2028}" || $0 == "\u{2029}"
            }
            #expect(left.isEmpty, "\(left.map { String($0.value, radix: 16) })")
        }
    }

    /// JSON is written through the same sink as people's text: it must pass unchanged, and
    /// parse back to the exact text, for every character the sanitizer would touch.
    @Test func jsonIsUnchangedByTheTerminalSinkAndRoundTrips() throws {
        let scalars = (0..<0x2100).compactMap(Unicode.Scalar.init) + (0x2000...0x2070).compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let text = "a\(scalar)b\r\n"
            // Raw JSON (jsonb from PostgreSQL) is valid JSON: C0, quote and backslash come escaped.
            let raw: JSONValue = scalar.value < 0x20 || scalar == "\"" || scalar == "\\" ? .null : .raw("\"\(scalar)\"")
            let json = JSONValue.array([.string(text), .object([(text, raw)])]).serialized()
            #expect(json.terminalText == json, "U+\(String(scalar.value, radix: 16)) changes the JSON")
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any]
            #expect(parsed?.first as? String == text, "U+\(String(scalar.value, radix: 16)) does not round-trip")
        }
        #expect(JSONValue.string("\u{7F}\u{85}\u{9B}\u{2028}\u{2029}\u{202E}\u{2066}").serialized()
                == "\"\\u007f\\u0085\\u009b\\u2028\\u2029\\u202e\\u2066\"")
        // jsonb text from PostgreSQL: only what it leaves raw is escaped.
        #expect(JSONValue.raw("{\"t\": \"\\u001b\u{9B}\u{202E}关于…\"}").serialized() == "{\"t\": \"\\u001b\\u009b\\u202e关于…\"}")
    }

    @Test func htmlEscapesMarkupQuotesAndControls() {
        #expect(escape("<script>alert('x')</script>\"&") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;")
        // A combining mark on '<' makes one Character with it: escaped all the same.
        #expect(escape("<\u{301}img>") == "&lt;\u{301}img&gt;")
        #expect(escape("标题\u{1B}[2J\u{202E}\n") == "标题␛[2J&lt;U+202E&gt;⏎")
    }

    @Test func tableCellsStayOnOneLine() {
        var table = TextTable(header: ["编号", "标\n题"])
        table.append(["5-4-0001", "关于\n改造\t\u{1B}[2J"])
        #expect(table.render() == "编号      标⏎题\n--------  --------------\n5-4-0001  关于⏎改造␉␛[2J\n")
    }
}
