import CaseStore
import Casework
import Hummingbird
import Logging

/// The browser's pages (issue 14): server-rendered HTML over the API's own handlers, in
/// Chinese, usable without JavaScript. Signed-in pages go through `SessionMiddleware` (the
/// session cookie; the CSRF token on every POST); every answer, errors included, is a page
/// with the security headers of `PageHeadersMiddleware`.
struct Pages {
    let site: Site
    let logger: Logger

    func addRoutes(to router: Router<WebContext>) {
        let site = site
        router.get("assets/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: PageTemplates.stylesheet)))
        }
        let pages = router.group()
            .add(middleware: PageHeadersMiddleware())
            .add(middleware: PageErrorMiddleware(site: site, logger: logger))
        pages.post("sign-in") { try await SignInPages.signIn(site: site, $0, context: $1) }
        // Where a browser lands going back to a refused sign-in: the form is at `/`.
        pages.get("sign-in") { _, _ in seeOther("/") }
        let signedIn = pages.group().add(middleware: SessionMiddleware(site: site))
        signedIn.get("/") { request, context in try await Self.home(site, request, context) }
        signedIn.post("sign-out") { try await SignInPages.signOut(site: site, $0, context: $1) }
        signedIn.get("password") { try await PasswordPage.show(site: site, $0, context: $1) }
        signedIn.post("password") { try await PasswordPage.post(site: site, $0, context: $1) }
        signedIn.get("submit") { try await SubmitPage.show(site: site, $0, context: $1) }
        signedIn.post("submit") { try await SubmitPage.post(site: site, $0, context: $1) }
        signedIn.get("cases/:number") { try await CasePage.show(site: site, $0, context: $1) }
        UnitPages.addRoutes(to: signedIn, site: site)
        for step in CaseForms.all {
            signedIn.post("cases/:number/\(step.path)") { try await CasePage.perform(step, site: site, $0, context: $1) }
        }
        SecretariatPages.addRoutes(to: signedIn, site: site)
    }

    /// Each party's home: 我的建议 for a deputy, 待办 for a unit, 概况 for the secretariat.
    static func home(_ site: Site, _ request: Request, _ context: WebContext) async throws -> Response {
        if case .unit = context.account?.party { return try await ObligationsPage.show(site: site, request, context: context) }
        if case .secretariat = context.account?.party { return try await OverviewPage.show(site: site, request, context: context) }
        return try await CaseListPage.show(site: site, request, context: context)
    }
}
