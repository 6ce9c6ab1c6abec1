import Foundation
@testable import JianyiCLI
import Postgres
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `overdue --out-dir`: the digests of a run that committed are delivered, or the run says
/// which are missing and `overdue digests` writes them again; names never collide.
@Suite struct DigestFileTests {
    /// A case led by ZJJ with co-handlers JTJ, `index`, `INDEX`, `..` and `.`: on 2024-03-21
    /// each co-handler's opinion is one day overdue.
    func assignedCase() throws -> Jianyi {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        var steps = [["unit", "add", "ZJJ", "--name", "市住房和城乡建设局"], ["unit", "add", "JTJ", "--name", "市交通运输局"]]
        for code in ["index", "INDEX", "..", "."] { steps.append(["unit", "add", code, "--name", "单位\(code)"]) }
        steps += [
            ["register", "--title", "关于加快老旧小区改造的建议", "--deputy", "D001", "--session", "5-4", "--on", "2024-01-21"],
            ["review", "5-4-0001", "--accept", "--on", "2024-01-30"],
            ["assign", "5-4-0001", "--lead", "ZJJ", "--co", "JTJ", "--co", "index", "--co", "INDEX", "--co", "..", "--co", ".",
             "--on", "2024-02-20"],
        ]
        for arguments in steps {
            let result = try jianyi.run(arguments)
            #expect(result.code == 0, "\(arguments): \(result.stderr)")
        }
        return jianyi
    }

    static let files = ["2024-03-21-%2E.csv", "2024-03-21-%2E..csv", "2024-03-21-%49NDEX.csv", "2024-03-21-%69ndex.csv",
                        "2024-03-21-JTJ.csv", "2024-03-21-index.csv"].sorted()

    /// The files of a folder, by name, as bytes.
    func digests(in folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try entries(folder) { files[name] = try bytes(folder + "/" + name) }
        return files
    }

    @Test func everyUnitGetsItsOwnFileWhateverItsCode() throws {
        let jianyi = try assignedCase()
        let parent = try temporaryDirectory()
        let folder = parent + "/digests"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let result = try jianyi.run(["overdue", "--as-of", "2024-03-21", "--out-dir", folder], directory: folder)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(try entries(folder) == Self.files)  // nothing hidden left
        #expect(try entries(parent) == ["digests"])  // nothing outside the folder
        let index = String(decoding: try bytes(folder + "/2024-03-21-index.csv"), as: UTF8.self)
        #expect(index.components(separatedBy: "\r\n") == [
            "\u{FEFF}单位代码,单位名称,临期,超期,严重超期,文件",
            ".,单位.,0,1,0,2024-03-21-%2E.csv",
            "..,单位..,0,1,0,2024-03-21-%2E..csv",
            "INDEX,单位INDEX,0,1,0,2024-03-21-%49NDEX.csv",
            "JTJ,市交通运输局,0,1,0,2024-03-21-JTJ.csv",
            "index,单位index,0,1,0,2024-03-21-%69ndex.csv",
            "",
        ])
        // Each digest names its unit inside, in its last column.
        for (code, file) in [(".", "%2E"), ("..", "%2E."), ("INDEX", "%49NDEX"), ("JTJ", "JTJ"), ("index", "%69ndex")] {
            let digest = String(decoding: try bytes(folder + "/2024-03-21-\(file).csv"), as: UTF8.self)
            #expect(digest == "\u{FEFF}编号,标题,事项,期限,超期天数,剩余天数,督办级别,本次新发现,单位代码\r\n"
                        + "5-4-0001,关于加快老旧小区改造的建议,协办意见,2024-03-20,1,,超期,是,\(code)\r\n", "\(code)")
        }
    }

    @Test func codesThatCouldNameAnotherPlaceAreRefusedOrWrittenSafely() throws {
        let jianyi = try Jianyi()
        try jianyi.setUp()
        for code in ["a/b", "x y", "../x", ""] {
            try jianyi.expectRefusal(["unit", "add", code, "--name", "单位"], 64, mentioning: "CODE")
        }
        // Whatever reaches the writer (the schema allows only [A-Za-z0-9_.-]), the name stays
        // one plain file name, distinct per code, never the index's.
        let names = ["index", "Index", "INDEX", ".", "..", ".hidden", "a/b", "x y", "a%2Fb", "a\u{1}b", "单位", "-x", "a.b", "SJJ"]
            .map(DigestName.safe)
        #expect(names == ["%69ndex", "%49ndex", "%49NDEX", "%2E", "%2E.", "%2Ehidden", "a%2Fb", "x%20y", "a%252Fb", "a%01b",
                          "%E5%8D%95%E4%BD%8D", "-x", "a.b", "SJJ"])
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { !$0.contains("/") && !$0.hasPrefix(".") && $0.lowercased() != "index" })
    }

    @Test func aDigestThatCannotBePutInPlaceExits74KeepsTheRunAndIsWrittenAgain() throws {
        // What a good run writes, in a database of its own.
        let good = try temporaryDirectory()
        #expect(try assignedCase().run(["overdue", "--as-of", "2024-03-21", "--out-dir", good], directory: good).code == 0)
        let expected = try digests(in: good)
        #expect(expected.keys.sorted() == Self.files)

        // A folder where one digest's name is taken by a folder: its rename fails after the commit.
        let jianyi = try assignedCase()
        let folder = try temporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder + "/2024-03-21-JTJ.csv/inside", withIntermediateDirectories: true)
        let result = try jianyi.run(["overdue", "--as-of", "2024-03-21", "--out-dir", folder, "--format", "json"], directory: folder)
        #expect(result.code == 74)
        #expect(result.stderr == """
            jianyi: run #1 is recorded, but 1 of its digest files could not be put in \(folder): 2024-03-21-JTJ.csv (Is a directory); \
            write them again with: jianyi overdue digests --run 1 --out-dir \(folder)

            """)
        #expect(result.stdout.hasSuffix("\"run_id\":1,\"new_flags\":5,\"warnings\":[]}\n"))  // the report is delivered
        let runs = try jianyi("overdue", "runs", "--format", "json").stdout
        #expect(runs.contains("\"run_id\":1") && runs.contains("\"new_flags\":5"))
        #expect(try entries(folder) == Self.files)  // every other file in place, no staging folder left
        #expect(try entries(folder + "/2024-03-21-JTJ.csv") == ["inside"])  // the folder in the way is untouched
        for name in Self.files where name != "2024-03-21-JTJ.csv" {
            #expect(try bytes(folder + "/" + name) == expected[name], "\(name)")
        }

        // Written again, the same files, byte for byte: into a new folder, and into the first
        // once the folder in the way is gone; also after a later run has seen the flags again.
        #expect(try jianyi("overdue", "--as-of", "2024-03-21").code == 0)
        let again = try temporaryDirectory()
        let rewritten = try jianyi.run(["overdue", "digests", "--run", "1", "--out-dir", again, "--lang", "en"], directory: again)
        #expect(rewritten.code == 0, "\(rewritten.stderr)")
        #expect(rewritten.stdout == "wrote the 6 digest files of run #1 (2024-03-21) to \(again)\n")
        #expect(try digests(in: again) == expected)
        try FileManager.default.removeItem(atPath: folder + "/2024-03-21-JTJ.csv")
        #expect(try jianyi.run(["overdue", "digests", "--run", "1", "--out-dir", folder], directory: folder).code == 0)
        #expect(try digests(in: folder) == expected)
        // Run 2 found the same flags, no longer new.
        let second = try temporaryDirectory()
        #expect(try jianyi.run(["overdue", "digests", "--run", "2", "--out-dir", second], directory: second).code == 0)
        #expect(String(decoding: try bytes(second + "/2024-03-21-JTJ.csv"), as: UTF8.self).hasSuffix(",1,,超期,否,JTJ\r\n"))
    }

    @Test func aRunWhoseDigestsCannotBeStagedRecordsNothing() throws {
        var jianyi = try assignedCase()
        let folder = try temporaryDirectory()
        jianyi.launcher = shell("ulimit -f 0")  // every write to a file fails (EFBIG), as on a full disk
        try jianyi.expectRefusal(["overdue", "--as-of", "2024-03-21", "--out-dir", folder], 74, mentioning: "writing the digests failed",
                                 directory: folder)
        #expect(try entries(folder) == [])
    }

    /// Whether a staging folder is a leftover is decided by the lock on its lock file, not by
    /// the pid in its name: one another process holds is kept whatever its name, even this
    /// run's own pid (the run then takes another name); once let go, the next run removes it,
    /// as it removes at once those nobody holds: with a lock file nobody locks (kill -9 left
    /// it), or none (a run killed before it made one, or an earlier version's).
    @Test func aStagingFolderIsRemovedOnlyWhenNobodyHoldsIt() throws {
        var jianyi = try assignedCase()
        let folder = try temporaryDirectory()
        let prefix = ".jianyi-2024-03-21-"
        let dead = try deadProcessID()
        let held = [".jianyi-2024-03-20-\(dead).tmp", "\(prefix)\(getpid()).tmp"]
        let abandoned = [".jianyi-2024-03-20-\(dead)-1.tmp", "\(prefix)\(getpid())-1.tmp"]
        for name in held + abandoned + ["ours"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: false)
            try Data("half a digest".utf8).write(to: URL(fileURLWithPath: folder + "/" + name + "/2024-03-20-JTJ.csv"))
        }
        try Data().write(to: URL(fileURLWithPath: folder + "/" + abandoned[0] + "/" + Leftovers.lockName))
        var locks = try (held + ["ours"]).map { try holdLock(folder + "/" + $0 + "/" + Leftovers.lockName) }
        defer { locks.forEach { close($0) } }
        let pidFile = try temporaryDirectory() + "/pid"
        jianyi.launcher = renaming(folder + "/ours", in: folder, to: prefix, pidFile: pidFile)
        let before = snapshot(folder, of: held)
        #expect(try jianyi.run(["overdue", "--as-of", "2024-03-21", "--out-dir", folder], directory: folder).code == 0)
        let own = "\(prefix)\(try launchedPID(pidFile)).tmp"
        #expect(try entries(folder) == (held + [own] + Self.files).sorted())
        #expect(snapshot(folder, of: held) == before)
        #expect(try entries(folder + "/" + own) == [Leftovers.lockName, "2024-03-20-JTJ.csv"])

        locks.forEach { close($0) }
        locks = []
        jianyi.launcher = []
        #expect(try jianyi.run(["overdue", "digests", "--run", "1", "--out-dir", folder], directory: folder).code == 0)
        #expect(try entries(folder) == Self.files)
    }

    /// A run waiting for another to finish holds its staging folder: a run that gives up in the
    /// meantime leaves it, and the waiting run then delivers every digest.
    @Test func aWaitingRunsStagingFolderIsKeptByAnotherRun() throws {
        let jianyi = try assignedCase()
        let folder = try temporaryDirectory()
        let holder = try Connection(jianyi.database)
        try holder.execute("BEGIN")
        let congressID = try holder.query("SELECT congress_id FROM congress WHERE code = 'LL'").rows[0].decode(Int.self, "congress_id")
        #expect(try holder.tryAdvisoryLock(0x6A79_6F64_0000_0000 + Int64(congressID)))
        let waiting = BackgroundRun(jianyi, ["overdue", "--as-of", "2024-03-21", "--out-dir", folder])
        var staging = ""
        try waitUntil("the run has locked its staging folder") {
            staging = try entries(folder).first { $0.hasPrefix(".jianyi-2024-03-21-") } ?? ""
            return !staging.isEmpty && isLocked(folder + "/" + staging + "/" + Leftovers.lockName)
        }
        let other = try jianyi.run(["overdue", "--no-wait", "--as-of", "2024-03-21", "--out-dir", folder])
        expectRefused(other, 75, mentioning: "another overdue run for LL is working")
        #expect(try entries(folder) == [staging])
        try holder.execute("ROLLBACK")
        let result = try waiting.result()
        #expect(result.code == 0, "\(result.stderr)")
        #expect(try entries(folder) == Self.files)
    }

    @Test func outDirThatCannotTakeFilesIsRefusedWith73BeforeTheRun() throws {
        let jianyi = try assignedCase()
        let folder = try temporaryDirectory()
        try Data("a file\n".utf8).write(to: URL(fileURLWithPath: folder + "/file"))
        try FileManager.default.createDirectory(atPath: folder + "/locked", withIntermediateDirectories: false)
        chmod(folder + "/locked", 0o555)
        defer { chmod(folder + "/locked", 0o755) }
        let before = folderSnapshot(folder)
        for (path, why) in [(folder + "/missing", "no such folder"), (folder + "/file", "not a folder"), ("", "an empty path"),
                            (folder + "/locked", "no write permission")] {
            try jianyi.expectRefusal(["overdue", "--as-of", "2024-03-21", "--out-dir", path], 73, mentioning: why, directory: folder)
        }
        #expect(folderSnapshot(folder) == before)
        #expect(try jianyi("overdue", "--as-of", "2024-03-21").code == 0)
        try jianyi.expectRefusal(["overdue", "digests", "--run", "1", "--out-dir", folder + "/file"], 73, mentioning: "--out-dir",
                                 directory: folder)
        try jianyi.expectRefusal(["overdue", "digests", "--run", "7", "--out-dir", folder], 65,
                                 mentioning: "--run: LL has no overdue run #7", directory: folder)
        #expect(folderSnapshot(folder) == before)
    }
}
