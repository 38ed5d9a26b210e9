import Foundation
import Testing
@testable import ThreadNetCore

/// Declared encodings of XML inputs: converted to UTF-8 before libxml2 sees them, or refused.
/// The first input is what the fuzzer found (libxml2's push parser crashed with SIGSEGV in
/// `xmlSwitchToEncoding` on a declared UTF-7), minimised by libFuzzer.
@Suite("XML encodings")
struct XMLEncodingTests {
    static func read(_ bytes: [UInt8], _ importer: any ThreadImporter) throws(ImportError) -> Corpus {
        try importer.read(InputSource(name: "enc.xml", bytes: bytes), options: ImportOptions())
    }

    static func error(_ bytes: [UInt8], _ importer: any ThreadImporter) -> ImportError? {
        do {
            _ = try read(bytes, importer)
            Issue.record("expected an ImportError")
            return nil
        } catch {
            return error
        }
    }

    /// A small Disqus export whose text is given as Unicode scalars and encoded by `encode`.
    static func disqus(declaring encoding: String, title: String, author: String, encode: (String) -> [UInt8]) -> [UInt8] {
        encode("""
        <?xml version="1.0" encoding="\(encoding)"?>
        <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
        <thread dsq:id="1"><link>https://example.org/a/</link><title>\(title)</title></thread>
        <post dsq:id="2"><message>hi</message><author><name>\(author)</name></author><thread dsq:id="1"/></post>
        </disqus>
        """)
    }

    @Test("the fuzzer's UTF-7 declaration is refused, not a crash", arguments: ["disqus", "wxr"])
    func fuzzFound(format: String) throws {
        let found = Array(#"<?xml version="1.0" encoding="utf7""#.utf8) + [0xFF]
        let importer: any ThreadImporter = format == "wxr" ? WXRImporter() : DisqusImporter()
        let error = try #require(Self.error(found, importer))
        #expect(error.kind == .encoding)
        #expect(error.location.line == 1)
        #expect(error.message.contains("\"utf7\""))
    }

    @Test("an encoding ThreadNet does not read is named, with how to convert")
    func unreadEncoding() throws {
        let bytes = Self.disqus(declaring: "UTF-7", title: "A", author: "B") { Array($0.utf8) }
        let error = try #require(Self.error(bytes, DisqusImporter()))
        #expect(error.kind == .encoding)
        #expect(error.message.contains("\"UTF-7\""))
        #expect(error.message.contains("iconv -f UTF-7 -t UTF-8"))
    }

    @Test("Windows-1252 and ISO-8859-1 are converted and read, with a note")
    func converted() throws {
        // "café “q”" and "René": é is 0xE9 in both; the curly quotes are 0x93/0x94 in
        // Windows-1252 only.
        let cp1252 = Self.disqus(declaring: "windows-1252", title: "café “q”", author: "René") { $0.data(using: .windowsCP1252).map(Array.init)! }
        #expect(cp1252.contains(0x93) && cp1252.contains(0xE9))
        let corpus = try Self.read(cp1252, DisqusImporter())
        let thread = try #require(corpus.threads.first)
        #expect(thread.title == "café “q”")
        #expect(thread.comments.map(\.author) == ["René"])
        let note = try #require(corpus.findings.first { $0.message.contains("windows-1252") })
        #expect(note.kind == .note)

        let latin1 = Self.disqus(declaring: "ISO-8859-1", title: "café", author: "René") { $0.data(using: .isoLatin1).map(Array.init)! }
        let read = try Self.read(latin1, DisqusImporter())
        #expect(read.threads.first?.comments.first?.author == "René")
    }

    @Test("line numbers survive the conversion")
    func lines() throws {
        // Line 4 is broken (an unquoted attribute); é on lines 3 and 4 grows by a byte each.
        let text = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<disqus xmlns:dsq=\"x\">\n<thread dsq:id=\"1\"><title>é</title></thread>\n<post dsq:id=2>é</post>\n</disqus>\n"
        let error = try #require(Self.error(Array(text.data(using: .isoLatin1)!), DisqusImporter()))
        #expect(error.kind == .malformed)
        #expect(error.location.line == 4)
    }

    @Test("bytes invalid in the declared encoding, EBCDIC, and a BOM that contradicts the declaration")
    func refused() throws {
        // 0x81 is undefined in Windows-1252.
        let invalid = Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<disqus>".utf8) + [0x81] + Array("</disqus>".utf8)
        #expect(Self.error(invalid, DisqusImporter())?.kind == .encoding)
        // `<?xm` in EBCDIC (IBM500) is 4C 6F A7 94.
        let ebcdicStart: [UInt8] = [0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40]
        let e = try #require(Self.error(ebcdicStart, DisqusImporter()))
        #expect(e.kind == .encoding)
        #expect(e.message.contains("EBCDIC"))
        let bom = [0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<disqus/>".utf8)
        let b = try #require(Self.error(bom, DisqusImporter()))
        #expect(b.kind == .encoding)
        #expect(b.message.contains("byte-order mark"))
    }
}
