@testable import CaseStore
import Casework
import Postgres
import TestSupport

/// A migrated database with one congress (LL), session 5-4 and deputies D001–D009.
struct Fixture {
    let url: String
    let store: Store
    let congress: Congress

    init() throws {
        try self.init(url: TestDatabase.migrated())
    }

    /// The same on a database already migrated (`url`).
    init(url: String) throws {
        self.url = url
        store = try Store(url: url, actor: "tester")
        congress = try store.addCongress(code: "LL", name: "吕梁市人民代表大会", level: .city, timeZone: "Asia/Shanghai")
        _ = try store.addSession(congress, code: SessionCode("5-4")!, opened: Day("2024-01-20")!, closed: Day("2024-01-23")!)
        for n in 1...9 {
            _ = try store.addDeputy(congress, code: "D00\(n)", name: "代表\(n)", delegation: "离石区代表团")
        }
        for (code, name) in [("ZJJ", "市住房和城乡建设局"), ("JTJ", "市交通运输局"), ("CGJ", "市城市管理局"), ("SJJ", "市市场监督管理局")] {
            _ = try store.addUnit(congress, code: code, name: name, kind: .government)
        }
    }

    /// A registered and accepted case, ready to assign.
    func acceptedCase(on: String = "2024-01-21") throws -> String {
        let number = try store.register(congress, registration(on: on)).number
        _ = try store.accept(congress, number, on: Day(on)!)
        return number
    }

    func deadline(_ number: String, _ kind: ObligationKind, unit: String? = nil) throws -> Deadline? {
        let view = try store.caseView(congress, number: number)
        return try store.deadlines(congress, caseID: view.id).last { $0.kind == kind && (unit == nil || $0.unit == unit) }
    }

    /// Another connection to the same database, as a second user would have.
    func secondStore(actor: String = "other") throws -> Store { try Store(url: url, actor: actor) }

    func registration(_ title: String = "关于加快老旧小区改造的建议", deputy: String = "D001", cosigners: [String] = [],
                      session: String? = "5-4", on: String = "2024-01-21") throws -> Registration {
        try Registration(title: title, deputy: deputy, cosigners: cosigners, session: session.flatMap(SessionCode.init),
                         submittedOn: Day(on)!)
    }

    func count(_ table: String) throws -> Int {
        try store.connection.query(PostgresQuery(unsafeSQL: "SELECT count(*) AS n FROM \(table)")).rows[0].decode(Int.self, "n")
    }
}
