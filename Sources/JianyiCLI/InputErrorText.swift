import Casework

/// A value refused for what it is, named by the flag it came in; a file's row names the
/// column instead (`RowRefusals`).
extension InputError: BilingualRefusal {
    func worded(_ lang: Language, day _: String) -> Failure {
        switch self {
        case .blank(let field, let value):
            let what = field.name(lang)
            let why = value.trimmingWhitespace().isEmpty
                ? lang.say("\(what)为空", "\(what) is empty")
                : lang.say("\(what)只含不可见字符（\(Text.printable(value))）", "\(what) holds only invisible characters (\(Text.printable(value)))")
            return .badValue("\(field.flag): \(why)")
        case .notOneOf(let field, let value, let choices):
            let list = choices.joined(separator: "|")
            return .badValue("\(field.flag): " + lang.say("'\(value)' 不是 \(list) 之一", "'\(value)' is not one of \(list)"))
        case .notACode(let code):
            return .badValue("CODE: " + lang.say("'\(code)' 不是代码（1–32 个字母、数字、'.'、'_' 或 '-'）",
                                                 "'\(code)' is not a code (1–32 letters, digits, '.', '_' or '-')"))
        }
    }
}

extension Field {
    /// The flag a command takes the value with; an import's column has the same name without
    /// the dashes.
    var flag: String {
        switch self {
        case .title: "--title"
        case .body: "--body"
        case .station: "--station"
        case .category: "--category"
        case .text: "--text"
        case .reason: "--reason"
        case .leader: "--leader"
        case .committee: "--committee"
        case .note: "--note"
        case .progress: "--progress"
        case .comment: "--comment"
        case .delegation: "--delegation"
        case .congressName, .deputyName, .unitName, .holidayName: "--name"
        case .unitKind: "--kind"
        case .file(let field): field.flag + "-file"
        }
    }

    /// The value in a sentence: "the title", 标题.
    func name(_ lang: Language) -> String {
        switch self {
        case .title: lang.say("标题", "the title")
        case .body: lang.say("正文", "the text")
        case .station: lang.say("代表联络站", "the station")
        case .category: lang.say("类别", "the category")
        case .text: lang.say("内容", "the text")
        case .reason: lang.say("理由", "the text")
        case .leader: lang.say("领导", "the leader")
        case .committee: lang.say("专门委员会", "the committee")
        case .note: lang.say("备注", "the note")
        case .progress: lang.say("办理进展", "the text")
        case .comment: lang.say("评价意见", "the comment")
        case .delegation: lang.say("代表团", "the delegation")
        case .congressName, .holidayName: lang.say("名称", "the name")
        case .deputyName(let code): lang.say("代表 \(code) 的姓名", "the name of deputy \(code)")
        case .unitName(let code): lang.say("承办单位 \(code) 的名称", "the name of unit \(code)")
        case .unitKind: lang.say("单位类别", "the kind")
        case .file: lang.say("文件", "the file")
        }
    }
}

/// A file's bad rows, the typed refusals among them worded as the command's would be and
/// placed under the column their flag or argument names (`--title: …` under `title`,
/// `CODE: …` under `code`).
extension RowRefusals: BilingualRefusal {
    func worded(_ lang: Language, day: String) -> Failure {
        problems.report { problem in
            switch problem.why {
            case .said(let why):
                return (problem.column, why)
            case .refused(let error):
                let message = (error as? any Refusal)?.failure(lang, day: day).message ?? String(describing: error)
                return placed(message)
            }
        }
    }

    /// Under the column the message's first word names, as a flag, a column or an argument.
    private func placed(_ message: String) -> (column: Int?, why: String) {
        for prefix in ["--", ""] {
            let placed = problems.place(message, after: prefix)
            if placed.column != nil { return placed }
        }
        if let colon = message.firstIndex(of: ":"), message[..<colon].allSatisfy(\.isUppercase) {
            let placed = problems.place(message[..<colon].lowercased() + message[colon...])
            if placed.column != nil { return placed }
        }
        return (nil, message)
    }
}
