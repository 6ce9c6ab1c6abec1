import Foundation
import Postgres
import Testing

/// `jianyi account …`: passwords only from standard input, never shown or stored in clear.
@Suite struct AccountCommandTests {
    let password = "长城-correct horse 9"

    func jianyi() throws -> Jianyi {
        var jianyi = try Jianyi()
        // bcrypt at its lowest cost: the tests check what is stored, not how slow it is.
        jianyi.environment["JIANYI_BCRYPT_COST"] = "4"
        try jianyi.setUp()
        return jianyi
    }

    @Test func addListDisableAndChangeThePassword() throws {
        var jianyi = try jianyi()
        jianyi.environment["JIANYI_LOG"] = "debug"
        var outputs: [Jianyi.Result] = []
        outputs.append(try jianyi.ok("account", "add", "sjj-clerk", "--role", "unit", "--unit", "SJJ", "--password-stdin", input: password + "\n"))
        #expect(outputs.last?.stdout == "已添加账号 sjj-clerk（承办单位 SJJ）\n")
        outputs.append(try jianyi.ok("account", "add", "d001", "--role", "deputy", "--deputy", "D001", "--password-stdin", input: password))
        outputs.append(try jianyi.ok("account", "add", "office", "--role", "secretariat", "--password-stdin", "--lang", "en", input: password + "\n"))
        #expect(outputs.last?.stdout == "added account office (secretariat)\n")

        let json = try jianyi.ok("account", "list", "--format", "json")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { "\($0["login"]!) \($0["role"]!) \($0["code"]!) \($0["disabled"] as? Bool == true)" } == [
            "d001 deputy D001 false", "office secretariat <null> false", "sjj-clerk unit SJJ false",
        ])
        #expect((list.first?["created_at"] as? String)?.hasSuffix("+08:00") == true)
        let csv = try jianyi.ok("account", "list", "--format", "csv")
        #expect(csv.stdout.hasPrefix("login,role,code,disabled,created_at,password_changed_at,signer\r\nd001,deputy,D001,false,"))
        outputs += [json, csv, try jianyi.ok("account", "list")]

        outputs.append(try jianyi.ok("account", "disable", "sjj-clerk"))
        #expect(outputs.last?.stdout == "已停用账号 sjj-clerk\n")
        #expect(try jianyi.ok("account", "list", "--lang", "en").stdout.contains("disabled"))
        outputs.append(try jianyi.ok("account", "password", "d001", "--password-stdin", input: "another password 2\n"))
        #expect(outputs.last?.stdout == "已更改账号 d001 的密码\n")

        for output in outputs {
            #expect(!output.stdout.contains(password) && !output.stderr.contains(password))
            #expect(!output.stdout.contains("$2b$") && !output.stderr.contains("$2b$"))
        }
        let dump = try jianyi.snapshot()
        #expect(!dump.contains(password) && !dump.contains("another password 2"))
        let hashes = try Connection(jianyi.database).query("SELECT login, password_hash FROM account ORDER BY login").rows
        #expect(try hashes.map { try $0.decode(String.self, "password_hash").hasPrefix("$2b$04$") } == [true, true, true])
    }

    @Test func refusalsSayWhyAndChangeNothing() throws {
        let jianyi = try jianyi()
        try jianyi.ok("account", "add", "office", "--role", "secretariat", "--password-stdin", input: password)
        let add = { (args: [String]) in ["account", "add"] + args + ["--password-stdin"] }
        try jianyi.expectRefusal(add(["x", "--role", "unit", "--unit", "SJJ"]), 64, mentioning: "too short", input: "short\n")
        try jianyi.expectRefusal(add(["x", "--role", "unit", "--unit", "SJJ"]), 64, mentioning: "too short", input: "")
        try jianyi.expectRefusal(add(["x", "--role", "unit", "--unit", "SJJ"]), 64, mentioning: "one line", input: "first line is long\nsecond\n")
        try jianyi.expectRefusal(add(["x", "--role", "mayor"]), 64, mentioning: "mayor", input: password)
        try jianyi.expectRefusal(add(["x", "--role", "unit"]), 64, mentioning: "--role unit needs --unit", input: password)
        try jianyi.expectRefusal(add(["x", "--role", "secretariat", "--deputy", "D001"]), 64, mentioning: "neither", input: password)
        try jianyi.expectRefusal(add(["x y", "--role", "secretariat"]), 64, mentioning: "is not a login", input: password)
        try jianyi.expectRefusal(["account", "add", "x", "--role", "secretariat"], 64, mentioning: "--password-stdin", input: password)
        try jianyi.expectRefusal(add(["office", "--role", "secretariat"]), 65, mentioning: "account office already exists in LL", input: password)
        try jianyi.expectRefusal(add(["x", "--role", "unit", "--unit", "NOPE"]), 65, mentioning: "--unit: NOPE is not a unit of LL", input: password)
        try jianyi.expectRefusal(add(["x", "--role", "deputy", "--deputy", "D999"]), 65, mentioning: "--deputy: D999 is not a deputy of LL", input: password)
        try jianyi.expectRefusal(["account", "disable", "nobody"], 65, mentioning: "account nobody does not exist in LL")
        try jianyi.expectRefusal(["account", "password", "nobody", "--password-stdin"], 65, mentioning: "account nobody does not exist", input: password)
        let short = try jianyi.expectRefusal(["account", "password", "office", "--password-stdin"], 64, mentioning: "too short", input: "secret99\n")
        #expect(!short.stderr.contains("secret99"))
    }

    @Test func helpGivesExamples() throws {
        let jianyi = try Jianyi(migrated: false)
        for sub in ["add", "list", "disable", "password", "signer"] {
            let help = try jianyi("account", sub, "--help")
            #expect(help.code == 0)
            #expect(help.stdout.contains("jianyi account \(sub)"), "\(sub)")
        }
    }
}
