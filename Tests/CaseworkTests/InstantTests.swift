import Casework
import Testing

@Suite struct InstantTests {
    // 2026-06-01T01:00:00Z
    let instant = Instant(secondsSince1970: 1_780_275_600)

    @Test func wallClockOnTheGivenOffset() {
        #expect(instant.wallClock(offset: 8 * 3600) == "2026-06-01 09:00:00")
        #expect(instant.wallClock(offset: -5 * 3600) == "2026-05-31 20:00:00")
        #expect(instant.wallClock(offset: 0) == "2026-06-01 01:00:00")
    }

    @Test func rfc3339CarriesTheOffset() {
        #expect(instant.rfc3339(offset: 8 * 3600) == "2026-06-01T09:00:00+08:00")
        #expect(instant.rfc3339(offset: -4 * 3600) == "2026-05-31T21:00:00-04:00")
        #expect(instant.rfc3339(offset: 5 * 3600 + 45 * 60) == "2026-06-01T06:45:00+05:45")
        #expect(instant.rfc3339(offset: -(3 * 3600 + 30 * 60)) == "2026-05-31T21:30:00-03:30")
        #expect(instant.rfc3339(offset: 0) == "2026-06-01T01:00:00+00:00")
    }

    @Test func beforeNineteenSeventyToo() {
        #expect(Instant(secondsSince1970: -1).wallClock(offset: 0) == "1969-12-31 23:59:59")
        #expect(Instant(secondsSince1970: -86_400 * 365).rfc3339(offset: 8 * 3600) == "1969-01-01T08:00:00+08:00")
    }
}
