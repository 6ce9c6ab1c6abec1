import Casework
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore

/// A request as it runs: who signed in, once `SignInMiddleware` (a bearer token) or
/// `SessionMiddleware` (a browser's cookie) has checked it.
public struct WebContext: RequestContext, RemoteAddressRequestContext, ReportsActingLogin {
    public var coreContext: CoreRequestContextStorage
    /// The peer of the connection (a reverse proxy, when there is one).
    public let remoteAddress: SocketAddress?
    /// Held by reference: the access log wraps the handler and reads it afterwards.
    private let signedIn = NIOLockedValueBox<(account: Account, csrf: String?, check: TokenCheck?)?>(nil)

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// A request body over 1 MiB is refused (413) before it is read.
    public var maxUploadSize: Int { 1 << 20 }

    /// The account the request acts as; nil before sign-in and on the routes that need none.
    public var account: Account? { signedIn.withLockedValue { $0?.account } }

    /// A browser session's CSRF token, for the forms a page renders; nil without a session.
    public var csrf: String? { signedIn.withLockedValue { $0?.csrf } }

    /// The bearer token the request signed in with, and whether it has been found live yet.
    var tokenCheck: TokenCheck? { signedIn.withLockedValue { $0?.check } }

    public var actingLogin: String? { account?.login }

    func signIn(_ account: Account, csrf: String? = nil, check: TokenCheck? = nil) {
        signedIn.withLockedValue { $0 = (account, csrf, check) }
    }

    /// A remembered token turned out to have ended: the request was nobody's after all, and
    /// the access log says so.
    func signOut() { signedIn.withLockedValue { $0 = nil } }
}
