import Casework
import Hummingbird
import NIOConcurrencyHelpers

/// A request as it runs: who signed in, once `SignInMiddleware` has checked the token.
public struct WebContext: RequestContext, ReportsActingLogin {
    public var coreContext: CoreRequestContextStorage
    /// Held by reference: the access log wraps the handler and reads it afterwards.
    private let signedIn = NIOLockedValueBox<Account?>(nil)

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// A request body over 1 MiB is refused (413) before it is read.
    public var maxUploadSize: Int { 1 << 20 }

    /// The account the request acts as; nil before sign-in and on the routes that need none.
    public var account: Account? { signedIn.withLockedValue { $0 } }

    public var actingLogin: String? { account?.login }

    func signIn(_ account: Account) { signedIn.withLockedValue { $0 = account } }
}
