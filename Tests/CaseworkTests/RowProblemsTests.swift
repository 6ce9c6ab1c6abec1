import Casework
import Testing

/// Where a row's failure is placed: under its column when the message names one, as said
/// otherwise. A typed refusal is left to the front end, which words and places it.
@Suite struct RowProblemsTests {
    func report(_ failure: Failure) throws -> String {
        var problems = RowProblems(file: "a.csv", columns: ["number", "lead", "co", "complex"])
        problems.add(line: 2, failure)
        let refusal = try #require(throws: Failure.self) { try problems.check() }
        return refusal.message
    }

    @Test func aColumnNamedByTheMessageIsItsPlace() throws {
        #expect(try report(.ruleBroken("lead: XYZ is not a unit of LL")) == "a.csv line 2, column 2 (lead): XYZ is not a unit of LL")
        #expect(try report(.badValue("complex: 'x' is not true or false")) == "a.csv line 2, column 4 (complex): 'x' is not true or false")
    }

    @Test func aMessageThatNamesNoColumnIsKeptAsSaid() throws {
        #expect(try report(.ruleBroken("online is not a column")) == "a.csv line 2: online is not a column")
    }

    @Test func aTypedRefusalIsHandedOnWithItsLine() throws {
        var problems = RowProblems(file: "a.csv", columns: ["number", "lead", "co", "complex"])
        problems.add(line: 3, "a said problem")
        _ = try problems.checking(line: 2) { throw CaseError.coUnitRepeated("ZJJ") }
        let refusals = try #require(throws: RowRefusals.self) { try problems.check() }
        let lines = refusals.problems.all.map { problem -> String in
            switch problem.why {
            case .said(let why): "\(problem.line) said \(why)"
            case .refused(let error): "\(problem.line) refused \(error as? CaseError == .coUnitRepeated("ZJJ"))"
            }
        }
        #expect(lines == ["2 refused true", "3 said a said problem"])
    }
}
