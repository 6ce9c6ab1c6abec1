/// A session code such as `5-4`: the 4th session (次会议) of the 5th congress (届).
public struct SessionCode: Hashable, Sendable, CustomStringConvertible {
    public let term: Int
    public let meeting: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }),
              let term = Int(parts[0]), let meeting = Int(parts[1]), term > 0, meeting > 0
        else { return nil }
        self.term = term
        self.meeting = meeting
    }

    public static func parse(_ text: String, for flag: String) throws -> SessionCode {
        guard let code = SessionCode(text) else {
            throw Failure.badValue("\(flag): '\(text)' is not a session code (expected TERM-MEETING, e.g. 5-4)")
        }
        return code
    }

    public var description: String { "\(term)-\(meeting)" }

    /// 五届四次会议
    public var label: String { "\(Chinese.numeral(term))届\(Chinese.numeral(meeting))次会议" }
}

/// The series a suggestion is numbered in: its session, or the recess of a year.
public enum NumberSeries: Hashable, Sendable, CustomStringConvertible {
    case session(SessionCode)
    case recess(year: Int)

    /// The series key, also the number's prefix: `5-4`, `R2026`.
    public var description: String {
        switch self {
        case .session(let code): code.description
        case .recess(let year): "R\(year)"
        }
    }

    /// The full number of the n-th suggestion in this series: `5-4-0001`, `R2026-0012`.
    public func number(_ sequence: Int) -> String {
        let digits = String(sequence)
        return "\(self)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

enum Chinese {
    static func numeral(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch value {
        case 0..<10: return digits[value]
        case 10..<20: return "十" + (value == 10 ? "" : digits[value - 10])
        case 20..<100: return digits[value / 10] + "十" + (value % 10 == 0 ? "" : digits[value % 10])
        default: return String(value)
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
