import Casework
import Foundation

/// Where a report goes: standard output, or a file written whole or not at all (a temp
/// file beside it, renamed into place when the report is complete).
struct ReportSink {
    private let target: URL?
    private let temporary: URL?
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(output path: String?) throws {
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
        if buffer.count >= 1 << 16 { flush() }
    }

    private mutating func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Completes the report: flushes, and moves the file into place.
    mutating func finish() throws {
        flush()
        guard let target, let temporary else { return }
        try handle.close()
        if FileManager.default.fileExists(atPath: target.path) { _ = try FileManager.default.replaceItemAt(target, withItemAt: temporary) } else {
            try FileManager.default.moveItem(at: temporary, to: target)
        }
    }

    /// Abandons a report that failed: the target is left as it was.
    func discard() {
        guard let temporary else { return }
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
