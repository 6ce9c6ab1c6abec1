import ArgumentParser
import CaseStore
import Casework

struct DB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Set up and inspect the database schema.",
        subcommands: [Migrate.self, Status.self]
    )

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Apply the pending schema migrations, in order (safe to rerun).",
            discussion: """
                Each migration runs in its own transaction and is recorded in schema_migrations. The \
                official holiday calendars (2024–2026) are loaded here. Two runs at once are safe: the \
                second waits for the first and then finds nothing to do.

                Example: DATABASE_URL=postgresql:///jianyi jianyi db migrate
                """
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let context = try Context(global, requireMigrated: false)
            let applied = try context.store.migrate { migration in
                emit(context.text("应用迁移 \(migration.version) \(migration.name)\n", "applying \(migration.version) \(migration.name)\n"))
            }
            emit(applied.isEmpty
                 ? context.text("数据库已是最新。\n", "The database is up to date.\n")
                 : context.text("已应用 \(applied.count) 个迁移。\n", "Applied \(applied.count) migration(s).\n"))
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "List applied and pending migrations.",
            discussion: "Example: jianyi db status --format json"
        )

        @OptionGroup var global: GlobalOptions
        @Option(help: "table or json.") var format: ListFormat = .table

        func validate() throws { try format.refuseXLSX() }

        func run() throws {
            let context = try Context(global, requireMigrated: false)
            let status = try context.store.migrationStatus()
            switch format {
            case .json:
                emit(JSONValue.array(status.map {
                    .object([("version", .int($0.version)), ("name", .string($0.name)), ("state", .string($0.state.rawValue)),
                             ("applied_at", .optional($0.appliedAt))])
                }).serialized() + "\n")
            case .table, .csv, .xlsx:
                let zh = context.lang == .zh
                var table = TextTable(header: zh ? ["版本", "名称", "状态", "应用时间"] : ["version", "name", "state", "applied at"])
                for item in status { table.append([String(item.version), item.name, item.state.label(zh: zh), item.appliedAt ?? ""]) }
                emit(table.render())
                let pending = status.filter { $0.state == .pending }.count
                if pending > 0 { emit(context.text("\(pending) 个迁移待应用：运行 jianyi db migrate\n", "\(pending) pending: run jianyi db migrate\n")) }
            }
        }
    }
}

enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, xlsx
}
