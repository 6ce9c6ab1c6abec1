import CaseStore
import Casework
import Hummingbird

/// 修改密码 (`/password`): the current password (a wrong one counts against the sign-in
/// throttle like a failed sign-in) and the new one, checked as `account add` checks it. The
/// account's other sessions and tokens end; this one goes on.
enum PasswordPage {
    struct View {
        let current: FieldView
        let password: FieldView
        let problem: String?
        let notice: String?
    }

    static func show(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        let done = request.uri.queryParameters["done"] != nil
        return try render(site, context, form: FormState(), notice: done ? "密码已修改；其他已登录的会话已退出。" : nil)
    }

    static func post(site: Site, _ request: Request, context: WebContext) async throws -> Response {
        guard let account = context.account, let cookie = SessionCookie.read(request) else { throw ServiceError.noSession }
        let fields = try await FormFields.read(request, context: context)
        var form = FormState()
        let (current, new) = (fields["current"] ?? "", fields["password"] ?? "")
        let attempt = try site.throttle.begin(login: account.login, address: site.origin(of: request, context: context).address)
        do {
            let congress = site.congress
            try await site.pool.withStore { store in
                try store.changeOwnPassword(congress, login: account.login, session: cookie.token, current: current, new: new)
            }
        } catch let error as AccountError {
            switch error {
            case .signInFailed: form.errors["current"] = "current：当前密码不正确"
            default: site.throttle.abandoned(attempt)
            }
            if let words = words(error) { form.errors["password"] = words }
            return try render(site, context, form: form, status: .unprocessableContent)
        } catch {
            site.throttle.abandoned(attempt)
            throw error
        }
        site.throttle.succeeded(attempt)
        return seeOther("/password?done=1")
    }

    /// A new password refused, as `account add` words it for its standard input.
    static func words(_ error: AccountError) -> String? {
        switch error {
        case .passwordTooShort(let minimum): "password：太短，至少 \(minimum) 个字符"
        case .passwordTooLong(let maximum): "password：超过 \(maximum) 字节，bcrypt 读不全"
        case .passwordControl: "password：必须是一行，不含 NUL 或回车"
        default: nil
        }
    }

    static func render(_ site: Site, _ context: WebContext, form: FormState, notice: String? = nil,
                       status: HTTPResponse.Status = .ok) throws -> Response {
        let view = View(
            current: FieldView("current", "当前密码", form: form, type: "password", required: true, autocomplete: "current-password"),
            password: FieldView("password", "新密码", form: form, type: "password", required: true,
                                hint: "至少 \(Account.minimumPasswordLength) 个字符", autocomplete: "new-password"),
            problem: form.problem, notice: notice)
        return try site.page("password", title: "修改密码", page: view, context: context, path: "/password", status: status)
    }
}
