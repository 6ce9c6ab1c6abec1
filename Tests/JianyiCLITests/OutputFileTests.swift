import Foundation
import Postgres
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--output FILE`: replaced whole or not at all, never a folder, never through a deleted
/// target, and a path that cannot be written refused (73) before any work.
@Suite struct OutputFileTests {
    /// A congress with one case replied to, so that reports have rows.
    func reported() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        for arguments in [
            ["register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21"],
            ["review", "5-4-0001", "--accept", "--on", "2024-01-30"],
            ["assign", "5-4-0001", "--lead", "SJJ", "--on", "2024-02-20"],
            ["reply", "5-4-0001", "--unit", "SJJ", "--outcome", "A", "--text", "已解决", "--on", "2024-04-01"],
        ] {
            let result = try jianyi.run(arguments)
            #expect(result.code == 0, "\(arguments): \(result.stderr)")
        }
        return jianyi
    }

    /// Every command that takes --output, as its arguments before the flag.
    static let commands = [
        ["export", "satisfaction", "--format", "csv"],
        ["export", "satisfaction", "--format", "html"],
        ["score", "units", "--format", "json"],
    ]

    @Test(arguments: commands)
    func anExistingFileIsReplacedWholeAndKeepsItsMode(_ command: [String]) throws {
        let jianyi = try reported()
        let folder = try temporaryDirectory()
        let path = folder + "/报告.out"
        try Data("the old report\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o640)
        let before = folderSnapshot(folder)

        let result = try jianyi.run(command + ["--output", path])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        let expected = try jianyi.run(command).stdout
        #expect(expected.contains("SJJ"))
        // The same but for the second it was made at (a JSON report's made_at).
        #expect(Self.unstamped(String(decoding: try bytes(path), as: UTF8.self)) == Self.unstamped(expected))
        #expect(try entries(folder) == ["报告.out"])  // no temporary file left beside it
        let after = folderSnapshot(folder)
        #expect(after["报告.out"]?.hasPrefix("file 640 ") == true)
        // A new inode: the new file was renamed over the old one, not written into it.
        #expect(after["报告.out"]?.split(separator: " ")[3] != before["报告.out"]?.split(separator: " ")[3])
    }

    /// `text` with the time in a `made_at` key blanked: two runs a second apart differ there only.
    static func unstamped(_ text: String) -> String {
        text.replacing(/"made_at":"[^"]*"/, with: "\"made_at\":\"\"")
    }

    @Test func aNewFileIsCreated() throws {
        let jianyi = try reported()
        let folder = try temporaryDirectory()
        let result = try jianyi("score", "units", "--format", "csv", "--output", folder + "/评分.csv")
        #expect(result.code == 0, "\(result.stderr)")
        #expect(try entries(folder) == ["评分.csv"])
        #expect(String(decoding: try bytes(folder + "/评分.csv"), as: UTF8.self).hasPrefix("group,cases,"))
    }

    /// A folder to refuse into: a file and a subfolder with a file, all to stay as they are.
    func populatedFolder() throws -> String {
        let folder = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: false)
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: folder + "/keep.csv"))
        try Data("me too\n".utf8).write(to: URL(fileURLWithPath: folder + "/sub/inner.csv"))
        #expect(mkfifo(folder + "/pipe", 0o644) == 0)  // a named pipe: not a file to replace
        return folder
    }

    @Test func pathsThatNameNoFileAreRefusedWith73AndTouchNothing() throws {
        let jianyi = try reported()
        let folder = try populatedFolder()
        let before = folderSnapshot(folder)
        let refused: [(path: String, why: String)] = [
            (folder, "it is a folder"),
            (folder + "/sub", "it is a folder"),
            (folder + "/sub/", "it names a folder"),
            (folder + "/.", "it names a folder"),
            (folder + "/sub/..", "it names a folder"),
            ("", "an empty path names no file"),
            (folder + "/missing/x.csv", "the folder \(folder)/missing does not exist"),
            (folder + "/keep.csv/x.csv", "Not a directory"),
            (folder + "/pipe", "not a regular file"),
        ]
        for (path, why) in refused {
            for command in Self.commands {
                // Run inside the folder: a relative path ("") must hit nothing else, even if broken.
                let result = try jianyi.expectRefusal(command + ["--output", path], 73, mentioning: "--output", directory: folder)
                #expect(result.stderr.contains(why), "\(path): \(result.stderr)")
            }
        }
        #expect(folderSnapshot(folder) == before)
    }

    @Test func dotAndDotDotAreRefusedFromInsideTheFolder() throws {
        let jianyi = try reported()
        let folder = try populatedFolder()
        let before = folderSnapshot(folder)
        for (path, directory) in [(".", folder), ("..", folder + "/sub"), ("sub", folder)] {
            let result = try jianyi.run(["export", "satisfaction", "--output", path], directory: directory)
            expectRefused(result, 73, mentioning: "--output \(path):")
        }
        #expect(folderSnapshot(folder) == before)
    }

    @Test func theOutputIsCheckedBeforeTheDatabase() throws {
        let jianyi = try reported()
        let folder = try populatedFolder()
        let result = try jianyi.run(["export", "satisfaction", "--output", folder], databaseURL: "postgresql://nobody@/nowhere?host=/nonexistent")
        expectRefused(result, 73, mentioning: "--output")
    }

    @Test func aSymbolicLinkIsWrittenThrough() throws {
        let jianyi = try reported()
        let folder = try temporaryDirectory()
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: folder + "/real.csv"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: "real.csv")
        try FileManager.default.createSymbolicLink(atPath: folder + "/chain.csv", withDestinationPath: "link.csv")
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling.csv", withDestinationPath: "new.csv")
        let expected = try jianyi("export", "satisfaction", "--format", "csv").stdout

        #expect(try jianyi("export", "satisfaction", "--format", "csv", "--output", folder + "/chain.csv").code == 0)
        #expect(String(decoding: try bytes(folder + "/real.csv"), as: UTF8.self) == expected)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.csv") == "real.csv")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/chain.csv") == "link.csv")

        #expect(try jianyi("export", "satisfaction", "--format", "csv", "--output", folder + "/dangling.csv").code == 0)
        #expect(String(decoding: try bytes(folder + "/new.csv"), as: UTF8.self) == expected)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/dangling.csv") == "new.csv")
        #expect(try entries(folder) == ["chain.csv", "dangling.csv", "link.csv", "new.csv", "real.csv"])
    }

    @Test func linksThatLeadNowhereWritableAreRefused() throws {
        let jianyi = try reported()
        let folder = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder + "/to-missing.csv", withDestinationPath: "missing/x.csv")
        try FileManager.default.createSymbolicLink(atPath: folder + "/to-folder.csv", withDestinationPath: "sub")
        try FileManager.default.createSymbolicLink(atPath: folder + "/loop-a.csv", withDestinationPath: "loop-b.csv")
        try FileManager.default.createSymbolicLink(atPath: folder + "/loop-b.csv", withDestinationPath: "loop-a.csv")
        let before = folderSnapshot(folder)
        for (name, why) in [("to-missing.csv", "does not exist"), ("to-folder.csv", "it is a folder"), ("loop-a.csv", "too many symbolic links")] {
            let result = try jianyi.expectRefusal(["export", "satisfaction", "--output", folder + "/" + name], 73, mentioning: why,
                                                  directory: folder)
            #expect(result.stderr.contains("--output \(folder)/\(name):"))
        }
        #expect(folderSnapshot(folder) == before)
    }

    /// Tests run as root, to whom access(2) grants everything: the rule is the mode's write bits.
    @Test func aReadOnlyFileOrFolderIsRefusedEvenForRoot() throws {
        let jianyi = try reported()
        let folder = try temporaryDirectory()
        try Data("signed and sealed\n".utf8).write(to: URL(fileURLWithPath: folder + "/final.csv"))
        chmod(folder + "/final.csv", 0o444)
        try FileManager.default.createDirectory(atPath: folder + "/archive", withIntermediateDirectories: false)
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: folder + "/archive/2023.csv"))
        chmod(folder + "/archive", 0o555)
        defer { chmod(folder + "/archive", 0o755) }
        let before = folderSnapshot(folder)
        try jianyi.expectRefusal(["export", "satisfaction", "--output", folder + "/final.csv"], 73, mentioning: "read-only")
        for name in ["2023.csv", "2024.csv"] {
            try jianyi.expectRefusal(["score", "units", "--output", folder + "/archive/" + name], 73, mentioning: "no write permission")
        }
        #expect(folderSnapshot(folder) == before)
    }

    @Test func aWriteThatFailsPartWayExits74AndLeavesTheFileAsItWas() throws {
        var jianyi = try reported()
        let folder = try temporaryDirectory()
        try Data("the old report\n".utf8).write(to: URL(fileURLWithPath: folder + "/report.html"))
        let before = folderSnapshot(folder)
        jianyi.launcher = shell("ulimit -f 0")  // every write to a file fails (EFBIG), as on a full disk
        let result = try jianyi.run(["export", "satisfaction", "--format", "html", "--output", folder + "/report.html"])
        expectRefused(result, 74, mentioning: "--output \(folder)/report.html: writing failed")
        #expect(result.stderr.contains("the file was not changed"))
        #expect(folderSnapshot(folder) == before)  // the old file, and no temporary file
    }

    @Test func aCommandThatFailsAfterCreatingItsTemporaryFileRemovesIt() throws {
        var jianyi = try reported()
        let folder = try temporaryDirectory()
        try Data("the old report\n".utf8).write(to: URL(fileURLWithPath: folder + "/report.csv"))
        let before = folderSnapshot(folder)
        // The report's query waits for this lock and gives up: the temporary file exists by then.
        let holder = try Connection(jianyi.database)
        try holder.execute("BEGIN")
        try holder.execute("LOCK TABLE suggestion IN ACCESS EXCLUSIVE MODE")
        jianyi.environment["PGOPTIONS"] = "-c lock_timeout=200ms"
        let result = try jianyi.run(["export", "satisfaction", "--output", folder + "/report.csv"], directory: folder)
        try holder.execute("ROLLBACK")
        expectRefused(result, 75)
        #expect(folderSnapshot(folder) == before)
    }

    /// Whether a temporary file is a leftover is decided by its lock, not by the pid in its
    /// name: runs in other containers share small pids, and hosts sharing a folder cannot see
    /// each other's processes. One that another process holds is kept whatever its name, even
    /// this run's own pid (the run then takes another name); once let go, the next run removes
    /// it, as it removes at once those nobody holds.
    @Test func aTemporaryFileIsRemovedOnlyWhenNobodyHoldsIt() throws {
        var jianyi = try reported()
        let folder = try temporaryDirectory()
        let prefix = ".report.csv.jianyi-"
        let dead = try deadProcessID()
        let held = ["\(prefix)\(dead).tmp", "\(prefix)\(getpid()).tmp"]
        let abandoned = ["\(prefix)\(dead)-1.tmp", "\(prefix)\(getpid())-1.tmp"]
        for name in held + abandoned + ["ours"] { try Data("half a report".utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        var locks = try (held + ["ours"]).map { try holdLock(folder + "/" + $0) }
        defer { locks.forEach { close($0) } }
        let pidFile = try temporaryDirectory() + "/pid"
        jianyi.launcher = renaming(folder + "/ours", in: folder, to: prefix, pidFile: pidFile)
        let before = snapshot(folder, of: held)
        #expect(try jianyi("export", "satisfaction", "--output", folder + "/report.csv").code == 0)
        let own = "\(prefix)\(try launchedPID(pidFile)).tmp"
        #expect(try entries(folder) == (held + [own, "report.csv"]).sorted())
        #expect(snapshot(folder, of: held) == before)
        #expect(try bytes(folder + "/" + own) == Data("half a report".utf8))

        locks.forEach { close($0) }
        locks = []
        jianyi.launcher = []
        #expect(try jianyi("export", "satisfaction", "--output", folder + "/report.csv").code == 0)
        #expect(try entries(folder) == ["report.csv"])
    }

    /// A run that is writing holds its temporary file: another run keeps it; killed with
    /// kill -9, it holds nothing, and the next run removes what it left.
    @Test func aWorkingRunsTemporaryFileIsKeptAndAKilledOnesIsRemoved() throws {
        let jianyi = try reported()
        let folder = try temporaryDirectory()
        // The report's query waits for this lock: the temporary file exists by then.
        let holder = try Connection(jianyi.database)
        try holder.execute("BEGIN")
        try holder.execute("LOCK TABLE suggestion IN ACCESS EXCLUSIVE MODE")
        let working = BackgroundRun(jianyi, ["export", "satisfaction", "--output", folder + "/report.csv"])
        var temporary = ""
        try waitUntil("the run has locked its temporary file") {
            temporary = try entries(folder).first { $0.hasPrefix(".report.csv.jianyi-") } ?? ""
            return !temporary.isEmpty && isLocked(folder + "/" + temporary)
        }
        var impatient = jianyi
        impatient.environment["PGOPTIONS"] = "-c lock_timeout=200ms"
        expectRefused(try impatient.run(["export", "satisfaction", "--output", folder + "/report.csv"]), 75)
        #expect(try entries(folder) == [temporary])

        let pid = try #require(Int32(temporary.dropFirst(".report.csv.jianyi-".count).dropLast(".tmp".count)))
        #expect(kill(pid, SIGKILL) == 0)
        #expect(try working.result().code == SIGKILL)
        try holder.execute("ROLLBACK")
        #expect(try entries(folder) == [temporary])
        #expect(try jianyi("export", "satisfaction", "--output", folder + "/report.csv").code == 0)
        #expect(try entries(folder) == ["report.csv"])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "Linux's always-full device"))
    func standardOutputOnAFullDiskExits74WithOneLine() throws {
        let jianyi = try reported()
        var full = jianyi
        full.launcher = shell("exec >/dev/full")
        for command in [["overdue", "runs"], ["export", "satisfaction", "--format", "csv"], ["list", "--format", "json"]] {
            let result = try full.run(command)
            expectRefused(result, 74, mentioning: "writing to standard output failed (No space left on device)")
        }
        // A run's report is held until the run commits: then the report is lost, not the run.
        let run = try full.run(["overdue", "--as-of", "2024-03-21"])
        expectRefused(run, 74, mentioning: "run #1 is recorded, but writing to standard output failed (No space left on device)")
        #expect(try jianyi("overdue", "runs", "--format", "json").stdout.contains("\"run_id\":1"))
    }
}
