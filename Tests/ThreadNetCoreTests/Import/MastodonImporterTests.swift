import Foundation
import Testing
@testable import ThreadNetCore

@Suite("MastodonImporter")
struct MastodonImporterTests {
    let importer = MastodonImporter()
    static let fixture = "mastodon-context-109294719267373593"

    @Test func contextMatchesIndependentCounts() throws {
        let corpus = try importer.read(JSONFixture.input("\(Self.fixture).json"), options: ImportOptions())
        let expected = try JSONFixture.expected(Self.fixture)
        #expect(corpus.format == .mastodon)
        #expect(corpus.threads.count == 1)
        let thread = try #require(corpus.threads.first)
        #expect(ThreadFacts(thread) == ThreadFacts(expected: expected))
        #expect(thread.id == expected["focalStatus"] as? String)
        #expect(Set(thread.comments.map(\.author).filter { $0.contains("@") }).count == expected["remoteAuthors"] as? Int)
        #expect(!thread.findings.contains { $0.kind == .badTimestamp })
    }

    /// Mastodon puts the conversation's @handles in front of every reply: 56 of the 59 posts
    /// start with "@" once their HTML is stripped (counted with Python's re and html modules).
    /// Dropped, they no longer make mentions: 51 posts "mentioned" austinkocher before; the one
    /// mention left is post 22's own "…here? @austinkocher @Gargron @Mastodon" after its text
    /// (ondra → austinkocher), read by hand from the post.
    @Test func automaticHandlesAreNotMentions() throws {
        let corpus = try importer.read(JSONFixture.input("\(Self.fixture).json"), options: ImportOptions())
        let thread = try #require(corpus.threads.first)
        let note = try #require(thread.findings.first { $0.message.contains("@handles that Mastodon puts in front") })
        #expect(note.message.hasPrefix("56 posts begin"))
        #expect(thread.comments.first { $0.id == "109296622643144971" }?.text.hasPrefix("I know you have too much") == true)
        let analysis = ThreadAnalysis(thread: thread)
        let mentions = analysis.links.filter { $0.kind == .mention }
        #expect(mentions.count == 1)
        #expect(mentions.first.map { analysis.comments[Int($0.from)].id } == "109296622643144971")
        #expect(MastodonImporter.addressPrefix("@a @b@c.social hi @d") == ("hi @d", 2))
        #expect(MastodonImporter.addressPrefix("@@ x") == ("@@ x", 0))
        #expect(MastodonImporter.addressPrefix("hello @a") == ("hello @a", 0))
    }

    @Test func focalStatusIsTheRoot() throws {
        let thread = try #require(try importer.read(JSONFixture.input("\(Self.fixture).json"), options: ImportOptions()).threads.first)
        #expect(thread.root.id == "109294719267373593")
        #expect(thread.root.author == "")
        #expect(thread.title == "109294719267373593")
        let first = try #require(thread.comments.first)
        #expect(first.id == "109294767623508949")
        #expect(first.parentID == nil)
        #expect(first.author == "austinkocher")
        #expect(first.timestamp == TimestampParser.parse("2022-11-06T03:36:44.808Z"))
        #expect(first.text.hasPrefix("The best way to keep this development going and to get features added is to support the team. I #SupportMastodon at $10 a month"))
        #expect(first.text.contains("@Gargron @Mastodon\n\nhttps://mastodon.social/@austinkocher/109268468019840972"))
        #expect(first.rawText?.hasPrefix("<p>The best way") == true)
        let reply = try #require(thread.comments.first { $0.id == "109294771607858430" })
        #expect(reply.parentID == "109294769450603673")
        #expect(thread.findings.contains { $0.kind == .note && $0.message.contains("status 109294719267373593, is not in the file") })
    }

    static func status(_ id: String, replyTo: String?, acct: String, content: String = "<p>hi</p>") -> String {
        let parent = replyTo.map { "\"\($0)\"" } ?? "null"
        return #"{"id": "\#(id)", "created_at": "2022-11-06T03:36:44.808Z", "in_reply_to_id": \#(parent), "account": {"id": "9", "username": "x", "acct": "\#(acct)"}, "content": "\#(content)", "url": "https://m.example/@\#(acct)/\#(id)"}"#
    }

    @Test func ancestorsMakeRootChainAndFocalPlaceholder() throws {
        let text = """
        {"ancestors": [\(Self.status("1", replyTo: nil, acct: "root@a.social", content: "<p>Root &amp; post</p><p>more</p>")),
                       \(Self.status("2", replyTo: "1", acct: "b")), \(Self.status("3", replyTo: "2", acct: "c"))],
         "descendants": [\(Self.status("5", replyTo: "4", acct: "d")), \(Self.status("6", replyTo: "5", acct: "b")),
                         \(Self.status("7", replyTo: "99", acct: "e"))]}
        """
        let thread = try #require(try JSONFixture.read(importer, text).threads.first)
        #expect(thread.id == "1")
        #expect(thread.title == "Root & post")
        #expect(thread.root.author == "root@a.social")
        #expect(thread.root.text == "Root & post\n\nmore")
        #expect(thread.root.url == "https://m.example/@root@a.social/1")
        #expect(thread.comments.map(\.id) == ["2", "3", "4", "5", "6", "7"])
        #expect(thread.comments.map(\.parentID) == [nil, "2", "3", "4", "5", "99"])
        let placeholder = thread.comments[2]
        #expect(placeholder.status == .deleted)
        #expect(placeholder.author == "")
        #expect(thread.comments.map(\.location.record) == [2, 3, nil, 4, 5, 6])
        #expect(thread.findings.contains { $0.kind == .note && $0.message.contains("focal status 4 is not in the file") })
    }

    @Test func singleAncestorAndNoDescendants() throws {
        let only = JSONFixture.error(importer, #"{"ancestors": [\#(Self.status("1", replyTo: nil, acct: "a"))], "descendants": []}"#)
        #expect(only?.kind == .empty)
        let two = #"{"ancestors": [\#(Self.status("1", replyTo: nil, acct: "a")), \#(Self.status("2", replyTo: "1", acct: "b"))], "descendants": []}"#
        let thread = try #require(try JSONFixture.read(importer, two).threads.first)
        #expect(thread.comments.map(\.id) == ["2"])
        #expect(thread.comments[0].parentID == nil)
        #expect(JSONFixture.error(importer, #"{"ancestors": [], "descendants": []}"#)?.kind == .empty)
    }

    @Test func wrongShapes() {
        let missing = JSONFixture.error(importer, #"{"ancestors": []}"#, name: "m.json")
        #expect(missing?.kind == .malformed)
        #expect(missing?.message == "$: expected a key \"descendants\" holding an array, found no such key")
        #expect(missing?.location.file == "m.json")
        let account = JSONFixture.error(importer, #"{"ancestors": [], "descendants": [{"id": "5", "in_reply_to_id": "4", "account": {"acct": 7}}]}"#)
        #expect(account?.message == "$.descendants[0].account.acct: expected a string, found a number")
        #expect(account?.location.record == 1)
        #expect(JSONFixture.error(importer, "[]")?.message == "$: expected an object with \"ancestors\" and \"descendants\", found an array")
    }

    @Test func detectsMastodonFixtureOnly() throws {
        let files = JSONFixture.allFixtureFiles()
        #expect(files.count >= 5)
        for path in files {
            let name = (path as NSString).lastPathComponent
            #expect(importer.detect(head: try JSONFixture.head(path), fileName: name) == name.hasPrefix("mastodon-"), "\(name)")
        }
        // Many ancestors can push "descendants" past the head: the first key decides.
        #expect(importer.detect(head: Array(#"{"ancestors": [{"id": "1", "content": "…"#.utf8), fileName: "x"))
    }
}
