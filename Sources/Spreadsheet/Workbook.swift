import CXLSXWriter
import Casework

/// An .xlsx file written natively with libxlsxwriter, one sheet at a time, row by row.
///
/// Safe by construction: every cell is typed (`Cell`), and text is always written as a string
/// cell, never as a formula, so `=cmd|' /C calc'!A0` stays those characters and `5-4` never
/// becomes a date. Rows go to disk as they come (libxlsxwriter's constant-memory mode), so a
/// long sheet takes flat memory; the file appears at `path` only when `close` succeeds.
public final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private let path: String
    let formats: Formats
    private var sheets: [Sheet] = []
    private var sheetNames: Set<String> = []

    /// Starts a workbook that `close` writes to `path` (which it creates or truncates).
    public init(path: String) throws(SpreadsheetError) {
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 0)
        guard let handle = path.withCString({ workbook_new_opt($0, &options) }) else {
            throw SpreadsheetError("cannot start a workbook for \(path)")
        }
        self.handle = handle
        self.path = path
        formats = Formats(handle)
    }

    deinit {
        // Never closed (a failure on the way): free it without writing anything.
        if let handle { lxw_workbook_free(handle) }
    }

    /// Adds a sheet whose first row is `header`, bold and frozen so it stays in view while
    /// scrolling. `name` is cut to Excel's 31 characters and its forbidden characters
    /// (`[]:*?/\`) replaced; a name already used (Excel ignores case) gets a number.
    public func addSheet(_ name: String, header: [String]) throws(SpreadsheetError) -> Sheet {
        guard let handle else { throw SpreadsheetError("the workbook is closed") }
        let name = uniqueName(SheetName.cleaned(name))
        guard let sheet = name.withCString({ workbook_add_worksheet(handle, $0) }) else {
            throw SpreadsheetError("cannot add the sheet \(name)")
        }
        sheetNames.insert(name.lowercased())
        let added = Sheet(sheet, formats: formats, columns: header.count)
        try added.writeHeader(header)
        sheets.append(added)
        return added
    }

    /// Sizes every sheet's columns and writes the file. After a failure nothing usable is at
    /// `path` (the caller's temporary file is to be removed).
    public func close() throws(SpreadsheetError) {
        guard let handle else { return }
        for sheet in sheets { sheet.fitColumns() }
        self.handle = nil
        let status = workbook_close(handle)
        guard status == LXW_NO_ERROR else {
            throw SpreadsheetError("writing \(path) failed (\(String(cString: lxw_strerror(status))))")
        }
    }

    private func uniqueName(_ name: String) -> String {
        var candidate = name
        var number = 2
        while sheetNames.contains(candidate.lowercased()) {
            let suffix = " (\(number))"
            candidate = String(name.prefix(SheetName.maximumLength - suffix.count)) + suffix
            number += 1
        }
        return candidate
    }
}

/// Why a workbook could not be written.
public struct SpreadsheetError: Error, Sendable, CustomStringConvertible {
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The cell formats a workbook shares among its sheets.
struct Formats {
    let header: UnsafeMutablePointer<lxw_format>
    /// Excel's `@`: a text cell stays text when someone edits it.
    let text: UnsafeMutablePointer<lxw_format>
    let percentage: UnsafeMutablePointer<lxw_format>
    private let handle: UnsafeMutablePointer<lxw_workbook>
    private var decimals: [Int: UnsafeMutablePointer<lxw_format>] = [:]

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
        handle = workbook
        header = workbook_add_format(workbook)
        format_set_bold(header)
        format_set_num_format(header, "@")
        text = workbook_add_format(workbook)
        format_set_num_format(text, "@")
        percentage = workbook_add_format(workbook)
        format_set_num_format(percentage, "0.0%")
        for places in 0...Self.maximumPlaces {
            let format = workbook_add_format(workbook)!
            format_set_num_format(format, places == 0 ? "0" : "0." + String(repeating: "0", count: places))
            decimals[places] = format
        }
    }

    static let maximumPlaces = 6

    func decimal(places: Int) -> UnsafeMutablePointer<lxw_format> {
        decimals[min(max(places, 0), Self.maximumPlaces)]!
    }
}

enum SheetName {
    static let maximumLength = 31

    static func cleaned(_ name: String) -> String {
        let replaced = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
            .trimmingCharacters(inSheetQuotes: true)
        let cut = String(replaced.prefix(maximumLength))
        return cut.isEmpty ? "Sheet" : cut
    }
}

private extension String {
    /// Excel refuses a sheet name that starts or ends with an apostrophe.
    func trimmingCharacters(inSheetQuotes: Bool) -> String {
        var result = Substring(self)
        while result.first == "'" { result = result.dropFirst() }
        while result.last == "'" { result = result.dropLast() }
        return String(result)
    }
}
