import Foundation
import Logging

/// Diagnostics on stderr, off unless asked for: `JIANYI_LOG=debug jianyi register …`
/// shows what each command did and how long its database work took, without touching
/// the output that scripts read on stdout.
enum Diagnostics {
    private static let configured: Bool = {
        let text = ProcessInfo.processInfo.environment["JIANYI_LOG"] ?? ""
        let level = Logger.Level(rawValue: text.lowercased()) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        if !text.isEmpty, Logger.Level(rawValue: text.lowercased()) == nil {
            Logger(label: "jianyi").warning("JIANYI_LOG='\(text.terminalLine)' is not a level (trace, debug, info, notice, warning, error, critical)")
        }
        return true
    }()

    static func logger(_ label: String) -> Logger {
        _ = configured
        return Logger(label: label)
    }
}
