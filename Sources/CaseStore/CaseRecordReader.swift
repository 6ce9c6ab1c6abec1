import Casework
import Foundation

/// The layouts `export cases` writes and `import cases` reads.
public enum CaseFileFormat: String, Sendable, CaseIterable {
    case csv, json, jsonl
}

/// Reads the records of a case file in any of its formats as values in `CaseExchange.fields`
/// order, each with the line it starts on (for json, the case's position in the array). A
/// record that cannot be read as one (bad JSON, an unknown or missing field, a CSV row of
/// the wrong width) is handed on as a problem instead.
struct CaseRecordReader {
    let source: ImportSource
    let format: CaseFileFormat
    let file: String

    enum Record {
        case values(line: Int, [JSONValue], row: [String]?)
        case bad(line: Int, column: Int?, why: String, row: [String]?)
    }

    /// Hands on each record with the bytes of the file read so far.
    func read(_ body: (Record, Int) throws -> Void) throws {
        switch format {
        case .csv: try readCSV(body)
        case .jsonl: try readLines(body)
        case .json: try readArray(body)
        }
    }

    private func readCSV(_ body: (Record, Int) throws -> Void) throws {
        _ = try source.rows(expecting: CaseExchange.names, file: file) { header, row, bytes in
            if let problem = header.problem(of: row) {
                return try body(.bad(line: row.line, column: problem.column, why: problem.why, row: row.fields), bytes)
            }
            var values: [JSONValue] = []
            values.reserveCapacity(row.fields.count)
            for (field, cell) in zip(CaseExchange.fields, row.fields) {
                guard let value = Self.value(csv: cell, field) else {
                    let column = values.count
                    return try body(.bad(line: row.line, column: column, why: "not JSON", row: row.fields), bytes)
                }
                values.append(value)
            }
            try body(.values(line: row.line, values, row: row.fields), bytes)
        }
    }

    /// A CSV cell as the value the JSON formats would hold: an empty cell is null where the
    /// field may be null, text loses the `'` the export put before it (see `CSVCellEscape`),
    /// a list is parsed; nil when a list cell is not JSON.
    static func value(csv cell: String, _ field: CaseExchange.Field) -> JSONValue? {
        if cell.isEmpty && field.nullable { return .null }
        switch field.kind {
        case .text, .word: return .string(CSVCellEscape.unescaped(cell))
        case .day, .instant: return .string(cell)
        case .int: return Int(cell).map(JSONValue.int) ?? .string(cell)
        case .bool: return cell == "true" ? .bool(true) : cell == "false" ? .bool(false) : .string(cell)
        case .codes:
            let codes = CSVCellEscape.unescaped(cell)
            return .array(codes.isEmpty ? [] : codes.split(separator: ";", omittingEmptySubsequences: false).map { .string(String($0)) })
        case .object, .list: return parse(Array(cell.utf8))
        }
    }

    private func readLines(_ body: (Record, Int) throws -> Void) throws {
        var pending: [UInt8] = []
        var line = 0
        var consumed = 0
        func hand(_ bytes: ArraySlice<UInt8>) throws {
            line += 1
            var text = bytes
            if line == 1, text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
            if text.last == 0x0D { text = text.dropLast() }
            if text.isEmpty { return }
            try body(record(Array(text), line: line), consumed)
        }
        try source.read { chunk in
            consumed += chunk.count
            pending.append(contentsOf: chunk)
            var start = pending.startIndex
            while let end = pending[start...].firstIndex(of: 0x0A) {
                try hand(pending[start..<end])
                start = end + 1
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty { try hand(pending[...]) }
    }

    /// The whole file is parsed at once: json is for smaller files (jsonl streams).
    private func readArray(_ body: (Record, Int) throws -> Void) throws {
        var bytes: [UInt8] = []
        try source.read { bytes.append(contentsOf: $0) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard case .array(let items)? = Self.parse(bytes) else {
            throw Failure.ruleBroken("\(file): not a JSON array of cases (the json layout of export cases)")
        }
        for (index, item) in items.enumerated() {
            try body(record(item, line: index + 1), bytes.count)
        }
    }

    private func record(_ bytes: [UInt8], line: Int) -> Record {
        guard let value = Self.parse(bytes) else { return .bad(line: line, column: nil, why: "not a JSON object", row: nil) }
        return record(value, line: line)
    }

    /// A JSON object's fields in layout order: every field present, no other.
    private func record(_ value: JSONValue, line: Int) -> Record {
        guard case .object(let pairs) = value else { return .bad(line: line, column: nil, why: "not a JSON object", row: nil) }
        var byName: [String: JSONValue] = [:]
        for (name, value) in pairs {
            guard CaseExchange.names.contains(name) else {
                return .bad(line: line, column: nil, why: "\(Text.printable(name, limit: 40)) is not a field of the layout", row: nil)
            }
            byName[name] = value
        }
        var values: [JSONValue] = []
        for (index, name) in CaseExchange.names.enumerated() {
            guard let value = byName[name] else { return .bad(line: line, column: index, why: "the field is missing", row: nil) }
            values.append(value)
        }
        return .values(line: line, values, row: nil)
    }

    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONDecoder().decode(DecodedJSON.self, from: Data(bytes)).value
    }
}

/// Any JSON value, decoded keeping true/false apart from numbers.
private struct DecodedJSON: Decodable {
    let value: JSONValue

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            value = .object(try object.allKeys.map { ($0.stringValue, try object.decode(DecodedJSON.self, forKey: $0).value) })
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(DecodedJSON.self).value) }
            value = .array(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            value = .null
        } else if let flag = try? single.decode(Bool.self) {
            value = .bool(flag)
        } else if let number = try? single.decode(Int.self) {
            value = .int(number)
        } else if let number = try? single.decode(Double.self) {
            value = .number(number)
        } else {
            value = .string(try single.decode(String.self))
        }
    }
}
