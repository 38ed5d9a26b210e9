import Foundation
import Testing
@testable import ThreadNetCore

@Suite("Topic writers: DOT, CSV, Markdown, JSON")
struct TopicWritersTests {
    static func hand(_ rule: String = "top:60", minCount: Int = 2) throws -> TopicAnalysis {
        // The hand incidence's five comment units belong to comments 0…4 of the pasted thread.
        let a = try AuthorTopicDepthTests.sample().1
        return TopicAnalysis(incidence: handIncidence, analysis: a, selection: try EdgeSelection(parsing: rule, minCount: minCount))
    }

    @Test func dotOfTheHandIncidence() throws {
        let dot = TopicsDOT.write(try Self.hand())
        // Default rule: edges B–C and A–B (A–C has a = 1 < 2); all three topics drawn.
        // Font size 10 + 14 · n / 3: A, B (n 3) → 24, C (n 2) → 19.33.
        #expect(dot.contains("  t0 [label=\"A\\n3\", fontsize=24]\n"))
        #expect(dot.contains("  t1 [label=\"B\\n3\", fontsize=24]\n"))
        #expect(dot.contains("  t2 [label=\"C\\n2\", fontsize=19.33]\n"))
        // Both edges have count 2: equal widths (3).
        #expect(dot.contains("  t1 -- t2 [penwidth=3]\n  t0 -- t1 [penwidth=3]\n"))
        #expect(dot.hasPrefix("graph \"topics\" {\n") && dot.hasSuffix("}\n"))
        #expect(dot.contains("3 of 3 topics, 2 edges"))
    }

    @Test func dotWidthsFollowTheMeasure() throws {
        let dot = TopicsDOT.write(try Self.hand("top:3:jaccard", minCount: 1))
        // Jaccard: B–C 2/3, A–B 1/2, A–C 1/4 → 1 + 5 (v − 1/4) / (2/3 − 1/4): 6, 4, 1.
        #expect(dot.contains("  t1 -- t2 [penwidth=6]\n  t0 -- t1 [penwidth=4]\n  t0 -- t2 [penwidth=1]\n"))
        #expect(dot.contains("width = Jaccard index (1 to 6 pt, linear)"))
    }

    @Test func dotWithoutEdgesDrawsTheMostFrequentTopics() throws {
        let dot = TopicsDOT.write(try Self.hand("min:jaccard=0.9"))
        #expect(dot.contains("no pair meets the rule; the 3 most frequent of 3 topics"))
        #expect(!dot.contains(" -- "))
    }

    @Test func csvOfTheHandIncidence() throws {
        let csv = TopicsCSV.pairs(try Self.hand().cooccurrence)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines[0] == "topic1,topic2,count,frequency1,frequency2,units,jaccard,cosine,inclusion,associationStrength,pmi,npmi,logLikelihood,pValue")
        // Most co-occurrences first, ties by Jaccard: B–C, A–B, A–C.
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("B,C,2,3,2,5,0.6666666666666666,"))
        #expect(lines[2].hasPrefix("A,B,2,3,3,5,0.5,"))
        #expect(lines[3].hasPrefix("A,C,1,3,2,5,0.25,"))
        // The C–B inclusion is exactly 1.
        #expect(lines[1].split(separator: ",")[8] == "1")
    }

    @Test func authorTopicCSV() throws {
        let (inc, a) = try AuthorTopicDepthTests.sample()
        let csv = TopicsCSV.authorTopics(AuthorTopicTable(incidence: inc, analysis: a))
        #expect(csv == """
        author,topic,comments,authorComments,topicComments,byActivity,byProminence
        Ann,A,1,2,3,0.5,0.3333333333333333
        Ann,B,1,2,2,0.5,0.5
        Ann,C,1,2,2,0.5,0.5
        Bob,A,2,3,3,0.6666666666666666,0.6666666666666666
        Bob,B,1,3,2,0.3333333333333333,0.5
        Bob,C,1,3,2,0.3333333333333333,0.5

        """)
    }

    /// Topic names that would break each format.
    static let hostile = ["say \"hi\" \\ now", "a,b\nc", "*x*|[y](z)<b>_"]

    static func hostileAnalysis() throws -> TopicAnalysis {
        let inc = TopicIncidence.make(hostile, [(-1, [0]), (0, [0, 1, 2]), (1, [0, 1, 2]), (2, [1])])
        let a = try analyzeText("Post\nComments\n  1. A <b>*x*</b> says:\n     one\n  2. Bo|b says:\n     two\n  3. Cy says:\n     three\n")
        return TopicAnalysis(incidence: inc, analysis: a)
    }

    @Test func hostileNamesAreEscaped() throws {
        let t = try Self.hostileAnalysis()
        let dot = TopicsDOT.write(t)
        #expect(dot.contains("label=\"say \\\"hi\\\" \\\\ now\\n2\""))
        #expect(dot.contains("label=\"a,b c\\n3\""))   // newline folded by the excerpt
        #expect(!dot.contains("\"hi\" "))
        let csv = TopicsCSV.pairs(t.cooccurrence)
        #expect(csv.contains("\"say \"\"hi\"\" \\ now\""))
        #expect(csv.contains("\"a,b\nc\""))
        let md = TopicsMarkdown.section(t)
        #expect(md.contains("\\*x\\*\\|\\[y\\](z)\\<b\\>\\_"))
        #expect(!md.contains("*x*|"))
        #expect(md.contains("a,b c"))
        // Every table row has the header's number of unescaped pipes.
        for line in md.split(separator: "\n") where line.hasPrefix("|") {
            let pipes = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect([9, 12, 4].contains(pipes), "\(line)")
        }
        let json = TopicsJSON.write(t)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let names = (object["topics"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == Self.hostile)
    }

    @Test func markdownSection() throws {
        let md = TopicsMarkdown.section(try Self.hand(), level: "###", image: "topics.png")
        #expect(md.hasPrefix("### Topics\n\nCo-occurrence units: whole comments; 5 units counted."))
        #expect(md.contains(EdgeSelection.default.sentence))
        #expect(md.contains("![Topic co-occurrence network"))
        #expect(md.contains("#### Strongest pairs"))
        // B–C: a 2, Jaccard 2/3, cosine 2/√6 ≈ 0.816, inclusion 1, AS 5/3, PMI log2(5/3) ≈ 0.737,
        // NPMI 0.737 / log2(5/2) ≈ 0.557, G² ≈ 2.911, p ≈ 0.088.
        #expect(md.contains("| B | C | 2 | 0.667 | 0.816 | 1 | 1.667 | 0.737 | 0.557 | 2.911 | 0.088 |"))
        // Topics by frequency: A and B (3 units) before C; the article unit holds A and C.
        #expect(md.contains("| A | 3 |"))
        #expect(md.contains("The article's own text carries 2 topics: A, C."))
        #expect(md.contains("the article does not carry (comments carrying each): B (3)."))
        for m in TopicMeasure.allCases { #expect(md.contains("(`\(m.rawValue)`, ")) }
    }

    @Test func jsonFields() throws {
        let json = TopicsJSON.write(try Self.hand())
        let o = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(o["units"] as? Int == 5)
        #expect(o["unit"] as? String == "comment")
        let pairs = try #require(o["pairs"] as? [[String: Any]])
        #expect(pairs.count == 3)
        #expect(pairs[0]["topic1"] as? String == "B" && pairs[0]["inclusion"] as? Double == 1)
        let edges = try #require(o["edges"] as? [[String: String]])
        #expect(edges == [["topic1": "B", "topic2": "C"], ["topic1": "A", "topic2": "B"]])
        let rule = try #require(o["edgeRule"] as? [String: Any])
        #expect(rule["rule"] as? String == "top:60" && rule["minCount"] as? Int == 2)
        // Keys are sorted: "authorTopics" < "depth" < "edgeRule" < … < "units".
        let keys = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { String($0.dropFirst(3).prefix { $0 != "\"" }) }
        #expect(keys == keys.sorted())
    }

    /// The same analysis, with its units in another order, gives the same bytes.
    @Test func deterministic() throws {
        let inc = syntheticIncidence(seed: 11, units: 60, topicCount: 10, articleUnits: 0)
        var rng = SplitMix64(seed: 5)
        var units = (0..<inc.unitCount).map { (comment: Int32(0), topics: Array(inc.topics(of: $0))) }
        units.shuffle(using: &rng)
        let a = try analyzeText("Post\nComments\n  1. Ann says:\n     hi\n")
        let one = TopicAnalysis(incidence: TopicIncidence.make(inc.topics, (0..<inc.unitCount).map { (comment: Int32(0), topics: Array(inc.topics(of: $0))) }), analysis: a)
        let two = TopicAnalysis(incidence: TopicIncidence.make(inc.topics, units), analysis: a)
        #expect(TopicsDOT.write(one) == TopicsDOT.write(two))
        #expect(TopicsCSV.pairs(one.cooccurrence) == TopicsCSV.pairs(two.cooccurrence))
        #expect(TopicsMarkdown.section(one) == TopicsMarkdown.section(two))
        #expect(TopicsJSON.write(one) == TopicsJSON.write(two))
        #expect(TopicsJSON.write(one) == TopicsJSON.write(one))
    }
}
