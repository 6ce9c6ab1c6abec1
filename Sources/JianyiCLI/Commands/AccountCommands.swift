import ArgumentParser
import CaseStore
import Presentation
import Casework
import Foundation

extension PartyRole: ExpressibleByArgument {}

struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Accounts for `jianyi serve`: deputies, units and the secretariat acting online.",
        discussion: """
            Passwords are read from standard input (one line; at least \(Account.minimumPasswordLength) characters), never \
            from an argument, and stored only as a bcrypt hash. A unit may have several accounts; each acts as its unit.
            """,
        subcommands: [Add.self, ListAccounts.self, Disable.self, Password.self, Signer.self, TOTPEnroll.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an account acting as a deputy, a unit or the secretariat.",
            discussion: """
                Examples:
                  printf '%s\\n' "$PASSWORD" | jianyi account add zjj-clerk --role unit --unit ZJJ --password-stdin
                  jianyi account add zjj-head --role unit --unit ZJJ --signer --password-stdin < password.txt
                  jianyi account add d001 --role deputy --deputy D001 --password-stdin < password.txt
                  jianyi account add office --role secretariat --password-stdin
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login: 1 to 64 of A-Z, a-z, 0-9, _ . @ -.") var login: String
        @Option(help: "deputy, unit or secretariat.") var role: PartyRole
        @Option(help: "The deputy's code (with --role deputy).", completion: CodeCompletion.deputies) var deputy: String?
        @Option(help: "The unit's code (with --role unit).", completion: CodeCompletion.units) var unit: String?
        @Flag(help: "With --role unit: the account signs (签发) the unit's replies; its other accounts then submit drafts.")
        var signer = false
        @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input (required).") var passwordStdin = false

        func validate() throws { try requirePasswordStdin(passwordStdin) }

        func run() throws {
            try Account.checkLogin(login)
            if signer, role != .unit { throw AccountError.signerNeedsUnitRole(role) }
            if deputy != nil, unit != nil { throw AccountError.codeDoesNotFitRole(role) }
            guard let party = Party(role: role, code: deputy ?? unit),
                  (role == .deputy) == (deputy != nil), (role == .unit) == (unit != nil) else {
                throw AccountError.codeDoesNotFitRole(role)
            }
            let password = try readPassword()
            let context = try Context(global)
            let account = try context.store.addAccount(try context.congress(), login: login, party: party, password: password, signer: signer)
            emit(context.text("已添加账号 \(account.login)（\(party.zh)\(signer ? "，签发" : "")）\n",
                              "added account \(account.login) (\(party.en)\(signer ? ", signer" : ""))\n"))
        }
    }

    struct ListAccounts: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the congress's accounts (never a password or its hash).",
            discussion: """
                Examples:
                  jianyi account list
                  jianyi account list --format csv > accounts.csv
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "table, json, csv or xlsx (to standard output when it is not a terminal).") var format: ListFormat = .table

        func run() throws {
            if format == .xlsx { try XLSXOutput.refuseTerminal(nil, outputOption: false) }
            let context = try Context(global)
            let congress = try context.congress()
            let clock = try CongressClock(congress)
            let accounts = try context.store.listAccounts(congress)
            switch format {
            case .xlsx:
                try Output.write { out in
                    try XLSXOutput.write(into: &out) { book in
                        try book.addSheet("账号", SheetLayouts.accounts(clock)) { row in try accounts.forEach(row) }
                    }
                }
            case .json:
                emit(JSONValue.array(accounts.map { a in
                    .object([("login", .string(a.account.login)), ("role", .string(a.account.party.role.rawValue)),
                             ("code", a.account.party.code.map(JSONValue.string) ?? .null), ("disabled", .bool(a.account.disabled)),
                             ("created_at", clock.json(a.createdAt)), ("password_changed_at", clock.json(a.passwordChangedAt)),
                             ("signer", .bool(a.account.signer))])
                }).serialized() + "\n")
            case .csv:
                try Output.write { out in
                    out.write(CSV.line(["login", "role", "code", "disabled", "created_at", "password_changed_at", "signer"]))
                    for a in accounts {
                        out.write(CSV.line([a.account.login, a.account.party.role.rawValue, a.account.party.code ?? "",
                                            a.account.disabled ? "true" : "false", clock.shown(a.createdAt), clock.shown(a.passwordChangedAt),
                                            a.account.signer ? "true" : "false"]))
                    }
                }
            case .table:
                let zh = context.lang == .zh
                var table = TextTable(header: zh ? ["账号", "角色", "代码", "状态", "签发", "创建", "密码更改"]
                                                 : ["login", "role", "code", "status", "signer", "created", "password changed"])
                for a in accounts {
                    table.append([a.account.login, a.account.party.role.label(zh: zh), a.account.party.code ?? "",
                                  a.account.disabled ? (zh ? "已停用" : "disabled") : (zh ? "启用" : "active"),
                                  a.account.signer ? (zh ? "是" : "yes") : "",
                                  clock.shown(a.createdAt), clock.shown(a.passwordChangedAt)])
                }
                emit(table.render())
            }
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable",
            abstract: "Disable an account: it can no longer sign in, and its tokens and sessions end at once.",
            discussion: "Example: jianyi account disable zjj-clerk")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login.") var login: String

        func run() throws {
            let context = try Context(global)
            try context.store.disableAccount(try context.congress(), login: login)
            emit(context.text("已停用账号 \(login)\n", "disabled account \(login)\n"))
        }
    }

    struct Signer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "signer",
            abstract: "Grant or revoke a unit account's signer right (签发).",
            discussion: """
                A unit with an enabled signer account replies through drafts: its other accounts submit a draft reply, \
                a signer approves it (the reply is dated the signing day) or returns it with a note. A unit with no \
                signer replies directly. The change applies to the account's next request; its sessions stay.
                Examples:
                  jianyi account signer zjj-head --on
                  jianyi account signer zjj-head --off
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login of a unit's account.") var login: String
        @Flag(help: "--on grants the right, --off revokes it.") var right: SignerRight

        func run() throws {
            let context = try Context(global)
            try context.store.setSigner(try context.congress(), login: login, right == .on)
            emit(right == .on ? context.text("账号 \(login) 可以签发答复\n", "\(login) now signs its unit's replies\n")
                              : context.text("账号 \(login) 不再签发答复\n", "\(login) no longer signs its unit's replies\n"))
        }
    }

    enum SignerRight: String, EnumerableFlag {
        case on, off
    }

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password",
            abstract: "Set an account's password from standard input; its tokens and sessions end.",
            discussion: "Example: printf '%s\\n' \"$NEW_PASSWORD\" | jianyi account password zjj-clerk --password-stdin")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login.") var login: String
        @Flag(name: .customLong("password-stdin"), help: "Read the password from standard input (required).") var passwordStdin = false

        func validate() throws { try requirePasswordStdin(passwordStdin) }

        func run() throws {
            let password = try readPassword()
            let context = try Context(global)
            try context.store.setPassword(try context.congress(), login: login, password: password)
            emit(context.text("已更改账号 \(login) 的密码\n", "changed the password of \(login)\n"))
        }
    }
}

private func requirePasswordStdin(_ given: Bool) throws {
    guard given else {
        throw ValidationError("--password-stdin is required: give the password on standard input, never as an argument")
    }
}

/// The password: standard input's one line, its line break removed, checked before the
/// database is opened. Never echoed: a refusal says what is wrong, not what was read.
private func readPassword() throws -> String {
    var bytes = try readBytes("-")
    if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
    guard let password = String(validating: bytes, as: UTF8.self) else {
        throw Failure.badValue("the password on standard input is not UTF-8 text")
    }
    try Account.checkPassword(password)
    return password
}
