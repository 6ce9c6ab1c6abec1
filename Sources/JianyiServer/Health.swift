import Hummingbird

/// `GET /healthz`: 200 `{"status":"ok"}` when a pooled store answers a trivial query; 503 when
/// the database does not answer or every store stays busy longer than the pool's wait.
struct Health {
    let pool: StorePool

    func addRoutes(to router: Router<WebContext>) {
        router.get("healthz") { _, _ -> Response in
            try await pool.withStore { try $0.ping() }
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
    }
}
