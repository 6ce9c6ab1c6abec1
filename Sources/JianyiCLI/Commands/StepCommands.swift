import ArgumentParser
import CaseStore
import Casework
import Foundation

extension Outcome: ExpressibleByArgument {}
extension Satisfaction: ExpressibleByArgument {}
extension ContactMode: ExpressibleByArgument {}

/// The options every step takes besides the global ones.
struct StepOptions: ParsableArguments {
    @Option(help: "The day the step happened, YYYY-MM-DD (default today).") var on: String?
}

/// Runs one step and reports the new state, the deadlines it set, and calendar warnings.
func runStep(_ global: GlobalOptions, _ options: StepOptions, _ body: (Store, Congress, Day) throws -> StepResult) throws {
    let context = try Context(global)
    let congress = try context.congress()
    let day = try context.day(options.on, in: congress)
    let result = try body(context.store, congress, day)
    let zh = context.lang == .zh
    var out = "\(result.number) → \(result.state.label(zh: zh))\n"
    for created in result.created {
        let who = ownerLabel(created.unit, zh: zh)
        out += zh ? "  \(created.kind.zh)  \(who)  \(created.due) 前\n" : "  \(created.kind.rawValue)  \(who)  due \(created.due)\n"
    }
    emit(out)
    result.warnings.forEach(warn)
}

/// Reads `--text` or `--text-file` (of `field`), exactly one of them.
func textOrFile(_ text: String?, _ file: String?, field: Field) throws -> String {
    let flag = field.flag, fileFlag = Field.file(field).flag
    switch (text, file) {
    case (let text?, nil): return text
    case (nil, let file?): return try Text.required(readInput(file), field: .file(field))
    case (nil, nil): throw Failure.badValue("give \(flag) or \(fileFlag)")
    default: throw Failure.badValue("give \(flag) or \(fileFlag), not both")
    }
}

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a submitted suggestion (审查): accept it, or reject it with a reason (不予立案).",
        discussion: """
            Examples:
              jianyi review 5-4-0012 --accept
              jianyi review 5-4-0013 --reject --reason 属于信访事项，转信访部门办理
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: StepOptions
    @Argument(help: "The suggestion's number.") var number: String
    @Flag(help: "Accept it (立案).") var accept = false
    @Flag(help: "Reject it (不予立案); needs --reason.") var reject = false
    @Option(help: "Why it is rejected.") var reason: String?

    func validate() throws {
        guard accept != reject else { throw ValidationError("give --accept or --reject") }
        if reject && reason == nil { throw ValidationError("--reject needs --reason") }
    }

    func run() throws {
        try runStep(global, step) { store, congress, day in
            accept ? try store.accept(congress, number, on: day) : try store.reject(congress, number, reason: reason!, on: day)
        }
    }
}

struct Withdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "The deputy withdraws a suggestion before it is assigned.",
        discussion: "Example: jianyi withdraw 5-4-0012 --reason 问题已解决")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: StepOptions
    @Argument(help: "The suggestion's number.") var number: String
    @Option(help: "Why.") var reason: String

    func run() throws {
        try runStep(global, step) { store, congress, day in try store.withdraw(congress, number, reason: reason, on: day) }
    }
}

struct Assign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Assign a case (交办) to a lead unit and co-handlers; sets the deadlines.",
        discussion: """
            The lead must reply within \(reply) (\(replyComplex) with --complex), each co-handler send its opinion \
            within \(opinion), and any unit may ask for a transfer within \(transferWindow) — or the \
            congress's own periods (jianyi policy show).

            Examples:
              jianyi assign 5-4-0012 --lead ZJJ --co JTJ --co CGJ --on 2024-02-20
              jianyi assign --file assignments.csv --on 2024-02-20     # number,lead,co(;-separated),complex
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: StepOptions
    @Argument(help: "The suggestion's number (or use --file).") var number: String?
    @Option(help: "The lead unit (主办).", completion: CodeCompletion.units) var lead: String?
    @Option(help: "A co-handler (协办); repeat for several.", completion: CodeCompletion.units) var co: [String] = []
    @Flag(help: "涉及面广、处理难度大: the longer reply period.") var complex = false
    @Option(help: "Assign many at once (集中交办): CSV number,lead,co,complex; all rows or none.", completion: FileCompletion.csv)
    var file: String?
    @OptionGroup var options: ImportOptions

    private static var reply: String { PolicyDefaults.period(.reply) }
    private static var replyComplex: String { PolicyDefaults.period(.replyComplex, besides: .reply) }
    private static var opinion: String { PolicyDefaults.period(.opinion) }
    private static var transferWindow: String { PolicyDefaults.period(.transferWindow) }

    func validate() throws {
        if file != nil {
            if number != nil || lead != nil || !co.isEmpty || complex { throw ValidationError("--file takes no NUMBER, --lead, --co or --complex") }
        } else if number == nil || lead == nil {
            throw ValidationError("give NUMBER --lead UNIT, or --file FILE")
        }
    }

    func run() throws {
        if let file {
            let bytes = try readBytes(file)
            let context = try Context(global)
            let congress = try context.congress()
            let day = try context.day(step.on, in: congress)
            let results = try options.reportingBadRows() {
                try context.store.assignFile(congress, csv: bytes, file: file, on: day)
            }
            let warnings = Set(results.flatMap(\.warnings))
            if options.format == .json {
                return emit(JSONValue.object([("assigned", .int(results.count)),
                                              ("warnings", .array(warnings.sorted().map { .string($0) }))]).serialized() + "\n")
            }
            emit(context.text("已交办 \(results.count) 件\n", "assigned \(results.count) cases\n"))
            warnings.sorted().forEach(warn)
            return
        }
        try runStep(global, step) { store, congress, day in
            try store.assign(congress, number!, lead: lead!, co: co, complex: complex, on: day)
        }
    }
}

struct Transfer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "调整交办: a unit asks to be replaced; the secretariat approves or rejects.",
        subcommands: [Request.self, Approve.self, Reject.self])

    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "request",
            abstract: "An assigned unit asks, within its transfer window, to be replaced.",
            discussion: "Example: jianyi transfer request 5-4-0012 --unit JTJ --reason 不属于本单位职责")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: StepOptions
        @Argument(help: "The suggestion's number.") var number: String
        @Option(help: "The unit asking.", completion: CodeCompletion.units) var unit: String
        @Option(help: "Why.") var reason: String

        func run() throws {
            try runStep(global, step) { store, congress, day in
                try store.requestTransfer(congress, number, unit: unit, reason: reason, on: day)
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "Approve the pending request: the new unit takes the role; its clock starts today.",
            discussion: "Example: jianyi transfer approve 5-4-0012 --to CGJ")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: StepOptions
        @Argument(help: "The suggestion's number.") var number: String
        @Option(help: "The unit that takes over.", completion: CodeCompletion.units) var to: String

        func run() throws {
            try runStep(global, step) { store, congress, day in try store.approveTransfer(congress, number, to: to, on: day) }
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject",
            abstract: "Reject the pending request; the original deadlines stand.",
            discussion: "Example: jianyi transfer reject 5-4-0012 --reason 属于该单位职责范围")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var step: StepOptions
        @Argument(help: "The suggestion's number.") var number: String
        @Option(help: "Why.") var reason: String

        func run() throws {
            try runStep(global, step) { store, congress, day in try store.rejectTransfer(congress, number, reason: reason, on: day) }
        }
    }
}
