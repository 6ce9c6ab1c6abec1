import Casework
import Foundation
import Spreadsheet

/// `--format xlsx`: a workbook built in a private temporary folder, then copied into the
/// command's `Output` (standard output, held output, or the `--output` file written whole or
/// not at all). An .xlsx file is binary: to a terminal it is refused before any work, so it
/// goes to a file (`--output`) or a pipe (`> cases.xlsx`, `| mail …`).
enum XLSXOutput {
    /// Throws (64) when the workbook would go to a terminal: called before any work.
    /// `outputOption` says whether the command takes `--output`, to name the way out.
    static func refuseTerminal(_ file: OutputFile?, outputOption: Bool = true) throws {
        guard file == nil, isatty(STDOUT_FILENO) == 1 else { return }
        let fix = outputOption ? "write it with --output FILE.xlsx or redirect standard output (> FILE.xlsx)"
                               : "redirect standard output to a file (> FILE.xlsx)"
        throw Failure(.badValue, "--format xlsx: standard output is a terminal and an .xlsx file is binary; \(fix)")
    }

    /// Builds a workbook with `build` and appends the finished file to `out`.
    static func write(into out: inout Output, _ build: (Workbook) throws -> Void) throws {
        let draft = try Draft()
        do {
            try build(draft.book)
        } catch let error as SpreadsheetError {
            throw failure(error)
        }
        try draft.finish(into: &out)
    }

    /// A workbook being built in its own temporary folder, removed with the draft. For a
    /// command that must finish the file at a moment of its own (before it commits).
    final class Draft {
        let book: Workbook
        private let folder: String
        private let path: String

        init() throws {
            folder = try XLSXOutput.scratchFolder()
            path = folder + "/book.xlsx"
            do {
                book = try Workbook(path: path)
            } catch {
                try? FileManager.default.removeItem(atPath: folder)
                throw XLSXOutput.failure(error)
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        /// Writes the workbook and appends it to `out`.
        func finish(into out: inout Output) throws {
            do { try book.close() } catch { throw XLSXOutput.failure(error) }
            try XLSXOutput.copy(path, into: &out)
        }
    }

    static func failure(_ error: SpreadsheetError) -> Failure {
        Failure(.ioError, "--format xlsx: \(error.message); nothing was written")
    }

    /// A folder only this process uses, so libxlsxwriter's file cannot be another's.
    private static func scratchFolder() throws -> String {
        let base = NSTemporaryDirectory()
        var template = Array((base + "/jianyi-xlsx.XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw Failure(.cannotCreateOutput, "--format xlsx: cannot create a temporary folder in \(shownPath(base)) (\(SystemError("mkdtemp", base).reason))")
        }
        return String(cString: template)
    }

    private static func copy(_ path: String, into out: inout Output) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(.ioError, "--format xlsx: the finished workbook could not be read back; nothing was written")
        }
        defer { try? handle.close() }
        while true {
            let chunk = try handle.read(upToCount: 1 << 16) ?? Data()
            if chunk.isEmpty { break }
            out.write([UInt8](chunk))
        }
    }
}
