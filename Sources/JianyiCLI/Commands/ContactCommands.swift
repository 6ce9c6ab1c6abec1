import ArgumentParser
import CaseStore
import Casework

/// 沟通: a unit records a contact with the deputy (`jianyi contact NUMBER …`, as before), and
/// the deputy confirms or disputes it (`jianyi contact confirm|dispute NUMBER --contact K`).
struct Contact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: "Record a contact (沟通) between an assigned unit and the deputy; the deputy confirms or disputes it.",
        discussion: """
            A unit on the case records each contact; `jianyi show NUMBER` lists \
            them, numbered 1, 2, … The deputy who raised the case (or the \
            secretariat, keying in a paper answer) answers each contact once: a \
            disputed contact no longer counts as contacted in the measures.
            Examples:
              jianyi contact 5-4-0012 --unit ZJJ --mode face_to_face --note 现场察看小区
              jianyi contact confirm 5-4-0012 --contact 1
              jianyi contact dispute 5-4-0012 --contact 2 --note 未曾来电，只收到短信通知
            """,
        subcommands: [Record.self, Confirm.self, Dispute.self],
        defaultSubcommand: Record.self)

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record a contact (沟通) between an assigned unit and the deputy (the default: `jianyi contact NUMBER …`).",
            discussion: "Example: jianyi contact 5-4-0012 --unit ZJJ --mode face_to_face --note 现场察看小区")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: StepOptions
        @Argument(help: "The suggestion's number.") var number: String
        @Option(help: "The unit.", completion: CodeCompletion.units) var unit: String
        @Option(help: "face_to_face, phone, visit, written or online.") var mode: ContactMode
        @Option(help: "What was discussed.") var note = ""

        func run() throws {
            try runStep(global, step) { store, congress, day in
                try store.contact(congress, number, unit: unit, mode: mode, note: note, on: day)
            }
        }
    }

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm",
            abstract: "The deputy confirms a recorded contact (确认沟通): it happened as the unit recorded it.",
            discussion: """
                Only the deputy who raised the case (not a co-signer) or the \
                secretariat answers, once per contact, on a day not before the \
                contact's nor the case's previous step. The case's state and \
                deadlines stay as they are. `jianyi show NUMBER` lists the \
                contacts' numbers.
                Example: jianyi contact confirm 5-4-0012 --contact 1 --on 2024-03-02
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: StepOptions
        @Argument(help: "The suggestion's number.") var number: String
        @Option(help: "The contact's number on the case, as `jianyi show` lists it.") var contact: Int
        @Option(help: "A remark of the deputy's (optional).") var note = ""

        func run() throws {
            try answer(global, step, number, contact: contact, .confirmed, note: note)
        }
    }

    struct Dispute: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dispute",
            abstract: "The deputy disputes a recorded contact (对沟通提出异议): it did not happen as recorded.",
            discussion: """
                --note says what happened instead. A disputed contact no longer \
                counts as contacted (contact_rate in `jianyi export satisfaction`, \
                and the unit score). Answered once, by the deputy who raised the \
                case or the secretariat; the case's state stays.
                Example: jianyi contact dispute 5-4-0012 --contact 2 --note 未曾来电，只收到短信通知
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: StepOptions
        @Argument(help: "The suggestion's number.") var number: String
        @Option(help: "The contact's number on the case, as `jianyi show` lists it.") var contact: Int
        @Option(help: "The deputy's account of what happened (required).") var note: String

        func run() throws {
            try answer(global, step, number, contact: contact, .disputed, note: note)
        }
    }

    static func answer(_ global: GlobalOptions, _ step: StepOptions, _ number: String, contact: Int,
                       _ confirmation: ContactConfirmation, note: String) throws {
        try runStep(global, step) { store, congress, day in
            try store.answerContact(congress, number, try ContactAnswer(contact: contact, confirmation: confirmation, note: note), on: day)
        }
    }
}
