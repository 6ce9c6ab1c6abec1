import Casework
import CaseStore

/// The database's server or migrations, and what to do about them.
extension SchemaError: BilingualRefusal {
    func worded(_ lang: Language, day _: String) -> Failure {
        switch self {
        case .serverTooOld(let oldest, let server):
            let (oldest, server) = (Migrator.versionText(oldest), Migrator.versionText(server))
            return Failure(.unavailable, lang.say("jianyi 需要 PostgreSQL \(oldest) 或更新的版本；这台服务器是 \(server)",
                                                  "jianyi needs PostgreSQL \(oldest) or newer; this server is \(server)"))
        case .migrationStopped(let version, let name, let reason, let hint):
            let said = reason + (hint.map { "; \($0)" } ?? "")
            return .ruleBroken(lang.say("迁移 \(version)（\(name)）已停止，未作任何改动：\(said)",
                                        "migration \(version) (\(name)) stopped and changed nothing: \(said)"))
        case .migrationRefused(let version, let name, let reason, let hint):
            return Failure(.unavailable, lang.say("迁移 \(version)（\(name)）已停止，未作任何改动：\(reason); \(hint)",
                                                  "migration \(version) (\(name)) stopped and changed nothing: \(reason); \(hint)"))
        case .notSetUp:
            return Failure(.configuration, lang.say("数据库尚未建立：先运行 `jianyi db migrate`",
                                                    "the database is not set up: run `jianyi db migrate` first"))
        case .newerThanBinary(let version, let name?):
            return Failure(.configuration, lang.say("数据库有迁移 \(version)（\(name)），这个 jianyi 不认识：它比本程序新",
                                                    "the database has migration \(version) (\(name)), which this jianyi does not know: it is newer than this binary"))
        case .newerThanBinary(let version, nil):
            return Failure(.configuration, lang.say("数据库结构（迁移 \(version)）比这个 jianyi 新：请升级 jianyi",
                                                    "the database schema (migration \(version)) is newer than this jianyi: upgrade jianyi"))
        case .pending(let versions):
            let list = versions.map(String.init).joined(separator: ", ")
            return Failure(.configuration, lang.say("数据库有 \(versions.count) 个待执行的迁移（\(list)）：运行 `jianyi db migrate`",
                                                    "the database has \(versions.count) pending migration(s) (\(list)): run `jianyi db migrate`"))
        case .foreignMigrationsTable(let missing):
            let list = missing.joined(separator: ", ")
            return Failure(.configuration, lang.say(
                "数据库中的 schema_migrations 表不是 jianyi 建的（缺少 \(list)）：--database-url 指向的是 jianyi 的数据库吗？",
                "the database has a schema_migrations table that jianyi did not make (no \(list)): is --database-url a jianyi database?"))
        }
    }
}
