import Foundation
import Testing
@testable import ThreadNetCore

/// The seed's network figures worked by hand, and their place in metrics.json and the report.
///
/// The seed's reply graph (self-loops none): 17 authors, reply edges Lori → emom and
/// Paul → fred; the mention J.C.A. → Paul is not a reply edge.
@Suite("Seed metrics by hand")
struct SeedMetricsTests {
    static let metrics: ThreadMetrics = {
        let text = try! String(contentsOf: Paths.seed, encoding: .utf8)
        return ThreadMetrics(try! analyzeText(text))
    }()

    @Test func network() {
        let n = Self.metrics.network
        #expect(n.nodes == 17 && n.edges == 2)
        // density = 2 / (17 · 16) = 1/136
        #expect(abs(n.density - 1.0 / 136) < 1e-12)
        // in-degrees: emom 1, fred 1, the 15 others 0; Σ(1 − dᵢ) = 15; max (n − 1)² = 256.
        #expect(abs(n.inDegreeCentralization - 15.0 / 256) < 1e-12)
        #expect(abs(n.outDegreeCentralization - 15.0 / 256) < 1e-12)
        // never replied to: 17 − 2 = 15 of 17.
        #expect(abs(n.neverRepliedToShare - 15.0 / 17) < 1e-12)
        // weak components: {Lori, emom}, {Paul, fred} and 13 isolated authors = 15; largest 2/17.
        #expect(n.weakComponents == 15 && abs(n.largestWeakComponentShare - 2.0 / 17) < 1e-12)
        // no edge is reciprocated, so 17 strong components of one author each.
        #expect(n.strongComponents == 17 && n.edgeReciprocity == 0 && n.pairReciprocity == 0)
        #expect(n.transitivity == 0 && n.averageClustering == 0)
        // PageRank: 13 isolated authors and the two sinks... a walker at Lori goes to emom with
        // 0.85; all other authors are dangling. Sum is 1.
        let pageRankSum: Double = n.pageRank.reduce(0, +)
        #expect(abs(pageRankSum - 1) < 1e-12)
        let names = Self.metrics.analysis.network.names
        func of(_ name: String) -> Int { names.firstIndex(of: name)! }
        // Harmonic closeness: emom and fred are each one step from one of the 16 others.
        for name in names {
            let expected = ["emom", "fred"].contains(name) ? 1.0 / 16 : 0
            #expect(abs(n.harmonicCloseness[of(name)] - expected) < 1e-12, "harmonic closeness of \(name)")
        }
        // HITS: two equal, separate edges; from the uniform start each side gets half.
        #expect(n.hubScore[of("Lori")] == 0.5 && n.hubScore[of("Paul")] == 0.5)
        #expect(n.authorityScore[of("emom")] == 0.5 && n.authorityScore[of("fred")] == 0.5)
        #expect(n.hubScore.reduce(0, +) == 1 && n.authorityScore.reduce(0, +) == 1)
        // Reciprocity: Lori and Paul replied to one author each, who did not reply; the others
        // replied to no one (undefined). Assortativity: every out-degree on an edge is 1.
        #expect(n.reciprocity[of("Lori")] == 0 && n.reciprocity[of("Paul")] == 0)
        #expect(n.reciprocity.count { $0.isNaN } == 15)
        #expect(n.degreeAssortativity.isNaN)
    }

    @Test func typedEdgesAndCountsInJSON() throws {
        let a = Self.metrics.analysis
        let corpus = CorpusAnalysis(corpus: Corpus(format: .text, threads: [a.thread]))
        let json = MetricsJSON.write(corpus, provenance: Provenance(input: "seed", sha256: "0", format: "text", options: []))
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let thread = try #require((object["threads"] as? [[String: Any]])?.first)
        let shape = try #require(thread["shape"] as? [String: Any])
        #expect(shape["levelWidth"] as? Int == 19)
        #expect(shape["fanOutWidth"] as? Int == 1)
        #expect(shape["depthHistogram"] as? [Int] == [19, 2])
        let network = try #require(thread["network"] as? [String: Any])
        #expect(network["weakComponents"] as? Int == 15)
        #expect(network["edgeReciprocity"] as? Double == 0)
        let participation = try #require(thread["participation"] as? [String: Any])
        #expect(participation["authorHIndex"] as? Int == 2)
        let links = try #require(thread["links"] as? [[String: Any]])
        #expect(links.count == 1 && links[0]["fromLabel"] as? String == "11" && links[0]["toLabel"] as? String == "7" && links[0]["kind"] as? String == "mention")
        let counts = try #require(thread["counts"] as? [String: Any])
        #expect(counts["mentions"] as? Int == 1)
        // Every scalar's id is a key of its group.
        for s in Metrics.scalars where s.group != .counts {
            let group = try #require(thread[s.group.rawValue] as? [String: Any])
            #expect(group[s.definition.id] != nil, "\(s.definition.id)")
        }
    }

    @Test func glossaryHasEveryMetricOnce() {
        let ids = Metrics.glossary.map { $0.id + "/" + $0.scope.rawValue }
        #expect(Set(ids).count == ids.count)
        for s in Metrics.scalars { #expect(ids.contains(s.definition.id + "/thread"), "\(s.definition.id)") }
        for id in ["pageRank", "betweenness", "coreNumber", "words"] { #expect(ids.contains(id + "/author")) }
    }
}

/// The metrics columns of authors.csv and comments.csv, on the seed.
@Suite("CSV with metrics columns")
struct MetricsCSVTests {
    @Test func seedAuthorsAndComments() throws {
        let m = SeedMetricsTests.metrics
        let authors = CSVWriter.authors(m).split(separator: "\n").map(String.init)
        #expect(authors[0] == "name,comments,repliesGiven,repliesReceived,inDegree,outDegree,weightedDegree,words,firstCommentTime,lastCommentTime,inStrength,outStrength,pageRank,betweenness,coreNumber,clustering,activeSpan,community,harmonicCloseness,hubScore,authorityScore,reciprocity")
        // Lori: 1 comment, replying to emom (13.1 → 13); 44 words counted by hand (ParticipationTests);
        // no timestamps in the seed; out-strength 1; core number 1 (one neighbour); no betweenness.
        let lori = try #require(authors.first { $0.hasPrefix("Lori,") })
        let cells = lori.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(cells[1] == "1" && cells[2] == "1" && cells[7] == "44")
        #expect(cells[8] == "" && cells[9] == "" && cells[16] == "")
        #expect(cells[10] == "0" && cells[11] == "1" && cells[13] == "0" && cells[14] == "1")
        // An isolated author has core number 0.
        let karen = try #require(authors.first { $0.hasPrefix("Karen,") }).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(karen[14] == "0")
        // Communities by hand: the seed's two reply edges (Lori → emom, 17.1 Paul → 17 fred) make
        // two pairs, the 13 other authors are alone: 15 communities, Q = 2 × (2/4 − (2/4)²) = 0.5.
        let communityColumn = try #require(authors[0].split(separator: ",").firstIndex(of: "community"))
        func community(_ name: String) throws -> String { String(try #require(authors.first { $0.hasPrefix(name + ",") }).split(separator: ",", omittingEmptySubsequences: false)[communityColumn]) }
        #expect(try community("Lori") == community("emom") && community("Paul") == community("fred") && community("Lori") != community("Paul"))
        #expect(try community("Karen") != community("Lori"))
        #expect(m.network.communities == 15 && abs(m.network.modularity - 0.5) < 1e-12)
        // comments.csv: 13 (emom) has 1 descendant, by another author; 13.1 has none.
        let comments = CSVWriter.comments(m).split(separator: "\n").map(String.init)
        #expect(comments[0].hasSuffix(",score,permalink,descendants,otherAuthorDescendants,text"))
        #expect(comments.contains { $0.hasPrefix("13,13,,emom,1,1,,,,,1,1,") })
        #expect(comments.contains { $0.hasPrefix("13.1,13.1,13,Lori,2,0,,,,,0,0,") })
        // The root post: 21 comments below it, 19 of them top level (the seed's expected counts).
        #expect(comments[1].split(separator: ",", omittingEmptySubsequences: false)[4...5] == ["0", "19"])
    }
}

/// GraphML and GEXF carry the same per-author metrics as authors.csv.
@Suite("Graph exports with metrics")
struct MetricsGraphExportTests {
    @Test func seedKarenAndLori() {
        let m = SeedMetricsTests.metrics
        let graphml = GraphMLWriter.write(m.analysis, metrics: m)
        #expect(graphml.contains("<key id=\"pageRank\" for=\"node\" attr.name=\"pageRank\" attr.type=\"double\"/>"))
        // Karen wrote 36 words, counted by hand (ParticipationTests); isolated: core number 0.
        let karen = graphml.components(separatedBy: "<data key=\"name\">Karen</data>")[1].components(separatedBy: "</node>")[0]
        #expect(karen.contains("<data key=\"words\">36</data>") && karen.contains("<data key=\"coreNumber\">0</data>"))
        let gexf = GEXFWriter.write(m.analysis, metrics: m)
        let lori = gexf.components(separatedBy: "label=\"Lori\">")[1].components(separatedBy: "</node>")[0]
        #expect(lori.contains("<attvalue for=\"words\" value=\"44\"/>") && lori.contains("<attvalue for=\"outStrength\" value=\"1\"/>"))
    }
}

/// metrics.json's corpus distributions, on a corpus of two small threads built by hand.
@Suite("Corpus distributions in metrics.json")
struct CorpusDistributionTests {
    @Test func twoThreads() throws {
        func thread(_ id: String, _ n: Int) -> CommentThread {
            CommentThread(id: id, title: id, comments: (0..<n).map { k in
                ThreadComment(id: "\(k)", parentID: k == 0 ? nil : "\(k - 1)", author: "a\(k)", text: "x", location: SourceLocation(file: "t", record: k + 1))
            })
        }
        // Thread A: a chain of 3 comments (max depth 3); thread B: 1 comment (max depth 1).
        let corpus = CorpusAnalysis(corpus: Corpus(format: .json, threads: [thread("A", 3), thread("B", 1)]))
        let metrics = ThreadMetrics.computeAll(corpus.threads)
        let json = MetricsJSON.write(corpus, metrics: metrics, provenance: Provenance(input: "t", sha256: "0", format: "json", options: []))
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let distributions = try #require((object["corpus"] as? [String: Any])?["distributions"] as? [String: [String: Any]])
        // comments: values 3 and 1 → min 1, q1 1.5, median 2, mean 2, q3 2.5 (type 7), max 3.
        let comments = try #require(distributions["comments"])
        #expect(comments["threads"] as? Int == 2)
        #expect(comments["min"] as? Double == 1 && comments["max"] as? Double == 3)
        #expect(comments["q1"] as? Double == 1.5 && comments["median"] as? Double == 2 && comments["q3"] as? Double == 2.5)
        // maxDepth: 3 and 1 → mean 2.
        #expect(distributions["maxDepth"]?["mean"] as? Double == 2)
    }
}
