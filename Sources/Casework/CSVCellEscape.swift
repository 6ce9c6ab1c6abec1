/// The reversible form of a text cell in the CSV of `export cases`: a cell a spreadsheet could
/// read as a formula gets a leading `'` (as every CSV of the product does), and so does a
/// cell that already starts with `'`, so that the import takes exactly one `'` off any cell
/// that starts with one and gets back the text as it was.
public enum CSVCellEscape {
    /// The text a cell written by the export stands for.
    public static func unescaped(_ cell: String) -> String {
        cell.hasPrefix("'") ? String(cell.dropFirst()) : cell
    }
}
