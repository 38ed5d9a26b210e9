import Testing
@testable import ThreadNetCore

@Suite("Escaping of user data")
struct EscapingTests {
    @Test func dot() {
        #expect(Escaping.dot(#"say "hi" \ <b>"#) == #"say \"hi\" \\ <b>"#)
        #expect(Escaping.dot("two\nlines\r") == #"two\nlines"#)
        #expect(Escaping.dot("a\u{FFFE}b\u{FFFF}c\u{7}") == "a\u{FFFD}b\u{FFFD}c ")
        // Graphviz decodes entity references in labels: "Tom &amp; Jerry" must not show "Tom & Jerry"
        // (found by the dot-writer fuzz target). A lone `&` stays as it is.
        #expect(Escaping.dot("Tom &amp; Jerry &#60;3 & co &") == "Tom &amp;amp; Jerry &amp;#60;3 & co &")
    }

    @Test func markdown() {
        #expect(Escaping.markdown("a|b *c* _d_ [e](f) <g> `h`") == #"a\|b \*c\* \_d\_ \[e\](f) \<g\> \`h\`"#)
        #expect(Escaping.markdown("J.C.A.\nnext") == "J.C.A. next")
        // CommonMark decodes entity references (found by the markdown-writer fuzz target).
        #expect(Escaping.markdown("&lt;3 &#60; & &") == #"\&lt;3 \&#60; & &"#)
    }

    @Test func codeSpan() {
        #expect(Escaping.codeSpan("a`b\n# c\r\td\u{2028}e\u{85}f") == "a'b # c  d e f")
        #expect(Escaping.codeSpan("<img src=x onerror=alert(1)>") == "<img src=x onerror=alert(1)>") // inert inside the span
    }

    @Test func csvFormulas() {
        for formula in ["=1+1", "@SUM(A1)", "+x", "-x", "\tx", "\rx", "=HYPERLINK(\"u\")"] {
            #expect(CSVOutput.looksLikeFormula(formula), "\(formula)")
        }
        for plain in ["", "x=1", "-2", "+3.5", "-0.5e-3", "1", "name"] {
            #expect(!CSVOutput.looksLikeFormula(plain), "\(plain)")
        }
        let text = TextOutput.text { out in
            var csv = CSVOutput(out)
            csv.row(["=HYPERLINK(\"u\")", "@x", "-2", "a"])
        }
        #expect(text == "\"'=HYPERLINK(\"\"u\"\")\",'@x,-2,a\n")
    }

    @Test func xmlAndCSV() {
        #expect(Escaping.xml(#"<a href="x">&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;")
        // A parser turns a literal tab or line break in an attribute into a space, and CR LF into
        // LF in text; character references keep them (found by the xml-writer fuzz target).
        #expect(Escaping.xml("a\tb\nc\r\n") == "a&#9;b&#10;c&#13;&#10;")
        #expect(TextOutput.text { $0.write(xml: "a\tb\nc\r\n\u{1}\u{FFFE}") } == "a&#9;b&#10;c&#13;&#10;")
        #expect(Escaping.csv("plain") == "plain")
        #expect(Escaping.csv("a,\"b\"\nc") == "\"a,\"\"b\"\"\nc\"")
    }

    @Test func fileNames() {
        #expect(Escaping.fileName("../etc/passwd") == "_etc_passwd")
        #expect(Escaping.fileName("t3_abc def") == "t3_abc_def")
        #expect(Escaping.fileName("") == "_")
    }

    @Test func excerpt() {
        #expect(Escaping.excerpt("one two three", limit: 9) == "one two…")
        #expect(Escaping.excerpt("short\n\ntext") == "short text")
    }

    /// Author names with quotes, backslashes, newlines and HTML-like text reach the DOT
    /// and Markdown writers only escaped.
    @Test func hostileAuthorNamesInWriters() throws {
        let hostile = #"Eve "the" \ <b>bold</b>"#
        let thread = CommentThread(id: "t", title: "T \"quoted\"", comments: [
            ThreadComment(id: "1", author: hostile, text: "x", location: SourceLocation(file: "t")),
            ThreadComment(id: "2", parentID: "1", author: "Bob|Pipe", text: "line1\nline2 <i>", location: SourceLocation(file: "t")),
        ])
        let a = ThreadAnalysis(thread: thread)
        let dot = ReplyTreeDOT.write(a)
        #expect(dot.contains(#"label="1. Eve \"the\" \\ <b>bold</b>""#))
        #expect(!dot.contains("\"T \"quoted"))
        let authors = AuthorNetworkDOT.write(a)
        #expect(authors.contains(#"label="Eve \"the\" \\ <b>bold</b>\n1""#))
        let corpus = CorpusAnalysis(corpus: Corpus(format: .text, threads: [thread]))
        let md = MarkdownReport.write(corpus, provenance: Provenance(input: "t", sha256: "0", format: "text", options: []), images: [:])
        #expect(md.contains(#"| Eve "the" \\ \<b\>bold\</b\> | 1 |"#))
        #expect(md.contains(#"Bob\|Pipe"#))
    }
}

@Suite("Corpus-wide CSV")
struct CorpusCSVTests {
    /// isso-disqus.xml: threads 2 (4 posts), 7 (1) and 1337 (1), counted by hand in the file; each
    /// thread's comments follow a row for its root post.
    @Test func everyThreadWithAThreadColumn() throws {
        let corpus = try Importers.read(InputSource(path: Paths.fixture("xml/isso-disqus.xml").path))
        let analysis = CorpusAnalysis(corpus: corpus, policy: .all)
        let lines = CSVWriter.comments(analysis).split(separator: "\n")
        #expect(lines.first == "thread,id,label,parent,author,depth,repliesReceived,timestamp,status,score,permalink,text")
        // Each thread's root post row, then its comments.
        let threadColumn: [String] = lines.dropFirst().map { (line: Substring) -> String in line.split(separator: ",").first.map(String.init) ?? "" }
        #expect(threadColumn == ["2", "2", "2", "2", "2", "7", "7", "1337", "1337"])
        let edges = CSVWriter.edges(analysis).split(separator: "\n")
        #expect(edges == ["thread,from,to,weight,kind", "2,user,peter,2,reply"])
    }
}
