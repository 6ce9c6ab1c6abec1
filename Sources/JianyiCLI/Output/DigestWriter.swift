import CaseStore
import Casework
import Foundation

/// Writes the per-unit digests of an overdue run: `<as-of>-<UNIT>.csv` for each unit with
/// something due, and `<as-of>-index.csv`. Files are written into a hidden folder beside
/// them and moved into place only when the run has committed, so a failed run leaves the
/// directory as it was.
struct DigestWriter {
    let directory: URL
    let staging: URL
    let asOf: Day
    private var current: (unit: String, name: String, handle: FileHandle, counts: [String: Int])?
    private var index: [[any CSVCell]] = []

    init(directory path: String, asOf: Day) throws {
        directory = URL(fileURLWithPath: path, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(.noInput, "--out-dir: \(path) is not a directory")
        }
        staging = directory.appendingPathComponent(".jianyi-\(asOf)-\(getpid()).tmp", isDirectory: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        self.asOf = asOf
    }

    static let header = ["编号", "标题", "事项", "期限", "超期天数", "督办级别", "本次新发现"]

    /// Flags arrive ordered by unit, so one file is open at a time.
    mutating func add(_ flag: OverdueFlag) throws {
        if current?.unit != flag.unit {
            try closeCurrent()
            let url = staging.appendingPathComponent(fileName(flag.unit))
            FileManager.default.createFile(atPath: url.path, contents: Data((CSV.byteOrderMark + CSV.line(Self.header)).utf8))
            current = (flag.unit, flag.unitName, try FileHandle(forWritingTo: url), [:])
            try current!.handle.seekToEnd()
        }
        let line = CSV.line([flag.number, flag.title, Deadline.label(flag.obligation), flag.due,
                             flag.daysOverdue, tierLabel(flag.tier, zh: true), flag.isNew ? "是" : "否"])
        try current!.handle.write(contentsOf: Data(line.utf8))
        current!.counts[flag.tier, default: 0] += 1
    }

    /// Moves the files into place after the run committed.
    mutating func finish() throws {
        try closeCurrent()
        var text = CSV.byteOrderMark + CSV.line(["单位代码", "单位名称", "临期", "超期", "严重超期", "文件"])
        for row in index { text += CSV.line(row) }
        try Data(text.utf8).write(to: staging.appendingPathComponent("\(asOf)-index.csv"))
        for name in try FileManager.default.contentsOfDirectory(atPath: staging.path) {
            let target = directory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.moveItem(at: staging.appendingPathComponent(name), to: target)
        }
        try FileManager.default.removeItem(at: staging)
    }

    func discard() {
        try? current?.handle.close()
        try? FileManager.default.removeItem(at: staging)
    }

    private func fileName(_ unit: String) -> String { "\(asOf)-\(unit).csv" }

    private mutating func closeCurrent() throws {
        guard let open = current else { return }
        try open.handle.close()
        index.append([open.unit, open.name, open.counts["due_soon", default: 0], open.counts["overdue", default: 0],
                      open.counts["severely_overdue", default: 0], fileName(open.unit)])
        current = nil
    }
}
