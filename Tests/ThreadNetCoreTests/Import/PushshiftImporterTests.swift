import Foundation
import Testing
@testable import ThreadNetCore

@Suite("PushshiftImporter")
struct PushshiftImporterTests {
    let importer = PushshiftImporter()

    func read(_ text: String, name: String = "RC_test.ndjson") throws -> Corpus {
        try importer.read(InputSource(name: name, text: text), options: ImportOptions())
    }

    @Test("the fixture matches the independent counts, overall and per thread",
          arguments: ["pushshift-sample.ndjson", "pushshift-sample.ndjson.zst"])
    func fixtureCounts(file: String) throws {
        let expected = try StreamFixtures.expected("pushshift-sample")
        let corpus = try importer.read(InputSource(path: StreamFixtures.path(file)), options: ImportOptions())
        #expect(corpus.format == .pushshift)
        #expect(ThreadFacts(stream: corpus.threads) == ThreadFacts(expected: expected))
        #expect(corpus.threads.count == expected["threads"] as? Int)
        #expect(corpus.threads.map(\.id) == expected["threadOrder"] as? [String])
        let perThread = try #require(expected["perThread"] as? [String: [String: Any]])
        for thread in corpus.threads {
            let want = try #require(perThread[thread.id])
            #expect(ThreadFacts(stream: [thread]) == ThreadFacts(expected: want), "\(thread.id)")
            #expect(thread.title == want["title"] as? String)
        }
        #expect(corpus.findings.isEmpty)
        #expect(corpus.emptyThreadCount == 0)
        #expect(corpus.threads.allSatisfy { $0.findings.isEmpty })
    }

    @Test("schema drift: no name, string, int and float created_utc")
    func drift() throws {
        let corpus = try importer.read(InputSource(path: StreamFixtures.path("pushshift-sample.ndjson")), options: ImportOptions())
        let all = Dictionary(uniqueKeysWithValues: corpus.threads.flatMap(\.comments).map { ($0.id, $0) })
        #expect(all.count == 15)
        #expect(all["c15"]?.timestamp == Date(timeIntervalSince1970: 1_134_366_848))          // 2005 int
        #expect(all["c0cmuon"]?.timestamp == Date(timeIntervalSince1970: 1_251_763_201))      // 2009 string
        #expect(all["fp09438"]?.timestamp == Date(timeIntervalSince1970: 1_588_204_800))      // 2020 int
        #expect(all["kod0bkj"]?.timestamp == Date(timeIntervalSince1970: 1_706_745_600))      // 2024 float
        #expect(all.values.allSatisfy { $0.timestamp != nil })
    }

    @Test("deleted authors, deleted and removed bodies, entities, parents")
    func conventions() throws {
        let corpus = try importer.read(InputSource(path: StreamFixtures.path("pushshift-sample.ndjson")), options: ImportOptions())
        let all = Dictionary(uniqueKeysWithValues: corpus.threads.flatMap(\.comments).map { ($0.id, $0) })
        // 2005: the account is deleted but the body is kept.
        let c15 = try #require(all["c15"])
        #expect(c15.author == "" && c15.status.isEmpty && c15.text == "Jython related topics by Frank Wierzbicki")
        #expect(c15.parentID == nil)
        // [deleted] body and author, parent absent from the file: kept, parent id kept.
        let gone = try #require(all["c0cmuon"])
        #expect(gone.status == .deleted && gone.author == "" && gone.text == "" && gone.rawText == "[deleted]")
        #expect(gone.parentID == "c0cmozh")
        // [removed] (2024, collapsed_reason_code DELETED).
        #expect(all["kod0bkj"]?.status == .removed)
        // &gt; quotes decoded, raw body kept.
        let quote = try #require(all["c0cmuoo"])
        #expect(quote.text.hasPrefix(">Nebraska\n>Diocese"))
        #expect(quote.rawText?.hasPrefix("&gt;Nebraska") == true)
        #expect(quote.parentID == "c0cmuon")
        #expect(all["c1b"]?.text.contains("Jython list & wiki") == true)
        // The last line has no newline and is still read.
        #expect(all["kod0bkn"]?.author == "NCCI70I")
        // Locations: line and record numbers.
        #expect(all["c15"]?.location == SourceLocation(file: StreamFixtures.path("pushshift-sample.ndjson"), line: 1, record: 1))
        #expect(all["kod0bkn"]?.location.line == 16)
        // File order within a thread.
        let t = try #require(corpus.threads.first { $0.id == "t3_9fymq" })
        #expect(t.comments.map(\.id) == ["c0cmuon", "c0cmuoo", "c0cmuop", "c0cmuoq"])
    }

    @Test("a submission becomes the root post and gives the title")
    func submission() throws {
        let corpus = try importer.read(InputSource(path: StreamFixtures.path("pushshift-sample.ndjson")), options: ImportOptions())
        let thread = try #require(corpus.threads.first { $0.id == "t3_gaitju" })
        #expect(thread.title == "I'm Dana White, ask me anything")
        #expect(thread.root.author == "danawhite")
        #expect(thread.root.id == "gaitju")
        #expect(thread.root.text == "Ask me about the PPV cards & the schedule.")
        #expect(thread.root.url == "https://www.reddit.com/r/MMA/comments/gaitju/im_dana_white_ask_me_anything/")
        #expect(thread.root.timestamp == Date(timeIntervalSince1970: 1_588_190_000))
        #expect(corpus.threads.first { $0.id == "t3_17869" }?.title == "t3_17869")
    }

    @Test("malformed lines are findings; the rest is read; blank lines and CRLF are fine")
    func malformedLines() throws {
        let text = """
        {"id":"a1","parent_id":"t3_x","link_id":"t3_x","author":"ann","body":"hi","created_utc":1500000000}\r
        {"id":"a2","parent_id":"t1_a1","link_id":"t3_x","author":"bob","body":"yo"

        [1,2,3]
           \t
        {"parent_id":"t1_a1","link_id":"t3_x","author":"cy","body":"no id"}
        {"id":"a3","parent_id":"t1_a1","link_id":"t3_x","author":"bob","body":"ok","created_utc":"soon"}
        """
        let corpus = try read(text, name: "RC_mixed.ndjson")
        #expect(corpus.threads.count == 1)
        #expect(corpus.threads[0].comments.map(\.id) == ["a1", "a3"])
        #expect(corpus.findings.map(\.kind) == [.malformedRecord, .malformedRecord, .malformedRecord])
        #expect(corpus.findings.map(\.location.line) == [2, 4, 6])
        #expect(corpus.findings.allSatisfy { $0.location.file == "RC_mixed.ndjson" })
        #expect(corpus.findings[1].message.contains("not a JSON object"))
        #expect(corpus.findings[2].message.contains("no \"id\""))
        // The unreadable created_utc is a thread finding; the comment is kept without a time.
        #expect(corpus.threads[0].findings.map(\.kind) == [.badTimestamp])
        #expect(corpus.threads[0].findings.first?.location.line == 7)
        #expect(corpus.threads[0].comments[1].timestamp == nil)
    }

    @Test("an invalid UTF-8 line is a finding naming its column")
    func invalidUTF8Line() throws {
        var bytes = Array(#"{"id":"a1","parent_id":"t3_x","link_id":"t3_x","author":"ann","body":"hi"}"#.utf8) + [0x0A]
        bytes += Array(#"{"id":"a2","parent_id":"t3_x","link_id":"t3_x","author":"b"#.utf8) + [0xE9] + Array(#"","body":"x"}"#.utf8)
        let corpus = try importer.read(InputSource(name: "u.ndjson", bytes: bytes), options: ImportOptions())
        #expect(corpus.threads[0].comments.count == 1)
        #expect(corpus.findings.count == 1)
        #expect(corpus.findings.first?.location.line == 2)
        #expect(corpus.findings.first?.message.contains("invalid UTF-8 at byte column 59") == true)
    }

    @Test("no line parses: a malformed error naming the first bad line")
    func nothingParses() {
        let error = importError { _ = try read("\n\nnot json\n{\"a\":1}\n", name: "junk.ndjson") }
        #expect(error?.kind == .malformed)
        #expect(error?.location.file == "junk.ndjson")
        #expect(error?.location.line == 3)
        #expect(error?.message.contains("first bad line 3") == true)
    }

    @Test("an empty file, or submissions only, is an empty input")
    func empty() {
        #expect(importError { _ = try read("", name: "e") }?.kind == .empty)
        #expect(importError { _ = try read("\n  \n", name: "e") }?.kind == .empty)
        let subs = #"{"id":"x1","title":"T","selftext":"","subreddit":"a","author":"me","created_utc":1500000000}"#
        #expect(importError { _ = try read(subs, name: "RS") }?.kind == .empty)
    }

    @Test("parent forms, link_id without prefix, numeric ids, null author, submission without comments")
    func edgeForms() throws {
        let text = """
        {"id":"p1","title":"Post &amp; more","selftext":"[removed]","subreddit":"a","author":"op","created_utc":1500000000,"url":"https://e.com/x"}
        {"id":"q9","title":"Lonely","selftext":"","subreddit":"a","author":"op","created_utc":1500000000}
        {"id":"c1","parent_id":"t3_p1","link_id":"p1","author":null,"body":"a"}
        {"id":"c2","parent_id":"c1","link_id":"t3_p1","author":" &lt;b&gt; ","body":"[ Removed by Reddit ]"}
        {"id":77,"parent_id":"p1","link_id":"t3_p1","author":"z","body":"b","created_utc":1500000000000}
        """
        let corpus = try read(text)
        #expect(corpus.threads.count == 1)
        #expect(corpus.emptyThreadCount == 1)
        let t = corpus.threads[0]
        #expect(t.id == "t3_p1" && t.title == "Post & more" && t.root.text == "" && t.root.url == "https://e.com/x")
        #expect(t.comments.map(\.parentID) == [nil, "c1", nil])
        #expect(t.comments.map(\.author) == ["", "<b>", "z"])
        #expect(t.comments[1].status == .removed)
        #expect(t.comments[2].id == "77")
        #expect(t.comments[2].timestamp == Date(timeIntervalSince1970: 1_500_000_000))
    }

    @Test("detection: yes for the fixture (plain and zstd), no for other formats")
    func detection() throws {
        for file in ["pushshift-sample.ndjson", "pushshift-sample.ndjson.zst"] {
            let head = try StreamFixtures.head(of: StreamFixtures.folder.appendingPathComponent(file))
            #expect(importer.detect(head: head, fileName: file))
        }
        // A submission line first, then a comment.
        let mixed = #"{"id":"p1","title":"T","selftext":"","subreddit":"a"}"# + "\n" + #"{"id":"c1","parent_id":"t3_p1","link_id":"t3_p1","body":"x"}"#
        #expect(importer.detect(head: Array(mixed.utf8), fileName: "x"))
        // A first line longer than the head.
        let long = #"{"id":"c1","parent_id":"t3_p1","link_id":"t3_p1","author":"a","body":""# + String(repeating: "x", count: 70_000)
        #expect(importer.detect(head: Array(long.utf8.prefix(64 * 1024)), fileName: "x"))
        for url in StreamFixtures.otherFixtureFiles() {
            #expect(!importer.detect(head: try StreamFixtures.head(of: url), fileName: url.lastPathComponent), "\(url.lastPathComponent)")
        }
        for other in ["comments-generic.ndjson", "comments-generic.json", "hn-items-sample.csv"] {
            let url = StreamFixtures.folder.appendingPathComponent(other)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            #expect(!importer.detect(head: try StreamFixtures.head(of: url), fileName: other), "\(other)")
        }
        #expect(!importer.detect(head: [], fileName: "x"))
        #expect(!importer.detect(head: Array(#"{"id":"1","parent":"0","text":"x"}"#.utf8), fileName: "x"))
    }
}
