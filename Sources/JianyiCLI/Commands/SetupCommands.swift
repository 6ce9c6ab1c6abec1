import ArgumentParser
import CaseStore
import Casework

extension CongressLevel: ExpressibleByArgument {}
extension UnitKind: ExpressibleByArgument {}

struct CongressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "congress", abstract: "Add or list congresses (one database can hold many).",
        subcommands: [Add.self, ListCongresses.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a congress; it gets a copy of the official holiday calendars.",
            discussion: "Example: jianyi congress add LL --name 吕梁市人民代表大会 --level city")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Short code, e.g. LL.") var code: String
        @Option(help: "Full name, e.g. 吕梁市人民代表大会.") var name: String
        @Option(help: "national, province, city, county or township.") var level: CongressLevel
        @Option(name: .customLong("time-zone"), help: "IANA time zone for 'today'.") var timeZone = "Asia/Shanghai"

        func run() throws {
            let context = try Context(global)
            let congress = try context.store.addCongress(code: code, name: name, level: level, timeZone: timeZone)
            emit(context.text("已添加 \(congress.code) \(congress.name)\n", "added \(congress.code) \(congress.name)\n"))
        }
    }

    struct ListCongresses: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the congresses.",
                                                        discussion: "Example: jianyi congress list")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let context = try Context(global)
            var table = TextTable(header: context.lang == .zh ? ["代码", "名称", "级别", "时区"] : ["code", "name", "level", "time zone"])
            for c in try context.store.congresses() { table.append([c.code, c.name, c.level.rawValue, c.timeZone]) }
            emit(table.render())
        }
    }
}

struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Add or list sessions (届次会议) such as 5-4.",
        subcommands: [Add.self, ListSessions.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a session: TERM-MEETING with its opening and closing days.",
            discussion: "Example: jianyi session add 5-4 --opened 2024-01-20 --closed 2024-01-23")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Session code TERM-MEETING, e.g. 5-4 (五届四次会议).") var code: String
        @Option(help: "Opening day, YYYY-MM-DD.") var opened: String
        @Option(help: "Closing day, YYYY-MM-DD.") var closed: String

        func run() throws {
            let session = try SessionCode.parse(code, for: "CODE")
            let openedOn = try Day.parse(opened, for: "--opened")
            let closedOn = try Day.parse(closed, for: "--closed")
            let context = try Context(global)
            _ = try context.store.addSession(try context.congress(), code: session, opened: openedOn, closed: closedOn)
            emit(context.text("已添加 \(session.label)（\(session)）\n", "added session \(session)\n"))
        }
    }

    struct ListSessions: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the sessions.",
                                                        discussion: "Example: jianyi session list --congress LL")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let context = try Context(global)
            var table = TextTable(header: context.lang == .zh ? ["代码", "开幕", "闭幕"] : ["code", "opened", "closed"])
            for s in try context.store.sessions(try context.congress()) {
                table.append([s.code, s.openedOn.description, s.closedOn.description])
            }
            emit(table.render())
        }
    }
}

struct DeputyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deputy", abstract: "Add, import or list deputies (代表).",
        subcommands: [Add.self, Import.self, ListDeputies.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add one deputy.",
            discussion: "Example: jianyi deputy add D001 --name 史芷彤 --delegation 离石区代表团")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Deputy code, e.g. D001.") var code: String
        @Option(help: "Name.") var name: String
        @Option(help: "Delegation (代表团).") var delegation: String?

        func run() throws {
            let context = try Context(global)
            let deputy = try context.store.addDeputy(try context.congress(), code: code, name: name, delegation: delegation)
            emit(context.text("已添加代表 \(deputy.code) \(deputy.name)\n", "added deputy \(deputy.code) \(deputy.name)\n"))
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add or update deputies from a CSV file: code,name,delegation (all rows or none).",
            discussion: """
                A code the congress already has is updated to the file's name and delegation, so the \
                same file can be imported again: it reports those rows as unchanged. Every bad row is \
                listed (exit 65) and nothing is written.

                Example: jianyi deputy import deputies.csv
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ImportOptions
        @Argument(help: "CSV file with header code,name,delegation (UTF-8; a BOM is fine).", completion: FileCompletion.csv)
        var file: String

        func run() throws {
            let bytes = try readBytes(file)
            let context = try Context(global)
            let count = try options.reportingBadRows() {
                try context.store.importDeputies(try context.congress(), csv: bytes, file: file)
            }
            if options.format == .json { return emit(count.json.serialized() + "\n") }
            emit(context.text("代表：新增 \(count.inserted)，更新 \(count.updated)，未变 \(count.unchanged)\n",
                              "deputies: \(count.inserted) added, \(count.updated) updated, \(count.unchanged) unchanged\n"))
        }
    }

    struct ListDeputies: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the deputies.",
                                                        discussion: "Example: jianyi deputy list --lang en")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let context = try Context(global)
            var table = TextTable(header: context.lang == .zh ? ["代码", "姓名", "代表团"] : ["code", "name", "delegation"])
            for d in try context.store.deputies(try context.congress()) { table.append([d.code, d.name, d.delegation]) }
            emit(table.render())
        }
    }
}

struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit", abstract: "Add, import or list handling units (承办单位).",
        subcommands: [Add.self, Import.self, ListUnits.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add one handling unit.",
            discussion: "Example: jianyi unit add SJJ --name 市市场监督管理局 --kind government")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Unit code, e.g. SJJ.") var code: String
        @Option(help: "Name.") var name: String
        @Option(help: "government, court, procuratorate or other.") var kind: UnitKind = .government

        func run() throws {
            let context = try Context(global)
            let unit = try context.store.addUnit(try context.congress(), code: code, name: name, kind: kind)
            emit(context.text("已添加承办单位 \(unit.code) \(unit.name)\n", "added unit \(unit.code) \(unit.name)\n"))
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add or update units from a CSV file: code,name,kind (all rows or none).",
            discussion: "Example: jianyi unit import units.csv")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ImportOptions
        @Argument(help: "CSV file with header code,name,kind (UTF-8).", completion: FileCompletion.csv) var file: String

        func run() throws {
            let bytes = try readBytes(file)
            let context = try Context(global)
            let count = try options.reportingBadRows() {
                try context.store.importUnits(try context.congress(), csv: bytes, file: file)
            }
            if options.format == .json { return emit(count.json.serialized() + "\n") }
            emit(context.text("承办单位：新增 \(count.inserted)，更新 \(count.updated)，未变 \(count.unchanged)\n",
                              "units: \(count.inserted) added, \(count.updated) updated, \(count.unchanged) unchanged\n"))
        }
    }

    struct ListUnits: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the handling units.",
                                                        discussion: "Example: jianyi unit list")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let context = try Context(global)
            var table = TextTable(header: context.lang == .zh ? ["代码", "名称", "类别"] : ["code", "name", "kind"])
            for u in try context.store.units(try context.congress()) { table.append([u.code, u.name, u.kind.rawValue]) }
            emit(table.render())
        }
    }
}

extension ImportCount {
    var json: JSONValue {
        .object([("added", .int(inserted)), ("updated", .int(updated)), ("unchanged", .int(unchanged))])
    }
}
