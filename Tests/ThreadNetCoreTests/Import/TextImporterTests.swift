import Foundation
import Testing
@testable import ThreadNetCore

@Suite("Pasted comment text")
struct TextImporterTests {
    /// Figures counted by hand in the seed (and by scripts/fixture-counts/seed.py).
    @Test func seedFigures() throws {
        let corpus = try Importers.read(InputSource(path: Paths.seed.path))
        #expect(corpus.format == .text)
        let a = try #require(CorpusAnalysis(corpus: corpus).threads.first)
        #expect(Metrics.comments(a) == 21)
        #expect(Metrics.topLevel(a) == 19)
        #expect(Metrics.replies(a) == 2)
        #expect(Metrics.orphanReplies(a) == 0)
        #expect(Metrics.authors(a) == 17)
        #expect(Metrics.maxDepth(a) == 2)
        #expect(Metrics.repeatPosters(a) == [AuthorCount(name: "J.C.A.", comments: 4), AuthorCount(name: "Paul", comments: 2)])
        let replyEdges = a.network.edges.filter { $0.kind == .reply }.map { "\(a.network.names[Int($0.from)])→\(a.network.names[Int($0.to)])" }
        #expect(replyEdges.sorted() == ["Lori→emom", "Paul→fred"])
        #expect(a.findings.isEmpty)
        #expect(a.thread.title.hasPrefix("BOSTON (AP) — Gov. Deval Patrick has decided"))
        #expect(a.thread.root.text.contains("Secure Communities"))
        // Names keep their punctuation.
        let names = Set(a.network.names)
        for name in ["J.C.A.", "justsayin'", "D T", "Deus-est", "blackbear1"] { #expect(names.contains(name)) }
        // Bodies keep their paragraphs; the numbered reply is 13.1.
        let deus = try #require(a.comments.first { $0.author == "Deus-est" })
        #expect(deus.text.hasPrefix("CHEAP LABOR? Isn’t that what the whole immigration issue is about?\n\nBusiness doesn’t"))
        #expect(a.comments.map(\.id).contains("13.1"))
        #expect(a.comments.first { $0.id == "13.1" }?.author == "Lori")
        #expect(a.comments.first { $0.id == "17.1" }?.parentID == "17")
    }

    /// The seed against the networkx reference (scripts/fixture-counts/seed.py).
    @Test func seedMatchesReference() throws {
        let expected = try Paths.expected("seed/seed.expected.json")
        let a = try analyzeText(String(contentsOf: Paths.seed, encoding: .utf8))
        #expect(Metrics.comments(a) == expected["comments"] as? Int)
        #expect(Metrics.depthHistogram(a).mapKeys() == expected["depthHistogram"] as? [String: Int])
        let degrees = try #require(expected["authorDegrees"] as? [String: [String: Int]])
        let stats = Metrics.authorStats(a)
        #expect(stats.count == degrees.count)
        for s in stats {
            let d = try #require(degrees[s.name])
            #expect(s.comments == d["comments"], "\(s.name)")
            #expect(s.inDegree == d["inDegree"], "\(s.name)")
            #expect(s.outDegree == d["outDegree"], "\(s.name)")
            #expect(s.weightedDegree == d["weightedDegree"], "\(s.name)")
        }
        let edges = a.network.edges.filter { $0.kind == .reply }.map { [a.network.names[Int($0.from)], a.network.names[Int($0.to)], "\($0.weight)"] }
        let rows = try #require(expected["replyEdges"] as? [[Any]])
        let reference: [[String]] = rows.map { row in row.map { cell in "\(cell)" } }
        #expect(edges.sorted { $0.lexicographicallyPrecedes($1) } == reference)
    }

    /// "Paul, you are correct SIR!" (J.C.A., comment 11) is a mention edge, not a reply.
    @Test func seedMention() throws {
        let a = try analyzeText(String(contentsOf: Paths.seed, encoding: .utf8))
        let mentions = a.network.edges.filter { $0.kind == .mention }.map { "\(a.network.names[Int($0.from)])→\(a.network.names[Int($0.to)])" }
        #expect(mentions == ["J.C.A.→Paul"])
    }

    @Test func fiveLevelsOfNesting() throws {
        let text = """
        Title line
        Comments
          1. Ann says:
            top
            1. Bob says:
              second
              1. Cy says:
                third
                1. Di says:
                  fourth
                  1. Ed says:
                    fifth
          2. Fay says:
            another top
        """
        let a = try analyzeText(text)
        #expect(a.comments.map(\.id) == ["1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.1.1", "2"])
        #expect(a.tree.depth == [1, 2, 3, 4, 5, 1])
        #expect(Metrics.maxDepth(a) == 5)
        #expect(a.comments[4].text == "fifth")
        #expect(a.findings.isEmpty)
    }

    @Test func dateLinesReplyLinesAndModeration() throws {
        let text = """
        Post
        Comments
          1. Ann says:
             March 3, 2011 at 10:15 am
             First comment.
             Reply
               1. Bob says:
                  March 3, 2011 at 11:02 pm
                  Your comment is awaiting moderation.
                  I agree.
                  Log in to Reply
          2. Cy says:
             3 March 2011 at 14:05
             Third.
        """
        let a = try analyzeText(text, policy: .all)
        #expect(a.comments.map(\.text) == ["First comment.", "I agree.", "Third."])
        #expect(a.comments[0].timestamp?.iso8601UTC == "2011-03-03T10:15:00Z")
        #expect(a.comments[1].timestamp?.iso8601UTC == "2011-03-03T23:02:00Z")
        #expect(a.comments[2].timestamp?.iso8601UTC == "2011-03-03T14:05:00Z")
        #expect(a.comments[1].status == .pending)
        // By default the pending reply is left out, counted, and reported.
        let visible = try analyzeText(text)
        #expect(visible.comments.count == 2)
        #expect(visible.excludedCounts == ["pending": 1])
        // The note that the 3 pasted times carry no zone (read as UTC), then the exclusion.
        #expect(visible.findings.map(\.kind) == [.note, .excluded])
        #expect(visible.findings.first?.message == "3 times carry no time zone; read as UTC (--timezone names another zone)")
    }

    @Test func tabsAndCRLF() throws {
        let text = "Post\r\nComments\r\n\t1. Ann says:\r\n\t\tHello\r\n\r\n\t\tSecond paragraph\r\n\t\t1. Bob says:\r\n\t\t\tHi back\r\n\t2. Cy says:\r\n\t\tBye\r\n"
        let a = try analyzeText(text)
        #expect(a.comments.map(\.author) == ["Ann", "Bob", "Cy"])
        #expect(a.comments.map(\.parentID) == [nil, "1", nil])
        #expect(a.comments[0].text == "Hello\n\nSecond paragraph")
        #expect(!a.comments.contains { $0.text.contains("\r") })
    }

    @Test func numberedListAndSaysInsideBodies() throws {
        let text = """
        Post
        Comments
          1. Ann says:
            My reasons:
            1. First point
            2. Second point
            My doctor says: eat less.
            And my mother says:
            nothing at all.
          2. Bob says:
            Short.
        """
        let a = try analyzeText(text)
        #expect(a.comments.count == 2)
        #expect(a.comments[0].text == "My reasons:\n1. First point\n2. Second point\nMy doctor says: eat less.\nAnd my mother says:\nnothing at all.")
    }

    @Test func inconsistentIndentationIsRepairedAndReported() throws {
        let text = """
        Post
        Comments
          1. Ann says:
            top
              1. Bob says:
                reply at 6
            1. Cy says:
              reply at 4, under Ann
          2. Dee says:
            top
         3. Eve says:
           shallower than the other top-level comments
        """
        let a = try analyzeText(text)
        #expect(a.comments.map(\.author) == ["Ann", "Bob", "Cy", "Dee", "Eve"])
        #expect(a.comments.map(\.parentID) == [nil, "1", "1", nil, nil])
        let repairs = a.findings.filter { $0.kind == .indentation }
        #expect(repairs.map(\.location.line) == [7, 11])
        #expect(repairs[0].message.contains("Cy"))
        // Cy's number 1 repeats Bob's under Ann: kept apart.
        #expect(a.comments[2].id == "1.1#2")
        #expect(a.findings.contains { $0.kind == .duplicateID && $0.location.line == 7 })
    }

    @Test func bloggerAndNoCommentsLine() throws {
        let text = """
        Leah said...
        March 3, 2011 at 10:15 AM
        Lovely post.

        Tom said...
        Thanks!
        """
        let a = try analyzeText(text)
        #expect(a.comments.map(\.author) == ["Leah", "Tom"])
        #expect(a.comments[0].timestamp?.iso8601UTC == "2011-03-03T10:15:00Z")
        #expect(a.thread.root.text.isEmpty)
    }

    /// `said:`, `wrote:`, `N)` numbering, bullets and Twenty Eleven's `Name on <date> said:`.
    @Test func headerVariants() throws {
        let text = """
        Post
        Comments
          1. Ann said:
            one
          2) Bob wrote:
            two
          3. Cy on March 3, 2011 at 10:15 am said:
            three
            • Dee says:
              four
              4. Eve says: this is a sentence, not a header
        """
        let a = try analyzeText(text)
        #expect(a.comments.map(\.author) == ["Ann", "Bob", "Cy", "Dee"])
        #expect(a.comments[2].timestamp?.iso8601UTC == "2011-03-03T10:15:00Z")
        #expect(a.comments[3].parentID == "3")
        #expect(a.comments[2].text == "three")
        #expect(a.comments[3].text == "four\n4. Eve says: this is a sentence, not a header")
    }

    @Test func noCommentsIsAnError() {
        #expect(throws: ImportError.self) { try TextImporter().parse("Just an article.\nNo comments here.\n", name: "empty.txt") }
        do {
            _ = try TextImporter().parse("Just an article.\n", name: "empty.txt")
        } catch {
            #expect(error.kind == .empty)
            #expect(error.description.hasPrefix("empty.txt: no comments found"))
        }
    }

    @Test func pingbacksAreExcludedByDefault() throws {
        let text = """
        Post
        Comments
          1. Ann says:
            Hi
          2. Pingback: Some Blog » Post title
          3. Bob says:
            Hello
        """
        let a = try analyzeText(text)
        #expect(a.comments.map(\.author) == ["Ann", "Bob"])
        #expect(a.excludedCounts == ["pingback": 1])
        let all = try analyzeText(text, policy: .all)
        #expect(all.comments.count == 3)
        #expect(all.comments[1].status == .pingback)
    }
}

extension Dictionary where Key == Int {
    func mapKeys() -> [String: Value] { Dictionary<String, Value>(uniqueKeysWithValues: map { (String($0.key), $0.value) }) }
}
