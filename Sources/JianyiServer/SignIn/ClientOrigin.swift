import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Where a request came from, as far as this server may believe: the peer's address and
/// whether the client used TLS. Behind a reverse proxy (`--trust-proxy`) the peer is the proxy,
/// so the proxy's `X-Forwarded-For` and `X-Forwarded-Proto` are believed instead; without the
/// flag those headers are ignored, since any client can send them.
struct ClientOrigin: Equatable {
    /// The client's IP address as text ("unknown" when the socket has none).
    let address: String
    /// Whether the client reached us over HTTPS.
    let overTLS: Bool

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    init(address: String, overTLS: Bool) {
        self.address = address
        self.overTLS = overTLS
    }

    init(_ request: Request, peer: SocketAddress?, trustProxy: Bool) {
        let peerAddress = peer?.ipAddress ?? "unknown"
        let direct = request.uri.scheme == .https
        guard trustProxy else {
            self.init(address: peerAddress, overTLS: direct)
            return
        }
        // The proxy appends the address it saw to whatever the client sent: only the last
        // hop is the proxy's own word. A client's made-up hops before it change nothing.
        let forwarded = Self.lastHop(request.headers[values: Self.forwardedFor])
        let proto = Self.lastHop(request.headers[values: Self.forwardedProto])?.lowercased()
        self.init(address: forwarded ?? peerAddress, overTLS: proto.map { $0 == "https" } ?? direct)
    }

    /// The last comma-separated value over all the header's lines; nil when there is none.
    static func lastHop(_ lines: [String]) -> String? {
        let hops = lines.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        return hops.last.flatMap { $0.isEmpty ? nil : String($0.prefix(64)) }
    }
}
