import Foundation
import Testing
@testable import ThreadNetCore

/// Processing instructions without data crashed corelibs Foundation's `XMLParser` (it calls
/// `strlen` on libxml2's NULL); the fuzzer found it with `<?ncodin?>`. They are given one
/// character of data before parsing, outside comments, CDATA and attribute values only.
@Suite("XML workarounds")
struct XMLWorkaroundsTests {
    static func disqus(title: String, before: String = "") -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>\(before)
        <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
        <thread dsq:id="1"><link>https://example.org/a/</link><title>\(title)</title></thread>
        <post dsq:id="2"><message>hi</message><author><name>Ann</name></author><thread dsq:id="1"/></post>
        </disqus>
        """
    }

    @Test("the fuzzer's input is an error, not a crash")
    func fuzzFound() throws {
        let found = "<?ncodin?>\n<!--!Hand-made for2Tile. -->         <![CInt-->         <![CIntAxq=^_\""
        #expect(throws: ImportError.self) { try WXRImporter().read(InputSource(name: "f.xml", text: found), options: ImportOptions()) }
    }

    @Test("empty instructions before the root and in text are read past; CDATA keeps its text")
    func readPast() throws {
        let corpus = try DisqusImporter().read(InputSource(name: "p.xml", text: Self.disqus(title: "a<?pi?>b <![CDATA[<?x?>]]>", before: "\n<?pi?>")),
                                               options: ImportOptions())
        #expect(corpus.threads.first?.title == "ab <?x?>")
        #expect(corpus.threads.first?.comments.map(\.author) == ["Ann"])
    }

    @Test("the rewrite touches only empty instructions outside comments, CDATA and attribute values")
    func rewrite() {
        func run(_ s: String) -> String { String(decoding: XMLWorkarounds.fillEmptyProcessingInstructions(Array(s.utf8)), as: UTF8.self) }
        #expect(run("<?a?><r x='<?b?>'><!-- <?c?> --><![CDATA[<?d?>]]><?e f?><?g?></r>")
                == "<?a _?><r x='<?b?>'><!-- <?c?> --><![CDATA[<?d?>]]><?e f?><?g _?></r>")
        let plain = "<r>no instructions</r>"
        #expect(run(plain) == plain)
    }
}
