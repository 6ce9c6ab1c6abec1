import Casework
import Testing

/// Where a row's failure is placed: under its column when the message names one, as said
/// otherwise (a flag of the whole command keeps its dashes).
@Suite struct RowProblemsTests {
    func report(_ failure: Failure) throws -> String {
        var problems = RowProblems(file: "a.csv", columns: ["number", "lead", "co", "complex"])
        problems.add(line: 2, failure)
        let refusal = try #require(throws: Failure.self) { try problems.check() }
        return refusal.message
    }

    @Test func aColumnNamedByTheMessageIsItsPlace() throws {
        #expect(try report(.ruleBroken("lead: XYZ is not a unit of LL")) == "a.csv line 2, column 2 (lead): XYZ is not a unit of LL")
        #expect(try report(.badValue("--co: ZJJ is given twice")) == "a.csv line 2, column 3 (co): ZJJ is given twice")
    }

    @Test func aFlagThatIsNoColumnKeepsItsDashes() throws {
        #expect(try report(.ruleBroken("--on: 2024-02-05 is before 2024-02-10")) == "a.csv line 2: --on: 2024-02-05 is before 2024-02-10")
        #expect(try report(.ruleBroken("online is not a column")) == "a.csv line 2: online is not a column")
    }
}
