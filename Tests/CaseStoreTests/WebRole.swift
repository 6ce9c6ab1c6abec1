@testable import CaseStore
import Casework
import Postgres
import Testing

/// The web service's side of a test database: connections as the role jianyi_web, which
/// migration 8 creates and the test cluster lets in without a password.
extension Fixture {
    func webConnection() throws -> Connection { try Connection("\(url) user=jianyi_web") }
    func webStore(actor: String = "web") throws -> Store { try Store(url: "\(url) user=jianyi_web", actor: actor) }

    func congressID(_ code: String) throws -> Int {
        try store.connection.query("SELECT congress_id FROM congress WHERE code = \(code)").rows[0].decode(Int.self, "congress_id")
    }
}

/// Runs `body` in a transaction of `web` with the actor settings that `Store.acting(as:)` makes.
func asActor<T>(_ web: Connection, congress: Int, party: Party?, _ body: (Connection) throws -> T) throws -> T {
    try web.transaction { web in
        if let party {
            try web.execute("""
                SELECT set_config('jianyi.congress', \(String(congress)), true), set_config('jianyi.party', \(party.role.rawValue), true),
                       set_config('jianyi.code', \(party.code ?? ""), true)
                """)
        }
        return try body(web)
    }
}

/// `body` fails with the SQLSTATE of a privilege or row-policy refusal (42501).
func expectRefusedByTheDatabase(_ web: Connection, _ comment: Comment, _ body: (Connection) throws -> Void) {
    let error = #expect(throws: PostgresError.self, comment) { try web.transaction { try body($0) } }
    #expect(error?.sqlState == "42501", comment)
}

/// Case ids from `SELECT DISTINCT suggestion_id FROM table`, on any connection.
func caseIDs(_ connection: Connection, _ table: String) throws -> Set<Int> {
    Set(try connection.query(PostgresQuery(unsafeSQL: "SELECT DISTINCT suggestion_id FROM \(table)")).rows.map { try $0.decode(Int.self, "suggestion_id") })
}
