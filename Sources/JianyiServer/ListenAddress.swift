/// Where the server listens: `HOST:PORT`, `[IPv6]:PORT`; port 0 lets the system choose.
public struct ListenAddress: Sendable, Equatable {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public static let standard = ListenAddress(host: "127.0.0.1", port: 8080)

    /// Why `text` is no listening address, or nil: for a message naming the flag.
    public static func parse(_ text: String) -> Result<ListenAddress, ListenAddressProblem> {
        guard let colon = text.lastIndex(of: ":") else { return .failure(.init(reason: "expected HOST:PORT, e.g. 127.0.0.1:8080")) }
        var host = String(text[..<colon])
        let portText = text[text.index(after: colon)...]
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || ".:-_".contains($0) }) else {
            return .failure(.init(reason: "the host is missing or not a name or IP address"))
        }
        guard let port = Int(portText), (0...65535).contains(port) else {
            return .failure(.init(reason: "the port must be a number from 0 to 65535"))
        }
        return .success(ListenAddress(host: host, port: port))
    }

    /// The address as a client would use it.
    public var url: String {
        "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }
}

public struct ListenAddressProblem: Error, Sendable, Equatable {
    public let reason: String
}
