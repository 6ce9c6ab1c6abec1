import ArgumentParser
import CaseStore
import Casework

/// How `export publication` writes: one writer per format. The xlsx writer (the "xlsx" work,
/// libxlsxwriter) plugs in as a third case of `PublicationFormat` with its own writer.
enum PublicationFormat: String, ExpressibleByArgument, CaseIterable {
    case html, csv

    func writer(congress: String, session: String?, bom: Bool) -> any PublicationWriter {
        switch self {
        case .html: PublicationHTML(congress: congress, session: session)
        case .csv: PublicationCSV(bom: bom)
        }
    }
}

protocol PublicationWriter {
    func start(_ out: inout Output)
    /// One reply, `text` being its redacted text.
    func reply(_ reply: PublishableReply, text: String, _ out: inout Output)
    func finish(_ out: inout Output)
}

/// The CSV columns (keys in English, as every CSV of jianyi).
struct PublicationCSV: PublicationWriter {
    static let header = ["number", "title", "deputy", "delegation", "session", "lead_unit", "lead_unit_name", "replied_on",
                         "outcome", "merged", "reply"]
    let bom: Bool

    func start(_ out: inout Output) { out.write((bom ? CSV.byteOrderMark : "") + CSV.line(Self.header)) }

    func reply(_ r: PublishableReply, text: String, _ out: inout Output) {
        out.write(CSV.line([r.number, r.title, r.deputyName, r.delegation, r.session ?? "", r.leadUnit, r.leadUnitName,
                            r.repliedOn.description, r.outcome.rawValue, r.merged.joined(separator: ";"), text]))
    }

    func finish(_ out: inout Output) {}
}

/// One page for print: every value escaped, one small inline stylesheet, A4 margins, a reply
/// never split from its heading.
struct PublicationHTML: PublicationWriter {
    let congress: String
    let session: String?

    private static let style = """
        @page { size: A4; margin: 20mm 18mm; }
        body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; font-size: 11pt;
               line-height: 1.6; color: #000; max-width: 174mm; margin: 0 auto; }
        h1 { font-size: 16pt; text-align: center; margin: 0 0 1em; }
        article { border-top: 1px solid #999; padding-top: .6em; margin-top: 1em; }
        h2 { font-size: 12.5pt; margin: 0 0 .3em; break-after: avoid; page-break-after: avoid; }
        .meta { font-size: 9.5pt; color: #333; margin: 0 0 .5em; }
        .text { white-space: pre-wrap; margin: 0; }
        """

    private var title: String { congress + (session.map { " \($0) " } ?? "") + "代表建议答复公开" }

    func start(_ out: inout Output) {
        out.write("""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>
            \(Self.style)
            </style></head><body>
            <h1>\(escape(title))</h1>

            """)
    }

    func reply(_ r: PublishableReply, text: String, _ out: inout Output) {
        var meta = ["编号 \(r.number)", "领衔代表 \(r.deputyName)（\(r.delegation)）", "承办单位 \(r.leadUnitName)",
                    "答复日期 \(r.repliedOn)", r.outcome.zh]
        if !r.merged.isEmpty { meta.append("并案 \(r.merged.joined(separator: "、"))") }
        out.write("""
            <article><h2>\(escape(r.title))</h2>
            <p class="meta">\(meta.map(escape).joined(separator: " · "))</p>
            <p class="text">\(escapeKeepingLines(text))</p></article>

            """)
    }

    func finish(_ out: inout Output) { out.write("</body></html>\n") }

    /// A reply's lines kept (the stylesheet keeps them), every line escaped as `escape` does.
    private func escapeKeepingLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\n")
    }
}
