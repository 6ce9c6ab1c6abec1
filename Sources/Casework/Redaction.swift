/// Personal data found in a reply's text before it is published (答复公开), replaced by
/// `Redaction.mark` and listed for review. The patterns are deliberately narrow: each needs
/// the shape of the thing (an area code with its separator, a mobile prefix, a birth date
/// inside an ID number, a house number after a street word), so dates, case numbers, amounts
/// and hotline numbers stay. What they do not catch (a name, a bare 8-digit landline) is for
/// the reviewer: docs/publication.md lists both sides, RedactionTests holds them.
public enum Redaction {
    public static let mark = "【已隐去】"

    /// One thing redacted: what kind, and the text as it was.
    public struct Found: Sendable, Equatable {
        public let kind: Kind
        public let original: String

        public init(_ kind: Kind, _ original: String) {
            self.kind = kind
            self.original = original
        }
    }

    public enum Kind: String, CaseIterable, Sendable, Labelled {
        case idNumber = "id_number"
        case email
        case mobile
        case landline
        case address

        public var zh: String {
            switch self {
            case .idNumber: "身份证号"
            case .email: "电子邮箱"
            case .mobile: "手机号码"
            case .landline: "固定电话"
            case .address: "门牌地址"
            }
        }
    }

    /// `text` with every match replaced by the mark, and what was replaced, in the order of
    /// `Kind` and then of the text.
    public static func redact(_ text: String) -> (text: String, found: [Found]) {
        var text = text
        var found: [Found] = []
        for (kind, pattern) in patterns {
            var out = ""
            var rest = text[...]
            for match in text.matches(of: pattern) {
                guard let value = match.output["v"]?.range else { continue }
                out += text[rest.startIndex..<value.lowerBound] + mark
                rest = text[value.upperBound...]
                found.append(Found(kind, String(text[value])))
            }
            text = out + rest
        }
        return (text, found)
    }

    // Swift's Regex has no lookbehind: a pattern opens with what may come before the value
    // (the text's start or a character that cannot continue it) and captures the value as `v`.
    // Digits are ASCII or full-width, as Chinese text writes them.
    private static let d = "[0-9０-９]"
    // Regex is an immutable value that is not marked Sendable; these are only ever read.
    nonisolated(unsafe) private static let patterns: [(Kind, Regex<AnyRegexOutput>)] = ([
        // 18 characters: region (not starting with 0), a birth date 18xx–20xx with a real month
        // and day-of-month range, sequence, and a check digit or X.
        (.idNumber, #"(?:^|[^0-9０-９A-Za-z])(?<v>[1-9１-９]\#(d){5}(?:18|19|20|１８|１９|２０)\#(d){2}(?:[0０][1-9１-９]|[1１][0-2０-２])(?:[0０][1-9１-９]|[12１２]\#(d)|[3３][01０１])\#(d){3}[0-9０-９Xx])(?![0-9０-９A-Za-z])"#),
        (.email, #"(?:^|[^A-Za-z0-9._%+-])(?<v>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?![A-Za-z0-9-])"#),
        // 11 digits 1[3-9]…, optionally +86, grouped 3-4-4 by a space or hyphen; not an amount.
        (.mobile, #"(?:^|[^0-9０-９+])(?<v>(?:\+86[ -]?)?[1１][3-9３-９]\#(d)(?:[ -]?\#(d){4}){2})(?![0-9０-９]|元|万|亿)"#),
        // An area code (0 and 2–3 digits) with its hyphen or in brackets, then 7–8 digits not
        // starting with 0 or 1, and an optional extension.
        (.landline, #"(?:^|[^0-9０-９])(?<v>(?:[0０]\#(d){2,3}[-－]|[（(][0０]\#(d){2,3}[)）] ?)[2-9２-９]\#(d){6,7}(?:(?:[-－]|转)\#(d){1,6})?)(?![0-9０-９])"#),
        // A house number after a street word, with any building, unit and room after it; the
        // street's name stays (a road is not personal, the door on it is).
        (.address, #"(?:路|街|巷|道|弄|胡同)(?<v>\#(d)+号(?:院|楼)?(?:\#(d)+(?:号楼|栋|幢|座))?(?:\#(d)+单元)?(?:\#(d)+(?:室|户|号房))?)"#),
        // Building, unit and room without the street: "3栋2单元501室", "2单元501室", "5号楼302室".
        (.address, #"(?:^|[^0-9０-９])(?<v>(?:\#(d)+(?:号楼|栋|幢|座)(?:\#(d)+单元)?|\#(d)+单元)\#(d)+(?:室|户|号房))"#),
    ] as [(Kind, String)]).map { ($0.0, try! Regex($0.1)) }
}
