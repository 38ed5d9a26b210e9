import Foundation
import Testing
@testable import ThreadNetCore

@Suite("YouTubeImporter")
struct YouTubeImporterTests {
    let importer = YouTubeImporter()

    func corpus() throws -> Corpus {
        try importer.read(JSONFixture.input("youtube-commentthreads.json"), options: ImportOptions())
    }

    @Test func responseMatchesIndependentCounts() throws {
        let corpus = try corpus()
        let expected = try JSONFixture.expected("youtube-commentthreads")
        #expect(corpus.format == .youtube)
        #expect(corpus.threads.count == expected["threadCount"] as? Int)
        #expect(ThreadFacts(corpus) == ThreadFacts(expected: expected))
        let blocks = try #require(expected["threads"] as? [[String: Any]])
        #expect(corpus.threads.map(\.id) == blocks.compactMap { $0["id"] as? String })
        for (thread, block) in zip(corpus.threads, blocks) {
            #expect(ThreadFacts(thread) == ThreadFacts(expected: block), "\(thread.id)")
            let missing = block["missingReplies"] as? Int ?? -1
            let findings = thread.findings.filter { $0.kind == .missingComments }
            #expect(findings.count == (missing > 0 ? 1 : 0))
            if missing > 0 { #expect(findings.first?.message.contains(": \(missing) replies are missing") == true) }
        }
        #expect(corpus.findings.contains { $0.kind == .note && $0.message.contains("nextPageToken") } == (expected["nextPageToken"] as? Bool))
    }

    @Test func commentDetails() throws {
        let corpus = try corpus()
        let thread = try #require(corpus.threads.first)
        #expect(thread.root.url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        #expect(thread.comments.map(\.author) == ["@alice", "@bob", "@alice", "@carol", "@dave", "Spam & Co"])
        #expect(thread.comments[0].text == "Never gonna give you up & never gonna let you down")
        #expect(thread.comments[0].rawText == nil)
        #expect(thread.comments[0].timestamp == TimestampParser.parse("2023-05-01T12:00:00Z"))
        #expect(thread.comments[1].parentID == "UgzDE2tasfmrYLyNkGt4AaABAg")
        #expect(thread.comments[2].text == "@bob thanks")
        #expect(thread.comments[3].text == "I'm *here*\nline two") // textOriginal wins
        let spam = thread.comments[5]
        #expect(spam.status == .spam)
        #expect(spam.text == "Buy & save <now> at spam.example")
        #expect(spam.rawText == "Buy &amp; save &lt;now&gt; at <a href=\"http://spam.example\">spam.example</a>")
        let other = try #require(corpus.threads.last)
        #expect(other.comments[1].timestamp == nil)
        let bad = try #require(other.findings.first { $0.kind == .badTimestamp })
        #expect(bad.location.record == 8)
        #expect(bad.message.contains("not-a-date"))
    }

    @Test func pagesInAnArrayAndTitleOption() throws {
        let data = try String(contentsOfFile: JSONFixture.path("youtube-commentthreads.json"), encoding: .utf8)
        let corpus = try JSONFixture.read(importer, "[\(data), \(data)]")
        #expect(corpus.threads.count == 2)
        #expect(corpus.threads[0].comments.count == 12)
        let single = #"{"kind": "youtube#commentThreadListResponse", "items": [{"snippet": {"videoId": "v", "totalReplyCount": 0, "topLevelComment": {"id": "c", "snippet": {"textDisplay": "x", "authorDisplayName": "a"}}}}]}"#
        let titled = try JSONFixture.read(importer, single, options: ImportOptions(title: "My video"))
        #expect(titled.threads.first?.title == "My video")
        #expect(titled.findings.isEmpty)
    }

    @Test func emptyAndWrongShapes() {
        let empty = JSONFixture.error(importer, #"{"kind": "youtube#commentThreadListResponse", "items": []}"#)
        #expect(empty?.kind == .empty)
        let kind = JSONFixture.error(importer, #"{"kind": "youtube#commentListResponse", "items": []}"#)
        #expect(kind?.kind == .malformed)
        #expect(kind?.message == "$.kind: expected \"youtube#commentThreadListResponse\", found \"youtube#commentListResponse\"")
        let top = JSONFixture.error(importer, #"{"kind": "youtube#commentThreadListResponse", "items": [{"snippet": {"videoId": "v"}}]}"#)
        #expect(top?.message == "$.items[0].snippet: expected a key \"topLevelComment\" holding an object, found no such key")
        #expect(top?.location.record == 1)
    }

    @Test func detectsYouTubeFixtureOnly() throws {
        let files = JSONFixture.allFixtureFiles()
        #expect(files.count >= 5)
        for path in files {
            let name = (path as NSString).lastPathComponent
            #expect(importer.detect(head: try JSONFixture.head(path), fileName: name) == name.hasPrefix("youtube-"), "\(name)")
        }
    }
}
