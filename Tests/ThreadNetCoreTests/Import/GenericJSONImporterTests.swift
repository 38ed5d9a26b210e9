import Foundation
import Testing
@testable import ThreadNetCore

@Suite("GenericJSONImporter")
struct GenericJSONImporterTests {
    let importer = GenericJSONImporter()

    func read(_ text: String, name: String = "c.json", columns: ColumnMapping = ColumnMapping()) throws -> Corpus {
        try importer.read(InputSource(name: name, text: text), options: ImportOptions(columns: columns))
    }

    func fixture(_ file: String) throws -> Corpus {
        try importer.read(InputSource(path: StreamFixtures.path(file)), options: ImportOptions())
    }

    @Test("a JSON array matches the independent counts")
    func arrayCounts() throws {
        let expected = try StreamFixtures.expected("json-comments")
        let corpus = try fixture("json-comments.json")
        #expect(corpus.format == .json)
        #expect(ThreadFacts(stream: corpus.threads) == ThreadFacts(expected: expected))
        #expect(corpus.threads.map(\.id) == expected["threadOrder"] as? [String])
        let perThread = try #require(expected["perThread"] as? [String: [String: Any]])
        for thread in corpus.threads {
            #expect(ThreadFacts(stream: [thread]) == ThreadFacts(expected: try #require(perThread[thread.id])), "\(thread.id)")
        }
        #expect(corpus.findings.map(\.kind) == [.malformedRecord, .malformedRecord])
        #expect(corpus.findings.map(\.location.record) == (expected["skippedRecords"] as? [Int])?.map { Optional($0) })
        let story2 = try #require(corpus.threads.first { $0.id == "story-2" })
        #expect(story2.findings.map(\.kind) == [.badTimestamp])
        let byID = Dictionary(uniqueKeysWithValues: story2.comments.map { ($0.id, $0) })
        #expect(byID["101"]?.text == "First!")
        #expect(byID["102"]?.text == "Reply to Ann & friends")
        #expect(byID["102"]?.timestamp == Date(timeIntervalSince1970: 1_682_928_300))
        #expect(byID["103"]?.timestamp == Date(timeIntervalSince1970: 1_682_935_800))
        #expect(byID["105"].map { $0.status == .deleted && $0.author == "" && $0.parentID == nil } == true)
        #expect(byID["102"]?.parentID == "101")
    }

    @Test("NDJSON matches the independent counts; the parent field appears after the first line")
    func ndjsonCounts() throws {
        let expected = try StreamFixtures.expected("json-statuses")
        let corpus = try fixture("json-statuses.ndjson")
        #expect(ThreadFacts(stream: corpus.threads) == ThreadFacts(expected: expected))
        #expect(corpus.threads.count == 1 && corpus.threads[0].id == "json-statuses.ndjson")
        #expect(corpus.findings.map(\.kind) == [.malformedRecord])
        #expect(corpus.findings.map(\.location.line) == (expected["badLines"] as? [Int])?.map { Optional($0) })
        let lines = try #require(expected["startLines"] as? [String: Int])
        for c in corpus.threads[0].comments { #expect(c.location.line == lines[c.id]) }
        let c = corpus.threads[0].comments
        #expect(c[1].author == "bob@example.social")
        #expect(c[1].text == "@alice agreed & more")
        #expect(c[2].text == "Thanks\n\nSecond paragraph")
        #expect(c[0].timestamp == Date(timeIntervalSince1970: 1_667_815_872.345))
    }

    @Test("explicit fields, nested author, numbers and strings as ids, dead")
    func mapping() throws {
        let text = """
        [{"key": 1, "re": null, "who": {"name": "Ann"}, "at": 1600000000, "msg": "a"},
         {"key": "2", "re": 1, "who": {"username": "bob"}, "at": "2020-09-13T12:26:40Z", "msg": "b", "dead": true}]
        """
        let corpus = try read(text, columns: ColumnMapping(id: "key", parent: "re", author: "who", time: "at", text: "msg"))
        let c = corpus.threads[0].comments
        #expect(c.map(\.id) == ["1", "2"])
        #expect(c.map(\.parentID) == [nil, "1"])
        #expect(c.map(\.author) == ["Ann", "bob"])
        #expect(c[1].status == .removed)
        #expect(c[1].timestamp == Date(timeIntervalSince1970: 1_600_000_000))
    }

    @Test("a single object holding one array is read as that array")
    func wrapped() throws {
        let text = "{\n  \"count\": 2,\n  \"comments\": [\n    {\"id\": 1, \"parent_id\": null, \"author\": \"a\"},\n    {\"id\": 2, \"parent_id\": 1, \"author\": \"b\"}\n  ]\n}\n"
        let corpus = try read(text)
        #expect(corpus.threads[0].comments.map(\.parentID) == [nil, "1"])
    }

    @Test("bad inputs: wrong shape, no id field, nothing readable, empty")
    func badInputs() {
        let scalar = importError { _ = try read("42", name: "n.json") }
        #expect(scalar?.kind == .malformed && scalar?.location.file == "n.json")
        let noID = importError { _ = try read("[{\"who\": \"a\", \"text\": \"x\"}]", name: "n.json") }
        #expect(noID?.kind == .malformed)
        #expect(noID?.message.contains("\"text\", \"who\"") == true)
        #expect(noID?.message.contains("--id") == true)
        let junk = importError { _ = try read("{\"a\": \n{\"b\n", name: "j.ndjson") }
        #expect(junk?.kind == .malformed && junk?.location.line == 1)
        let truncated = importError { _ = try read("[{\"id\": 1, \"parent_id\": null}, {\"id\": 2", name: "t.json") }
        #expect(truncated?.kind == .malformed && truncated?.location.file == "t.json")
        #expect(importError { _ = try read("  \n", name: "e.json") }?.kind == .empty)
        #expect(importError { _ = try read("[]", name: "e.json") }?.kind == .empty)
    }

    @Test("detection: yes for flat arrays and NDJSON, no for the specific formats")
    func detection() throws {
        for file in ["json-comments.json", "json-statuses.ndjson"] {
            #expect(importer.detect(head: try StreamFixtures.head(of: StreamFixtures.folder.appendingPathComponent(file)), fileName: file))
        }
        for url in StreamFixtures.otherFixtureFiles() {
            #expect(!importer.detect(head: try StreamFixtures.head(of: url), fileName: url.lastPathComponent), "\(url.lastPathComponent)")
        }
        for file in ["pushshift-sample.ndjson", "pushshift-sample.ndjson.zst", "csv-hn-items.csv"] {
            #expect(!importer.detect(head: try StreamFixtures.head(of: StreamFixtures.folder.appendingPathComponent(file)), fileName: file), "\(file)")
        }
        // HN Firebase items are the hn-firebase importer's.
        let firebase = #"[{"by":"pg","id":17,"kids":[1],"parent":15,"text":"x","time":1160418628,"type":"comment"}]"#
        #expect(!importer.detect(head: Array(firebase.utf8), fileName: "x"))
        #expect(!importer.detect(head: Array("[1,2,3]".utf8), fileName: "x"))
        #expect(!importer.detect(head: Array(#"[{"id":1,"text":"no parent"}]"#.utf8), fileName: "x"))
        #expect(GenericJSONImporter.detectionPriority < 0)
    }
}
