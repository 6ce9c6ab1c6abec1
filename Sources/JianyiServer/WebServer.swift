import Foundation
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle

/// `jianyi serve`: the routes, the middleware and the pool, as one Hummingbird application.
public enum WebServer {
    /// The application listening on `address`; `pool` becomes one of its services, closed after
    /// the server has stopped. `onListening` is told the address actually bound (port 0 → real).
    /// Without a `site` (no congress to serve yet) it answers `/healthz` and the API document only.
    public static func application(
        address: ListenAddress, pool: StorePool, site: Site? = nil, logger: Logger,
        onListening: @escaping @Sendable (ListenAddress) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(pool: pool, site: site, logger: logger),
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port), serverName: nil),
            services: [pool],
            onServerRunning: { channel in
                let bound = channel.localAddress.flatMap { local in local.port.map { ListenAddress(host: address.host, port: $0) } }
                onListening(bound ?? address)
            },
            logger: logger
        )
    }

    public static func router(pool: StorePool, site: Site? = nil, logger: Logger) -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.addMiddleware {
            AccessLogMiddleware(logger: logger)
            ErrorResponseMiddleware(logger: logger)
            MethodNotAllowedMiddleware()
        }
        Health(pool: pool).addRoutes(to: router)
        router.get("api/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: openAPIDocument)))
        }
        if let site {
            API(site: site).addRoutes(to: router)
            Sessions(site: site).addRoutes(to: router)
            Pages(site: site, logger: logger).addRoutes(to: router)
            // Last: it wraps only the answer to a path no route matched (see its comment).
            router.add(middleware: PageFallbackMiddleware(site: site, routes: router.routes))
        }
        return router
    }

    /// Runs the server until SIGTERM or SIGINT, then lets in-flight requests finish and returns.
    /// Blocks the calling thread: for a synchronous command line.
    public static func runUntilSignalled(
        address: ListenAddress, pool: StorePool, site: Site, logger: Logger, onListening: @escaping @Sendable (ListenAddress) -> Void
    ) throws {
        let app = application(address: address, pool: pool, site: site, logger: logger, onListening: onListening)
        let outcome = NIOLockedValueBox<Result<Void, Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let result = await Result { try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint]) }
            outcome.withLockedValue { $0 = result }
            done.signal()
        }
        done.wait()
        try outcome.withLockedValue { $0 }?.get()
    }

    /// Why the server could not run, in the system's words (`Address already in use`), not
    /// SwiftNIO's (`bind(descriptor:ptr:bytes:)`).
    public static func reason(_ error: Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        return String(describing: error)
    }
}

extension Result where Failure == Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
