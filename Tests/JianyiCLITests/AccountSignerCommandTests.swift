import Foundation
import Postgres
import Testing

/// `jianyi account add … --signer` and `jianyi account signer LOGIN --on|--off`: the signer
/// right (签发) of a unit's accounts, shown by `account list`, refused to anyone else's.
@Suite struct AccountSignerCommandTests {
    let password = "长城-correct horse 9"

    func jianyi() throws -> Jianyi {
        var jianyi = try Jianyi()
        jianyi.environment["JIANYI_BCRYPT_COST"] = "4"
        try jianyi.setUp()
        return jianyi
    }

    func signers(_ jianyi: Jianyi) throws -> [String: Bool] {
        let json = try jianyi.ok("account", "list", "--format", "json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["login"] as? String ?? "", $0["signer"] as? Bool ?? false) })
    }

    @Test func aUnitsAccountIsAddedAsSignerAndTheRightGrantedAndRevoked() throws {
        let jianyi = try jianyi()
        let added = try jianyi.ok("account", "add", "sjj-head", "--role", "unit", "--unit", "SJJ", "--signer", "--password-stdin", input: password)
        #expect(added.stdout == "已添加账号 sjj-head（承办单位 SJJ，签发）\n")
        try jianyi.ok("account", "add", "sjj-clerk", "--role", "unit", "--unit", "SJJ", "--password-stdin", input: password)
        #expect(try signers(jianyi) == ["sjj-head": true, "sjj-clerk": false])

        let table = try jianyi.ok("account", "list", "--lang", "en").stdout.split(separator: "\n")
        #expect(table.first?.contains("signer") == true)
        #expect(table.first { $0.contains("sjj-head") }?.contains(" yes ") == true, "\(table)")
        #expect(table.first { $0.contains("sjj-clerk") }?.contains(" yes ") == false)
        let csv = try jianyi.ok("account", "list", "--format", "csv").stdout
        let lines = csv.split(separator: "\r\n")
        #expect(lines.first?.hasSuffix(",signer") == true)
        #expect(lines.first { $0.hasPrefix("sjj-head,") }?.hasSuffix(",true") == true, "\(csv)")
        #expect(lines.first { $0.hasPrefix("sjj-clerk,") }?.hasSuffix(",false") == true, "\(csv)")

        #expect(try jianyi.ok("account", "signer", "sjj-clerk", "--on", "--lang", "en").stdout == "sjj-clerk now signs its unit's replies\n")
        #expect(try jianyi.ok("account", "signer", "sjj-head", "--off").stdout == "账号 sjj-head 不再签发答复\n")
        #expect(try signers(jianyi) == ["sjj-head": false, "sjj-clerk": true])
        // Granting twice changes nothing.
        try jianyi.ok("account", "signer", "sjj-clerk", "--on")
        #expect(try signers(jianyi) == ["sjj-head": false, "sjj-clerk": true])
    }

    @Test func onlyAUnitsAccountSigns() throws {
        let jianyi = try jianyi()
        try jianyi.ok("account", "add", "d001", "--role", "deputy", "--deputy", "D001", "--password-stdin", input: password)
        try jianyi.ok("account", "add", "office", "--role", "secretariat", "--password-stdin", input: password)
        try jianyi.expectRefusal(["account", "add", "d002", "--role", "deputy", "--deputy", "D002", "--signer", "--password-stdin"], 64,
                                 mentioning: "--signer goes with --role unit only", input: password)
        try jianyi.expectRefusal(["account", "add", "office2", "--role", "secretariat", "--signer", "--password-stdin"], 64,
                                 mentioning: "--signer goes with --role unit only", input: password)
        try jianyi.expectRefusal(["account", "signer", "d001", "--on"], 65, mentioning: "only a unit's account signs replies: d001 is a deputy account")
        try jianyi.expectRefusal(["account", "signer", "office", "--on"], 65, mentioning: "office is a secretariat account")
        try jianyi.expectRefusal(["account", "signer", "nobody", "--off"], 65, mentioning: "account nobody does not exist in LL")
        try jianyi.expectRefusal(["account", "signer", "office"], 64, mentioning: "--on")
        try jianyi.expectRefusal(["account", "signer", "office", "--on", "--off"], 64, mentioning: "--on")
        // Revoking a right nobody else could hold is harmless.
        try jianyi.ok("account", "signer", "d001", "--off")
        let rows = try Connection(jianyi.database).query("SELECT count(*) AS n FROM account WHERE signer").rows
        #expect(try rows[0].decode(Int.self, "n") == 0)
    }
}
