import Casework
import Testing

@Suite struct MonthTests {
    @Test func parsesOnlyYYYYMM() {
        #expect(Month("2026-06")?.description == "2026-06")
        for bad in ["2026-6", "2026-13", "2026-00", "26-06", "2026-06-01", "2026/06", "", "1899-12", "２０２６-06"] {
            #expect(Month(bad) == nil, "\(bad)")
        }
    }

    @Test func firstLastAndPrevious() throws {
        let feb = try #require(Month("2024-02"))
        #expect(feb.first.description == "2024-02-01")
        #expect(feb.last.description == "2024-02-29")
        #expect(feb.previous?.description == "2024-01")
        #expect(Month("2025-01")?.previous?.description == "2024-12")
        #expect(Month("1900-01")?.previous == nil)
        #expect(Month("9999-12")?.last.description == "9999-12-31")
    }
}
