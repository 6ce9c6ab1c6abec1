import ArgumentParser
import CaseStore
import Casework

struct Opinion: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opinion",
        abstract: "A co-handler sends its opinion (协办意见) to the lead unit.",
        discussion: "Example: jianyi opinion 5-4-0012 --unit JTJ --text 同意主办单位意见，配合做好交通组织")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: StepOptions
    @Argument(help: "The suggestion's number.") var number: String
    @Option(help: "The co-handler.", completion: CodeCompletion.units) var unit: String
    @Option(help: "The opinion.") var text: String

    func run() throws {
        try runStep(global, step) { store, congress, day in try store.opinion(congress, number, unit: unit, text: text, on: day) }
    }
}

struct Reply: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply",
        abstract: "The lead unit replies (答复): A solved, B being solved (with --plan-by), C explained.",
        discussion: """
            Examples:
              jianyi reply 5-4-0012 --unit ZJJ --outcome A --text-file reply.txt
              jianyi reply 5-4-0012 --unit ZJJ --outcome B --plan-by 2024-12-31 --text 已列入年度计划
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: StepOptions
    @Argument(help: "The suggestion's number.") var number: String
    @Option(help: "The lead unit.", completion: CodeCompletion.units) var unit: String
    @Option(help: "A, B or C.") var outcome: Outcome
    @Option(name: .customLong("plan-by"), help: "For B: the day the plan is to be done.") var planBy: String?
    @Option(help: "The reply.") var text: String?
    @Option(name: .customLong("text-file"), help: "Read the reply from a file (- for standard input).", completion: FileCompletion.text)
    var textFile: String?

    func run() throws {
        let plan = try planBy.map { try Day.parse($0, for: "--plan-by") }
        let body = try textOrFile(text, textFile, field: .text)
        try runStep(global, step) { store, congress, day in
            try store.reply(congress, number, unit: unit, outcome: outcome, planBy: plan, text: body, on: day)
        }
    }
}

struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "The deputy rates the reply (评价): result and attitude.",
        discussion: """
            Dissatisfied with the result in round 1 sends the case back (重新办理) with a new deadline; \
            the round-2 rating is final. Outcome B rated satisfied or basic goes to follow-up.

            Examples:
              jianyi rate 5-4-0012 --result satisfied --attitude satisfied
              jianyi rate 5-4-0012 --result dissatisfied --attitude basic --comment 未解决停车难问题
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: StepOptions
    @Argument(help: "The suggestion's number.") var number: String
    @Option(help: "satisfied, basic or dissatisfied.") var result: Satisfaction
    @Option(help: "satisfied, basic or dissatisfied.") var attitude: Satisfaction?
    @Option(help: "Required when dissatisfied.") var comment = ""

    func run() throws {
        try runStep(global, step) { store, congress, day in
            try store.rate(congress, number, result: result, attitude: attitude, comment: comment, on: day)
        }
    }
}

struct FollowUp: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow-up",
        abstract: "Record progress on a B-class plan (跟踪落实); --done closes the case.",
        discussion: "Example: jianyi follow-up 5-4-0012 --progress 立体停车场已建成投用 --done")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: StepOptions
    @Argument(help: "The suggestion's number.") var number: String
    @Option(help: "What has been done.") var progress: String
    @Flag(help: "The plan is done.") var done = false

    func run() throws {
        try runStep(global, step) { store, congress, day in
            try store.followUp(congress, number, progress: progress, done: done, on: day)
        }
    }
}

struct Supervise: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supervise",
        abstract: "Mark a key suggestion (重点建议) with its supervising leader and committee.",
        discussion: "Example: jianyi supervise 5-4-0012 --leader 张副主任 --committee 城建环资工委")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: StepOptions
    @Argument(help: "The suggestion's number.") var number: String
    @Option(help: "The supervising leader (主任会议成员).") var leader: String?
    @Option(help: "The supervising committee (专委会/工委).") var committee: String?

    func run() throws {
        try runStep(global, step) { store, congress, day in
            try store.supervise(congress, number, leader: leader, committee: committee, on: day)
        }
    }
}
