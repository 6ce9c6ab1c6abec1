import Casework
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file a command is asked to write (`--output`), checked before any work so that a path
/// that cannot be written is refused (73) with nothing touched, the database included.
///
/// The rules: the path names a file, never a folder (`.`, `..`, a trailing `/`, an existing
/// folder) nor a device, pipe or socket; its folder exists and has a write bit; an existing
/// file has a write bit too (a read-only file stays as it is, even for root, to whom access(2)
/// grants everything). A symbolic link is written through: the file it names (which need not
/// exist yet) is replaced, and the link stays.
struct OutputFile {
    /// The flag, for messages.
    let flag: String
    /// The path as given.
    let path: String
    /// The file that is replaced: `path` with its links followed.
    let target: String
    /// What `target` is now, when it exists: its mode and owner carry over.
    let existing: stat?

    init(_ path: String, flag: String) throws {
        self.flag = flag
        self.path = path
        var target = path
        var existing: stat?
        // Follows the links of the last component, as open(2) would (folders on the way are
        // followed by the calls themselves), up to Linux's limit of 40.
        var links = 0
        while true {
            try Self.requireFileName(target, flag: flag, given: path)
            let status: stat?
            do { status = try linkStatus(target) } catch { throw Self.refusal(flag, path, error.reason) }
            guard let status, status.isSymbolicLink else {
                existing = status
                break
            }
            links += 1
            if links > 40 { throw Self.refusal(flag, path, "too many symbolic links") }
            var link = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(target, &link, link.count - 1)
            guard count >= 0 else { throw Self.refusal(flag, path, SystemError("readlink", target).reason) }
            let destination = String(decoding: link[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            target = destination.hasPrefix("/") ? destination : splitPath(target).folder + "/" + destination
        }
        if let existing {
            if existing.isDirectory { throw Self.refusal(flag, path, "it is a folder; name a file in it") }
            if !existing.isRegularFile {
                throw Self.refusal(flag, path, "it is not a regular file (a device, pipe or socket); leave out \(flag) to write to standard output")
            }
            if !existing.hasWriteBit || access(target, W_OK) != 0 { throw Self.refusal(flag, path, "the file is read-only") }
        }
        let folder = splitPath(target).folder
        switch folderProblem(folder) {
        case nil: break
        case .unreadable(let error): throw Self.refusal(flag, path, error.reason)
        case .missing: throw Self.refusal(flag, path, "the folder \(shownPath(folder)) does not exist")
        case .notAFolder: throw Self.refusal(flag, path, "\(shownPath(folder)) is not a folder")
        case .notWritable: throw Self.refusal(flag, path, "files cannot be created in the folder \(shownPath(folder)) (no write permission)")
        }
        self.target = target
        self.existing = existing
    }

    /// Creates the temporary file beside the target (after removing those a killed run left).
    func create() throws -> AtomicFile {
        let (folder, name) = splitPath(target)
        // Short enough that the temporary name fits NAME_MAX (255 bytes) whatever the target's.
        let prefix = ".\(String(decoding: name.utf8.prefix(200), as: UTF8.self)).jianyi-"
        Leftovers.removeAbandoned(in: folder, prefix: prefix)
        do {
            return try AtomicFile(target: target, prefix: prefix, like: existing)
        } catch {
            throw Self.refusal(flag, path, "cannot create a file in \(shownPath(folder)) (\(error.reason))")
        }
    }

    /// A path that names a folder by its form: empty, `.`, `..`, or ending in `/`.
    private static func requireFileName(_ path: String, flag: String, given: String) throws {
        if given.isEmpty { throw refusal(flag, given, "an empty path names no file") }
        let name = splitPath(path).name
        if name.isEmpty || name == "." || name == ".." { throw refusal(flag, given, "it names a folder, not a file") }
    }

    static func refusal(_ flag: String, _ path: String, _ why: String) -> Failure {
        Failure(.cannotCreateOutput, "\(flag) \(shownPath(path)): \(why); nothing was written")
    }
}
