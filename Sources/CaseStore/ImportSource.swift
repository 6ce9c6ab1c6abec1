import Casework
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an import reads: a file on disk, read in chunks each time it is read (a retried
/// transaction reads it again) so that its size never reaches memory, or bytes already
/// read (standard input, tests).
public enum ImportSource: Sendable {
    case file(path: String)
    case bytes([UInt8])

    static let chunkSize = 1 << 20

    /// The size in bytes, for a progress percentage; nil when unknown.
    public var size: Int? {
        switch self {
        case .bytes(let bytes): return bytes.count
        case .file(let path):
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return Int(info.st_size)
        }
    }

    /// Hands the bytes to `body`, chunk by chunk; an unreadable file is exit 66.
    public func read(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        switch self {
        case .bytes(let bytes):
            try bytes.withUnsafeBufferPointer { try body($0) }
        case .file(let path):
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw Failure(.noInput, "\(path): no such file, or it cannot be read") }
            defer { close(fd) }
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.chunkSize)
            defer { buffer.deallocate() }
            while true {
                let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
                if count == 0 { return }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Failure(.noInput, "\(path): cannot be read (\(String(cString: strerror(errno))))")
                }
                try body(UnsafeBufferPointer(rebasing: buffer[..<count]))
            }
        }
    }
}

extension ImportSource {
    /// Reads the header then hands on each other row, with the bytes read so far.
    func rows(
        expecting expected: [String], optional: [String] = [], file: String,
        _ body: (CSVHeader, CSVReader.Row, Int) throws -> Void
    ) throws -> CSVHeader {
        var reader = CSVReader()
        var header: CSVHeader?
        func hand(_ row: CSVReader.Row, _ bytes: Int) throws {
            guard let known = header else {
                header = try CSVHeader(row, expecting: expected, optional: optional, file: file)
                return
            }
            try body(known, row, bytes)
        }
        // Progress counts whole chunks: the reader is busy while it hands rows on.
        var consumed = 0
        try read { chunk in
            consumed += chunk.count
            try reader.feed(chunk) { try hand($0, consumed) }
        }
        try reader.finish { try hand($0, consumed) }
        guard let header else { throw CSVHeader.empty(file, expected) }
        return header
    }
}
