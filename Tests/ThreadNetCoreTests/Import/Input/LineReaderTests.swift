import Testing
@testable import ThreadNetCore

@Suite("LineReader")
struct LineReaderTests {
    func lines(_ text: String, chunk: Int = 4) throws -> [(Int, String)] {
        let reader = LineReader(MemoryByteSource(Array(text.utf8)), chunkSize: chunk)
        var out: [(Int, String)] = []
        while let line = try reader.next() { out.append((line.number, line.text)) }
        return out
    }

    @Test("LF, CRLF, final line without newline", arguments: [1, 2, 3, 5, 64])
    func endings(chunk: Int) throws {
        let got = try lines("a\r\nbb\n\nccc\r\n  \nlast", chunk: chunk)
        #expect(got.map(\.0) == [1, 2, 3, 4, 5, 6])
        #expect(got.map(\.1) == ["a", "bb", "", "ccc", "  ", "last"])
    }

    @Test("a trailing newline adds no empty line; empty input has no lines")
    func trailing() throws {
        #expect(try lines("x\n").map(\.1) == ["x"])
        #expect(try lines("x\r\n").map(\.1) == ["x"])
        #expect(try lines("").isEmpty)
        #expect(try lines("\n").map(\.1) == [""])
        #expect(try lines("\n\n").map(\.1) == ["", ""])
    }

    @Test("a lone CR is kept inside the line")
    func loneCR() throws {
        #expect(try lines("a\rb\nc").map(\.1) == ["a\rb", "c"])
    }

    @Test("blank lines are recognized")
    func blank() throws {
        let reader = LineReader(MemoryByteSource(Array(" \t\nx\n".utf8)))
        #expect(try reader.next()?.isBlank == true)
        #expect(try reader.next()?.isBlank == false)
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
    }

    @Test("very long lines are assembled across many chunks")
    func longLines() throws {
        let long = String(repeating: "0123456789", count: 300_000)  // 3 MB
        let reader = LineReader(MemoryByteSource(Array("\(long)\r\nshort\n\(long)".utf8)), chunkSize: 4096)
        let first = try #require(try reader.next())
        #expect(first.bytes.count == long.utf8.count)
        #expect(try reader.next()?.text == "short")
        let third = try #require(try reader.next())
        #expect(third.number == 3 && third.bytes.count == long.utf8.count)
        #expect(try reader.next() == nil)
        #expect(reader.lineNumber == 3)
    }

    @Test("multi-byte characters split across chunks stay whole")
    func multibyte() throws {
        #expect(try lines("Zürich café\nnaïve", chunk: 1).map(\.1) == ["Zürich café", "naïve"])
    }

    @Test("a read error surfaces")
    func readError() throws {
        final class Failing: ByteSource {
            var served = false
            func read(upTo maxCount: Int) throws(ImportError) -> [UInt8] {
                if served { throw ImportError(.unreadable, at: SourceLocation(file: "f"), "boom") }
                served = true
                return Array("a\nb".utf8)
            }
        }
        let reader = LineReader(Failing())
        #expect(try reader.next()?.text == "a")
        #expect(throws: ImportError.self) { _ = try reader.next() }
    }
}
