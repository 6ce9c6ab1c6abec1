/// A strict RFC 4180 reader fed bytes chunk by chunk, so a file of any size is read in
/// constant memory; `CSVTable` collects its rows for small files, a streaming import hands
/// each row on as soon as it ends.
///
/// It works on bytes: every character CSV gives a meaning to (`,` `"` CR LF) is ASCII, and no
/// byte of a multi-byte UTF-8 sequence is, so the rows split exactly where they split scalar
/// by scalar. A field's bytes are checked as UTF-8 once, when it ends.
///
/// A row that is not well-formed (a quote inside an unquoted field or text after a closing
/// quote, a quote never closed, invalid UTF-8, a NUL byte) carries its first problem, by
/// position, with the field's value shown; it is still handed on, with its line.
public struct CSVReader: Sendable {
    public struct Row: Sendable {
        /// The line the row starts on (1 is the header).
        public let line: Int
        public let fields: [String]
        /// The row's first problem: the 0-based column and why, the value shown.
        public let problem: (column: Int, why: String)?
    }

    private var field: [UInt8] = []
    private var fields: [String] = []
    private var line = 1
    private var recordLine = 1
    private var quoted = false, wasQuoted = false, closed = false
    private var quoteLine = 1
    /// A quote seen inside a quoted field: a doubled quote or the closing one, said by the next byte.
    private var quoteInQuoted = false
    /// A CR just ended a row: an LF right after it belongs to the same line break.
    private var afterCR = false
    /// The first bytes, held until they are known to be a BOM (dropped) or not.
    private var start: [UInt8]? = []
    private var rowProblem: (column: Int, why: String)?
    /// A problem of the field being read, with the byte offset it was found at.
    private var fieldFlag: (offset: Int, why: String)?
    private var firstNUL: Int?

    public init() {
        field.reserveCapacity(256)
    }

    /// Reads `bytes`, handing on each row that ends in them.
    public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, _ row: (Row) throws -> Void) rethrows {
        var rest = bytes[...]
        if var held = start {
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            while held.count < 3, let byte = rest.first {
                held.append(byte)
                rest = rest.dropFirst()
                if held != Array(bom.prefix(held.count)) { break }
            }
            guard held.count == 3 || held != Array(bom.prefix(held.count)) else { start = held; return }
            start = nil
            if held != bom { try held.withUnsafeBufferPointer { try consume($0[...], row) } }
        }
        try consume(rest, row)
    }

    /// Ends the input: hands on the last row, if the file does not end with a line break.
    public mutating func finish(_ row: (Row) throws -> Void) rethrows {
        if let held = start, !held.isEmpty {
            start = nil
            try held.withUnsafeBufferPointer { try consume($0[...], row) }
        }
        start = nil
        if quoteInQuoted { quoteInQuoted = false; quoted = false; closed = true }
        if quoted { flag("the quote opened on line \(quoteLine) is never closed") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted || rowProblem != nil || fieldFlag != nil || firstNUL != nil {
            try endRecord(row)
        }
    }

    private mutating func consume(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ row: (Row) throws -> Void) rethrows {
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == 0x0A { continue }
            }
            if quoteInQuoted {
                quoteInQuoted = false
                if byte == 0x22 { field.append(0x22); continue }
                quoted = false
                closed = true
            }
            if quoted {
                if byte == 0x22 {
                    quoteInQuoted = true
                } else {
                    if byte == 0x0A { line += 1 }
                    take(byte)
                }
                continue
            }
            switch byte {
            case 0x22 where field.isEmpty && !closed:
                quoted = true
                wasQuoted = true
                quoteLine = line
            case 0x2C:
                endField()
            case 0x0D, 0x0A:
                afterCR = byte == 0x0D
                try endRecord(row)
                line += 1
                recordLine = line
            default:
                if closed {
                    flag("text after the closing quote (quote the whole field and double any quote inside it)")
                } else if byte == 0x22 {
                    flag("a quote inside an unquoted field (quote the whole field and double the quote)")
                }
                take(byte)
            }
        }
    }

    private mutating func take(_ byte: UInt8) {
        if byte == 0, firstNUL == nil { firstNUL = field.count }
        field.append(byte)
    }

    private mutating func flag(_ why: String) {
        if fieldFlag == nil { fieldFlag = (field.count, why) }
    }

    private mutating func endField() {
        let text: String
        // ASCII needs no check (and is most of the codes, dates and numbers of a file).
        if let valid = String(validating: field, as: UTF8.self) {
            text = valid
            if rowProblem == nil { pickProblem(invalidAt: nil, text) }
        } else {
            text = String(decoding: field, as: UTF8.self)
            if rowProblem == nil { pickProblem(invalidAt: Self.firstInvalid(field), text) }
        }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
        closed = false
        fieldFlag = nil
        firstNUL = nil
    }

    /// The field's first problem by position, as a scalar-by-scalar reading meets them.
    private mutating func pickProblem(invalidAt: Int?, _ text: String) {
        var first: (offset: Int, why: String)? = fieldFlag
        if let nul = firstNUL, first.map({ nul < $0.offset }) ?? true { first = (nul, "a NUL byte") }
        if let invalid = invalidAt, first.map({ invalid <= $0.offset }) ?? true {
            first = (invalid, "invalid UTF-8 (save the file as UTF-8; Excel: CSV UTF-8)")
        }
        // The value is shown whole, once the field is read to its end.
        if let first { rowProblem = (fields.count, first.why + ": " + Text.printable(text)) }
    }

    private mutating func endRecord(_ row: (Row) throws -> Void) rethrows {
        endField()
        defer {
            fields.removeAll(keepingCapacity: true)
            wasQuoted = false
            rowProblem = nil
        }
        // A line with nothing on it is not a record.
        if fields.count == 1 && fields[0].isEmpty && !wasQuoted && rowProblem == nil { return }
        try row(Row(line: recordLine, fields: fields, problem: rowProblem))
    }

    static func firstInvalid(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }
}

extension CSVReader {
    /// Every row of `bytes`.
    public static func rows(_ bytes: [UInt8]) -> [Row] {
        var reader = CSVReader()
        var rows: [Row] = []
        bytes.withUnsafeBufferPointer { reader.feed($0) { rows.append($0) } }
        reader.finish { rows.append($0) }
        return rows
    }
}
