import CZstd
import Foundation
import Testing
@testable import ThreadNetCore

/// Decompression bombs and gigantic lines fail fast with an error naming the bound and the
/// option that raises it (the probe: a 202 KB .zst of newlines ran unbounded, a 1 MB .gz
/// holding one 1 GiB line ran past 120 s at 2 GB).
@Suite("Input bounds")
struct InputLimitsTests {
    static func zstd(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: ZSTD_compressBound(bytes.count))
        let n = ZSTD_compress(&out, out.count, bytes, bytes.count, 19)
        return Array(out.prefix(n))
    }

    static let small = InputLimits(maxExpansion: 100, expansionFloor: 1 << 20, maxLineBytes: 1 << 20)

    @Test func decompressionBomb() throws {
        let plain = [UInt8](repeating: 0x0A, count: 8 << 20)
        let bomb = Self.zstd(plain)
        #expect(bomb.count < 4096)   // 8 MiB of newlines in a few hundred bytes
        var input = InputSource(name: "bomb.ndjson.zst", bytes: bomb)
        input.limits = Self.small
        let error = try #require(throws: ImportError.self) { try input.readAll() }
        #expect(error.kind == .compression)
        #expect(error.location.file == "bomb.ndjson.zst")
        #expect(error.message.contains("--max-expansion") && error.message.contains("1 MiB"), "\(error.message)")
        // Raised, the same input reads in full.
        input.limits = InputLimits(maxExpansion: 1_000_000, expansionFloor: 1 << 20)
        #expect(try input.readAll() == plain)
        // Through the importer as analyze runs it.
        let viaImporter = try #require(throws: ImportError.self) {
            try Importers.read(InputSource(name: "bomb.ndjson.zst", bytes: bomb), options: ImportOptions(format: .pushshift, limits: Self.small))
        }
        #expect(viaImporter.kind == .compression)
    }

    @Test(arguments: [1 << 20, (1 << 20) + 1, 8 << 20, (8 << 20) + 1, 3 << 20])
    func zstdExactSizes(size: Int) throws {
        let plain = [UInt8](repeating: 0x0A, count: size)
        #expect(try InputSource(name: "n.zst", bytes: Self.zstd(plain)).readAll() == plain)
    }

    @Test func ordinaryCompressionPasses() throws {
        // The fixtures compress 2–4×: far inside the default bound.
        for name in ["compressed-sample.txt.zst", "compressed-sample.txt.gz"] {
            var input = InputSource(path: StreamFixtures.path(name))
            input.limits = InputLimits()
            #expect(try input.readAll() == StreamFixtures.bytes("compressed-sample.txt"))
        }
        #expect(InputLimits().allowedExpansion(of: Int.max) == Int.max)   // no overflow
    }

    @Test func longLines() throws {
        let huge = String(repeating: "x", count: 3 << 20)
        let ndjson = #"{"id":"a","link_id":"t3_s","parent_id":"t3_s","author":"A","created_utc":1,"body":"ok"}"# + "\n"
            + #"{"id":"b","link_id":"t3_s","parent_id":"t3_s","author":"B","created_utc":2,"body":""# + huge + "\"}\n"
        for format in [InputFormat.pushshift, .json] {
            let error = try #require(throws: ImportError.self) {
                try Importers.read(InputSource(name: "long.ndjson", text: ndjson), options: ImportOptions(format: format, limits: Self.small))
            }
            #expect(error.location.line == 2, "\(format)")
            #expect(error.message.contains("--max-line-mib") && error.message.contains("1 MiB"), "\(format): \(error.message)")
            // Within a raised bound the line is read.
            let corpus = try Importers.read(InputSource(name: "long.ndjson", text: ndjson),
                                            options: ImportOptions(format: format, limits: InputLimits(maxLineBytes: 8 << 20)))
            #expect(corpus.threads.reduce(0) { $0 + $1.comments.count } == 2, "\(format)")
        }
        let csv = "id,parent,author,text\n1,,A,short\n2,1,B," + huge + "\n"
        let error = try #require(throws: ImportError.self) {
            try Importers.read(InputSource(name: "long.csv", text: csv), options: ImportOptions(format: .csv, limits: Self.small))
        }
        #expect(error.location.line == 3 && error.message.contains("--max-line-mib"), "\(error.message)")
    }

    /// A block of many short lines is cut into batches of at most `maxLinesPerBatch` lines
    /// (a file of newlines took 2 GB per 40 MiB), with every line and its number kept.
    @Test func manyLinesAreBatchedWithTheirNumbers() throws {
        let count = 3 * LineBatches.maxLinesPerBatch + 123
        var text = [UInt8]()
        for k in 1...count { if k == count - 5 { text += Array("marked\r\n".utf8) } else { text.append(0x0A) } }
        text += Array("last".utf8)
        let lines = LineBatches(MemoryByteSource(text), name: "n", blockSize: 1 << 20)
        var seen = 0
        var marked: Int?
        while let batch = try lines.next() {
            #expect(batch.ranges.count <= LineBatches.maxLinesPerBatch)
            #expect(batch.firstLine == seen + 1)
            for (k, r) in batch.ranges.enumerated() where !r.isEmpty {
                let line = String(decoding: batch.bytes[r], as: UTF8.self)
                if line == "marked" { marked = batch.firstLine + k }
                if line == "last" { #expect(batch.firstLine + k == count + 1) }
            }
            seen += batch.ranges.count
        }
        #expect(seen == count + 1)
        #expect(marked == count - 5)
    }
}
