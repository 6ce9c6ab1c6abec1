@testable import CaseStore
import Casework
import Postgres
import Testing

/// The optional `ref` column (the old platform's id): kept with the case, unique in the
/// congress, and what a re-import with --skip-existing matches rows by.
@Suite struct ImportRefTests {
    static let header = "title,deputy,cosigners,session,channel,category,body,submitted_on,ref\n"
    let day = Day("2024-05-01")!

    func run(_ f: Fixture, _ csv: String, skip: Bool) throws -> SuggestionImport {
        try f.store.importSuggestions(f.congress, source: .bytes(Array(csv.utf8)), file: "s.csv", defaultDay: day, skipExisting: skip)
    }

    @Test func aRefIsKeptAndARowWithAnImportedRefIsSkipped() throws {
        let f = try Fixture()
        let first = try run(f, Self.header + "关于学位的建议,D001,,5-4,session,教育,,2024-01-21,OLD-1\n关于养老的建议,D002,,,recess,,,2024-04-22,\n", skip: false)
        #expect(first == SuggestionImport(registered: 2, first: "5-4-0001", last: "R2024-0001", skipped: 0))
        let refs = try f.store.connection.query("SELECT number, ref FROM suggestion ORDER BY number").rows
        #expect(try refs.map { "\(try $0.decode(String.self, "number"))=\(try $0.decode(String?.self, "ref") ?? "-")" } == ["5-4-0001=OLD-1", "R2024-0001=-"])
        // The old platform corrected a title: the ref still finds the case; a row without a
        // ref is still found by deputy, series and title; a new ref is registered.
        let again = try run(f, Self.header + """
            关于增加学位的建议,D001,,5-4,session,教育,,2024-01-21,OLD-1
            关于养老的建议,D002,,,recess,,,2024-04-22,
            关于交通的建议,D003,,5-4,session,交通,,2024-01-21,OLD-3

            """, skip: true)
        #expect(again == SuggestionImport(registered: 1, first: "5-4-0002", last: "5-4-0002", skipped: 2))
    }

    @Test func aRefAlreadyImportedOrTwiceInTheFileIsABadRow() throws {
        let f = try Fixture()
        _ = try run(f, Self.header + "关于学位的建议,D001,,5-4,session,教育,,2024-01-21,OLD-1\n", skip: false)
        let failure = try #require(throws: Failure.self) {
            try run(f, Self.header + """
                关于另一件的建议,D002,,5-4,session,教育,,2024-01-21,OLD-1
                关于交通的建议,D003,,5-4,session,交通,,2024-01-21,OLD-3
                关于另一件交通的建议,D004,,5-4,session,交通,,2024-01-21,OLD-3

                """, skip: false)
        }
        #expect(failure.details == [
            "s.csv line 2, column 9 (ref): ref OLD-1 is already imported; leave the row out, or skip the rows already imported",
            "s.csv line 4, column 9 (ref): ref OLD-3 is already on line 3",
        ])
        #expect(failure.badRows?.listed.map(\.value) == ["OLD-1", "OLD-3"])
        #expect(try f.count("suggestion") == 1)
    }

    @Test func twoRowsWithDifferentRefsMayShareATitle() throws {
        // Two cases of the old platform, the same deputy raising the same title twice.
        let f = try Fixture()
        let done = try run(f, Self.header + "关于学位的建议,D001,,5-4,session,教育,,2024-01-21,A\n关于学位的建议,D001,,5-4,session,教育,,2024-01-22,B\n", skip: false)
        #expect(done.registered == 2)
    }
}

/// A file with many bad rows is reported in constant memory: the first 100 by line, whether
/// the file's shape or the database found them, and a count of all.
@Suite struct ImportBadRowLimitTests {
    @Test func theFirstHundredByLineAndACount() throws {
        let f = try Fixture()
        // Odd rows name an unknown deputy (found in SQL), every fourth has a bad date (found
        // while reading), the rest are good.
        let rows = (1...400).map { i in
            i % 4 == 0 ? "关于第\(i)项的建议,D001,,5-4,session,,,2024-13-01"
                : i % 2 == 1 ? "关于第\(i)项的建议,X\(i),,5-4,session,,,2024-01-21" : "关于第\(i)项的建议,D001,,5-4,session,,,2024-01-21"
        }
        let csv = ImportEquivalenceTests.header + rows.joined(separator: "\n") + "\n"
        let failure = try #require(throws: Failure.self) {
            try f.store.importSuggestions(f.congress, source: .bytes(Array(csv.utf8)), file: "s.csv", defaultDay: Day("2024-05-01")!, skipExisting: false)
        }
        #expect(failure.message == "s.csv: 300 rows are bad, so nothing was imported; each is listed below")
        #expect(failure.details.count == 101)
        #expect(failure.details.last == "… and 200 more bad rows")
        let lines = try #require(failure.badRows).listed.map(\.line)
        #expect(lines == Array((2...401).filter { ($0 - 1) % 4 != 2 }.prefix(100)))
        #expect(failure.details[0] == "s.csv line 2, column 2 (deputy): X1 is not a deputy of LL")
        #expect(failure.details[2] == "s.csv line 5, column 8 (submitted_on): '2024-13-01' is not a date (expected YYYY-MM-DD, a real calendar day)")
        #expect(try f.count("suggestion") == 0)
    }
}
