import Casework
/// A table for people: a header row, aligned columns (CJK-width aware), two spaces apart.
/// Every cell is shown on one line with its control characters visible (`terminalLine`):
/// whatever a cell holds, it cannot break the layout or reach the terminal as a command.
public struct TextTable {
    public var header: [String]
    public var rows: [[String]] = []
    /// Widest a column may be before its cells are cut; nil for no limit.
    public var maxWidths: [Int?]

    public init(header: [String], maxWidths: [Int?] = []) {
        self.header = header
        self.maxWidths = maxWidths
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    public func render() -> String {
        let cut = rows.map { row in
            row.enumerated().map { index, cell in
                let flat = cell.terminalLine
                guard index < maxWidths.count, let limit = maxWidths[index] else { return flat }
                return truncate(flat, to: limit)
            }
        }
        let header = header.map(\.terminalLine)
        var widths = header.map(displayWidth)
        for row in cut {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                let last = index == cells.count - 1
                text += last ? cell : pad(cell, to: widths[index]) + "  "
            }
            return text
        }
        var out = line(header) + "\n"
        out += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in cut { out += line(row) + "\n" }
        return out
    }
}
