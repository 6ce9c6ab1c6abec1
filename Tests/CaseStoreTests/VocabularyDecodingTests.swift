@testable import CaseStore
import Casework
import Postgres
import Testing

/// The database's words are read through one mapping (PostgresWord): a text the enum does
/// not know is a decoding error naming the column, never a default.
@Suite struct VocabularyDecodingTests {
    @Test func aKnownWordIsReadAndAnUnknownOneIsADecodingError() throws {
        let f = try Fixture()
        let row = try f.store.connection.query("""
            SELECT 'liaison_station' AS channel, 'transfer_window' AS kind, 'severely_overdue' AS tier, 'holiday' AS day_kind,
                   'town' AS level, 'closing' AS event
            """).rows[0]
        #expect(try row.decode(Channel.self, "channel") == .liaisonStation)
        #expect(try row.decode(ObligationKind.self, "kind") == .transferWindow)
        #expect(try row.decode(OverdueTier.self, "tier") == .severelyOverdue)
        for (column, decode) in [("day_kind", { try row.decode(CalendarDayKind.self, "day_kind") as Any }),
                                 ("level", { try row.decode(CongressLevel.self, "level") as Any }),
                                 ("event", { try row.decode(EventKind.self, "event") as Any })] {
            #expect {
                _ = try decode()
            } throws: { error in
                guard let error = error as? PostgresError else { return false }
                return error.kind == .decoding && error.message.contains("column \"\(column)\"")
            }
        }
    }

    /// Bound as a parameter, a word is its code.
    @Test func aWordIsBoundAsItsCode() throws {
        let f = try Fixture()
        let row = try f.store.connection.query("""
            SELECT \(ObligationKind.transferWindow) AS kind, \([AssignmentRole.lead, .co])::text[] AS roles
            """).rows[0]
        #expect(try row.decode(String.self, "kind") == "transfer_window")
        #expect(try row.decode([String].self, "roles") == ["lead", "co"])
    }
}
