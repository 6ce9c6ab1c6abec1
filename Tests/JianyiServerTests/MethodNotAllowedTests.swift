import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JianyiServer
import Testing
import TestSupport

/// The document promises 405 `method_not_allowed` with `Allow` for a method a path it lists does
/// not offer, before any other check (Scripts/check-api's `unsupported_method` holds the server to it).
@Suite("405 for a method a documented path does not offer", .timeLimit(.minutes(1)))
struct MethodNotAllowedTests {
    @Test func aMethodThePathDoesNotOfferIs405NamingTheOnesItDoes() async throws {
        let pool = StorePool(.init(databaseURL: try TestDatabase.migrated(), size: 1))
        try await RunningServer.with(pool: pool) { server in
            for (method, path, allow) in [
                (HTTPRequest.Method.put, "/healthz", "GET"), (.delete, "/api/v1/tokens", "POST"),
                (.get, "/api/v1/tokens/current", "DELETE"), (.get, "/api/v1/cases/5-4-0001/review", "POST"),
                (.delete, "/api/v1/cases", "GET, POST"),
            ] {
                let response = try await server.call(method, path, headers: [.acceptLanguage: "en"])
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allow, "\(method) \(path)")
                #expect(response.text == #"{"error":{"code":"method_not_allowed","message":"method not allowed"}}"#, "\(method) \(path)")
            }
        }
    }

    @Test func aPathTheDocumentDoesNotListStays404() async throws {
        let pool = StorePool(.init(databaseURL: try TestDatabase.migrated(), size: 1))
        try await RunningServer.with(pool: pool) { server in
            for path in ["/nowhere", "/healthz/", "/api/v1/cases/5-4-0001/review/more", "/api/v1/cases//review"] {
                let response = try await server.call(.put, path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.allow] == nil, "\(path)")
                #expect(response.object.flatMap { ($0["error"] as? [String: Any])?["code"] as? String } == "not_found", "\(path)")
            }
        }
    }
}
