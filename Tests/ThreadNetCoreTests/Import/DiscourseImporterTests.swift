import Foundation
import Testing
@testable import ThreadNetCore

@Suite("DiscourseImporter")
struct DiscourseImporterTests {
    let importer = DiscourseImporter()
    static let fixture = "discourse-topic57-discourse_api"

    @Test func topicMatchesIndependentCounts() throws {
        let corpus = try importer.read(JSONFixture.input("\(Self.fixture).json"), options: ImportOptions())
        let expected = try JSONFixture.expected(Self.fixture)
        #expect(corpus.format == .discourse)
        let thread = try #require(corpus.threads.first)
        #expect(corpus.threads.count == expected["threadCount"] as? Int)
        #expect(ThreadFacts(thread) == ThreadFacts(expected: expected))
        #expect(thread.comments.filter { $0.status.contains(.system) }.count == (expected["statuses"] as? [String: Int])?["system"])
        #expect(thread.findings.filter { $0.kind == .missingComments }.count == ((expected["missingPosts"] as? Int ?? 0) > 0 ? 1 : 0))
        #expect(thread.root.author == expected["rootAuthor"] as? String)
    }

    @Test func topicDetails() throws {
        let thread = try #require(try importer.read(JSONFixture.input("\(Self.fixture).json"), options: ImportOptions()).threads.first)
        #expect(thread.id == "57")
        #expect(thread.title == "THIS SITE IS A SANDBOX -- it is reset every day")
        #expect(thread.root.id == "1")
        #expect(thread.root.text.hasPrefix("Welcome!\n\nTry is a sandbox, a safe place to play with Discourse and its features.\n\n"))
        #expect(thread.root.timestamp == TimestampParser.parse("2013-02-04T15:26:26.278-05:00"))
        #expect(thread.comments.map(\.id) == ["2", "3", "14"])
        #expect(thread.comments.map(\.parentID) == [nil, nil, nil]) // 14 replies to post 1: the topic
        #expect(thread.comments[0].status == .system)
        #expect(thread.comments[0].text == "This topic is now pinned. It will appear at the top of its category.")
        #expect(thread.comments[2].author == "splattne")
        #expect(thread.comments[2].text == "What? So I have to post this every day?")
        #expect(thread.comments[2].location.record == 4)
    }

    static func post(_ number: Int, id: Int, replyTo: Int? = nil, type: Int = 1, extra: String = "") -> String {
        let reply = replyTo.map(String.init) ?? "null"
        return #"{"id": \#(id), "post_number": \#(number), "username": "user\#(number % 3)", "created_at": "2013-02-04T15:26:26.278-05:00", "cooked": "<p>post \#(number)</p>", "reply_to_post_number": \#(reply), "post_type": \#(type)\#(extra)}"#
    }

    @Test func repliesStatusesAndPagination() throws {
        let posts = [
            Self.post(1, id: 10),
            Self.post(2, id: 11, replyTo: nil, type: 3),
            Self.post(3, id: 12, replyTo: 1),
            Self.post(5, id: 14, replyTo: 3, extra: #", "deleted_at": "2013-02-05T00:00:00Z""#),
            Self.post(6, id: 15, replyTo: 4, extra: #", "user_deleted": true"#),
            Self.post(7, id: 16, replyTo: 6, extra: #", "hidden": true"#),
        ].joined(separator: ",")
        let text = #"{"post_stream": {"posts": [\#(posts)], "stream": [10, 11, 12, 13, 14, 15, 16, 17, 18]}, "id": 9, "title": "A &amp; B"}"#
        let thread = try #require(try JSONFixture.read(importer, text).threads.first)
        #expect(thread.title == "A & B")
        #expect(thread.comments.map(\.parentID) == [nil, nil, "3", "4", "6"])
        #expect(thread.comments.map(\.status) == [.system, [], .deleted, .deleted, .removed])
        let missing = try #require(thread.findings.first { $0.kind == .missingComments })
        #expect(missing.message.contains("lists 9 posts but the file holds 6: 3 posts are missing"))
    }

    @Test func laterChunkWithoutTheOpeningPost() throws {
        let text = #"{"post_stream": {"posts": [\#(Self.post(21, id: 40, replyTo: 1))]}, "id": 9, "title": "T", "created_at": "2013-02-04T15:26:25.977-05:00", "details": {"created_by": {"username": "op"}}}"#
        let thread = try #require(try JSONFixture.read(importer, text).threads.first)
        #expect(thread.root.author == "op")
        #expect(thread.root.timestamp != nil)
        #expect(thread.comments.first?.parentID == nil)
        #expect(thread.findings.contains { $0.kind == .note })
    }

    @Test func openingPostOnlyIsEmptyAndWrongShapes() {
        let only = JSONFixture.error(importer, #"{"post_stream": {"posts": [\#(Self.post(1, id: 10))]}, "id": 9}"#)
        #expect(only?.kind == .empty)
        #expect(only?.message.contains("topic 9") == true)
        let noPosts = JSONFixture.error(importer, #"{"post_stream": {"stream": []}}"#, name: "t.json")
        #expect(noPosts?.kind == .malformed)
        #expect(noPosts?.message == "$.post_stream: expected a key \"posts\" holding an array, found no such key")
        let badNumber = JSONFixture.error(importer, #"{"post_stream": {"posts": [{"post_number": [2]}]}}"#)
        #expect(badNumber?.message == "$.post_stream.posts[0].post_number: expected a string or a number, found an array")
        #expect(badNumber?.location.record == 1)
    }

    @Test func detectsDiscourseFixtureOnly() throws {
        let files = JSONFixture.allFixtureFiles()
        #expect(files.count >= 5)
        for path in files {
            let name = (path as NSString).lastPathComponent
            #expect(importer.detect(head: try JSONFixture.head(path), fileName: name) == name.hasPrefix("discourse-"), "\(name)")
        }
    }
}
