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

/// `serve` connected as a role row security does not hold.
extension WebRoleProblem: BilingualRefusal {
    func worded(_ lang: Language, day _: String) -> Failure {
        let advice = lang.say("请以 jianyi_web 连接（例如 --database-url 'postgresql:///jianyi?user=jianyi_web'；见 docs/operations.md）",
                              "connect as jianyi_web (e.g. --database-url 'postgresql:///jianyi?user=jianyi_web'; see docs/operations.md)")
        let why = switch self {
        case .superuser(let role): lang.say("角色 \(role) 是超级用户", "role \(role) is a superuser")
        case .bypassesRowSecurity(let role): lang.say("角色 \(role) 可绕过行级安全（BYPASSRLS）", "role \(role) bypasses row-level security (BYPASSRLS)")
        case .ownsTables(let role, let count): lang.say("角色 \(role) 拥有 \(count) 张表", "role \(role) owns \(count) tables")
        }
        return Failure(.configuration, lang.say("serve 拒绝启动：\(why)，行级安全对它无效；\(advice)",
                                                "serve refuses to start: \(why), so row-level security would not hold for it; \(advice)"))
    }
}
