@testable import CaseStore
import Casework
import Postgres
import Testing

/// The streaming import registers exactly what the import before it did (`ReferenceImport`):
/// the same ids, numbers, sequences, stored values, co-signers and first events, and reports
/// the same bad rows, for a file that exercises every column.
@Suite struct ImportEquivalenceTests {
    static let header = "title,deputy,cosigners,session,channel,category,body,submitted_on\n"

    /// Session and recess rows in several years and both channels, co-signers, quoted commas,
    /// line breaks, CRLF, surrounding spaces, a formula kept as text, the last storable day,
    /// an empty date (the default day), a row repeating an earlier one and one repeating a case
    /// registered before.
    static let varied = "\u{FEFF}" + header + [
        "关于增加中小学学位供给的建议,D001,D002;D003,5-4,session,教育,\"学位紧张，建议新建学校。\",2024-01-21",
        "关于加强农村养老服务设施建设的建议,D004,,,liaison_station,社会保障,,2024-04-22",
        "关于优化城区公交线路的建议,D005,D006,5-4,,交通,\"多行\n正文\",2024-01-22",
        "\"  =HYPERLINK(\"\"http://x\"\")  \",D007, D008 ; D009 ,,recess,,=1+1,2025-12-31",
        "关于路灯的建议,D001,,,,城建,\"\"\"引号\"\" 与 \\ 反斜杠\t制表\",9999-12-31",
        "关于停车难的建议,D002,,5-4,session,,,",
        "关于第二年的建议,D003,,,recess,其他,,2025-01-01",
        String(repeating: "长", count: 200) + ",D004,,5-4,session,教育,,2024-01-21",
        "关于加快老旧小区改造的建议,D001,,5-4,session,城乡建设,,2024-01-21",
    ].joined(separator: "\r\n") + "\r\n"

    func registered(_ f: Fixture) throws -> [String] {
        let rows = try f.store.connection.query("""
            SELECT row(s.suggestion_id, s.number, s.series, s.seq, s.title, s.body, s.deputy_code, s.session_code, s.channel,
                       s.station, s.category, s.submitted_on, s.state, s.ref,
                       (SELECT array_agg(c.deputy_code ORDER BY c.position) FROM suggestion_cosigner c
                        WHERE c.congress_id = s.congress_id AND c.suggestion_id = s.suggestion_id),
                       (SELECT array_agg(row(e.event_no, e.kind, e.on_date, e.actor, e.data)::text ORDER BY e.event_no) FROM case_event e
                        WHERE e.congress_id = s.congress_id AND e.suggestion_id = s.suggestion_id))::text AS r
            FROM suggestion s ORDER BY s.suggestion_id
            """).rows
        let counters = try f.store.connection.query("SELECT string_agg(series || '=' || last_value, ',' ORDER BY series) AS c FROM number_counter").rows
        return try rows.map { try $0.decode(String.self, "r") } + counters.map { try $0.decode(String.self, "c") }
    }

    /// Imports `csv` both ways into two like databases (one case registered first); returns
    /// what each registered, or how each refused.
    func both(_ csv: String, skipExisting: Bool = false, twice: Bool = false) throws -> (old: [String], new: [String]) {
        func run(_ body: (Fixture) throws -> Void) throws -> [String] {
            let f = try Fixture()
            _ = try f.store.register(f.congress, f.registration())
            do {
                try body(f)
                if twice { try body(f) }
            } catch let refusals as RowRefusals {
                return refusals.problems.all.map { "\($0.line) \($0.column ?? -1) \($0.why)" }
            } catch let failure as Failure {
                return [failure.message] + failure.details
            }
            return try registered(f)
        }
        let day = Day("2024-05-01")!
        let old = try run { f in
            _ = try f.store.referenceImportSuggestions(f.congress, csv: csv, file: "s.csv", defaultDay: day, skipExisting: skipExisting)
        }
        let new = try run { f in
            try f.store.importSuggestions(f.congress, source: .bytes(Array(csv.utf8)), file: "s.csv", defaultDay: day, skipExisting: skipExisting)
        }
        return (old, new)
    }

    @Test func aVariedFileIsRegisteredAsBefore() throws {
        let (old, new) = try both(Self.varied, skipExisting: true)
        #expect(old.count == 10, "\(old)")  // 8 new cases and the one registered first, and the counters
        #expect(new == old)
    }

    @Test func aFileImportedTwiceWithSkipIsRegisteredAsBefore() throws {
        let (old, new) = try both(Self.varied, skipExisting: true, twice: true)
        #expect(new == old)
    }

    @Test func theSameBadRowsAreReported() throws {
        let bad = Self.header + [
            "关于增加学位的建议,D001,,5-4,session,教育,,2024-01-21",
            "关于养老的建议,D404,,5-4,session,,,2024-01-21",
            "关于交通的建议,D002,D003;D405,5-4,session,,,2024-01-21",
            "关于路灯的建议,D002,,5-9,session,,,2024-01-21",
            "关于增加学位的建议,D001,,5-4,session,教育,,2024-01-22",
            "关于加快老旧小区改造的建议,D001,,5-4,session,城乡建设,,2024-01-21",
            "关于医保的建议,D001,D001,5-4,session,医疗,,2024-01-21",
            "关于公园的建议,D001,,,session,城建,,2024-01-21",
            "\u{200B},D001,,5-4,session,教育,,2024-01-21",
            "\"坏\"x,D001,,5-4,session,教育,,2024-01-21",
        ].joined(separator: "\n") + "\n"
        let (old, new) = try both(bad)
        #expect(old.count == 9)
        #expect(new == old)
    }
}
