import CaseStore
import Casework
import Spreadsheet
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the per-unit digests of an overdue run, one CSV (or .xlsx, `--digest-format`) per
/// unit with something due and an index (names in `DigestName`), into `--out-dir`.
///
/// The files are written into a hidden staging folder inside it, `.jianyi-<as-of>-<pid>.tmp`,
/// and synced before the run commits; after the commit each is renamed into place. A run that
/// fails leaves the folder as it was; a run whose files cannot all be put in place (a name
/// taken by a folder, say) is still recorded, and `jianyi overdue digests` writes them again.
/// The run holds the staging folder's lock (see `Leftovers`) until it has removed the folder:
/// a staging folder that a killed run left is removed by the next one, and one that another
/// run is using is not.
struct DigestWriter {
    let directory: String
    let asOf: Day
    let format: DigestFormat
    private let staging: String
    /// The descriptor that holds the staging folder's lock; -1 once the folder is removed.
    private var stagingLock: Int32
    private var current: (unit: String, unitName: String, fileName: String, file: AtomicFile, counts: [OverdueTier: Int])?
    /// The open file's workbook (`xlsx`), written into its temporary file when it is closed.
    private var workbook: (book: Workbook, sheet: Sheet)?
    /// Bytes for the open file, written in large pieces.
    private var pending: [UInt8] = []
    private var index: [DigestIndexRow] = []
    /// Sealed files awaiting their rename, in the order they are put in place: the index last,
    /// so that a reader who finds it finds the files it lists.
    private var sealed: [AtomicFile] = []
    /// How many files `deliver` put in place.
    private(set) var delivered = 0

    /// Checks `--out-dir` before any work: an existing folder (a link to one will do) with a
    /// write bit, in which files can be created; else 73, with nothing touched.
    static func checkDirectory(_ path: String) throws {
        func refuse(_ why: String) -> Failure {
            Failure(.cannotCreateOutput, "--out-dir \(shownPath(path)): \(why); nothing was written or recorded")
        }
        if path.isEmpty { throw refuse("an empty path names no folder") }
        switch folderProblem(path) {
        case nil: return
        case .unreadable(let error): throw refuse(error.reason)
        case .missing: throw refuse("no such folder")
        case .notAFolder: throw refuse("not a folder")
        case .notWritable: throw refuse("files cannot be created in it (no write permission)")
        }
    }

    /// Removes the staging folders of killed runs and makes this run's (73 when it cannot).
    init(directory: String, asOf: Day, format: DigestFormat = .csv) throws {
        self.directory = directory
        self.asOf = asOf
        self.format = format
        Leftovers.removeAbandoned(in: directory, prefix: Self.stagingPrefix)
        do {
            (staging, stagingLock) = try Leftovers.createFolder(in: directory, prefix: Self.stagingPrefix + "\(asOf)-")
        } catch {
            throw Failure(.cannotCreateOutput, "--out-dir \(shownPath(directory)): cannot create a folder in it (\(error.reason)); nothing was written or recorded")
        }
    }

    static let stagingPrefix = ".jianyi-"

    /// A row past due gives its 超期天数, a row due soon its 剩余天数 (0 when due on the day),
    /// each leaving the other empty: a unit reads how long it has left, not a negative delay.
    static var header: [String] { SheetLayouts.digest.headers() }
    static var indexHeader: [String] { SheetLayouts.digestIndex.headers() }

    /// Flags arrive ordered by unit, so one file is open at a time. A failure here comes before
    /// the run commits (74: nothing is recorded).
    mutating func add(_ flag: OverdueFlag) throws {
        do {
            if current?.unit != flag.unit {
                try closeCurrent()
                let name = DigestName.unit(flag.unit, asOf: asOf, format)
                let file = try stage(name)
                current = (flag.unit, flag.unitName, name, file, [:])
                switch format {
                case .csv: pending = Array((CSV.byteOrderMark + CSV.line(Self.header)).utf8)
                case .xlsx: workbook = try Self.startWorkbook(file, header: SheetLayouts.digest.headers())
                }
            }
            switch format {
            case .csv:
                let (late, left): (any CSVCell, any CSVCell) = flag.tier == .dueSoon ? ("", -flag.daysOverdue) : (flag.daysOverdue, "")
                let line = CSV.line([flag.number, flag.title, flag.obligation.zh, flag.due,
                                     late, left, flag.tier.label(zh: true), flag.isNew ? "是" : "否", flag.unit])
                pending.append(contentsOf: line.utf8)
                if pending.count >= 1 << 16 { try flush() }
            case .xlsx:
                try workbook!.sheet.append(SheetLayouts.digest.cells(flag))
            }
            current!.counts[flag.tier, default: 0] += 1
        } catch {
            throw stagingFailure(error)
        }
    }

    /// A workbook that writes into the staged file `file` (its temporary name) when closed.
    private static func startWorkbook(_ file: AtomicFile, header: [String]) throws -> (Workbook, Sheet) {
        let book = try Workbook(path: file.temporary)
        return (book, try book.addSheet("督办", header: header))
    }

    /// Closes the last unit's file, writes the index, and syncs them all: called inside the
    /// run's transaction, so that after the commit only renames remain.
    mutating func seal() throws {
        do {
            try closeCurrent()
            var file = try stage(DigestName.index(asOf: asOf, format))
            switch format {
            case .csv:
                var text = CSV.byteOrderMark + CSV.line(Self.indexHeader)
                for row in index {
                    text += CSV.line([row.unit, row.unitName, row.dueSoon, row.overdue, row.severelyOverdue, row.fileName])
                }
                try file.write(Array(text.utf8))
            case .xlsx:
                let (book, sheet) = try Self.startWorkbook(file, header: SheetLayouts.digestIndex.headers())
                for row in index { try sheet.append(SheetLayouts.digestIndex.cells(row)) }
                try book.close()
            }
            try file.seal()
            sealed.append(file)
        } catch {
            throw stagingFailure(error)
        }
    }

    /// Puts the sealed files in place, after the run `run` has committed, and removes the
    /// staging folder. Returns what to report when some could not be put in place (74); those
    /// that could are in place.
    mutating func deliver(run: Int) -> Failure? {
        var missing: [(name: String, reason: String)] = []
        for index in sealed.indices {
            do {
                try sealed[index].publish()
                delivered += 1
            } catch {
                missing.append((splitPath(sealed[index].target).name, error.reason))
            }
        }
        var syncFailure: SystemError?
        do { try AtomicFile.syncFolder(directory) } catch { syncFailure = error }
        removeStaging()
        sealed.removeAll()
        let again = "jianyi overdue digests --run \(run) --out-dir \(shownPath(directory))"
        if !missing.isEmpty {
            let shown = missing.prefix(5).map { "\(shownPath($0.name)) (\($0.reason))" }.joined(separator: ", ")
            let more = missing.count > 5 ? " and \(missing.count - 5) more" : ""
            return Failure(.ioError, """
                run #\(run) is recorded, but \(missing.count) of its digest files could not be put in \(shownPath(directory)): \
                \(shown)\(more); write them again with: \(again)
                """)
        }
        if let syncFailure {
            return Failure(.ioError, "run #\(run) is recorded and its digests are in \(shownPath(directory)), but the folder could not be synced to disk (\(syncFailure.reason)); to write them again: \(again)")
        }
        return nil
    }

    /// Removes what was staged: the run did not commit.
    mutating func discard() {
        workbook = nil
        current?.file.remove()
        current = nil
        removeStaging()
    }

    /// Removes the staging folder, holding its lock until it is gone; once: after that, a
    /// folder of the same name would be another run's.
    private mutating func removeStaging() {
        guard stagingLock >= 0 else { return }
        Leftovers.removeTree(staging)
        close(stagingLock)
        stagingLock = -1
    }

    private func stage(_ name: String) throws(SystemError) -> AtomicFile {
        try AtomicFile(target: directory + "/" + name, temporary: staging + "/" + name)
    }

    private mutating func flush() throws(SystemError) {
        try current?.file.write(pending)
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func closeCurrent() throws {
        guard current != nil else { return }
        try flush()
        if let (book, _) = workbook {
            workbook = nil
            try book.close()
        }
        try current!.file.seal()
        let open = current!
        sealed.append(open.file)
        index.append(DigestIndexRow(unit: open.unit, unitName: open.unitName, dueSoon: open.counts[.dueSoon, default: 0],
                                    overdue: open.counts[.overdue, default: 0], severelyOverdue: open.counts[.severelyOverdue, default: 0],
                                    fileName: open.fileName))
        current = nil
    }

    private func stagingFailure(_ error: any Error) -> Failure {
        let reason = (error as? SystemError)?.reason ?? "\(error)"
        return Failure(.ioError, "--out-dir \(shownPath(directory)): writing the digests failed (\(reason)); nothing was recorded")
    }
}
