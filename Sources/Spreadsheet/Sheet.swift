import CXLSXWriter
import Casework

/// One sheet of a `Workbook`: a frozen header row, then rows appended in order.
public final class Sheet {
    private let handle: UnsafeMutablePointer<lxw_worksheet>
    private let formats: Formats
    /// The next row to write (0 is the header).
    private var row: UInt32 = 0
    /// Each column's widest cell so far, in display cells (a CJK character counts two).
    private var widths: [Int]

    /// Excel's last row is 1,048,576.
    public static let maximumRows = 1_048_576
    /// Excel's longest text in a cell, in characters.
    public static let maximumText = 32_767
    /// Columns never grow past this many character widths (long titles wrap in the reader's
    /// view instead of making the sheet unreadable).
    static let widestColumn = 60

    init(_ handle: UnsafeMutablePointer<lxw_worksheet>, formats: Formats, columns: Int) {
        self.handle = handle
        self.formats = formats
        widths = Array(repeating: 0, count: columns)
    }

    func writeHeader(_ header: [String]) throws(SpreadsheetError) {
        worksheet_freeze_panes(handle, 1, 0)
        try write(header.map(Cell.text), format: formats.header)
    }

    /// Appends one row. Cells past the header's columns are written too, and sized.
    public func append(_ cells: [Cell]) throws(SpreadsheetError) {
        try write(cells, format: nil)
    }

    /// The rows written after the header.
    public var rows: Int { Int(row) - 1 }

    private func write(_ cells: [Cell], format: UnsafeMutablePointer<lxw_format>?) throws(SpreadsheetError) {
        guard Int(row) < Self.maximumRows else {
            throw SpreadsheetError("more than \(Self.maximumRows - 1) rows do not fit in a sheet")
        }
        for (column, cell) in cells.enumerated() {
            try write(cell, column: UInt16(column), format: format)
            if column >= widths.count { widths.append(0) }
            widths[column] = max(widths[column], displayWidth(cell.shown))
        }
        row += 1
    }

    private func write(_ cell: Cell, column: UInt16, format: UnsafeMutablePointer<lxw_format>?) throws(SpreadsheetError) {
        let status: lxw_error
        switch cell {
        case .text(let text):
            status = Self.storable(text).withCString { worksheet_write_string(handle, row, column, $0, format ?? formats.text) }
        case .date(let day):
            status = day.description.withCString { worksheet_write_string(handle, row, column, $0, format ?? formats.text) }
        case .integer(let value):
            status = worksheet_write_number(handle, row, column, Double(value), format ?? formats.decimal(places: 0))
        case .decimal(let value, let places):
            status = worksheet_write_number(handle, row, column, value, format ?? formats.decimal(places: places))
        case .percentage(let value?):
            status = worksheet_write_number(handle, row, column, value, format ?? formats.percentage)
        case .percentage(nil), .empty:
            status = LXW_NO_ERROR
        }
        guard status == LXW_NO_ERROR else {
            throw SpreadsheetError("row \(row + 1), column \(column + 1): \(String(cString: lxw_strerror(status)))")
        }
    }

    /// Text a cell can hold. A C0 control character other than tab and line feed (and DEL) cannot stand in the file's XML: libxlsxwriter would write it as Excel's
    /// `_xHHHH_` escape, which some readers show as those seven characters. It is written as
    /// its Unicode control picture instead (BEL as ␇, ESC as ␛, NUL as ␀), which every reader
    /// shows alike and which a NUL cannot cut short. Text longer than Excel allows is cut,
    /// marked with "…". A line break is a line feed: CR LF and a lone CR become LF (a CR would
    /// be escaped as `_x000D_`, too).
    static func storable(_ text: String) -> String {
        var scalars = text.unicodeScalars
        if scalars.contains("\r") {
            var lines = String.UnicodeScalarView()
            var afterCR = false
            for scalar in scalars {
                if !(afterCR && scalar == "\n") { lines.append(scalar == "\r" ? "\n" : scalar) }
                afterCR = scalar == "\r"
            }
            scalars = lines
        }
        if scalars.contains(where: isPictured) {
            scalars = String.UnicodeScalarView(scalars.map { isPictured($0) ? picture($0) : $0 })
        }
        guard scalars.count > maximumText else { return String(scalars) }
        return String(String.UnicodeScalarView(scalars.prefix(maximumText - 1))) + "…"
    }

    private static func isPictured(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0x7F
    }

    /// U+2400…U+241F for C0, U+2421 for DEL.
    private static func picture(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        Unicode.Scalar(scalar.value == 0x7F ? 0x2421 : 0x2400 + scalar.value)!
    }

    /// Sets each column's width to its widest cell (two per CJK character) plus a margin.
    func fitColumns() {
        for (column, width) in widths.enumerated() {
            let fitted = Double(min(max(width, 4) + 2, Self.widestColumn))
            worksheet_set_column(handle, UInt16(column), UInt16(column), fitted, nil)
        }
    }
}
