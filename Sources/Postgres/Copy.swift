import CLibPQ

/// Collects COPY data and sends it to the server in chunks.
public struct CopyWriter: ~Copyable {
    fileprivate var buffer: [UInt8] = []
    fileprivate let flush: ([UInt8]) throws -> Void
    fileprivate static let chunkSize = 1 << 16

    /// Appends raw COPY text (already in the format the COPY statement names).
    public mutating func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunkSize {
            try flush(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Appends one row in COPY's text format, escaping each field; nil is NULL (`\N`).
    /// Works on the UTF-8 bytes, which a million rows read at the speed of COPY need.
    public mutating func writeRow(_ fields: [String?]) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(0x09) }
            guard var field else { buffer.append(0x5C); buffer.append(0x4E); continue }
            try field.withUTF8 { bytes in
                for byte in bytes {
                    switch byte {
                    case 0x5C: buffer.append(0x5C); buffer.append(0x5C)
                    case 0x09: buffer.append(0x5C); buffer.append(0x74)
                    case 0x0A: buffer.append(0x5C); buffer.append(0x6E)
                    case 0x0D: buffer.append(0x5C); buffer.append(0x72)
                    case 0:
                        throw PostgresError(kind: .client, sqlState: SQLState.characterNotInRepertoire, message: "a COPY field contains a NUL byte, which PostgreSQL text cannot hold")
                    default: buffer.append(byte)
                    }
                }
            }
        }
        buffer.append(0x0A)
        if buffer.count >= Self.chunkSize {
            try flush(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
}

extension Connection {
    /// Runs `COPY … FROM STDIN` and feeds it what `body` writes. If `body` throws, the COPY
    /// is aborted (nothing is copied) and the error rethrown. Returns the rows copied.
    @discardableResult
    public func copyIn(_ statement: PostgresQuery, _ body: (inout CopyWriter) throws -> Void) throws -> Int {
        try startCopy(statement, expecting: PGRES_COPY_IN, "copyIn needs a COPY … FROM STDIN statement")
        let handle = self.handle
        var writer = CopyWriter(flush: { bytes in
            let sent = bytes.withUnsafeBufferPointer { pointer in
                pointer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
            }
            if sent != 1 { throw PostgresError.from(result: nil, connection: handle) }
        })
        do {
            try body(&writer)
            if !writer.buffer.isEmpty { try writer.flush(writer.buffer) }
        } catch {
            _ = PQputCopyEnd(handle, "aborted by the client: \(error)")
            drainResults()
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else {
            drainResults()
            throw connectionError()
        }
        return try finishCopy()
    }

    /// Runs `COPY … TO STDOUT` and hands each chunk of data to `body` as it arrives.
    @discardableResult
    public func copyOut(_ statement: PostgresQuery, _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        try startCopy(statement, expecting: PGRES_COPY_OUT, "copyOut needs a COPY … TO STDOUT statement")
        var failure: Error?
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(handle, &buffer, 0)
            if length > 0, let buffer {
                if failure == nil {
                    do { try body(UnsafeRawBufferPointer(start: buffer, count: Int(length))) } catch { failure = error }
                }
                PQfreemem(buffer)
            } else if length == -1 {
                break
            } else {
                drainResults()
                throw connectionError()
            }
        }
        let copied = try finishCopy()
        if let failure { throw failure }
        return copied
    }

    /// Sends the COPY statement; when the server is not in the expected COPY state, ends
    /// whatever it started and throws (the server's error, or `misuse` as a client error).
    private func startCopy(_ statement: PostgresQuery, expecting: ExecStatusType, _ misuse: String) throws {
        guard statement.binds.isEmpty else {
            throw PostgresError(kind: .client, message: "COPY takes no bound parameters; \(misuse)")
        }
        let start = PQexec(handle, statement.sql)
        let status = PQresultStatus(start)
        if status == expecting {
            PQclear(start)
            return
        }
        let failure = status == PGRES_FATAL_ERROR || start == nil
            ? PostgresError.from(result: start, connection: handle)
            : PostgresError(kind: .client, message: misuse)
        PQclear(start)
        Self.abandonCopy(status, connection: handle, reason: "not the direction the caller asked for")
        throw failure
    }

    /// Ends a COPY nobody is going to feed or read (refusing the data in, discarding the data
    /// out) and every result still pending, so the connection is ready for the next command.
    static func abandonCopy(_ status: ExecStatusType, connection: OpaquePointer, reason: String) {
        if status == PGRES_COPY_IN {
            _ = PQputCopyEnd(connection, reason)
        } else if status == PGRES_COPY_OUT {
            var buffer: UnsafeMutablePointer<CChar>?
            while PQgetCopyData(connection, &buffer, 0) > 0 { PQfreemem(buffer) }
        }
        while let pending = PQgetResult(connection) { PQclear(pending) }
    }

    private func finishCopy() throws -> Int {
        var affected = 0
        var failure: Error?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            do {
                affected = try Self.read(result, connection: handle).affectedRows ?? affected
            } catch {
                if failure == nil { failure = error }
            }
        }
        if let failure { throw failure }
        return affected
    }
}
