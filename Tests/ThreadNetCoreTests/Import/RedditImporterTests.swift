import Foundation
import Testing
@testable import ThreadNetCore

@Suite("RedditImporter")
struct RedditImporterTests {
    let importer = RedditImporter()

    // MARK: Real fixtures

    @Test func thread3hahrwMatchesIndependentCounts() throws {
        let corpus = try importer.read(JSONFixture.input("reddit-3hahrw-thread.json"), options: ImportOptions())
        let expected = try JSONFixture.expected("reddit-3hahrw-thread")
        #expect(corpus.format == .reddit)
        #expect(corpus.threads.count == expected["threadCount"] as? Int)
        let thread = try #require(corpus.threads.first)
        #expect(ThreadFacts(thread) == ThreadFacts(expected: expected))
        #expect(thread.comments.filter { $0.author.isEmpty }.count == expected["deletedAuthors"] as? Int)
        #expect(thread.id == "3hahrw")
        #expect(thread.title == "Ba Dum Tsss")
        #expect(thread.root.author == "your_local_librarian")
        #expect(thread.root.url == "http://i.imgur.com/eoF76hj.gifv")
        #expect(thread.root.timestamp == Date(timeIntervalSince1970: 1439797480))
        #expect(Set(thread.comments.map(\.id)).count == thread.comments.count)
        #expect(!thread.findings.contains { $0.kind == .badTimestamp })
    }

    @Test func moreStubsAreOneMissingCommentsFinding() throws {
        let thread = try #require(try importer.read(JSONFixture.input("reddit-3hahrw-thread.json"), options: ImportOptions()).threads.first)
        let expected = try JSONFixture.expected("reddit-3hahrw-thread")
        let more = try #require(expected["missingComments"] as? [String: Any])
        let findings = thread.findings.filter { $0.kind == .missingComments }
        #expect(findings.count == 1)
        let message = try #require(findings.first?.message)
        #expect(message.contains("\(more["stubs"] as? Int ?? -1) `more` stubs stand for \(more["count"] as? Int ?? -1) comments"))
        #expect(message.contains("\(more["continueStubs"] as? Int ?? -1) of the stubs are \"continue this thread\""))
        #expect(message.contains("num_comments = 543"))
        #expect(findings.first?.location.file.hasSuffix("reddit-3hahrw-thread.json") == true)
    }

    @Test func deletedBodiesAndAuthorsInTheFixture() throws {
        let thread = try #require(try importer.read(JSONFixture.input("reddit-3hahrw-thread.json"), options: ImportOptions()).threads.first)
        let deleted = try #require(thread.comments.first { $0.id == "cu5w5hz" })
        #expect(deleted.status == .deleted)
        #expect(deleted.author == "")
        #expect(deleted.text == "")
        #expect(deleted.rawText == "[deleted]")
        // Account deleted, body kept: an ordinary comment with an unknown author.
        let kept = try #require(thread.comments.first { $0.id == "cu5p1yt" })
        #expect(kept.status == [])
        #expect(kept.author == "")
        #expect(kept.text.hasPrefix("Wanted to repost this"))
    }

    @Test func sourceOrderIsDepthFirst() throws {
        let thread = try #require(try importer.read(JSONFixture.input("reddit-3hahrw-thread.json"), options: ImportOptions()).threads.first)
        // Every reply comes after its parent, and records count up from 1.
        var seen = Set<String>()
        for (i, c) in thread.comments.enumerated() {
            if let p = c.parentID { #expect(seen.contains(p)) }
            seen.insert(c.id)
            #expect(c.location.record == i + 1)
        }
        #expect(thread.comments.first?.parentID == nil)
        #expect(thread.comments[1].parentID == thread.comments[0].id)
    }

    @Test func emptyCommentListingThrowsEmpty() throws {
        let expected = try JSONFixture.expected("reddit-52o2fl-deleted-context")
        #expect(expected["comments"] as? Int == 0)
        #expect(expected["emptyThreads"] as? Int == 1)
        let error = #expect(throws: ImportError.self) {
            try importer.read(JSONFixture.input("reddit-52o2fl-deleted-context.json"), options: ImportOptions())
        }
        #expect(error?.kind == .empty)
        #expect(error?.message.contains("no comments") == true)
        #expect(error?.message.contains("52o2fl") == true)
        #expect(error?.message.contains("num_comments = 19") == true)
        #expect(error?.location.file.hasSuffix("reddit-52o2fl-deleted-context.json") == true)
    }

    // MARK: Detection

    @Test func detectsRedditFixturesOnly() throws {
        let files = JSONFixture.allFixtureFiles()
        #expect(files.count >= 5)
        for path in files {
            let name = (path as NSString).lastPathComponent
            let head = try JSONFixture.head(path)
            #expect(importer.detect(head: head, fileName: name) == name.hasPrefix("reddit-"), "\(name)")
        }
        #expect(!importer.detect(head: Array("[{\"kind\": \"t1\"}]".utf8), fileName: "x.json"))
        #expect(!importer.detect(head: Array("{\"kind\": \"Listing\", \"data\": {\"children\": [{\"kind\": \"t3\"}]}}".utf8), fileName: "x.json"))
    }

    // MARK: Hand-written traps

    static func doc(post: String = #"{"kind": "t3", "data": {"id": "p1", "title": "T &amp; U", "author": "op", "selftext": "", "created_utc": 1439797480.0}}"#,
                    comments: String) -> String {
        #"[{"kind": "Listing", "data": {"children": [\#(post)]}}, {"kind": "Listing", "data": {"children": [\#(comments)]}}]"#
    }

    static func t1(_ id: String, parent: String, author: String = "a", body: String = "hi", replies: String = "\"\"",
                   extra: String = "") -> String {
        #"{"kind": "t1", "data": {"id": "\#(id)", "parent_id": "\#(parent)", "author": "\#(author)", "body": "\#(body)", "created_utc": 1439797500.0, "replies": \#(replies)\#(extra)}}"#
    }

    static func listing(_ children: String) -> String { #"{"kind": "Listing", "data": {"children": [\#(children)]}}"# }

    @Test func escapedBodiesAreDecodedWithoutRawJSON() throws {
        let c = Self.t1("c1", parent: "t3_p1", body: "&amp;gt; quote &amp;amp; more",
                        extra: #", "body_html": "&lt;div class=\"md\"&gt;&lt;p&gt;x&lt;/p&gt;&lt;/div&gt;""#)
        let thread = try #require(try JSONFixture.read(importer, Self.doc(comments: c)).threads.first)
        #expect(thread.comments[0].text == "> quote & more")
        #expect(thread.comments[0].rawText == "&amp;gt; quote &amp;amp; more")
        #expect(thread.title == "T & U")
    }

    @Test func rawJSONBodiesAreKept() throws {
        let c = Self.t1("c1", parent: "t3_p1", body: "a &amp; b",
                        extra: #", "body_html": "<div class=\"md\"><p>a &amp;amp; b</p></div>""#)
        let thread = try #require(try JSONFixture.read(importer, Self.doc(comments: c)).threads.first)
        #expect(thread.comments[0].text == "a &amp; b")
        #expect(thread.comments[0].rawText == nil)
    }

    @Test func parentsRemovedAndNullReplies() throws {
        let inner = Self.t1("c2", parent: "t1_c1", author: "[deleted]", body: "[removed]", replies: "null")
        let outer = Self.t1("c1", parent: "t3_p1", author: "x", replies: Self.listing(inner))
        let orphan = Self.t1("c3", parent: "t1_gone", author: "y")
        let more = #"{"kind": "more", "data": {"count": 5, "id": "m1", "children": ["m1"]}}"#
        let thread = try #require(try JSONFixture.read(importer, Self.doc(comments: [outer, orphan, more].joined(separator: ","))).threads.first)
        #expect(thread.comments.map(\.id) == ["c1", "c2", "c3"])
        #expect(thread.comments.map(\.parentID) == [nil, "c1", "gone"])
        #expect(thread.comments[1].status == .removed)
        #expect(thread.comments[1].author == "")
        #expect(thread.comments[1].rawText == "[removed]")
        #expect(thread.findings.filter { $0.kind == .missingComments }.map(\.message)
                == ["1 `more` stub stands for 5 comments not in the file"])
    }

    @Test func timestampsAsStringsAndUnreadableOnes() throws {
        let good = Self.t1("c1", parent: "t3_p1").replacingOccurrences(of: "1439797500.0", with: "\"1439797500\"")
        let bad = Self.t1("c2", parent: "t3_p1").replacingOccurrences(of: "1439797500.0", with: "\"yesterday\"")
        let thread = try #require(try JSONFixture.read(importer, Self.doc(comments: good + "," + bad)).threads.first)
        #expect(thread.comments[0].timestamp == Date(timeIntervalSince1970: 1439797500))
        #expect(thread.comments[1].timestamp == nil)
        let finding = try #require(thread.findings.first { $0.kind == .badTimestamp })
        #expect(finding.location == SourceLocation(file: "test.json", record: 2))
        #expect(finding.message.contains("yesterday"))
    }

    @Test func titleOptionOverrides() throws {
        let corpus = try JSONFixture.read(importer, Self.doc(comments: Self.t1("c1", parent: "t3_p1")),
                                          options: ImportOptions(title: "Mine"))
        #expect(corpus.threads.first?.title == "Mine")
    }

    // MARK: Bad input

    @Test func objectInsteadOfArrayIsMalformed() {
        let error = JSONFixture.error(importer, #"{"kind": "Listing", "data": {"children": []}}"#, name: "wrong.json")
        #expect(error?.kind == .malformed)
        #expect(error?.location.file == "wrong.json")
        #expect(error?.message.contains("$: expected an array of two Listings") == true)
        #expect(error?.description.hasPrefix("wrong.json") == true)
    }

    @Test func wrongCountOfListings() {
        let error = JSONFixture.error(importer, #"[{"kind": "Listing", "data": {"children": []}}]"#)
        #expect(error?.kind == .malformed)
        #expect(error?.message.contains("found an array of 1") == true)
    }

    @Test func repliesOfTheWrongTypeNameTheirPath() {
        let c = Self.t1("c1", parent: "t3_p1", replies: "42")
        let error = JSONFixture.error(importer, Self.doc(comments: c))
        #expect(error?.kind == .malformed)
        #expect(error?.message == "$[1].data.children[0].data.replies: expected a Listing object or \"\", found a number")
        #expect(error?.location.record == 1)
    }

    @Test func childrenNotAnArrayNamesThePath() {
        let text = #"[{"kind": "Listing", "data": {"children": []}}, {"kind": "Listing", "data": {"children": {"a": 1}}}]"#
        let error = JSONFixture.error(importer, text)
        #expect(error?.kind == .malformed)
        #expect(error?.message == "$[1].data.children: expected an array, found an object")
    }

    @Test func truncatedFileNamesTheLine() {
        let full = Self.doc(comments: Self.t1("c1", parent: "t3_p1")).replacingOccurrences(of: ", {\"kind\": \"Listing\"", with: ",\n{\"kind\": \"Listing\"")
        let cut = String(full.prefix(full.count - 20))
        let error = JSONFixture.error(importer, cut, name: "cut.json")
        #expect(error?.kind == .malformed)
        #expect(error?.location == SourceLocation(file: "cut.json", line: 2))
        #expect(error?.message.contains("truncated") == true)
    }

    @Test func invalidJSONNamesLineAndColumn() {
        let error = JSONFixture.error(importer, "[\n  {\"kind\": tru}\n]")
        #expect(error?.kind == .malformed)
        #expect(error?.location.line == 2)
        #expect(error?.message.contains("line 2, column") == true)
    }

    @Test func emptyFileIsEmpty() {
        #expect(JSONFixture.error(importer, "  \n")?.kind == .empty)
    }

    // MARK: Depth

    /// A single chain of `depth` nested replies.
    static func chain(depth: Int) -> String {
        var text = ""
        for i in 0..<depth {
            let parent = i == 0 ? "t3_p1" : "t1_c\(i - 1)"
            text += #"{"kind": "t1", "data": {"id": "c\#(i)", "parent_id": "\#(parent)", "author": "u\#(i % 3)", "body": "b", "replies": "#
            text += i == depth - 1 ? "\"\"" : #"{"kind": "Listing", "data": {"children": ["#
        }
        for i in 0..<depth {
            if i > 0 { text += "]}}" }
            text += "}}"
        }
        return doc(comments: text)
    }

    @Test func deepestNestingTheParserAccepts() throws {
        // Five JSON levels per reply: 100 replies deep is 503 levels, within Foundation's 512.
        let thread = try #require(try JSONFixture.read(importer, Self.chain(depth: 100)).threads.first)
        #expect(thread.comments.count == 100)
        #expect(thread.comments.last?.parentID == "c98")
    }

    @Test func nestingBeyondTheParserLimitIsAClearError() {
        let error = JSONFixture.error(importer, Self.chain(depth: 150))
        #expect(error?.kind == .malformed)
        #expect(error?.message.contains("nested deeper than 512") == true)
        #expect(error?.location.line == 1)
    }

    @Test func walkerIsIterativeFarBeyondTheParser() throws {
        // Built in memory (the parser stops at 512 levels): 100,000 replies deep.
        let depth = 100_000
        var node: Any = ""
        for i in stride(from: depth - 1, through: 0, by: -1) {
            let parent = i == 0 ? "t3_p1" : "t1_c\(i - 1)"
            let data: [String: Any] = ["id": "c\(i)", "parent_id": parent, "author": "u", "body": "b", "replies": node]
            let t1: [String: Any] = ["kind": "t1", "data": data]
            node = JSONTestNest.listing([t1])
        }
        let t3: [String: Any] = ["kind": "t3", "data": ["id": "p1", "title": "deep"] as [String: Any]]
        let post = JSONTestNest.listing([t3])
        let paths = JSONSupport.Paths(file: "deep.json")
        var reader = RedditImporter.Reader(file: "deep.json")
        let thread = try reader.thread(JSONSupport.Node(root: [post, node] as [Any], paths: paths), fallbackID: "deep")
        #expect(thread.comments.count == depth)
        #expect(thread.comments.last?.parentID == "c\(depth - 2)")
        // Let go of the nest one level at a time so that releasing it does not recurse deeply.
        JSONTestNest.release(&node)
    }
}

/// Frees a deeply nested JSON-like value without deep recursive deinitialization.
///
/// Every level is typed `[String: Any]` / `[Any]` as `JSONSerialization` produces it: a cast
/// between differently typed collections would bridge the whole nest, recursively.
enum JSONTestNest {
    static func listing(_ children: [Any]) -> [String: Any] {
        let data: [String: Any] = ["children": children]
        return ["kind": "Listing", "data": data]
    }

    static func release(_ value: inout Any) {
        var pending: [Any] = [value]
        value = ""
        while let next = pending.popLast() {
            if let dict = next as? [String: Any] { pending.append(contentsOf: dict.values) }
            else if let array = next as? [Any] { pending.append(contentsOf: array) }
        }
    }
}
