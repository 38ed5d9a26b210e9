import Foundation
import Testing
@testable import ThreadNetCore

@Suite("HNFirebaseImporter")
struct HNFirebaseImporterTests {
    let importer = HNFirebaseImporter()

    func corpus() throws -> Corpus {
        try importer.read(JSONFixture.input("hn-firebase-items.json"), options: ImportOptions())
    }

    @Test func itemsMatchIndependentCounts() throws {
        let corpus = try corpus()
        let expected = try JSONFixture.expected("hn-firebase-items")
        #expect(corpus.format == .hnFirebase)
        #expect(corpus.threads.count == expected["threadCount"] as? Int)
        #expect(corpus.emptyThreadCount == expected["emptyThreads"] as? Int)
        #expect(ThreadFacts(corpus) == ThreadFacts(expected: expected))
        let blocks = try #require(expected["threads"] as? [[String: Any]])
        #expect(corpus.threads.map(\.id) == blocks.compactMap { $0["id"] as? String })
        #expect(corpus.threads.map(\.title) == blocks.compactMap { $0["title"] as? String })
        for (thread, block) in zip(corpus.threads, blocks) {
            #expect(ThreadFacts(thread) == ThreadFacts(expected: block), "\(thread.id)")
        }
        #expect(corpus.findings.contains { $0.kind == .note && $0.message.contains("2 poll options") })
    }

    @Test func storyThreadDetails() throws {
        let thread = try #require(try corpus().threads.first)
        #expect(thread.root.author == "dhouston")
        #expect(thread.root.url == "http://www.getdropbox.com/u/2/screencast.html")
        #expect(thread.root.timestamp == Date(timeIntervalSince1970: 1175714200))
        let byID = Dictionary(thread.comments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byID["9224"]?.parentID == nil)
        #expect(byID["9400"]?.parentID == "9224") // from the kids list
        #expect(byID["9479"]?.status == .deleted)
        #expect(byID["9479"]?.author == "")
        #expect(byID["8917"]?.status == .removed)
        #expect(byID["8917"]?.author == "spammer")
        #expect(byID["8917"]?.text == "Buy cheap <stuff> here")
        #expect(byID["9300"]?.text == "I'm \"sure\" it will work.\n\nNext paragraph.")
        #expect(byID["9300"]?.location == SourceLocation(file: JSONFixture.path("hn-firebase-items.json"), record: 8))
        // File order is kept.
        #expect(thread.comments.map(\.id) == ["9224", "9272", "9479", "9500", "9400", "8917", "9300", "9301", "9302"])
    }

    @Test func orphanChainFormsItsOwnThread() throws {
        let thread = try #require(try corpus().threads.last)
        #expect(thread.id == "999999")
        #expect(thread.root.id == "999999")
        #expect(thread.comments.map(\.parentID) == ["999999", "126821"])
        let finding = try #require(thread.findings.first { $0.kind == .badTimestamp })
        #expect(finding.location.record == 16)
        #expect(finding.message.contains("not a time"))
    }

    @Test func singleStoryTakesOrphans() throws {
        let text = """
        [{"id": 1, "type": "story", "by": "a", "title": "S", "time": 1175714200},
         {"id": 2, "type": "comment", "by": "b", "parent": 1, "time": 1175714300, "text": "x"},
         {"id": 3, "type": "comment", "by": "c", "parent": 77, "time": 1175714400, "text": "y"}]
        """
        let corpus = try JSONFixture.read(importer, text)
        #expect(corpus.threads.count == 1)
        #expect(corpus.threads[0].comments.map(\.parentID) == [nil, "77"])
    }

    @Test func ndjsonWithABadLine() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: JSONFixture.path("hn-firebase-items.json")))
        let items = try #require(try JSONSerialization.jsonObject(with: data) as? [Any])
        var lines = try items.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        lines.insert("{\"id\": 5, \"type\": \"comment\", broken", at: 3)
        lines.insert("", at: 5)
        let corpus = try JSONFixture.read(importer, lines.joined(separator: "\n") + "\n", name: "items.ndjson")
        let expected = try JSONFixture.expected("hn-firebase-items")
        #expect(ThreadFacts(corpus) == ThreadFacts(expected: expected))
        let bad = try #require(corpus.findings.first { $0.kind == .malformedRecord })
        #expect(bad.location == SourceLocation(file: "items.ndjson", line: 4, record: 4))
        #expect(bad.message.contains("line 4 is not valid JSON"))
        let moved = try #require(corpus.threads.first?.comments.first { $0.id == "9224" })
        #expect(moved.location == SourceLocation(file: "items.ndjson", line: 2, record: 2))
    }

    @Test func singleItemAndRecordsThatAreNotItems() throws {
        let single = JSONFixture.error(importer, #"{"id": 8863, "type": "story", "by": "d", "kids": [1]}"#)
        #expect(single?.kind == .empty)
        let text = #"[null, 42, {"by": "x"}, {"id": 2, "type": "comment", "by": "b", "parent": 1, "time": 1175714300}]"#
        let corpus = try JSONFixture.read(importer, text)
        #expect(corpus.findings.filter { $0.kind == .malformedRecord }.map(\.location.record) == [1, 2, 3])
        #expect(corpus.threads.count == 1)
        #expect(corpus.threads[0].title == "HN item 1 (not in the file)")
    }

    @Test func parentCyclesTerminate() throws {
        let text = #"[{"id": 1, "type": "comment", "by": "a", "parent": 2}, {"id": 2, "type": "comment", "by": "b", "parent": 1}]"#
        let corpus = try JSONFixture.read(importer, text)
        #expect(corpus.threads.flatMap(\.comments).count == 2)
    }

    @Test func wrongShapeAndBrokenJSON() {
        let scalar = JSONFixture.error(importer, "\"hello\"")
        #expect(scalar?.kind == .malformed)
        #expect(scalar?.message == "$: expected a JSON array of Hacker News items, one item object, or NDJSON, found a string")
        let broken = JSONFixture.error(importer, "[{\"id\": 1,\n \"type\": }]", name: "b.json")
        #expect(broken?.kind == .malformed)
        #expect(broken?.location == SourceLocation(file: "b.json", line: 2))
        let brokenObject = JSONFixture.error(importer, "{\"id\": 1, \"type\": ", name: "c.json")
        #expect(brokenObject?.kind == .malformed)
        #expect(brokenObject?.message.contains("truncated") == true)
        let field = JSONFixture.error(importer, #"[{"id": 1, "type": "comment", "by": ["x"], "parent": 2}]"#)
        #expect(field?.message == "$[0].by: expected a string, found an array")
        #expect(field?.location.record == 1)
    }

    @Test func detectsFirebaseFixtureOnly() throws {
        let files = JSONFixture.allFixtureFiles()
        #expect(files.count >= 5)
        for path in files {
            let name = (path as NSString).lastPathComponent
            #expect(importer.detect(head: try JSONFixture.head(path), fileName: name) == name.hasPrefix("hn-firebase"), "\(name)")
        }
        let ndjson = #"{"by":"a","id":1,"parent":2,"text":"x","time":1175714300,"type":"comment"}"# + "\n" + #"{"id":3}"#
        #expect(importer.detect(head: Array(ndjson.utf8), fileName: "x"))
        let pushshift = #"{"id":"c1","author":"a","body":"x","parent_id":"t3_x","link_id":"t3_x","created_utc":1}"#
        #expect(!importer.detect(head: Array(pushshift.utf8), fileName: "x"))
    }
}
