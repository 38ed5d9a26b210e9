import Foundation
import Testing
@testable import ThreadNetCore

/// The streaming outputs every writer uses: bytes, numbers, JSON and CSV as they are written.
@Suite("Streaming outputs")
struct OutputTests {
    @Test func numbersInFullPrecision() {
        let text = TextOutput.text { out in
            for x in [0.1, 1e-5, 0.058333333333333334, 3.0, -0.0, 1e22, 2.5e-300, 123456789.123] {
                out.write(x)
                out.write(byte: 0x20)
            }
            out.write(Double.nan); out.write(byte: 0x20); out.write(Double.infinity); out.write(byte: 0x20)
            out.write(Int32.min); out.write(byte: 0x20); out.write(0); out.write(byte: 0x20); out.write(UInt64.max)
        }
        // Whole numbers below 10^15 without a fraction; others as Swift's shortest round trip.
        #expect(text == "0.1 1e-05 0.058333333333333334 3 0 1e+22 2.5e-300 123456789.123 null null -2147483648 0 18446744073709551615")
        for x in [0.1, 1e-5, 0.058333333333333334, 2.5e-300, 123456789.123, 1.0 / 3.0] {
            #expect(Double(TextOutput.text { $0.write(x) }) == x, "\(x) reads back")
        }
    }

    @Test func iso8601() {
        #expect(TextOutput.text { $0.write(iso8601UTC: Date(timeIntervalSince1970: 1_299_147_300)) } == "2011-03-03T10:15:00Z")
        #expect(Date(timeIntervalSince1970: 0).iso8601UTC == "1970-01-01T00:00:00Z")
        #expect(Date(timeIntervalSince1970: -1).iso8601UTC == "1969-12-31T23:59:59Z")
        #expect(Date(timeIntervalSince1970: 951_782_400).iso8601UTC == "2000-02-29T00:00:00Z")
    }

    /// A file output flushes in blocks and holds every byte at the end; a memory output grows.
    @Test func fileAndMemory() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("threadnet-output-\(UUID().uuidString)").path
        defer { unlink(path) }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let file = TextOutput.file(descriptor: fd), memory = TextOutput.memory()
        let big = String(repeating: "x", count: TextOutput.capacity + 17)
        for out in [file, memory] {
            for k in 0..<100_000 { out.write(k); out.write(byte: 0x0A) }
            out.write(big)
            out.write("é😀" as StaticString)
        }
        #expect(file.count == memory.count)
        #expect(file.lastBytes == memory.lastBytes)
        #expect(file.close() == 0)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect([UInt8](written) == memory.bytes)
        #expect(memory.text.hasSuffix("xé😀"))
    }

    @Test func jsonLayoutAndEscapes() {
        let text = TextOutput.text { out in
            let json = JSONOutput(out)
            json.object {
                json.field("a", "quote \" backslash \\ newline \n tab \t bell \u{07} é")
                json.field("b", array: {
                    json.object(inline: true) {
                        json.field("x", 1)
                        json.field("y", [1.5, nil][1])
                    }
                    json.value(true)
                })
                json.key("c"); json.numbers([3, 1, 4])
                json.field("d", object: {})
                json.field("e", counts: [("1", 2), ("10", 3)])
            }
        }
        #expect(text == """
        {
          "a": "quote \\" backslash \\\\ newline \\n tab \\t bell \\u0007 é",
          "b": [
            {"x": 1, "y": null},
            true
          ],
          "c": [3, 1, 4],
          "d": {},
          "e": {"1": 2, "10": 3}
        }

        """)
        let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["a"] as? String == "quote \" backslash \\ newline \n tab \t bell \u{07} é")
    }

    @Test func csvQuoting() {
        let text = TextOutput.text { out in
            var csv = CSVOutput(out)
            csv.header(["name", "n", "x"])
            csv.field("Ann, \"the\" first\nline"); csv.field(3); csv.field(0.25); csv.endRow()
            csv.field("plain"); csv.empty(); csv.field(Double?.none); csv.endRow()
        }
        #expect(text == "name,n,x\n\"Ann, \"\"the\"\" first\nline\",3,0.25\nplain,,\n")
    }

    /// Parallel map keeps every result in its item's place, whatever finishes first.
    @Test func parallelMapIsAMap() {
        let items = Array(0..<10_000)
        let squares = Parallel.map(items) { k -> Int in
            if k % 997 == 0 { usleep(200) }  // uneven work
            return k * k
        }
        #expect(squares == items.map { $0 * $0 })
    }

    /// XML written straight into the output escapes exactly as ``Escaping/xml(_:)``.
    @Test func xmlEscapesAsEscaping() {
        var rng = SplitMix64(seed: 5)
        let pieces = ["a", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{01}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "é", "漢", "🙂", "\u{7F}"]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 10) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            #expect(TextOutput.text { $0.write(xml: text) } == Escaping.xml(text), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
