import ArgumentParser
import CaseStore
import Presentation
import Casework

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "The work calendar: days off and 调休 makeup working days.",
        subcommands: [Import.self, Show.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Load a State Council holiday notice: date,kind(off|work),name.",
            discussion: """
                Adds the file's days to the congress's calendar and corrects the days it already has \
                (by date), all rows or none; days the file does not list stay. --replace-year makes \
                each year the file names exactly the file's days, and lists the days it removed. \
                'off' is a day off (weekends inside a holiday block included), 'work' a weekend day \
                that is worked (调休). Two imports at once: the second waits for the first.

                Example: jianyi calendar import holidays-2027.csv
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "CSV file with header date,kind,name.", completion: FileCompletion.csv) var file: String
        @Flag(name: .customLong("replace-year"), help: "Replace every year the file names: remove the days it does not list.")
        var replaceYear = false

        func run() throws {
            let bytes = try readBytes(file)
            let context = try Context(global)
            let zh = context.lang == .zh
            for year in try context.store.importCalendar(try context.congress(), csv: bytes, file: file, replaceYears: replaceYear) {
                var line = context.text("\(year.year) 年：新增 \(year.added) 天，更正 \(year.corrected) 天，未变 \(year.unchanged) 天",
                                        "\(year.year): \(year.added) added, \(year.corrected) corrected, \(year.unchanged) unchanged")
                if replaceYear { line += context.text("，删除 \(year.removed.count) 天", ", \(year.removed.count) removed") }
                emit(line + "\n")
                for entry in year.removed {
                    let kind = zh ? (entry.kind == .off ? "休" : "班") : entry.kind.rawValue
                    emit(context.text("  删除 ", "  removed ") + "\(entry.day) \(kind) \(entry.name)\n")
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a year's days off and makeup working days.",
            discussion: "Example: jianyi calendar show --year 2026")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The year (default: this year).") var year: Int?
        @Option(help: "table or json.") var format: ListFormat = .table

        func validate() throws {
            try format.refuseXLSX()
            if let year, !Day.years.contains(year) {
                throw ValidationError("--year: \(year) is not a year from \(Day.years.lowerBound) to \(Day.years.upperBound)")
            }
        }

        func run() throws {
            let context = try Context(global)
            let congress = try context.congress()
            let year = try self.year ?? context.today(in: congress).year
            let calendar = try context.store.calendarYear(congress, year: year)
            if format == .json {
                emit(JSONValue.object([
                    ("year", .int(year)), ("source", .optional(calendar.source)), ("working_days", .int(calendar.workingDays)),
                    ("days", .array(calendar.entries.map {
                        .object([("date", .string($0.day.description)), ("kind", .string($0.kind.rawValue)), ("name", .string($0.name))])
                    })),
                ]).serialized() + "\n")
                return
            }
            let zh = context.lang == .zh
            var table = TextTable(header: zh ? ["日期", "星期", "类别", "名称"] : ["date", "weekday", "kind", "name"])
            for entry in calendar.entries {
                let kind = zh ? (entry.kind == .off ? "休" : "班") : entry.kind.rawValue
                table.append([entry.day.description, weekdayName(entry.day, zh: zh), kind, entry.name])
            }
            emit(table.render())
            if calendar.source == nil {
                emit(context.text("警告：日历中没有 \(year) 年的放假安排，按双休日计算。用 jianyi calendar import 导入。\n",
                                  "warning: the calendar has no \(year) notice; only weekends count as rest days. Load it with jianyi calendar import.\n"))
            } else {
                emit(context.text("\(year) 年工作日 \(calendar.workingDays) 天\n", "\(year): \(calendar.workingDays) working days\n"))
            }
        }
    }
}

func weekdayName(_ day: Day, zh: Bool) -> String {
    let zhNames = ["一", "二", "三", "四", "五", "六", "日"]
    let enNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    return zh ? "周" + zhNames[day.weekday - 1] : enNames[day.weekday - 1]
}

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "The congress's deadlines and scoring weights.",
        subcommands: [Show.self, ChangeSetting.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show every setting, its value, and whether it is the default.",
            discussion: "Example: jianyi policy show --format json")
        @OptionGroup var global: GlobalOptions
        @Option(help: "table or json.") var format: ListFormat = .table

        func validate() throws { try format.refuseXLSX() }

        func run() throws {
            let context = try Context(global)
            let congress = try context.congress()
            let clock = try CongressClock(congress)
            let entries = try context.store.policy(congress)
            if format == .json {
                emit(JSONValue.array(entries.map {
                    .object([("key", .string($0.setting.rawValue)), ("value", .string($0.value.description)),
                             ("default", .string($0.setting.defaultValue.description)), ("is_default", .bool(!$0.isSet)),
                             ("source", .string($0.setting.source))])
                }).serialized() + "\n")
                return
            }
            let zh = context.lang == .zh
            var table = TextTable(header: zh ? ["设置", "说明", "值", "来源"] : ["key", "meaning", "value", "source"])
            for entry in entries {
                let value = zh ? entry.value.zh + (entry.isSet ? "（已修改）" : "") : entry.value.description + (entry.isSet ? " (set)" : "")
                let source = entry.isSet ? "\(entry.changedBy ?? "") \(entry.changedAt.map(clock.shown) ?? "")"
                                         : (zh ? entry.setting.sourceZh : entry.setting.source)
                table.append([entry.setting.rawValue, entry.setting.label, value, source])
            }
            emit(table.render())
        }
    }

    /// `policy set`; named apart from Swift's `Set`, which a type named `Set` would hide here.
    struct ChangeSetting: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Change one setting for this congress.",
            discussion: """
                Periods take a number and a unit (months, days, working_days); the unit may also be a \
                suffix of the key. Examples:
                  jianyi policy set reply_months 3
                  jianyi policy set rehandle "2 months"
                  jianyi policy set transfer_window "7 working_days"
                  jianyi policy set weight_satisfaction 0.5
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Setting name (see policy show).") var key: String
        @Argument(help: "The value, e.g. 3, '2 months', 0.25.") var value: String

        func run() throws {
            let context = try Context(global)
            let entry = try context.store.setPolicy(try context.congress(), key: key, value: value)
            emit("\(entry.setting.rawValue) = \(entry.value)\n")
        }
    }
}
