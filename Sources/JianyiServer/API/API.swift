import Hummingbird

/// The routes of `/api/v1`. Signing in needs no token; everything else goes through
/// `SignInMiddleware` and then acts as the signed-in account.
struct API {
    let site: Site

    func addRoutes(to router: Router<WebContext>) {
        let tokens = Tokens(site: site)
        let api = router.group("api/v1")
        api.post("tokens", use: tokens.signIn)
        let signedIn = api.group().add(middleware: SignInMiddleware(site: site))
        signedIn.delete("tokens/current", use: tokens.signOut)
        signedIn.post("cases", use: Submissions(site: site).submit)
        Steps(site: site).addRoutes(to: signedIn)
        Reads(site: site).addRoutes(to: signedIn)
        Drafts(site: site).addRoutes(to: signedIn)
    }
}
