import Casework
import Foundation

/// Where a command's output goes: standard output, or a file written whole or not at all
/// (`AtomicFile`). Written in large pieces, so long lists and reports stream without a write
/// per row.
struct Output {
    private enum Sink {
        case standardOutput
        /// Standard output held in an unlinked temp file until the command succeeds.
        case held(Int32)
        case file(AtomicFile, OutputFile)
    }

    private var sink: Sink
    /// Standard output is a terminal: control characters in the text (a CSV's titles) are
    /// shown, not obeyed, as `emit` does. A file or a pipe gets the exact text.
    private let toTerminal: Bool
    private var buffer: [UInt8] = []
    private var elements = 0
    /// The first write that failed: later writes are dropped, and `check` or the end of the
    /// command reports it (writing stays non-throwing for the many places that render).
    private var failure: Failure?

    /// Runs `body` with output to `file` (standard output when nil). The output is completed
    /// only when `body` succeeds; otherwise a file is left as it was. With `holdUntilDone`,
    /// standard output too gets nothing unless `body` succeeds: for commands that record
    /// something after they have written what they report.
    static func write(to file: OutputFile? = nil, holdUntilDone: Bool = false, _ body: (inout Output) throws -> Void) throws {
        var output = try Output(file: file, hold: holdUntilDone)
        do {
            try body(&output)
            try output.finish()
        } catch {
            output.discard()
            throw error
        }
    }

    private init(file: OutputFile?, hold: Bool) throws {
        toTerminal = file == nil && isatty(STDOUT_FILENO) == 1
        if let file {
            sink = .file(try file.create(), file)
        } else {
            sink = hold ? .held(try Self.unlinkedTemporaryFile()) : .standardOutput
        }
    }

    /// A file with no name: it vanishes when closed, or when the process dies.
    private static func unlinkedTemporaryFile() throws -> Int32 {
        let folder = NSTemporaryDirectory()
        var template = Array((folder + "/jianyi-output.XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Failure(.cannotCreateOutput, "cannot create a temporary file in \(shownPath(folder)) to hold the output (\(SystemError("mkstemp", folder).reason))")
        }
        unlink(template)
        return descriptor
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: (toTerminal ? text.terminalText : text).utf8)
        flushWhenFull()
    }

    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        flushWhenFull()
    }

    /// Writes one element of a JSON array, with the separator before all but the first;
    /// `body` appends the element's bytes in place.
    mutating func writeElement(_ body: (inout [UInt8]) -> Void) {
        if elements > 0 { buffer.append(contentsOf: ",\n".utf8) }
        elements += 1
        body(&buffer)
        flushWhenFull()
    }

    /// Throws if a write has failed: for a command to call before it commits what it records.
    func check() throws {
        if let failure { throw failure }
    }

    private static let stdoutName = "standard output"

    private mutating func flushWhenFull() {
        if buffer.count >= 1 << 16 { flush() }
    }

    private mutating func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil, !buffer.isEmpty else { return }
        do {
            switch sink {
            case .standardOutput: try writeAll(STDOUT_FILENO, buffer, path: Self.stdoutName)
            case .held(let descriptor): try writeAll(descriptor, buffer, path: "a temporary file")
            case .file(let atomic, _): try atomic.write(buffer)
            }
        } catch {
            failure = writeFailure(error)
        }
    }

    private func writeFailure(_ error: SystemError) -> Failure {
        switch sink {
        case .held where error.path != Self.stdoutName:
            Failure(.ioError, "holding the output in a temporary file in \(shownPath(NSTemporaryDirectory())) failed (\(error.reason))")
        case .standardOutput, .held:
            Failure(.ioError, "writing to standard output failed (\(error.reason))")
        case .file(_, let file):
            Failure(.ioError, "\(file.flag) \(shownPath(file.path)): writing failed (\(error.reason)); the file was not changed")
        }
    }

    private mutating func finish() throws {
        flush()
        try check()
        switch sink {
        case .standardOutput:
            break
        case .held(let descriptor):
            try release(descriptor)
        case .file(var atomic, let file):
            let sealed = Result { () throws(SystemError) in try atomic.seal() }
            sink = .file(atomic, file)  // what is closed now, so that `discard` does not close it again
            if case .failure(let error) = sealed { throw writeFailure(error) }
            do {
                try atomic.publish()
                sink = .file(atomic, file)  // published: `discard` leaves the temporary name alone
            } catch {
                throw OutputFile.refusal(file.flag, file.path, "it cannot be replaced (\(error.reason))")
            }
            do {
                try AtomicFile.syncFolder(splitPath(atomic.target).folder)
            } catch {
                throw Failure(.ioError, "\(file.flag) \(shownPath(file.path)): written, but its folder could not be synced to disk (\(error.reason))")
            }
        }
    }

    /// Copies the held output to standard output, in large pieces.
    private func release(_ descriptor: Int32) throws {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw writeFailure(SystemError("lseek", "a temporary file")) }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw writeFailure(SystemError("read", "a temporary file")) }
            if count == 0 { break }
            do {
                try writeAll(STDOUT_FILENO, Array(chunk[..<count]), path: Self.stdoutName)
            } catch {
                throw writeFailure(error)
            }
        }
        close(descriptor)
    }

    private mutating func discard() {
        switch sink {
        case .standardOutput: break
        case .held(let descriptor): close(descriptor)
        case .file(var atomic, _): atomic.remove()
        }
    }
}
