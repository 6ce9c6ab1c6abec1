import CaseStore
import Casework
import Hummingbird

/// 账户 (`/accounts`): the congress's accounts; add one (role, its unit or deputy picked by
/// name, the signer right for a unit's), disable one, reset a password. The CLI's own checks
/// and refusals (`account add|disable|password`), in its words with the form's field names;
/// the web role reaches the accounts only through migration 23's functions, as the
/// secretariat. A password typed is never sent back to the browser.
enum AccountsPage {
    struct Item {
        let login: String
        let role: String
        let party: String
        let signer: Bool
        let disabled: Bool
        let created: String
        let passwordChanged: String
        let password: FieldView
        let problem: String?
    }

    struct View {
        let items: [Item]
        let login: FieldView
        let role: ChoiceView
        let unit: ChoiceView
        let deputy: ChoiceView
        let signer: ChoiceView
        let password: FieldView
        let problem: String?
        let notice: String?
    }

    static let kinds: [String: FormState.Kind] = ["login": .text, "role": .word, "unit": .word, "deputy": .word, "signer": .flag]
    static let notices = ["added": "账户已添加。", "disabled": "账户已停用，其登录已全部退出。", "password": "密码已重设，该账户的登录已全部退出。"]

    static func show(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try SecretariatPages.requireSecretariat(context)
        return try await render(site, context, add: FormState(), notice: SecretariatPages.notice(request, notices))
    }

    /// `POST /accounts`: `login`, `role`, `unit` or `deputy`, `signer`, `password`.
    static func add(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try SecretariatPages.requireSecretariat(context)
        let fields = try await FormFields.read(request, context: context)
        var form = FormState(fields, kinds)
        let values = form.values
        let password = fields["password"] ?? ""
        let congress = site.congress
        do {
            guard let party = try party(values) else {
                form.errors["role"] = "role：须选择角色：承办单位、代表或代表工作机构"
                return try await render(site, context, add: form, status: .badRequest)
            }
            try await site.act(context) { store, _ in
                try store.addAccountAsSecretariat(congress, login: values["login"] ?? "", party: party, password: password,
                                                  signer: values["signer"] != nil)
            }
            return seeOther("/accounts?done=added")
        } catch let error as AccountError {
            refuse(error, &form)
            return try await render(site, context, add: form, status: ErrorTable.serviceError(for: error).status)
        }
    }

    static func disable(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try SecretariatPages.requireSecretariat(context)
        let login = try context.parameters.require("login")
        let congress = site.congress
        do {
            try await site.act(context) { store, _ in try store.disableAccountAsSecretariat(congress, login: login) }
        } catch let error as AccountError {
            try notFound(error)
            var form = FormState()
            refuse(error, &form)
            return try await render(site, context, add: FormState(), refused: (login, form), status: ErrorTable.serviceError(for: error).status)
        }
        return seeOther("/accounts?done=disabled")
    }

    static func resetPassword(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        try SecretariatPages.requireSecretariat(context)
        let login = try context.parameters.require("login")
        let fields = try await FormFields.read(request, context: context)
        let password = fields["password"] ?? ""
        let congress = site.congress
        do {
            try await site.act(context) { store, _ in try store.setPasswordAsSecretariat(congress, login: login, password: password) }
        } catch let error as AccountError {
            try notFound(error)
            var form = rowState(login)
            refuse(error, &form)
            return try await render(site, context, add: FormState(), refused: (login, form), status: ErrorTable.serviceError(for: error).status)
        }
        return seeOther("/accounts?done=password")
    }

    /// The party the form names: the role's unit or deputy, and no other (as `account add`
    /// refuses `--role unit --deputy …`); nil when no role was chosen.
    static func party(_ values: [String: String]) throws(AccountError) -> Party? {
        guard let role = PartyRole(rawValue: values["role"] ?? "") else { return nil }
        let (unit, deputy) = (values["unit"].flatMap { $0.isEmpty ? nil : $0 }, values["deputy"].flatMap { $0.isEmpty ? nil : $0 })
        switch (role, unit, deputy) {
        case (.unit, let unit?, nil): return .unit(unit)
        case (.deputy, nil, let deputy?): return .deputy(deputy)
        case (.secretariat, nil, nil): return .secretariat
        default: throw .codeDoesNotFitRole(role)
        }
    }

    /// An account refused as the CLI words it, the flag's name become the form field's, next to it.
    static func refuse(_ error: AccountError, _ form: inout FormState) {
        switch error {
        case .badLogin(let login):
            form.errors["login"] = "login：'\(Text.printable(login))' 不是有效的登录名：只能用 1 到 64 个 A-Z、a-z、0-9、_ . @ -"
        case .passwordTooShort, .passwordTooLong, .passwordControl:
            form.errors["password"] = PasswordPage.words(error)
        case .codeDoesNotFitRole(.unit): form.errors["unit"] = "unit：承办单位的账户须选择一个单位，且不选择代表"
        case .codeDoesNotFitRole(.deputy): form.errors["deputy"] = "deputy：代表的账户须选择一位代表，且不选择单位"
        case .codeDoesNotFitRole(.secretariat): form.errors["role"] = "role：代表工作机构的账户不选择单位或代表"
        case .loginTaken(let login, let congress): form.errors["login"] = "login：账户 \(login) 在 \(congress) 中已存在"
        case .noSuchAccount(let login, let congress): form.problem = "账户 \(Text.printable(login)) 在 \(congress) 中不存在"
        case .unknownUnit(let code, let congress): form.errors["unit"] = "unit：\(Text.printable(code)) 不是 \(congress) 的承办单位"
        case .unknownDeputy(let code, let congress): form.errors["deputy"] = "deputy：\(Text.printable(code)) 不是 \(congress) 的代表"
        case .signerNeedsUnitRole(let role): form.errors["signer"] = "signer：只用于承办单位的账户：\(role.zh)的账户不签发答复"
        case .signerNotUnit(let login, let role): form.problem = "只有承办单位的账户可以签发：\(login) 是\(role.zh)的账户"
        case .signInFailed: form.problem = "登录名或密码错误，或账户已停用"
        }
    }

    /// An account the row's form names that is not there: the 404 page, as for a case.
    static func notFound(_ error: AccountError) throws {
        guard case .noSuchAccount(let login, let congress) = error else { return }
        throw ErrorTable.notFound(zh: "账户 \(Text.printable(login)) 在 \(congress) 中不存在", en: "account \(Text.printable(login)) does not exist in \(congress)")
    }

    static func rowState(_ login: String) -> FormState {
        var form = FormState()
        form.idPrefix = "account-\(login)-"
        return form
    }

    static func render(_ site: Site, _ context: WebContext, add: FormState, refused: (String, FormState)? = nil, notice: String? = nil,
                       status: HTTPResponse.Status = .ok) async throws -> Response {
        let (congress, clock) = (site.congress, site.clock)
        let view = try await site.act(context) { store, _ in
            let units = try store.units(congress), deputies = try store.deputies(congress)
            let unitNames = Dictionary(units.map { ($0.code, $0.name) }) { first, _ in first }
            let deputyNames = Dictionary(deputies.map { ($0.code, $0.name) }) { first, _ in first }
            let items = try store.accountsAsSecretariat().map { listing in
                let a = listing.account
                let form = refused.flatMap { $0.0 == a.login ? $0.1 : nil } ?? rowState(a.login)
                let party: String = switch a.party {
                case .unit(let code): "\(unitNames[code] ?? code)（\(code)）"
                case .deputy(let code): "\(deputyNames[code] ?? code)（\(code)）"
                case .secretariat: "—"
                }
                return Item(login: a.login, role: a.party.role.zh, party: party, signer: a.signer, disabled: a.disabled,
                            created: String(clock.shown(listing.createdAt).prefix(10)),
                            passwordChanged: String(clock.shown(listing.passwordChangedAt).prefix(10)),
                            password: FieldView("password", "新密码", form: form, type: "password",
                                                hint: "至少 \(Account.minimumPasswordLength) 个字符", autocomplete: "new-password"),
                            problem: form.problem)
            }
            var add = add
            add.values["password"] = nil
            return View(
                items: items,
                login: FieldView("login", "登录名", form: add, required: true, hint: "1 到 64 个 A-Z、a-z、0-9、_ . @ -", autocomplete: "off"),
                role: ChoiceView("role", "角色", form: add, required: true,
                                 choices: [PartyRole.unit, .deputy, .secretariat].map { ($0.rawValue, $0.zh) }),
                unit: ChoiceView("unit", "单位（承办单位的账户）", form: add, choices: SecretariatPages.unitChoices(units), layout: "picks"),
                deputy: ChoiceView("deputy", "代表（代表的账户）", form: add,
                                   choices: deputies.map { ($0.code, $0.delegation.isEmpty ? $0.name : "\($0.name)（\($0.delegation)）") },
                                   layout: "picks"),
                signer: ChoiceView("signer", "签发", form: add.flagTicked("signer"), multiple: true, choices: [("true", "可签发本单位的答复（只用于承办单位的账户）")]),
                password: FieldView("password", "初始密码", form: add, type: "password", required: true,
                                    hint: "至少 \(Account.minimumPasswordLength) 个字符；请另行告知本人", autocomplete: "new-password"),
                problem: add.problem, notice: notice)
        }
        return try site.page("sec-accounts", title: "账户", page: view, context: context, path: "/accounts", status: status)
    }
}
