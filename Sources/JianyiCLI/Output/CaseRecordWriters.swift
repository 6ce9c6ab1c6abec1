import Casework

/// One value of an exported case, typed by its field, so that each writer decides how it is
/// shown: text is neutralized in a spreadsheet, a date or a number is not.
enum CaseCell {
    case null
    case text(String)
    /// Formatted by the program (a date, a moment, a whole number): never neutralized.
    case formatted(String)
    case number(String)
    case bool(Bool)
    case codes([String])
    /// Serialized JSON (a list of the case's units, deadlines, history …).
    case json(String)

    /// The cells of a record as the store hands it on: PostgreSQL's text of each field.
    static func cells(_ values: [String?]) -> [CaseCell] {
        zip(CaseExchange.fields, values).map { field, value in
            guard let value else { return .null }
            switch field.kind {
            case .text, .word: return .text(value)
            case .day, .instant: return .formatted(value)
            case .int: return .number(value)
            case .bool: return .bool(value == "true")
            case .codes: return .codes(value.split(separator: ";").map(String.init))
            case .object, .list: return .json(value)
            }
        }
    }
}

/// Writes exported cases as a table: a header of the field names, then one row per case.
/// CSV is the one written today; a spreadsheet writer (xlsx) plugs in here by conforming,
/// and `Export.Cases.tableWriter` picks it for its format.
protocol CaseTableWriter {
    mutating func header(_ names: [String], into sink: inout Output) throws
    mutating func row(_ cells: [CaseCell], into sink: inout Output) throws
    mutating func finish(into sink: inout Output) throws
}

/// The CSV of `export cases`: RFC 4180, CRLF, text cells escaped reversibly (`CSVCellEscape`)
/// so `import cases` reads back exactly what was exported, lists as JSON cells, null empty.
struct CaseCSVWriter: CaseTableWriter {
    func header(_ names: [String], into sink: inout Output) {
        sink.write(names.joined(separator: ",") + "\r\n")
    }

    func row(_ cells: [CaseCell], into sink: inout Output) {
        let fields = cells.map { cell -> String in
            switch cell {
            case .null: ""
            case .text(let text): CSV.field(Self.escaped(text))
            case .formatted(let text), .number(let text): text
            case .bool(let flag): flag ? "true" : "false"
            case .codes(let codes): CSV.field(Self.escaped(codes.joined(separator: ";")))
            case .json(let json): CSV.field(json)
            }
        }
        sink.write(fields.joined(separator: ",") + "\r\n")
    }

    func finish(into sink: inout Output) {}

    /// Neutralized as every CSV of the product is, and a leading `'` doubled, so that the
    /// import takes off exactly one.
    static func escaped(_ text: String) -> String {
        text.hasPrefix("'") || CSV.neutralized(text) != text ? "'" + text : text
    }
}

/// A case as a JSON object, its keys in layout order.
func caseJSON(_ cells: [CaseCell]) -> JSONValue {
    .object(zip(CaseExchange.names, cells).map { name, cell in
        let value: JSONValue = switch cell {
        case .null: .null
        case .text(let text), .formatted(let text): .string(text)
        case .number(let digits): .raw(digits)
        case .bool(let flag): .bool(flag)
        case .codes(let codes): .array(codes.map(JSONValue.string))
        case .json(let json): .raw(json)
        }
        return (name, value)
    })
}
