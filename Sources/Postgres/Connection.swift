#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibPQ

/// One open connection to PostgreSQL, owning its `PGconn`.
///
/// Deliberately not `Sendable`: libpq connections are not safe to use from two threads at
/// once, so the compiler refuses to share one between tasks. Open one per task instead.
/// The connection closes exactly once, in `deinit`.
public final class Connection {
    let handle: OpaquePointer
    /// Names nested savepoints uniquely for the life of the connection.
    var savepointCounter = 0
    /// The statements kept prepared on this connection; nil (the default) prepares none.
    var prepared: PreparedStatements?

    /// Connects with a libpq URI (`postgresql://…`) or conninfo string (`host=… dbname=…`).
    /// With nil or an empty string, libpq's defaults and the `PG*` environment apply.
    /// `applicationName` is what `pg_stat_activity` shows, unless the connection string or
    /// `PGAPPNAME` names one. Messages never carry a password (see `Secrets`).
    public init(_ conninfo: String? = nil, applicationName: String? = nil) throws {
        // With expand_dbname, "dbname" takes the whole URI or conninfo, as PQconnectdb would.
        let keywords = ["dbname", "fallback_application_name"]
        let values = [conninfo ?? "", applicationName ?? ""]
        let connected = withCStrings(keywords) { keywords in
            withCStrings(values) { values in PQconnectdbParams(keywords, values, 1) }
        }
        guard let handle = connected else {
            throw PostgresError(kind: .connection, message: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let reason = Secrets.redacted(String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines())
            let target = Self.describeTarget(handle)
            PQfinish(handle)
            throw PostgresError(kind: .connection, message: "cannot connect to PostgreSQL at \(target): \(Self.firstLine(reason))")
        }
        self.handle = handle
        // Server notices (e.g. "relation already exists, skipping") are not ours to print.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        // Text is UTF-8 and text-format dates are parsed by us: pin both, whatever the
        // server's or the database's defaults, in one round trip.
        do {
            try runScript("SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'")
        } catch let error as PostgresError where [.dataRejected, .bug].contains(error.category) {
            // A timeout or a lost connection here is said as what it is, not as a refusal.
            throw PostgresError(kind: .connection, message: "the server refused the UTF8 client encoding or ISO dates: \(error)")
        }
    }

    deinit {
        PQfinish(handle)
    }

    /// Why libpq cannot read `conninfo` as a URI or conninfo string (password redacted), or
    /// nil when it can: to refuse a malformed string as a bad value before trying to connect.
    public static func problem(with conninfo: String) -> String? {
        if let problem = Secrets.uriProblem(conninfo) { return problem }
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &error) else {
            defer { PQfreemem(error) }
            let reason = error.map { String(cString: $0).trimmingTrailingNewlines() } ?? "libpq cannot read it"
            return Secrets.redacted(firstLine(reason))
        }
        PQconninfoFree(options)
        return nil
    }

    /// Where this connection went, for messages: `host:port/dbname`.
    public var target: String {
        Self.describeTarget(handle)
    }

    /// The server's version number, e.g. 150018.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    // MARK: statements

    /// Runs one statement with bound parameters and returns all its rows.
    @discardableResult
    public func query(_ query: PostgresQuery) throws -> QueryResult {
        if let name = try preparedName(query) {
            return try runPrepared(query, name)
        }
        let result = try withParameters(query) { count, types, values in
            PQexecParams(handle, query.sql, count, types, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        return try Self.read(result, connection: handle)
    }

    /// From now on, keeps up to `capacity` of the statements with parameters this connection
    /// runs prepared (`PreparedStatements`): for a connection that serves many requests.
    public func prepareStatements(capacity: Int = 256) {
        if prepared == nil { prepared = PreparedStatements(capacity: capacity) }
    }

    /// The name `query` is prepared under, preparing it first if there is room; nil: run it unprepared.
    func preparedName(_ query: PostgresQuery) throws -> String? {
        if let name = prepared?.name(of: query) { return name }
        guard prepared?.accepts(query) == true, var cache = prepared else { return nil }
        let name = cache.newName()
        let types = query.binds.map { Oid($0.type) }
        let result = types.withUnsafeBufferPointer { PQprepare(handle, name, query.sql, Int32(types.count), $0.baseAddress) }
        defer { PQclear(result) }
        _ = try Self.read(result, connection: handle)
        cache.remember(query, as: name)
        prepared = cache
        return name
    }

    private func runPrepared(_ query: PostgresQuery, _ name: String) throws -> QueryResult {
        let result = try withParameters(query) { count, _, values in
            PQexecPrepared(handle, name, count, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        do {
            return try Self.read(result, connection: handle)
        } catch let error as PostgresError {
            forgetIfStale(query, after: error)
            throw error
        }
    }

    /// Sends `query` without waiting for its result: as the statement prepared under `name`, or
    /// unprepared when nil. False when libpq could not send it.
    func send(_ query: PostgresQuery, prepared name: String?) throws -> Bool {
        try withParameters(query) { count, types, values in
            if let name { return PQsendQueryPrepared(handle, name, count, values, nil, nil, 0) }
            return PQsendQueryParams(handle, query.sql, count, types, values, nil, nil, 0)
        } == 1
    }

    /// After `error` from running `query`: a statement the schema changed under ("cached plan
    /// must not change result type"), or one the server no longer holds, is prepared afresh next
    /// time. Its name is never reused (`PreparedStatements.forget`).
    func forgetIfStale(_ query: PostgresQuery, after error: PostgresError) {
        if [SQLState.featureNotSupported, SQLState.invalidStatementName].contains(error.sqlState) {
            prepared?.forget(query)
        }
    }

    /// Runs one statement and returns the number of rows it affected.
    @discardableResult
    public func execute(_ query: PostgresQuery) throws -> Int {
        try self.query(query).affectedRows ?? 0
    }

    /// Runs a script of several statements without parameters. Only for SQL that ships
    /// with the program (migrations); never for text that came from input.
    public func runScript(_ sql: String) throws {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        _ = try Self.read(result, connection: handle)
    }

    /// Calls `body` with each row as it arrives (libpq single-row mode), so a large result
    /// never sits in memory whole. If `body` throws, the query is cancelled. On a connection
    /// that prepares its statements the query is prepared too, like `query`'s (a web list's page
    /// is parsed and analysed once, row policies and all, not on every request).
    public func forEachRow(_ query: PostgresQuery, _ body: (Row) throws -> Void) throws {
        guard try send(query, prepared: try preparedName(query)) else { throw connectionError() }
        guard PQsetSingleRowMode(handle) == 1 else {
            drainResults()
            throw PostgresError(kind: .client, message: "libpq refused single-row mode")
        }
        var failure: Error?
        var columns: Columns?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            if failure != nil { continue }
            switch PQresultStatus(result) {
            case PGRES_SINGLE_TUPLE:
                let shared = columns ?? Self.columns(of: result)
                columns = shared
                do { try body(Row(columns: shared, values: Self.values(of: result, row: 0))) } catch {
                    failure = error
                    cancel()
                }
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
                break
            default:
                let error = PostgresError.from(result: result, connection: handle)
                forgetIfStale(query, after: error)
                failure = error
            }
        }
        if let failure { throw failure }
    }

    // MARK: helpers

    func connectionError() -> PostgresError {
        PostgresError.from(result: nil, connection: handle)
    }

    /// Reads and frees every pending result so the connection is ready for the next command.
    func drainResults() {
        while let result = PQgetResult(handle) { PQclear(result) }
    }

    func cancel() {
        guard let token = PQgetCancel(handle) else { return }
        defer { PQfreeCancel(token) }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(token, &buffer, Int32(buffer.count))
    }

    func withParameters<R>(
        _ query: PostgresQuery,
        _ body: (Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?) -> R
    ) throws -> R {
        for (index, bind) in query.binds.enumerated() where bind.text?.utf8.contains(0) == true {
            throw PostgresError(
                kind: .client, sqlState: SQLState.characterNotInRepertoire,
                message: "parameter $\(index + 1) contains a NUL byte, which PostgreSQL text cannot hold")
        }
        let types = query.binds.map { Oid($0.type) }
        let copies: [UnsafeMutablePointer<CChar>?] = query.binds.map { bind in bind.text.map { strdup($0) } }
        defer { copies.forEach { free($0) } }
        let values = copies.map { UnsafePointer($0) }
        return types.withUnsafeBufferPointer { typePointer in
            values.withUnsafeBufferPointer { valuePointer in
                body(Int32(query.binds.count), typePointer.baseAddress, valuePointer.baseAddress)
            }
        }
    }

    static func read(_ result: OpaquePointer?, connection: OpaquePointer) throws -> QueryResult {
        guard let result else { throw PostgresError.from(result: nil, connection: connection) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            let columns = columns(of: result)
            let rows = (0..<PQntuples(result)).map { Row(columns: columns, values: values(of: result, row: $0)) }
            let tag = String(cString: PQcmdStatus(result))
            let affected = Int(String(cString: PQcmdTuples(result)))
            return QueryResult(columns: columns, rows: rows, commandTag: tag, affectedRows: affected)
        case PGRES_COPY_IN, PGRES_COPY_OUT:
            // Leave the connection ready for the next command before saying why.
            abandonCopy(PQresultStatus(result), connection: connection, reason: "COPY must go through copyIn")
            throw PostgresError(kind: .client, message: "COPY … FROM STDIN and COPY … TO STDOUT need copyIn and copyOut, not query")
        default:
            throw PostgresError.from(result: result, connection: connection)
        }
    }

    static func columns(of result: OpaquePointer) -> Columns {
        let count = PQnfields(result)
        return Columns(
            names: (0..<count).map { String(cString: PQfname(result, $0)) },
            types: (0..<count).map { UInt32(PQftype(result, $0)) })
    }

    static func values(of result: OpaquePointer, row: Int32) -> [String?] {
        (0..<PQnfields(result)).map { column in
            if PQgetisnull(result, row, column) == 1 { return nil }
            let length = Int(PQgetlength(result, row, column))
            return PQgetvalue(result, row, column).withMemoryRebound(to: UInt8.self, capacity: length) {
                String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
            }
        }
    }

    static func firstLine(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
    }

    private static func describeTarget(_ handle: OpaquePointer) -> String {
        let host = PQhost(handle).map { String(cString: $0) } ?? ""
        let port = PQport(handle).map { String(cString: $0) } ?? ""
        let database = PQdb(handle).map { String(cString: $0) } ?? ""
        let place = host.hasPrefix("/") ? "socket \(host)/.s.PGSQL.\(port)" : "\(host.isEmpty ? "localhost" : host):\(port)"
        // A database name can itself look like a connection string, password and all.
        return Secrets.redacted(database.isEmpty ? place : "\(place) database \(database)")
    }
}

/// Calls `body` with `strings` as a NULL-terminated array of C strings, as libpq's
/// keyword/value functions take them.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    let pointers = copies.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

@available(*, unavailable, message: "a Connection belongs to one task; open another for concurrent work")
extension Connection: Sendable {}
