import Foundation
import Testing
@testable import ThreadNetCore

@Suite("CSVImporter")
struct CSVImporterTests {
    let importer = CSVImporter()

    func read(_ text: String, name: String = "comments.csv", columns: ColumnMapping = ColumnMapping(), title: String? = nil) throws -> Corpus {
        try importer.read(InputSource(name: name, text: text), options: ImportOptions(title: title, columns: columns))
    }

    func fixture(_ file: String) throws -> Corpus {
        try importer.read(InputSource(path: StreamFixtures.path(file)), options: ImportOptions())
    }

    @Test("HN items CSV matches the independent counts")
    func hnCounts() throws {
        let expected = try StreamFixtures.expected("csv-hn-items")
        let corpus = try fixture("csv-hn-items.csv")
        #expect(corpus.format == .csv)
        #expect(ThreadFacts(stream: corpus.threads) == ThreadFacts(expected: expected))
        #expect(corpus.threads.count == 1)
        #expect(corpus.threads[0].id == "csv-hn-items.csv" && corpus.threads[0].title == "csv-hn-items.csv")
        #expect(corpus.findings.isEmpty)
        // Every comment names the line its record starts on (multi-line records included).
        let lines = try #require(expected["startLines"] as? [String: Int])
        for c in corpus.threads[0].comments { #expect(c.location.line == lines[c.id], "\(c.id)") }
        #expect(corpus.threads[0].comments.map(\.location.record) == Array(1...10).map { Optional($0) })
    }

    @Test("HN conventions: deleted rows, HTML text, quoted newlines and quotes, timestamps")
    func hnConventions() throws {
        let comments = try fixture("csv-hn-items.csv").threads[0].comments
        let byID = Dictionary(uniqueKeysWithValues: comments.map { ($0.id, $0) })
        let deleted = try #require(byID["22445692"])
        #expect(deleted.status == .deleted && deleted.author == "" && deleted.text == "")
        #expect(byID["22445690"]?.text.contains("I'd rather see the data.") == true)
        #expect(byID["22445690"]?.text.contains("Here's why") == true)
        #expect(byID["22445690"]?.rawText?.contains("&#x27;") == true)
        #expect(byID["22445693"]?.text == "Fair point.\nA second line inside the quoted field, with a \"quote\" and a comma, here.")
        #expect(byID["22445693"]?.rawText == nil)
        #expect(byID["22445695"]?.text == "Please keep it civil & on topic.")
        #expect(byID["22445690"]?.parentID == "22445001")
        #expect(byID["22445690"]?.timestamp == Date(timeIntervalSince1970: 1_582_212_060))
        #expect(comments.map(\.id) == comments.map(\.id).sorted())  // file order
    }

    @Test("Reddit-style CSV: BOM, CRLF, threads by link_id, t3_/t1_ parents, a short row, a bad time")
    func redditCounts() throws {
        let expected = try StreamFixtures.expected("csv-reddit-comments")
        let corpus = try fixture("csv-reddit-comments.csv")
        #expect(ThreadFacts(stream: corpus.threads) == ThreadFacts(expected: expected))
        #expect(corpus.threads.map(\.id) == expected["threadOrder"] as? [String])
        let perThread = try #require(expected["perThread"] as? [String: [String: Any]])
        for thread in corpus.threads {
            #expect(ThreadFacts(stream: [thread]) == ThreadFacts(expected: try #require(perThread[thread.id])), "\(thread.id)")
            #expect(thread.title == thread.id)
        }
        // The BOM note, then the skipped short row at its line.
        #expect(corpus.findings.map(\.kind) == [.note, .malformedRecord])
        #expect(corpus.findings[1].location.line == (expected["skippedLines"] as? [Int])?.first)
        #expect(corpus.findings[1].message.contains("4 field(s), the header has 7"))
        let lines = try #require(expected["startLines"] as? [String: Int])
        for c in corpus.threads.flatMap(\.comments) { #expect(c.location.line == lines[c.id], "\(c.id)") }
        // The unreadable time is a thread finding; the comment is kept.
        let aaa = try #require(corpus.threads.first { $0.id == "t3_aaa" })
        #expect(aaa.findings.map(\.kind) == [.badTimestamp])
        #expect(aaa.comments.first { $0.id == "d5" }?.timestamp == nil)
        #expect(aaa.comments.first { $0.id == "d4" }?.timestamp == Date(timeIntervalSince1970: 1_500_000_200))
        let bbb = try #require(corpus.threads.first { $0.id == "t3_bbb" })
        #expect(bbb.comments[0].text == "Top level in bbb, with\na CRLF line break inside")
        #expect(bbb.comments[0].timestamp == Date(timeIntervalSince1970: 1_500_001_000))
        #expect(bbb.comments.map(\.status) == [[], [], .removed])
        #expect(aaa.comments.first { $0.id == "d3" }.map { $0.status == .deleted && $0.author == "" } == true)
    }

    @Test("explicit column names, case-insensitive defaults, title for a single thread")
    func mapping() throws {
        let text = "Key,ReplyTo,Who,When,Says\n1,,ann,2020-01-01 10:00,hello\n2,1,bob,2020-01-01 11:00,hi ann\n"
        let corpus = try read(text, columns: ColumnMapping(id: "key", parent: "replyto", author: "WHO", time: "when", text: "says"), title: "My thread")
        let t = corpus.threads[0]
        #expect(t.title == "My thread" && t.id == "comments.csv")
        #expect(t.comments.map(\.parentID) == [nil, "1"])
        #expect(t.comments.map(\.author) == ["ann", "bob"])
        #expect(t.comments[1].text == "hi ann")
        #expect(t.comments[0].timestamp == Date(timeIntervalSince1970: 1_577_872_800))
        let defaults = try read("Comment_ID,Parent_ID,User,Body\na,,x,t\nb,a,y,u\n")
        #expect(defaults.threads[0].comments.map(\.parentID) == [nil, "a"])
        #expect(defaults.threads[0].comments.map(\.author) == ["x", "y"])
    }

    @Test("a missing id column names the columns found and the options")
    func missingID() {
        let error = importError { _ = try read("who,text,when\nann,hi,1\n", name: "x.csv") }
        #expect(error?.kind == .malformed)
        #expect(error?.location == SourceLocation(file: "x.csv", line: 1))
        #expect(error?.message.contains("\"who\", \"text\", \"when\"") == true)
        #expect(error?.message.contains("--id") == true)
        let wrong = importError { _ = try read("id,text\n1,hi\n", name: "x.csv", columns: ColumnMapping(parent: "reply_to")) }
        #expect(wrong?.message.contains("--parent \"reply_to\" not found") == true)
        #expect(wrong?.message.contains("\"id\", \"text\"") == true)
    }

    @Test("top-level parents: empty, 0, the thread id, t3_; pandas float ids")
    func parents() throws {
        let text = """
        id,parent,thread,author,text
        1,,s1,a,x
        2,0,s1,b,x
        3,s1,s1,c,x
        4,t3_s1,s1,d,x
        5.0,1.0,s1,e,x
        6,t1_5,s1,f,x
        7,,9,g,x
        8,,10,h,x
        """
        let corpus = try read(text)
        #expect(corpus.threads.map(\.id) == ["9", "10", "s1"])  // numbers numerically, then text
        let s1 = try #require(corpus.threads.last)
        #expect(s1.comments.map(\.id) == ["1", "2", "3", "4", "5", "6"])
        #expect(s1.comments.map(\.parentID) == [nil, nil, nil, nil, "1", "5"])
    }

    @Test("RFC 4180 quoting: newlines, escaped quotes, commas; a quote inside an unquoted field")
    func quoting() throws {
        let text = "id,parent,author,text\r\n1,,\"Smith, J.\",\"line one\r\nline \"\"two\"\"\r\n\r\nline four\"\r\n2,1,b,say \"hi\" now\r\n3,1,c,\"\"\r\n"
        let comments = try read(text).threads[0].comments
        #expect(comments.map(\.id) == ["1", "2", "3"])
        #expect(comments[0].author == "Smith, J.")
        #expect(comments[0].text == "line one\nline \"two\"\n\nline four")
        #expect(comments[1].text == "say \"hi\" now")
        #expect(comments[1].location.line == 6)
        #expect(comments[2].text == "")
    }

    @Test("an unterminated quote is an error naming the line where it opened")
    func unterminated() {
        let text = "id,parent,text\n1,,ok\n2,1,\"this never\ncloses\n3,1,more\n"
        let error = importError { _ = try read(text, name: "open.csv") }
        #expect(error?.kind == .malformed)
        #expect(error?.location == SourceLocation(file: "open.csv", line: 3))
        #expect(error?.message.contains("opened on line 3") == true)
    }

    @Test("rows with the wrong field count are skipped with findings; blank lines are ignored")
    func wrongCount() throws {
        let corpus = try read("id,parent,text\n1,,a\n\n2,1\n3,1,c,extra\n4,1,d\n", name: "w.csv")
        #expect(corpus.threads[0].comments.map(\.id) == ["1", "4"])
        #expect(corpus.findings.map(\.kind) == [.malformedRecord, .malformedRecord])
        #expect(corpus.findings.map(\.location.line) == [4, 5])
        #expect(corpus.findings.allSatisfy { $0.location.file == "w.csv" })
        // A row without an id is skipped too.
        let noID = try read("id,parent,text\n,,a\n2,,b\n")
        #expect(noID.threads[0].comments.map(\.id) == ["2"])
        #expect(noID.findings.first?.message.contains("has no id") == true)
    }

    @Test("no parent column: all top level, with a note")
    func noParent() throws {
        let corpus = try read("id,author,text\n1,a,x\n2,b,y\n")
        #expect(corpus.threads[0].comments.allSatisfy { $0.parentID == nil })
        #expect(corpus.findings.map(\.kind) == [.note])
    }

    @Test("empty, header-only, all rows bad, invalid UTF-8, compressed")
    func badInputs() throws {
        #expect(importError { _ = try read("") }?.kind == .empty)
        #expect(importError { _ = try read("id,parent,text\n") }?.kind == .empty)
        let allBad = importError { _ = try read("id,parent,text\n1,2\n", name: "b.csv") }
        #expect(allBad?.kind == .malformed && allBad?.location.line == 2)
        let bytes = Array("id,parent,text\n1,,caf".utf8) + [0xE9] + Array("\n".utf8)
        let enc = importError { _ = try importer.read(InputSource(name: "l1.csv", bytes: bytes), options: ImportOptions()) }
        #expect(enc?.kind == .encoding && enc?.location.line == 2)
        #expect(enc?.message.contains("line 2, byte column 7") == true)
        // UTF-16 with a BOM is read (decoded whole).
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("id,parent,text\n1,,x\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let corpus = try importer.read(InputSource(name: "u.csv", bytes: utf16), options: ImportOptions())
        #expect(corpus.threads[0].comments.count == 1)
        #expect(corpus.findings.first?.message.contains("UTF-16") == true)
    }

    @Test("detection: yes for CSV headers, no for other formats")
    func detection() throws {
        for file in ["csv-hn-items.csv", "csv-reddit-comments.csv"] {
            #expect(importer.detect(head: try StreamFixtures.bytes(file), fileName: file))
        }
        #expect(importer.detect(head: Array("video_id,comment_id,parent_id,author,text\n".utf8), fileName: "x"))
        #expect(importer.detect(head: Array("ID,Parent,Author".utf8), fileName: "x"))
        #expect(!importer.detect(head: Array("name\n".utf8), fileName: "x"))
        #expect(!importer.detect(head: Array("author,text\nx,y\n".utf8), fileName: "x"))
        #expect(!importer.detect(head: Array("Hello, world, this is id\n".utf8), fileName: "x"))
        for url in StreamFixtures.otherFixtureFiles() {
            #expect(!importer.detect(head: try StreamFixtures.head(of: url), fileName: url.lastPathComponent), "\(url.lastPathComponent)")
        }
        for file in ["pushshift-sample.ndjson", "json-comments.json", "json-statuses.ndjson", "compressed-sample.txt"] {
            #expect(!importer.detect(head: try StreamFixtures.head(of: StreamFixtures.folder.appendingPathComponent(file)), fileName: file), "\(file)")
        }
    }
}
