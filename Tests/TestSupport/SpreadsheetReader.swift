import Foundation

/// An .xlsx file as openpyxl reads it back: what a spreadsheet program will see, checked by a
/// reader that is not the writer.
///
/// The python is `JIANYI_TEST_PYTHON` or /usr/bin/python3 with Debian's python3-openpyxl
/// (Scripts/test installs it when missing). Without openpyxl the read throws, naming what to
/// install: a test that cannot check the file fails, it never skips.
public struct ReadWorkbook: Sendable {
    public struct Cell: Sendable, Equatable, CustomStringConvertible {
        /// openpyxl's data type: `s` text, `n` number, `f` formula, `d` date.
        public let type: String
        public let text: String?
        public let number: Double?
        /// The number format, e.g. `@`, `0.0%`, `General`.
        public let format: String

        public var description: String { "\(type):\(text ?? number.map { String($0) } ?? "nil") [\(format)]" }
    }

    public struct Sheet: Sendable {
        public let name: String
        /// The top-left cell of the scrolling part: `A2` when the header row is frozen.
        public let freeze: String?
        public let rows: [[Cell]]
        /// Column letter → width set in the file.
        public let widths: [String: Double]
    }

    public let sheets: [Sheet]

    public static func read(_ path: String) throws -> ReadWorkbook {
        let python = ProcessInfo.processInfo.environment["JIANYI_TEST_PYTHON"] ?? "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw ReadBackError("\(python) not found: the xlsx tests read files back with python3 and openpyxl (apt-get install python3-openpyxl; Scripts/test installs it)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 3 {
            throw ReadBackError("openpyxl is not installed for \(python): the xlsx tests need it (apt-get install python3-openpyxl; Scripts/test installs it)")
        }
        guard process.terminationStatus == 0 else { throw ReadBackError("openpyxl could not read \(path): \(errors)") }
        guard let json = try JSONSerialization.jsonObject(with: output) as? [[String: Any]] else {
            throw ReadBackError("unexpected reader output: \(String(decoding: output, as: UTF8.self))")
        }
        return ReadWorkbook(sheets: json.map { sheet in
            Sheet(name: sheet["name"] as? String ?? "",
                  freeze: sheet["freeze"] as? String,
                  rows: (sheet["rows"] as? [[[String: Any]]] ?? []).map { row in
                      row.map { cell in
                          Cell(type: cell["type"] as? String ?? "", text: cell["text"] as? String,
                               number: (cell["number"] as? NSNumber)?.doubleValue, format: cell["format"] as? String ?? "")
                      }
                  },
                  widths: sheet["widths"] as? [String: Double] ?? [:])
        })
    }

    public subscript(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    private static let script = """
        import json, sys
        try:
            import openpyxl
        except ImportError:
            sys.exit(3)
        book = openpyxl.load_workbook(sys.argv[1])
        sheets = []
        for ws in book.worksheets:
            rows = []
            for row in ws.iter_rows():
                cells = []
                for c in row:
                    v = c.value
                    cell = {"type": c.data_type, "format": c.number_format}
                    if isinstance(v, str):
                        cell["text"] = v
                    elif isinstance(v, (int, float)) and not isinstance(v, bool):
                        cell["number"] = v
                    elif v is not None:
                        cell["text"] = str(v)
                    cells.append(cell)
                rows.append(cells)
            widths = {k: d.width for k, d in ws.column_dimensions.items() if d.width}
            sheets.append({"name": ws.title, "freeze": ws.freeze_panes, "rows": rows, "widths": widths})
        print(json.dumps(sheets, ensure_ascii=False))
        """
}

public struct ReadBackError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
