import Casework
import Testing

/// The streaming reader gives the same rows however the bytes are cut into chunks: a BOM, a
/// CRLF, a doubled quote or a multi-byte character split between two reads.
@Suite struct CSVReaderTests {
    static let samples: [[UInt8]] = [
        Array("\u{FEFF}title,deputy\r\n\"多\n行\"\"引\"\"号\",D001\r\n甲,\"D,002\"\r\n\r\n乙,D003".utf8),
        Array("a,b\n\"never closed,x\n".utf8),
        Array("a,b\n\"x\"y,z\nq\"r,s\n".utf8),
        Array("a,b\n甲\0乙,c\n".utf8) + [0xE4, 0xB8, 0x2C, 0x0A],
        [0xEF, 0xBB],
        Array("\u{FEFF}".utf8),
        Array("a\rb\r\nc\n".utf8),
    ]

    func describe(_ rows: [CSVReader.Row]) -> [String] {
        rows.map { "\($0.line) \($0.fields) \($0.problem.map { "\($0.column) \($0.why)" } ?? "-")" }
    }

    func chunked(_ bytes: [UInt8], size: Int) -> [CSVReader.Row] {
        var reader = CSVReader()
        var rows: [CSVReader.Row] = []
        var start = 0
        while start < bytes.count {
            let chunk = Array(bytes[start..<min(bytes.count, start + size)])
            chunk.withUnsafeBufferPointer { reader.feed($0) { rows.append($0) } }
            start += size
        }
        reader.finish { rows.append($0) }
        return rows
    }

    @Test(arguments: samples.indices)
    func chunksDoNotChangeTheRows(sample: Int) {
        let bytes = Self.samples[sample]
        let whole = describe(CSVReader.rows(bytes))
        for size in [1, 2, 3, 5] {
            #expect(describe(chunked(bytes, size: size)) == whole, "chunks of \(size)")
        }
    }

    @Test func rowsAreAsWritten() {
        #expect(describe(CSVReader.rows(Self.samples[0])) == [
            "1 [\"title\", \"deputy\"] -",
            "2 [\"多\\n行\\\"引\\\"号\", \"D001\"] -",
            "4 [\"甲\", \"D,002\"] -",
            "6 [\"乙\", \"D003\"] -",
        ])
        #expect(describe(CSVReader.rows(Self.samples[6])) == ["1 [\"a\"] -", "2 [\"b\"] -", "3 [\"c\"] -"])
        #expect(CSVReader.rows(Self.samples[4]).map { $0.problem?.why } == ["invalid UTF-8 (save the file as UTF-8; Excel: CSV UTF-8): '\u{FFFD}'"])
        #expect(CSVReader.rows(Self.samples[5]).isEmpty)
    }

    @Test func theFirstProblemOfAFieldIsTheFirstByPosition() {
        // A NUL before a stray quote, and invalid UTF-8 before a NUL: as read scalar by scalar.
        let nulFirst = CSVReader.rows(Array("a\0b\"c,d\n".utf8))
        #expect(nulFirst.first?.problem?.why.hasPrefix("a NUL byte") == true)
        let invalidFirst = CSVReader.rows([0x61, 0xFF, 0x00, 0x2C, 0x62, 0x0A])
        #expect(invalidFirst.first?.problem?.why.hasPrefix("invalid UTF-8") == true)
        let quoteFirst = CSVReader.rows(Array("a\"b\0,d\n".utf8))
        #expect(quoteFirst.first?.problem?.why.hasPrefix("a quote inside an unquoted field") == true)
    }
}
