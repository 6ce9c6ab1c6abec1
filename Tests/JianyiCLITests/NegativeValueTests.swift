@testable import JianyiCLI
import Testing

/// How a word like `-2` or `-3 months` reaches ArgumentParser: as a value, never as options.
@Suite struct NegativeValueTests {
    @Test(arguments: [
        (["overdue", "--warn-days", "-2"], ["overdue", "--warn-days=-2"]),
        (["similar", "5-4-0001", "--limit", "-1", "--format", "json"], ["similar", "5-4-0001", "--limit=-1", "--format", "json"]),
        (["policy", "set", "reply", "-3 months"], ["policy", "set", "reply", "--", "-3 months"]),
        (["policy", "set", "reply_months", "-3", "--congress", "LL"], ["policy", "set", "reply_months", "--congress", "LL", "--", "-3"]),
        (["policy", "set", "weight_contact", "-.5"], ["policy", "set", "weight_contact", "--", "-.5"]),
        (["register", "--title", "-3 度的冬天"], ["register", "--title=-3 度的冬天"]),
        // Already explicit, or not a number: left alone.
        (["overdue", "--warn-days=-2"], ["overdue", "--warn-days=-2"]),
        (["policy", "set", "reply", "--", "-3 months"], ["policy", "set", "reply", "--", "-3 months"]),
        (["policy", "set", "x", "-5", "--", "y"], ["policy", "set", "x", "--", "-5", "y"]),
        (["list", "-h"], ["list", "-h"]),
        (["list", "--format", "json"], ["list", "--format", "json"]),
        (["-"], ["-"]),
    ])
    func aNegativeNumberIsBoundAsAValue(arguments: [String], bound: [String]) {
        #expect(UsageErrors.bindingNegativeValues(arguments) == bound)
    }
}
