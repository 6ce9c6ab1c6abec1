import Dispatch
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// What a test needs of a browser: forms, the session cookie and its CSRF token.
extension RunningServer {
    /// `method path` with a form body (`application/x-www-form-urlencoded`).
    func call(_ method: HTTPRequest.Method, _ path: String, form body: String, headers: HTTPFields = [:]) async throws -> TestClient.Response {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(.init(path, method: method, headers: headers, body: ByteBuffer(string: body)))
    }

    /// `POST /sign-in` as a browser that has just loaded the form: with the form's login CSRF
    /// token in the body and its cookie `jianyi_signin`.
    func signInForm(_ body: String, headers: HTTPFields = [:]) async throws -> TestClient.Response {
        let form = try await get("/")
        let setCookie = form.headers[.setCookie] ?? ""
        let pair = String(setCookie.split(separator: ";").first ?? "")
        let token = String(pair.split(separator: "=", maxSplits: 1).last ?? "")
        var headers = headers
        headers[.cookie] = pair
        return try await call(.post, "/sign-in", form: "csrf=\(token)&" + body, headers: headers)
    }

    /// The fixtures' password as a form sends it.
    static let formPassword = ServedCongress.password.replacingOccurrences(of: " ", with: "+")

    /// Signs `login` in as a browser with the fixtures' password: the cookie to send back
    /// (`jianyi_session=…`) and the session's CSRF token.
    func browserSession(_ login: String, headers: HTTPFields = [:]) async throws -> BrowserSession {
        let response = try await call(.post, "/session", form: "login=\(login)&password=\(Self.formPassword)", headers: headers)
        guard response.status == .ok, let setCookie = response.headers[.setCookie],
              let pair = setCookie.split(separator: ";").first, let csrf = response.object?["csrf"] as? String else {
            throw SignInFailed(login: login, status: response.status.code, body: response.text)
        }
        return BrowserSession(cookie: String(pair), csrf: csrf, setCookie: setCookie)
    }
}

struct BrowserSession {
    /// `jianyi_session=TOKEN.CSRF`, as the browser sends it back in `Cookie`.
    let cookie: String
    let csrf: String
    /// The whole `Set-Cookie` line the server sent.
    let setCookie: String

    var token: String { String(cookie.dropFirst("jianyi_session=".count).prefix(43)) }

    /// `Cookie` (and more headers) for a request of this browser.
    func headers(_ more: HTTPFields = [:]) -> HTTPFields {
        var headers = more
        headers[.cookie] = cookie
        return headers
    }
}

extension HTTPField.Name {
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
}

/// Runs blocking work (libpq, a child process's output) on a thread of its own. Swift's
/// cooperative pool has as many threads as cores: a test blocking one of them starves the
/// servers of every test running beside it.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
