import Casework
import Foundation

/// Where a command's output goes: standard output, or a file written whole or not at all (a
/// temp file beside it, renamed into place when the output is complete). Written in large
/// pieces, so long lists and reports stream without a write per row.
struct Output {
    private let target: URL?
    private let temporary: URL?
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var elements = 0

    /// Runs `body` with output to `path` (standard output when nil). The output is completed
    /// only when `body` succeeds; otherwise a file is left as it was.
    static func write(to path: String? = nil, _ body: (inout Output) throws -> Void) throws {
        var output = try Output(file: path)
        do {
            try body(&output)
            try output.finish()
        } catch {
            output.discard()
            throw error
        }
    }

    private init(file path: String?) throws {
        guard let path else {
            target = nil
            temporary = nil
            handle = FileHandle.standardOutput
            return
        }
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

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
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

    /// Writes one element of a JSON array (see above).
    mutating func writeElement(_ bytes: [UInt8]) {
        writeElement { $0.append(contentsOf: bytes) }
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
        guard let target, let temporary else { return }
        try handle.close()
        if FileManager.default.fileExists(atPath: target.path) {
            _ = try FileManager.default.replaceItemAt(target, withItemAt: temporary)
        } else {
            try FileManager.default.moveItem(at: temporary, to: target)
        }
    }

    private func discard() {
        guard let temporary else { return }
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
