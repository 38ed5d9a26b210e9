import Foundation
import Testing
@testable import ThreadNetCore

@Suite("DisqusImporter")
struct DisqusImporterTests: XMLImporterTestSupport {
    // MARK: - Helpers (fixture access: XMLImporterTestSupport.swift)

    static let importer = DisqusImporter()

    static func post(_ id: String, thread: String = "1", parent: String? = nil, extra: String = "") -> String {
        """
        <post dsq:id="\(id)">
        <message><![CDATA[<p>Hi</p>]]></message>
        <createdAt>2015-08-03T14:06:17Z</createdAt>
        <isDeleted>false</isDeleted><isSpam>false</isSpam>
        <author><name>A</name></author>
        <thread dsq:id="\(thread)"/>\(parent.map { "<parent dsq:id=\"\($0)\"/>" } ?? "")\(extra)
        </post>
        """
    }

    static func disqus(_ body: String, declarations: String = " xmlns:dsq=\"http://disqus.com/disqus-internals\"") -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <disqus xmlns="http://disqus.com"\(declarations)>
        <thread dsq:id="1"><link>https://example.org/a/</link><title>A</title></thread>
        \(body)
        </disqus>
        """
    }

    // MARK: - Real fixture (isso-disqus.xml)

    @Test("isso-disqus.xml matches its independent counts")
    func issoCounts() throws {
        let corpus = try DisqusImporter().read(Self.fixture("isso-disqus.xml"), options: ImportOptions())
        let expected = try Self.expected("isso-disqus")
        #expect(corpus.format == .disqus)
        #expect(corpus.threads.count == expected["threadCount"] as? Int)
        #expect(corpus.emptyThreadCount == expected["emptyThreads"] as? Int)
        #expect(ThreadFacts(corpus.threads.flatMap(\.comments)) == ThreadFacts(expected: expected))

        let threads = try #require(expected["threads"] as? [[String: Any]])
        #expect(corpus.threads.map(\.id) == threads.compactMap { $0["id"] as? String })
        #expect(corpus.threads.map(\.title) == threads.compactMap { $0["title"] as? String })
        for (thread, json) in zip(corpus.threads, threads) {
            #expect(ThreadFacts(thread.comments) == ThreadFacts(expected: json), "thread \(thread.id)")
        }
        let undeclared = corpus.threads.filter { thread in thread.findings.contains { $0.kind == .note && $0.message.contains("does not declare") } }
        #expect(undeclared.count == expected["undeclaredThreads"] as? Int)
    }

    @Test("isso-disqus.xml: a deleted post keeps its author and its reply; roots and dates")
    func issoDetails() throws {
        let corpus = try DisqusImporter().read(Self.fixture("isso-disqus.xml"), options: ImportOptions())
        let hello = corpus.threads[0]
        #expect(hello.comments.map(\.id) == ["4", "5", "9", "11"])
        #expect(hello.comments.map(\.parentID) == [nil, "4", nil, "9"])
        let deleted = hello.comments[2]
        #expect(deleted.status == .deleted)
        #expect(deleted.author == "peter")
        #expect(deleted.text == "")
        #expect(hello.comments[1].text == "Hello, World.")
        #expect(hello.comments[1].rawText == "<p>Hello, World.</p>")
        #expect(hello.comments[1].timestamp?.iso8601UTC == "2013-10-11T06:51:33Z")
        #expect(hello.root.author == "Baz")
        #expect(hello.root.url == "http://example.org/")
        #expect(hello.root.timestamp?.iso8601UTC == "2012-12-12T12:12:12Z")
        #expect(hello.comments[0].location.record == 1)
        #expect(hello.comments[0].location.line == 33)
        let orphanThread = corpus.threads[1]
        #expect(orphanThread.id == "1337")
        #expect(orphanThread.comments.map(\.author) == ["where am I?"])
        #expect(orphanThread.findings.map(\.kind) == [.note])
        #expect(corpus.findings.isEmpty)
    }

    // MARK: - Traps (disqus-traps.xml)

    @Test("parent text form, bad booleans and dates, missing ids, undeclared and deleted threads")
    func traps() throws {
        let corpus = try DisqusImporter().read(Self.fixture("disqus-traps.xml"), options: ImportOptions())
        #expect(corpus.threads.map(\.id) == ["100", "101", "999"])
        #expect(corpus.threads.map(\.title) == ["Ben & Jerry’s", "101", "(undeclared thread 999)"])
        #expect(corpus.emptyThreadCount == 1)

        let first = corpus.threads[0]
        #expect(first.comments.map(\.id) == ["1", "2", "3"])
        // `<parent>site-1</parent>` names the parent by its <id>; the attribute wins over text.
        #expect(first.comments.map(\.parentID) == [nil, "1", "2"])
        #expect(first.comments[1].author == "Bob & Co")
        #expect(first.root.author == "Site Owner")
        #expect(first.root.text == "About ice cream.")
        let bad = first.comments[2]
        #expect(bad.status.isEmpty) // isSpam 123: read as false
        #expect(bad.timestamp == nil)
        #expect(first.findings.contains { $0.kind == .note && $0.message.contains("isSpam") && $0.message.contains("123") && $0.location.record == 3 })
        #expect(first.findings.contains { $0.kind == .badTimestamp && $0.message.contains("2011-x09-30") })
        #expect(first.findings.contains { $0.kind == .note && $0.message.contains("declared again") })

        let deletedThread = corpus.threads[1]
        #expect(deletedThread.comments.map(\.id) == ["record-4", "6"])
        #expect(deletedThread.comments.map(\.parentID) == [nil, "nothing"])
        #expect(deletedThread.comments[0].status == .deleted)
        #expect(deletedThread.comments[0].author == "Cy")
        #expect(deletedThread.findings.contains { $0.kind == .malformedInput && $0.location.record == 4 })
        #expect(deletedThread.findings.contains { $0.kind == .note && $0.message.contains("marked deleted") })

        let undeclared = corpus.threads[2]
        #expect(undeclared.comments.map(\.status) == [.spam])
        #expect(undeclared.comments.map(\.parentID) == ["77"])
        #expect(undeclared.findings.map(\.kind) == [.note])
    }

    @Test("an undeclared dsq: prefix is repaired and reported")
    func namespaceRepair() throws {
        let text = Self.disqus(Self.post("10") + Self.post("11", parent: "10"), declarations: "")
        let corpus = try Self.read(text)
        let finding = try #require(corpus.findings.first)
        #expect(finding.kind == .malformedInput)
        #expect(finding.location.line == 3)
        #expect(finding.message.contains("\"dsq:\""))
        #expect(corpus.threads[0].comments.map(\.parentID) == [nil, "10"])
    }

    @Test("posts with no thread are kept in a thread of their own")
    func noThread() throws {
        let text = Self.disqus("<post dsq:id=\"5\"><message>x</message><author><name>A</name></author></post>")
        let corpus = try Self.read(text)
        #expect(corpus.threads.map(\.id) == [DisqusBuilder.noThreadID])
        #expect(corpus.threads[0].comments.map(\.id) == ["5"])
        #expect(corpus.emptyThreadCount == 1)
    }

    @Test("reading twice gives the same corpus")
    func deterministic() throws {
        let a = try DisqusImporter().read(Self.fixture("disqus-traps.xml"), options: ImportOptions())
        let b = try DisqusImporter().read(Self.fixture("disqus-traps.xml"), options: ImportOptions())
        #expect(a == b)
    }

    // MARK: - Detection

    @Test("detect says yes for Disqus exports, even after a stray character")
    func detectYes() throws {
        for name in ["isso-disqus.xml", "disqus-traps.xml"] {
            let head = try Self.fixture(name).head()
            #expect(DisqusImporter().detect(head: head, fileName: name), "\(name)")
        }
        #expect(DisqusImporter().detect(head: Array("`<?xml version=\"1.0\"?>\n<disqus>".utf8), fileName: "x"))
    }

    @Test("detect says no for every other fixture")
    func detectNo() throws {
        let files = Self.otherFixtureFiles(excluding: ["isso-disqus.xml", "disqus-traps.xml"])
        #expect(!files.isEmpty)
        for url in files {
            let head = try InputSource(path: url.path).head()
            #expect(!DisqusImporter().detect(head: head, fileName: url.lastPathComponent), "\(url.lastPathComponent)")
        }
        #expect(!DisqusImporter().detect(head: Array("{\"a\": \"<disqus>\"}".utf8), fileName: "a.json"))
        #expect(!DisqusImporter().detect(head: Array("<?xml version=\"1.0\"?><rss/>".utf8), fileName: "a.xml"))
    }

    // MARK: - Bad input

    @Test("an unquoted attribute (as in remark42's broken export) is reported with its line")
    func unquotedAttribute() throws {
        let text = Self.disqus(Self.post("10").replacingOccurrences(of: "<thread dsq:id=\"1\"/>", with: "<thread dsq:id=1/>"))
        let error = try #require(Self.error(text))
        #expect(error.kind == .malformed)
        #expect(error.location.file == "bad.xml")
        #expect(error.location.line == 9)
        #expect(error.description.hasPrefix("bad.xml:9"))
    }

    @Test("a stray character before the XML declaration is reported at line 1")
    func strayCharacter() throws {
        let error = try #require(Self.error("`" + Self.disqus(Self.post("10"))))
        #expect(error.kind == .malformed)
        #expect(error.location.line == 1)
    }

    @Test("a truncated export says so, with the line")
    func truncated() throws {
        let full = Self.disqus(Self.post("10") + Self.post("11"))
        let cut = full.split(separator: "\n", omittingEmptySubsequences: false).prefix(6).joined(separator: "\n")
        let error = try #require(Self.error(cut, name: "cut.xml"))
        #expect(error.kind == .malformed)
        #expect(error.location.line == 6)
        #expect(error.message.contains("truncated"))
        #expect(error.message.contains("<post>"))
    }

    @Test("no posts, another root, entity bombs")
    func otherErrors() throws {
        #expect(Self.error(Self.disqus(""))?.kind == .empty)
        #expect(Self.error("")?.kind == .empty)
        let wrongRoot = try #require(Self.error("<rss><channel/></rss>"))
        #expect(wrongRoot.kind == .malformed)
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE disqus [\n<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n<disqus><post dsq:id=\"1\"><message>&b;</message></post></disqus>"
        let error = try #require(Self.error(bomb))
        #expect(error.kind == .malformed)
        #expect(error.location.line == 2)
        #expect(error.message.contains("ENTITY"))
    }
}
