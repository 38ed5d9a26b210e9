import Foundation
import Testing
@testable import ThreadNetCore

@Suite("WXRImporter")
struct WXRImporterTests: XMLImporterTestSupport {
    // MARK: - Helpers (fixture access: XMLImporterTestSupport.swift)

    static let importer = WXRImporter()

    static func wxr(version: String, comments: String, extraNamespaces: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/\(version)/"\(extraNamespaces)>
        <channel>
        <wp:wxr_version>\(version)</wp:wxr_version>
        <item>
        <title>Post</title>
        <link>https://example.org/post/</link>
        <dc:creator>admin</dc:creator>
        <wp:post_id>7</wp:post_id>
        \(comments)
        </item>
        </channel>
        </rss>
        """
    }

    static func comment(_ id: String, parent: String = "0", author: String = "A") -> String {
        """
        <wp:comment>
        <wp:comment_id>\(id)</wp:comment_id>
        <wp:comment_author><![CDATA[\(author)]]></wp:comment_author>
        <wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt>
        <wp:comment_content><![CDATA[Hello]]></wp:comment_content>
        <wp:comment_approved>1</wp:comment_approved>
        <wp:comment_parent>\(parent)</wp:comment_parent>
        </wp:comment>
        """
    }

    // MARK: - Real fixture (isso-wordpress.xml)

    @Test("isso-wordpress.xml matches its independent counts")
    func issoCounts() throws {
        let corpus = try WXRImporter().read(Self.fixture("isso-wordpress.xml"), options: ImportOptions())
        let expected = try Self.expected("isso-wordpress")
        #expect(corpus.format == .wxr)
        #expect(corpus.threads.count == expected["threadCount"] as? Int)
        #expect(corpus.emptyThreadCount == expected["emptyThreads"] as? Int)
        #expect(ThreadFacts(corpus.threads.flatMap(\.comments)) == ThreadFacts(expected: expected))

        let threads = try #require(expected["threads"] as? [[String: Any]])
        #expect(corpus.threads.map(\.id) == threads.compactMap { $0["id"] as? String })
        #expect(corpus.threads.map(\.title) == threads.compactMap { $0["title"] as? String })
        for (thread, json) in zip(corpus.threads, threads) {
            #expect(ThreadFacts(thread.comments) == ThreadFacts(expected: json), "thread \(thread.id)")
        }
        #expect(corpus.findings.isEmpty)
        #expect(corpus.threads.allSatisfy { $0.findings.isEmpty })
    }

    @Test("isso-wordpress.xml: ids, parents, dates, bodies and the root post")
    func issoDetails() throws {
        let corpus = try WXRImporter().read(Self.fixture("isso-wordpress.xml"), options: ImportOptions())
        let first = try #require(corpus.threads.first)
        #expect(first.comments.map(\.id) == ["2", "6", "7", "8", "9", "10", "11"])
        #expect(first.comments.map(\.parentID) == [nil, nil, "6", "7", "7", nil, nil])
        #expect(first.root.author == "Tester")
        #expect(first.root.id == "18")
        #expect(first.root.url == "http://example.tld/2014/test/")
        #expect(first.root.timestamp?.iso8601UTC == "2014-01-14T17:31:03Z")
        // Comment 2's body has white space before its CDATA section.
        #expect(first.comments[0].text == "Erster!1")
        #expect(first.comments[0].timestamp?.iso8601UTC == "2014-01-14T17:32:12Z")
        // Comment 7 has no comment_date and no comment_type: the GMT date is used.
        #expect(first.comments[2].timestamp?.iso8601UTC == "2014-04-29T15:21:35Z")
        #expect(first.comments[2].status.isEmpty)
        // Comment 10: GMT wins over the site-local date; the body keeps its line break.
        #expect(first.comments[5].timestamp?.iso8601UTC == "2022-06-06T02:13:14Z")
        #expect(first.comments[5].text == "When you have a comment with multiple lines:\nWordPress exports it like this.")
        // Comment id 11 exists in both posts, keyed apart.
        let second = corpus.threads[1]
        #expect(second.comments.map(\.id) == ["11"])
        #expect(second.comments[0].author == "Anonymous")
        #expect(second.root.id == nil)
        #expect(first.comments[2].location == SourceLocation(file: Self.fixtures.appendingPathComponent("isso-wordpress.xml").path, line: 59, record: 3))
    }

    // MARK: - Traps (wxr-traps.xml)

    @Test("an undeclared atom: prefix is repaired and reported")
    func namespaceRepair() throws {
        let corpus = try WXRImporter().read(Self.fixture("wxr-traps.xml"), options: ImportOptions())
        let finding = try #require(corpus.findings.first)
        #expect(finding.kind == .malformedInput)
        #expect(finding.location.line == 13)
        #expect(finding.message.contains("\"atom:\""))
        #expect(corpus.threads.map(\.id) == ["42", "43"])
        #expect(corpus.emptyThreadCount == 1)
    }

    @Test("statuses, decoded authors, CDATA joins, dates and orphans")
    func traps() throws {
        let corpus = try WXRImporter().read(Self.fixture("wxr-traps.xml"), options: ImportOptions())
        let post = corpus.threads[0]
        #expect(post.title == "Café & “quotes”")
        #expect(post.root.text == "The post body.")
        #expect(post.root.author == "admin")
        #expect(post.root.timestamp?.iso8601UTC == "2015-03-01T17:00:00Z")
        let byID = Dictionary(post.comments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(post.comments.map(\.id) == ["100", "101", "102", "103", "104", "105", "106"])
        #expect(post.comments.map(\.parentID) == [nil, "100", nil, nil, "101", "999", "100"])
        #expect(post.comments.map(\.status) == [[], .pending, .pingback, [.spam, .pingback], .trash, .trash, []])
        #expect(byID["100"]?.author == "Jane O’Brien")
        #expect(byID["101"]?.author == "Bob Smith")
        #expect(byID["102"]?.author == "Other Blog » A post")
        #expect(byID["106"]?.author == "")
        #expect(byID["100"]?.rawText == "<p>Code: a[b[0]]> c</p>")
        #expect(byID["100"]?.text == "Code: a[b[0]]> c")
        #expect(byID["102"]?.text == "[…] an excerpt […]")
        #expect(byID["106"]?.text == "Anonymous & proud")
        #expect(byID["100"]?.timestamp?.iso8601UTC == "2015-03-01T18:00:00Z")
        // 0000-00-00 GMT date: the site-local date is used, and a note says so.
        #expect(byID["101"]?.timestamp?.iso8601UTC == "2015-03-02T10:00:00Z")
        #expect(post.findings.contains { $0.kind == .note && $0.message.contains("comment_date") && $0.location.line == 36 })
        // An unreadable date: kept without a timestamp, reported.
        #expect(byID["104"]?.timestamp == nil)
        let bad = try #require(post.findings.first { $0.kind == .badTimestamp })
        #expect(bad.message.contains("yesterday"))
        #expect(bad.location.record == 5)
        #expect(ThreadFacts(post.comments) == {
            var c = ThreadFacts([]); c.comments = 7; c.topLevel = 3; c.replies = 3; c.orphans = 1; c.authors = 4; c.deleted = 0; return c
        }())
    }

    @Test("a comment without an id gets record-N; a repeated id in another item is kept")
    func missingID() throws {
        let corpus = try WXRImporter().read(Self.fixture("wxr-traps.xml"), options: ImportOptions())
        let second = corpus.threads[1]
        #expect(second.title == "43") // empty title: the id
        #expect(second.comments.map(\.id) == ["100", "record-9"])
        #expect(second.comments.map(\.parentID) == [nil, "100"])
        let finding = try #require(second.findings.first)
        #expect(finding.kind == .malformedInput)
        #expect(finding.location.record == 9)
    }

    @Test("WXR 1.0, 1.1 and 1.2 namespaces are all read", arguments: ["1.0", "1.1", "1.2"])
    func versions(_ version: String) throws {
        let text = Self.wxr(version: version, comments: Self.comment("1") + Self.comment("2", parent: "1", author: "B"))
        #expect(WXRImporter().detect(head: Array(text.utf8), fileName: "x.xml"))
        let corpus = try Self.read(text)
        #expect(corpus.threads.count == 1)
        #expect(corpus.threads[0].comments.map(\.parentID) == [nil, "1"])
        #expect(corpus.threads[0].comments[1].timestamp?.iso8601UTC == "2020-01-01T00:00:00Z")
        #expect(corpus.findings.isEmpty)
    }

    @Test("several undeclared prefixes on elements and attributes are all declared")
    func severalPrefixes() throws {
        let text = Self.wxr(version: "1.2", comments: "<foo:bar>x</foo:bar><thing geo:lat=\"1\"/>" + Self.comment("1"))
        let corpus = try Self.read(text)
        let finding = try #require(corpus.findings.first)
        #expect(finding.kind == .malformedInput)
        #expect(finding.message.contains("\"foo:\"") && finding.message.contains("\"geo:\""))
        #expect(corpus.threads[0].comments.count == 1)
    }

    @Test("the title option applies when the export has one thread")
    func titleOption() throws {
        let text = Self.wxr(version: "1.2", comments: Self.comment("1"))
        let corpus = try WXRImporter().read(InputSource(name: "t.xml", text: text), options: ImportOptions(title: "Mine"))
        #expect(corpus.threads[0].title == "Mine")
    }

    @Test("a file over 10 MB is read (libxml2 refuses a single chunk that large)")
    func largeFile() throws {
        let body = String(repeating: "All work and no play makes Jack a dull boy. ", count: 120) // ~5.4 KB
        var comments = ""
        comments.reserveCapacity(11_500_000)
        for n in 1...2_000 {
            comments += "<wp:comment><wp:comment_id>\(n)</wp:comment_id><wp:comment_author>U\(n % 37)</wp:comment_author>"
            comments += "<wp:comment_content><![CDATA[\(body)]]></wp:comment_content><wp:comment_parent>\(n / 2)</wp:comment_parent></wp:comment>\n"
        }
        let text = Self.wxr(version: "1.2", comments: comments)
        #expect(text.utf8.count > 10_500_000)
        let corpus = try Self.read(text, name: "large.xml")
        #expect(corpus.threads.count == 1)
        #expect(corpus.threads[0].comments.count == 2_000)
        #expect(corpus.threads[0].comments.last?.parentID == "1000")
        #expect(Set(corpus.threads[0].comments.map(\.author)).count == 37)
    }

    @Test("reading twice gives the same corpus")
    func deterministic() throws {
        let a = try WXRImporter().read(Self.fixture("wxr-traps.xml"), options: ImportOptions())
        let b = try WXRImporter().read(Self.fixture("wxr-traps.xml"), options: ImportOptions())
        #expect(a == b)
    }

    // MARK: - Detection

    @Test("detect says yes for WXR files")
    func detectYes() throws {
        for name in ["isso-wordpress.xml", "wxr-traps.xml"] {
            let head = try Self.fixture(name).head()
            #expect(WXRImporter().detect(head: head, fileName: name), "\(name)")
        }
    }

    @Test("detect says no for every other fixture and for plain RSS")
    func detectNo() throws {
        let files = Self.otherFixtureFiles(excluding: ["isso-wordpress.xml", "wxr-traps.xml"])
        #expect(!files.isEmpty)
        for url in files {
            let head = try InputSource(path: url.path).head()
            #expect(!WXRImporter().detect(head: head, fileName: url.lastPathComponent), "\(url.lastPathComponent)")
        }
        let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>x</title></item></channel></rss>"
        #expect(!WXRImporter().detect(head: Array(rss.utf8), fileName: "feed.xml"))
        #expect(!WXRImporter().detect(head: Array("{\"rss\": \"<rss><wp:x>\"}".utf8), fileName: "a.json"))
        #expect(!WXRImporter().detect(head: [], fileName: "empty.xml"))
    }

    // MARK: - Bad input

    @Test("a truncated export names the file, the line and the open element")
    func truncated() throws {
        let full = Self.wxr(version: "1.2", comments: Self.comment("1") + Self.comment("2"))
        let lines = full.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.prefix(16).joined(separator: "\n") // ends inside the first comment
        let error = try #require(Self.error(cut, name: "cut.xml"))
        #expect(error.kind == .malformed)
        #expect(error.location.file == "cut.xml")
        #expect(error.location.line == 16)
        #expect(error.message.contains("truncated"))
        #expect(error.description.hasPrefix("cut.xml:16"))
    }

    @Test("malformed XML reports its line")
    func malformed() throws {
        let text = Self.wxr(version: "1.2", comments: Self.comment("1")).replacingOccurrences(of: "</dc:creator>", with: "</dc:creatorx>")
        let error = try #require(Self.error(text))
        #expect(error.kind == .malformed)
        #expect(error.location.line == 9)
        #expect(error.description.contains("bad.xml:9"))
    }

    @Test("an HTML entity outside CDATA is malformed XML, reported with its line")
    func undeclaredEntity() throws {
        let text = Self.wxr(version: "1.2", comments: Self.comment("1")).replacingOccurrences(of: "<title>Post</title>", with: "<title>A&nbsp;B</title>")
        let error = try #require(Self.error(text))
        #expect(error.kind == .malformed)
        #expect(error.location.line == 7)
    }

    @Test("a billion-laughs DOCTYPE fails fast with a clear error")
    func billionLaughs() throws {
        var entities = "<!ENTITY lol \"lol\">\n"
        for i in 1...9 { entities += "<!ENTITY lol\(i) \"\(String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10))\">\n" }
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n\(entities)]>\n<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item><title>&lol9;</title>\(Self.comment("1"))</item></channel></rss>"
        let clock = ContinuousClock()
        var thrown: ImportError?
        let elapsed = clock.measure { thrown = Self.error(text) }
        let error = try #require(thrown)
        #expect(error.kind == .malformed)
        #expect(error.location.line == 2)
        #expect(error.message.contains("ENTITY"))
        #expect(elapsed < .seconds(1))
    }

    /// The probe hid `<!ENTITY` from the prolog scan with a quote or `]` inside a comment of
    /// the DOCTYPE: the file was accepted, the reference silently dropped (an author became
    /// "unknown"), and a 60 KB entity referenced a million times ran past 120 s. Any DOCTYPE
    /// with more than a name is now refused, whatever its subset holds, fast.
    @Test(arguments: ["<!-- it's -->", "<!-- ] -->", "<!-- \" -->", "<?pi ' ?>"])
    func entityHiddenFromTheScan(hider: String) throws {
        let big = String(repeating: "x", count: 60_000)
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ \(hider)\n<!ENTITY a \"\(big)\"> ]>\n"
            + Self.wxr(version: "1.2", comments: String(repeating: Self.plainComment("1", author: "&a;&a;&a;&a;&a;&a;&a;&a;"), count: 200))
                .split(separator: "\n").dropFirst().joined(separator: "\n")
        let clock = ContinuousClock()
        var thrown: ImportError?
        let elapsed = clock.measure { thrown = Self.error(text) }
        let error = try #require(thrown, "\(hider) was accepted")
        #expect(error.kind == .malformed)
        #expect(error.message.contains("DOCTYPE") && error.message.contains("ENTITY"), "\(error.message)")
        #expect(error.location.line == 2)
        #expect(elapsed < .seconds(2))
    }

    /// A comment whose author is plain character data (references in it are parsed).
    static func plainComment(_ id: String, author: String) -> String {
        comment(id, author: author).replacingOccurrences(of: "<![CDATA[\(author)]]>", with: author)
    }

    /// A reference to an entity nobody declared is an error naming it, not an empty author.
    @Test func undefinedEntity() throws {
        let text = Self.wxr(version: "1.2", comments: Self.plainComment("1", author: "Ann &nbsp2; Lee"))
        let error = try #require(Self.error(text))
        #expect(error.kind == .malformed)
        #expect(error.message.contains("nbsp2"), "\(error.message)")
    }

    @Test("external entities are refused, never resolved")
    func externalEntity() throws {
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n" + Self.wxr(version: "1.2", comments: Self.comment("1", author: "&xxe;")).split(separator: "\n").dropFirst().joined(separator: "\n")
        let error = try #require(Self.error(text))
        #expect(error.kind == .malformed)
        #expect(error.location.line == 2)
    }

    @Test("an empty file, an export without comments, another root, UTF-16")
    func otherErrors() throws {
        #expect(Self.error("")?.kind == .empty)
        #expect(Self.error("  \n ")?.kind == .empty)
        let noComments = Self.wxr(version: "1.2", comments: "")
        #expect(Self.error(noComments)?.kind == .empty)
        let atom = "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry/></feed>"
        let wrongRoot = try #require(Self.error(atom))
        #expect(wrongRoot.kind == .malformed)
        #expect(wrongRoot.message.contains("<feed>"))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in Self.wxr(version: "1.2", comments: Self.comment("1")).utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        do {
            _ = try WXRImporter().read(InputSource(name: "u16.xml", bytes: utf16), options: ImportOptions())
            Issue.record("expected an encoding error")
        } catch {
            #expect(error.kind == .encoding)
        }
        var latin1 = Array(Self.wxr(version: "1.2", comments: Self.comment("1", author: "Ren~")).utf8)
        if let mark = latin1.firstIndex(of: UInt8(ascii: "~")) { latin1[mark] = 0xE9 } // "é" in Latin-1
        do {
            _ = try WXRImporter().read(InputSource(name: "latin1.xml", bytes: latin1), options: ImportOptions())
            Issue.record("expected an encoding error")
        } catch {
            #expect(error.kind == .encoding)
            #expect(error.location.line == 13)
        }
        let declared = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n".utf8) + latin1.split(separator: 0x0A, maxSplits: 1)[1]
        let corpus = try WXRImporter().read(InputSource(name: "declared.xml", bytes: Array(declared)), options: ImportOptions())
        #expect(corpus.threads[0].comments[0].author == "René")
        let text = try #require(Self.error("not xml at all"))
        #expect(text.kind == .malformed)
        #expect(text.location.line == 1)
    }
}
