import CaseStore
import Casework
import Foundation
import TestSupport

/// A migrated database with one congress (LL) the server can serve, its people, and an account
/// for each party: what every API test starts from.
struct ServedCongress {
    static let password = "correct horse battery"
    let url: String
    let congress: Congress

    /// Accounts: `sec` (secretariat), `sjj1` and `sjj2` (unit SJJ), `jtj1` (unit JTJ), `zjj1`
    /// (unit ZJJ), `d1`, `d2`, `d3` (deputies D001–D003); all with `password`.
    static func make() throws -> ServedCongress {
        // bcrypt at its lowest cost: the tests sign in often; the cost is not what they test.
        setenv("JIANYI_BCRYPT_COST", "4", 1)
        let url = try TestDatabase.migrated()
        let store = try Store(url: url, actor: "setup")
        let congress = try store.addCongress(code: "LL", name: "吕梁市人民代表大会", level: .city, timeZone: "Asia/Shanghai")
        _ = try store.addSession(congress, code: try SessionCode.parse("5-4", for: "session"), opened: Day("2026-01-20")!, closed: Day("2026-01-23")!)
        for (code, name) in [("SJJ", "市司法局"), ("JTJ", "市交通局"), ("ZJJ", "市住建局")] {
            _ = try store.addUnit(congress, code: code, name: name, kind: .government)
        }
        for (code, name) in [("D001", "甲"), ("D002", "乙"), ("D003", "丙")] {
            _ = try store.addDeputy(congress, code: code, name: name, delegation: nil)
        }
        let accounts: [(String, Party)] = [
            ("sec", .secretariat), ("sjj1", .unit("SJJ")), ("sjj2", .unit("SJJ")), ("jtj1", .unit("JTJ")), ("zjj1", .unit("ZJJ")),
            ("d1", .deputy("D001")), ("d2", .deputy("D002")), ("d3", .deputy("D003")),
        ]
        for (login, party) in accounts {
            try store.addAccount(congress, login: login, party: party, password: password)
        }
        return ServedCongress(url: url, congress: congress)
    }

    /// The same database as the web role sees it.
    var webURL: String { url + " user=jianyi_web" }
}
