import ArgumentParser
import CaseStore
import Casework

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge a suggestion into another on the same matter (并案): it is handled and answered as part of that case.",
        discussion: """
            Both cases must not be assigned yet (submitted or accepted). The merged case keeps its deputy and history and takes \
            no step of its own; the case it joins is assigned, answered and rated for both, and its deputy and the deputy who \
            raised the merged case may each give its rating (one per round). Refused for a case into itself, into a merged \
            case, a case others were merged into, or a case of another congress (exit 65).

            Example: jianyi merge 5-4-0013 --into 5-4-0012 --note 同一路段交通问题
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var step: StepOptions
    @Argument(help: "The suggestion merged.") var number: String
    @Option(help: "The suggestion it joins.") var into: String
    @Option(help: "Why they are one matter (kept in both histories).") var note: String?

    func run() throws {
        try runStep(global, step) { store, congress, day in
            try store.merge(congress, number, into: into, note: note, on: day)
        }
    }
}
