import Foundation
import Testing
@testable import ThreadNetCore

@Suite("HNAlgoliaImporter")
struct HNAlgoliaImporterTests {
    let importer = HNAlgoliaImporter()

    @Test func item17MatchesIndependentCounts() throws {
        let corpus = try importer.read(JSONFixture.input("hn-algolia-item17-fraction.json"), options: ImportOptions())
        let expected = try JSONFixture.expected("hn-algolia-item17-fraction")
        #expect(corpus.format == .hnAlgolia)
        #expect(corpus.threads.count == expected["threadCount"] as? Int)
        let thread = try #require(corpus.threads.first)
        #expect(ThreadFacts(thread) == ThreadFacts(expected: expected))
        let block = try #require((expected["threads"] as? [[String: Any]])?.first)
        #expect(thread.id == block["id"] as? String)
    }

    @Test func topCommentIsTopLevelUnderItsStory() throws {
        let thread = try #require(try importer.read(JSONFixture.input("hn-algolia-item17-fraction.json"), options: ImportOptions()).threads.first)
        #expect(thread.id == "1")
        #expect(thread.root.id == "1")
        #expect(thread.root.author == "")
        #expect(thread.comments.map(\.id) == ["17", "1079", "454426"])
        #expect(thread.comments.map(\.parentID) == [nil, "17", "17"])
        #expect(thread.comments.map(\.author) == ["pg", "dmon", "Arrington"])
        #expect(thread.comments[0].text == "Is there anywhere to eat on Sandhill Road?")
        #expect(thread.comments[0].rawText == "<p>Is there anywhere to eat on Sandhill Road?</p>")
        #expect(thread.comments[2].text == "This is why we can't have nice things.")
        #expect(thread.comments[0].timestamp == Date(timeIntervalSince1970: 1160423565))
        let note = try #require(thread.findings.first { $0.kind == .note })
        #expect(note.message.contains("top item 17 is a comment"))
        #expect(note.message.contains("its real parent, item 15, is not in the file"))
        #expect(!thread.findings.contains { $0.kind == .orphanReply || $0.kind == .badTimestamp })
    }

    @Test func detectsAlgoliaFixtureOnly() throws {
        let files = JSONFixture.allFixtureFiles()
        #expect(files.count >= 5)
        for path in files {
            let name = (path as NSString).lastPathComponent
            #expect(importer.detect(head: try JSONFixture.head(path), fileName: name) == name.hasPrefix("hn-algolia"), "\(name)")
        }
    }

    static let story = #"""
    {"id": 100, "created_at": "2020-01-02T03:04:05.000Z", "created_at_i": 1577934245, "type": "story",
     "author": "alice", "title": "Show HN: Tom &amp; Jerry", "url": "https://example.com", "text": null,
     "points": 10, "parent_id": null, "story_id": 100, "options": [], "children": [
       {"id": 101, "created_at_i": 1577934300, "type": "comment", "author": "bob", "text": "I&#x27;m <i>sure</i><p>Next",
        "parent_id": 100, "story_id": 100, "children": [
          {"id": 102, "created_at": "2020-01-02T03:10:00.000Z", "type": "comment", "author": null, "text": null,
           "parent_id": 101, "story_id": 100, "children": [
             {"id": 103, "created_at_i": 1577934500, "type": "comment", "author": "bob", "text": "still here",
              "parent_id": 102, "story_id": 100, "children": []}]}]},
       {"id": 104, "created_at_i": "garbage", "type": "comment", "author": "carol", "text": "<p>second</p>",
        "parent_id": 999, "story_id": 100, "children": []},
       {"id": 105, "type": "pollopt", "author": "alice", "text": "option", "parent_id": 100, "story_id": 100, "children": []}]}
    """#

    @Test func storyRootDeletedPlaceholdersAndNotes() throws {
        let thread = try #require(try JSONFixture.read(importer, Self.story).threads.first)
        #expect(thread.id == "100")
        #expect(thread.title == "Show HN: Tom & Jerry")
        #expect(thread.root.author == "alice")
        #expect(thread.root.url == "https://example.com")
        #expect(thread.root.timestamp == Date(timeIntervalSince1970: 1577934245))
        #expect(thread.comments.map(\.id) == ["101", "102", "103", "104"])
        #expect(thread.comments.map(\.parentID) == [nil, "101", "102", nil])
        #expect(thread.comments[0].text == "I'm sure\n\nNext")
        #expect(thread.comments[1].status == .deleted)
        #expect(thread.comments[1].author == "")
        #expect(thread.comments[1].text == "")
        #expect(thread.comments[1].timestamp == Date(timeIntervalSince1970: 1577934600))
        #expect(thread.comments[3].timestamp == nil)
        #expect(thread.comments[3].location.record == 4)
        #expect(thread.findings.filter { $0.kind == .badTimestamp }.count == 1)
        #expect(thread.findings.contains { $0.kind == .note && $0.message.contains("1 poll option") })
        #expect(thread.findings.contains { $0.kind == .note && $0.message.contains("1 comment's `parent_id` disagrees with the nesting (104)") })
    }

    @Test func storyWithoutChildrenIsEmpty() {
        let error = JSONFixture.error(importer, #"{"id": 5, "type": "story", "title": "t", "story_id": 5, "created_at_i": 1577934245, "children": []}"#)
        #expect(error?.kind == .empty)
        #expect(error?.message.contains("no comments") == true)
    }

    @Test func wrongShapeNamesThePath() {
        let array = JSONFixture.error(importer, #"[{"id": 1}]"#, name: "a.json")
        #expect(array?.kind == .malformed)
        #expect(array?.message == "$: expected an Algolia item object, found an array")
        let child = JSONFixture.error(importer, #"{"id": 1, "type": "story", "story_id": 1, "children": [{"id": 2, "children": "x"}]}"#)
        #expect(child?.message == "$.children[0].children: expected an array, found a string")
        #expect(child?.location.record == 1)
        let noID = JSONFixture.error(importer, #"{"id": 1, "type": "story", "story_id": 1, "children": [{"author": "x", "children": []}]}"#)
        #expect(noID?.message.contains("$.children[0]: expected a key \"id\"") == true)
    }

    @Test func truncatedFile() {
        let error = JSONFixture.error(importer, String(Self.story.prefix(300)), name: "cut.json")
        #expect(error?.kind == .malformed)
        #expect(error?.location.file == "cut.json")
        #expect(error?.location.line == 4)
    }

    @Test func deepestNestingTheParserAccepts() throws {
        // Two JSON levels per reply: 250 replies deep is 501 levels, within Foundation's 512.
        let depth = 250
        var text = #"{"id": 0, "type": "story", "story_id": 0, "title": "deep", "children": ["#
        for i in 1...depth { text += #"{"id": \#(i), "type": "comment", "author": "u\#(i % 2)", "text": "t", "children": ["# }
        text += String(repeating: "]}", count: depth) + "]}"
        let thread = try #require(try JSONFixture.read(importer, text).threads.first)
        #expect(thread.comments.count == depth)
        #expect(thread.comments.last?.parentID == "\(depth - 1)")
    }

    @Test func walkerIsIterativeFarBeyondTheParser() throws {
        // Built in memory (the parser stops at 512 levels): 100,000 replies deep.
        let depth = 100_000
        var node: Any = ["id": depth, "type": "comment", "author": "u", "text": "t", "children": [Any]()] as [String: Any]
        for i in stride(from: depth - 1, through: 1, by: -1) {
            let children: [Any] = [node]
            node = ["id": i, "type": "comment", "author": "u", "text": "t", "children": children] as [String: Any]
        }
        var root: Any = ["id": 0, "type": "story", "story_id": 0, "title": "deep", "children": [node] as [Any]] as [String: Any]
        node = ""
        let thread = try HNAlgoliaImporter.thread(JSONSupport.Node(root: root, paths: JSONSupport.Paths(file: "deep.json")), file: "deep.json")
        #expect(thread.comments.count == depth)
        #expect(thread.comments.last?.parentID == "\(depth - 1)")
        JSONTestNest.release(&root)
    }
}
