import CLibPQ

extension Connection {
    /// Whether libpq has given up on the connection (the server went away, the socket broke).
    /// A pool checks this after each job so that a broken connection is closed, not reused.
    public var isBroken: Bool { PQstatus(handle) == CONNECTION_BAD }
}
