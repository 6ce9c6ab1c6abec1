import Casework
import Foundation

/// Where a command's output goes: standard output, or a file written whole or not at all (a
/// temp file beside it, renamed into place when the output is complete). Written in large
/// pieces, so long lists and reports stream without a write per row.
struct Output {
    private let target: URL?
    private let temporary: URL?
    /// Standard output is held in an unlinked temp file until the command succeeds.
    private let held: Bool
    /// Standard output is a terminal: control characters in the text (a CSV's titles) are
    /// shown, not obeyed, as `emit` does. A file or a pipe gets the exact text.
    private let toTerminal: Bool
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var elements = 0

    /// Runs `body` with output to `path` (standard output when nil). The output is completed
    /// only when `body` succeeds; otherwise a file is left as it was. With `holdUntilDone`,
    /// standard output too gets nothing unless `body` succeeds: for commands that record
    /// something after they have written what they report.
    static func write(to path: String? = nil, holdUntilDone: Bool = false, _ body: (inout Output) throws -> Void) throws {
        var output = try Output(file: path, hold: holdUntilDone)
        do {
            try body(&output)
            try output.finish()
        } catch {
            output.discard()
            throw error
        }
    }

    private init(file path: String?, hold: Bool) throws {
        guard let path else {
            target = nil
            temporary = nil
            held = hold
            toTerminal = isatty(STDOUT_FILENO) == 1
            handle = hold ? try Self.unlinkedTemporaryFile() : FileHandle.standardOutput
            return
        }
        held = false
        toTerminal = false
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(.noInput, "--output: the folder \(directory.path) does not exist")
        }
        let temp = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temp.path, contents: nil), let handle = try? FileHandle(forWritingTo: temp) else {
            throw Failure(.noInput, "--output: cannot write in \(directory.path)")
        }
        target = url
        temporary = temp
        self.handle = handle
    }

    /// A file with no name: it vanishes when closed, or when the process dies.
    private static func unlinkedTemporaryFile() throws -> FileHandle {
        var template = Array((NSTemporaryDirectory() + "/jianyi-output.XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Failure(.noInput, "cannot create a temporary file in \(NSTemporaryDirectory()) to hold the output")
        }
        unlink(String(cString: template))
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
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

    private mutating func flushWhenFull() {
        if buffer.count >= 1 << 16 { flush() }
    }

    private mutating func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func finish() throws {
        flush()
        if held { try release() }
        guard let target, let temporary else { return }
        try handle.close()
        if FileManager.default.fileExists(atPath: target.path) {
            _ = try FileManager.default.replaceItemAt(target, withItemAt: temporary)
        } else {
            try FileManager.default.moveItem(at: temporary, to: target)
        }
    }

    /// Copies the held output to standard output, in large pieces.
    private func release() throws {
        try handle.seek(toOffset: 0)
        while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
            FileHandle.standardOutput.write(chunk)
        }
        try handle.close()
    }

    private func discard() {
        if held { try? handle.close() }
        guard let temporary else { return }
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
