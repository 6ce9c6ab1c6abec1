import CaseStore
import Casework
import Spreadsheet

/// `export publication --format xlsx`: the sheet 答复公开, one row per published reply, its
/// text redacted. What was redacted never goes into this workbook (it is the publication):
/// `--redactions FILE.xlsx` writes it to a workbook of its own (`redactions`).
final class PublicationXLSX: PublicationWriter {
    private var draft: XLSXOutput.Draft?
    private var sheet: LaidOutSheet<Published>?

    struct Published {
        let reply: PublishableReply
        let text: String
    }

    static let columns: [SheetColumn<Published>] = [
        .init(header: "编号") { .text($0.reply.number) },
        .init(header: "标题") { .text($0.reply.title) },
        .init(header: "领衔代表") { .text($0.reply.deputyName) },
        .init(header: "代表团") { .text($0.reply.delegation) },
        .init(header: "届次") { .optional($0.reply.session) },
        .init(header: "届次名称") { .text(sessionName($0.reply.session)) },
        .init(header: "主办单位代码") { .text($0.reply.leadUnit) },
        .init(header: "主办单位") { .text($0.reply.leadUnitName) },
        .init(header: "答复日期") { .date($0.reply.repliedOn) },
        .init(header: "答复类别") { .text($0.reply.outcome.rawValue) },
        .init(header: "并案") { .text($0.reply.merged.joined(separator: ";")) },
        .init(header: "答复内容") { .text($0.text) },
    ]

    static let redactionColumns: [SheetColumn<(number: String, Redaction.Found)>] = [
        .init(header: "编号") { .text($0.number) },
        .init(header: "类别") { .text($0.1.kind.zh) },
        .init(header: "类别代码") { .text($0.1.kind.rawValue) },
        .init(header: "原文") { .text($0.1.original) },
    ]

    func start(_ out: inout Output) throws {
        let draft = try XLSXOutput.Draft()
        self.draft = draft
        sheet = try draft.book.addSheet("答复公开", Self.columns)
    }

    func reply(_ reply: PublishableReply, text: String, _ out: inout Output) throws {
        try sheet?.append(Published(reply: reply, text: text))
    }

    func finish(_ out: inout Output) throws {
        try draft?.finish(into: &out)
    }

    /// The redaction list for review, as a workbook (sheet 隐去清单).
    static func redactions(_ found: [(number: String, Redaction.Found)], into out: inout Output) throws {
        try XLSXOutput.write(into: &out) { book in
            try book.addSheet("隐去清单", redactionColumns) { row in
                for item in found { try row(item) }
            }
        }
    }
}
