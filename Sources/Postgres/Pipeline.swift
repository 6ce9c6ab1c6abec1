#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibPQ

extension Connection {
    /// Runs `queries` one after the other in ONE round trip (libpq pipeline mode) and returns
    /// each one's result. For statements that always go together, such as a transaction's
    /// BEGIN and the statement that sets its actor: on a loaded server every round trip is a
    /// wait for the backend to be scheduled, not just a few microseconds on the wire.
    ///
    /// The first statement that fails is thrown, and the server skips the ones after it. Outside
    /// a transaction they form one implicit transaction up to the pipeline's sync, so a failure
    /// undoes the ones before it too (`GenericPlanTests`); a pipeline that begins with BEGIN
    /// leaves the transaction open, for the caller to end; inside a transaction, a failure fails
    /// it as any statement's would.
    public func pipeline(_ queries: [PostgresQuery]) throws -> [QueryResult] {
        // Prepared before entering pipeline mode, where libpq allows no synchronous call.
        try pipeline(queries, names: queries.map(preparedName))
    }

    /// `pipeline` with each query's prepared name (nil: unprepared) already looked up.
    func pipeline(_ queries: [PostgresQuery], names: [String?]) throws -> [QueryResult] {
        guard PQenterPipelineMode(handle) == 1 else { throw connectionError() }
        defer { _ = PQexitPipelineMode(handle) }
        for (query, name) in zip(queries, names) {
            guard try send(query, prepared: name) else { throw abandonPipeline(connectionError()) }
        }
        guard PQpipelineSync(handle) == 1 else { throw abandonPipeline(connectionError()) }
        var results: [QueryResult] = []
        var failure: PostgresError?
        for query in queries {
            // Each statement's result, then a NULL that ends it.
            while let result = PQgetResult(handle) {
                defer { PQclear(result) }
                switch PQresultStatus(result) {
                case PGRES_PIPELINE_ABORTED:
                    continue
                case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
                    if failure == nil { results.append(try Self.read(result, connection: handle)) }
                default:
                    guard failure == nil else { continue }
                    let error = PostgresError.from(result: result, connection: handle)
                    forgetIfStale(query, after: error)
                    failure = error
                }
            }
        }
        try awaitPipelineSync()
        if let failure { throw failure }
        return results
    }

    /// Reads up to the pipeline's sync point, so the connection can leave pipeline mode.
    private func awaitPipelineSync() throws {
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            PQclear(result)
            if status == PGRES_PIPELINE_SYNC { return }
        }
        // No sync point: the connection broke while the results were on their way.
        throw connectionError()
    }

    /// After a failed send: reads whatever the server still sends, and says why.
    private func abandonPipeline(_ error: PostgresError) -> PostgresError {
        if PQpipelineSync(handle) == 1 { _ = try? awaitPipelineSync() }
        return error
    }
}
