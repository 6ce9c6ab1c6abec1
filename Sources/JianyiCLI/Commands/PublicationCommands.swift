import ArgumentParser
import CaseStore
import Casework

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Record the deputy's consent to publishing the reply (答复公开), or the secretariat's mark: publishable or withheld.",
        discussion: """
            A reply is published (jianyi export publication) when the deputy consented and the secretariat approved it. The \
            consent changes only until the reply (submitted, accepted or assigned; exit 65 after); the mark on any case but a \
            rejected, withdrawn or merged one. A merged case (并案) is answered by its target's reply: the target's consent \
            and mark decide.

            Examples:
              jianyi publish 5-4-0012 --consent yes
              jianyi publish 5-4-0012 --approve
              jianyi publish 5-4-0013 --withhold
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: StepOptions
    @Argument(help: "The suggestion's number.") var number: String
    @Option(help: "yes or no: the deputy's consent.") var consent: PublishConsent?
    @Flag(help: "Mark it publishable (同意公开).") var approve = false
    @Flag(help: "Withhold it (不予公开).") var withhold = false

    func validate() throws {
        guard [consent != nil, approve, withhold].filter({ $0 }).count == 1 else {
            throw ValidationError("give one of --consent yes|no, --approve or --withhold")
        }
    }

    func run() throws {
        let context = try Context(global)
        let congress = try context.congress()
        let day = try context.day(step.on, in: congress)
        let zh = context.lang == .zh
        if let consent {
            try context.store.consentToPublish(congress, number, consent: consent.consents, on: day)
            emit(zh ? "\(number) → 代表\(consent.consents ? "同意" : "不同意")公开答复\n" : "\(number) → publish consent \(consent.rawValue)\n")
        } else {
            let decision: PublicationDecision = approve ? .approved : .withheld
            try context.store.decidePublication(congress, number, decision, on: day)
            emit("\(number) → \(decision.label(zh: zh))\n")
        }
    }
}

extension Export {
    struct Publication: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publication",
            abstract: "The replies that may be published (答复公开), personal data redacted.",
            discussion: """
                Lists every case whose deputy consented and which the secretariat marked publishable (jianyi publish), with \
                its latest reply. In the reply's text, ID numbers, e-mail addresses, mobile and landline numbers and house \
                numbers are replaced by 【已隐去】 (docs/publication.md lists the patterns); --redactions writes what was \
                replaced, for review before the file goes out (CSV, or a workbook when its name ends in .xlsx; never \
                inside the publication). html is one page for print (A4); csv is UTF-8 (--bom for Excel/WPS); xlsx \
                is a sheet 答复公开 with Chinese headers and codes as text (--output FILE, or standard output when it \
                is not a terminal).

                Examples:
                  jianyi export publication --session 5-4 --format html --output 答复公开.html --redactions 隐去清单.csv
                  jianyi export publication --format csv --bom --output replies.csv
                  jianyi export publication --format xlsx --output 答复公开.xlsx --redactions 隐去清单.xlsx
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only cases of this session, e.g. 5-4.", completion: CodeCompletion.sessions) var session: String?
        @Option(help: "html, csv or xlsx.") var format: PublicationFormat
        @Flag(help: "Start the CSV with a byte-order mark (for Excel/WPS).") var bom = false
        @Option(help: ArgumentHelp("Write to this file instead of standard output (replaced whole or not at all; exit 73 when it cannot be).",
                                   valueName: "file"), completion: FileCompletion.text)
        var output: String?
        @Option(help: ArgumentHelp("Also write what was redacted, for review (never published): CSV number,kind,original, or a workbook (sheet 隐去清单) when the name ends in .xlsx.",
                                   valueName: "file"), completion: FileCompletion.text)
        var redactions: String?

        func run() throws {
            let session = try session.map { try SessionCode.parse($0, for: "--session").description }
            let file = try output.map { try OutputFile($0, flag: "--output") }
            let reviewFile = try redactions.map { try OutputFile($0, flag: "--redactions") }
            if format == .xlsx { try XLSXOutput.refuseTerminal(file) }
            let context = try Context(global)
            let congress = try context.congress()
            var found: [(number: String, Redaction.Found)] = []
            var replies = 0
            try Output.write(to: file) { out in
                let writer = format.writer(congress: congress.name, session: session, bom: bom)
                try writer.start(&out)
                try context.store.publishableReplies(congress, session: session) { reply in
                    let redacted = Redaction.redact(reply.text)
                    found += redacted.found.map { (reply.number, $0) }
                    replies += 1
                    try writer.reply(reply, text: redacted.text, &out)
                }
                try writer.finish(&out)
            }
            if let reviewFile {
                try Output.write(to: reviewFile) { out in
                    if reviewFile.path.lowercased().hasSuffix(".xlsx") {
                        try PublicationXLSX.redactions(found, into: &out)
                        return
                    }
                    out.write((bom ? CSV.byteOrderMark : "") + CSV.line(["number", "kind", "original"]))
                    for (number, item) in found { out.write(CSV.line([number, item.kind.rawValue, item.original])) }
                }
            } else if !found.isEmpty {
                warn("\(found.count) redactions in \(replies) replies; list them for review with --redactions FILE")
            }
        }
    }
}
