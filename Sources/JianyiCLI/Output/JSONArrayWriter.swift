import Casework

/// A JSON array written to standard output as its elements come, in chunks: a million
/// registered cases are listed without being held.
struct JSONArrayWriter {
    private var buffer: [UInt8] = Array("[".utf8)
    private var empty = true

    mutating func append(_ value: JSONValue) {
        if !empty { buffer.append(UInt8(ascii: ",")) }
        empty = false
        value.write(to: &buffer)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func finish() {
        buffer.append(contentsOf: "]\n".utf8)
        flush()
    }

    private mutating func flush() {
        emit(String(decoding: buffer, as: UTF8.self))
        buffer.removeAll(keepingCapacity: true)
    }
}
