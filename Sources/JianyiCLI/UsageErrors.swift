import ArgumentParser
import Foundation

/// How the command line reaches ArgumentParser, and how its refusals reach the user.
enum UsageErrors {
    /// ArgumentParser reads any word starting with `-` as options: `--warn-days -2` loses its
    /// value, and `policy set reply '-3 months'` even finds `-h` in "-3 months" and prints the
    /// help with exit 0. No jianyi option is named by a digit, so a word of a dash and a digit
    /// (or a dot) is a value: it is bound to the option before it (`--warn-days=-2`), or, when
    /// it is a positional value, moved behind a `--` terminator. The command's own check then
    /// names the flag and the value.
    static func bindingNegativeValues(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var positional: [String] = []
        for (index, argument) in arguments.enumerated() {
            if argument == "--" {
                return out + ["--"] + positional + arguments[(index + 1)...]
            }
            guard isNegativeValue(argument) else {
                out.append(argument)
                continue
            }
            if let option = out.last, option.hasPrefix("--"), option != "--", !option.contains("=") {
                out[out.count - 1] = option + "=" + argument
            } else {
                positional.append(argument)
            }
        }
        return positional.isEmpty ? out : out + ["--"] + positional
    }

    static func isNegativeValue(_ argument: String) -> Bool {
        let scalars = Array(argument.unicodeScalars.prefix(2))
        guard scalars.count == 2, scalars[0] == "-" else { return false }
        return ("0"..."9").contains(scalars[1]) || scalars[1] == "."
    }

    /// ArgumentParser's refusal as the one line the contract asks for, pointing at the help
    /// (its usage text would make the refusal several lines).
    static func line(for error: Error) -> String {
        let message = Jianyi.message(for: error).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
        let full = Jianyi.fullMessage(for: error)
        guard let start = full.range(of: "See '"), let end = full[start.upperBound...].range(of: "'") else { return message }
        return "\(message) (see '\(full[start.upperBound..<end.lowerBound])')"
    }
}
