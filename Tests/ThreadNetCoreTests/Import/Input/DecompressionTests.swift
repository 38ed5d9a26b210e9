import CZstd
import Foundation
import Testing
@testable import ThreadNetCore

@Suite("Decompression")
struct DecompressionTests {
    let plain: [UInt8]

    init() throws { plain = try StreamFixtures.bytes("compressed-sample.txt") }

    func decompress(_ bytes: [UInt8], name: String = "x", chunk: Int = 1 << 16) throws -> [UInt8] {
        try drain(Decompression.wrap(MemoryByteSource(bytes), name: name), size: chunk)
    }

    @Test("plain bytes pass through, magic bytes kept", arguments: [0, 1, 3, 4, 5, 100])
    func passthrough(count: Int) throws {
        let bytes = Array(plain.prefix(count))
        let source = try Decompression.wrap(MemoryByteSource(bytes), name: "p")
        #expect(!(source is ZstdByteSource) && !(source is GzipByteSource))
        #expect(try drain(source, size: 3) == bytes)
    }

    @Test("zstd, gzip and concatenated gzip decompress to the plain file",
          arguments: ["compressed-sample.txt.zst", "compressed-sample.txt.long31.zst",
                      "compressed-sample.txt.gz", "compressed-sample.txt.concat.gz"])
    func decompresses(name: String) throws {
        let compressed = try StreamFixtures.bytes(name)
        #expect(try decompress(compressed) == plain)
        #expect(try decompress(compressed, chunk: 7) == plain)
        // Through a file, as the CLI opens it.
        #expect(try InputSource(path: StreamFixtures.path(name)).readAll() == plain)
    }

    @Test("the --long=31 fixture really needs the 2 GiB window")
    func longWindowMatters() throws {
        let compressed = try StreamFixtures.bytes("compressed-sample.txt.long31.zst")
        // A default decoder refuses the frame; ours sets ZSTD_d_windowLogMax to 31.
        let context = try #require(ZSTD_createDCtx())
        defer { ZSTD_freeDCtx(context) }
        var out = [UInt8](repeating: 0, count: 1 << 16)
        let result = compressed.withUnsafeBytes { inBytes in
            out.withUnsafeMutableBytes { outBytes in
                var input = ZSTD_inBuffer(src: inBytes.baseAddress, size: inBytes.count, pos: 0)
                var output = ZSTD_outBuffer(dst: outBytes.baseAddress, size: outBytes.count, pos: 0)
                return ZSTD_decompressStream(context, &output, &input)
            }
        }
        #expect(ZSTD_isError(result) != 0)
        #expect(try decompress(compressed) == plain)
    }

    @Test("concatenated zstd frames and gzip members read as one stream")
    func concatenated() throws {
        for name in ["compressed-sample.txt.zst", "compressed-sample.txt.long31.zst", "compressed-sample.txt.gz"] {
            let compressed = try StreamFixtures.bytes(name)
            #expect(try decompress(compressed + compressed, chunk: 1000) == plain + plain, "\(name)")
        }
    }

    @Test("the source types are chosen by magic number")
    func types() throws {
        #expect(try Decompression.wrap(MemoryByteSource(StreamFixtures.bytes("compressed-sample.txt.zst")), name: "a") is ZstdByteSource)
        #expect(try Decompression.wrap(MemoryByteSource(StreamFixtures.bytes("compressed-sample.txt.gz")), name: "a") is GzipByteSource)
    }

    @Test("a truncated stream is an error naming the file and the offset",
          arguments: ["compressed-sample.txt.zst", "compressed-sample.txt.long31.zst",
                      "compressed-sample.txt.gz", "compressed-sample.txt.concat.gz"])
    func truncated(name: String) throws {
        let compressed = try StreamFixtures.bytes(name)
        for cut in [4, 10, compressed.count / 2, compressed.count - 1] {
            let error = importError { _ = try decompress(Array(compressed.prefix(cut)), name: "dump.\(name)") }
            #expect(error?.kind == .compression, "cut at \(cut)")
            #expect(error?.location.file == "dump.\(name)")
            #expect(error?.message.contains("decompressed bytes") == true)
        }
    }

    @Test("a corrupt stream is an error", arguments: ["compressed-sample.txt.zst", "compressed-sample.txt.gz"])
    func corrupt(name: String) throws {
        var compressed = try StreamFixtures.bytes(name)
        for i in stride(from: 20, to: min(compressed.count - 20, 60), by: 1) { compressed[i] ^= 0x5A }
        let error = importError { _ = try decompress(compressed, name: "bad") }
        #expect(error?.kind == .compression)
        #expect(error?.location.file == "bad")
    }

    @Test("garbage after a gzip member is an error, not silently ignored")
    func gzipTrailingGarbage() throws {
        let compressed = try StreamFixtures.bytes("compressed-sample.txt.gz") + Array("not gzip".utf8)
        let error = importError { _ = try decompress(compressed, name: "g") }
        #expect(error?.kind == .compression)
    }

    @Test("LineReader over a compressed stream reads every line")
    func linesOfCompressed() throws {
        let source = try InputSource(path: StreamFixtures.path("compressed-sample.txt.long31.zst")).open()
        let reader = LineReader(source, chunkSize: 1000)
        var count = 0
        while let line = try reader.next() {
            count += 1
            #expect(line.text.hasPrefix("line \(line.number): "))
        }
        #expect(count == 400)
    }
}
