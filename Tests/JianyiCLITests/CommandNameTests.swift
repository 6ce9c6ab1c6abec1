import ArgumentParser
import JianyiCLI
import Testing

/// Every command names itself. A command without `commandName` makes the argument parser
/// derive the name with `String(describing:)` on its type, a dynamic cast that scans every
/// protocol conformance in this large binary; across the whole command tree, built on every
/// run, that was about 40 % of the time `jianyi --version` took (perf, release build).
@Suite struct CommandNameTests {
    @Test func everyCommandInTheTreeHasAnExplicitName() {
        var unnamed: [String] = [], queue: [any ParsableCommand.Type] = [JianyiCLI.Jianyi.self]
        var seen = 0
        while let command = queue.popLast() {
            seen += 1
            if command.configuration.commandName == nil { unnamed.append("\(command)") }
            queue += command.configuration.subcommands
        }
        #expect(seen > 60, "the walk reached the whole tree: \(seen)")
        #expect(unnamed.isEmpty, "commands without commandName: \(unnamed)")
    }
}
