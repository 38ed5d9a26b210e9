import Foundation
import Testing
import ThreadNetCore
import ThreadNetGraphviz

/// Every diagram follows the size policy (labelled whole, radial, or reduced with a note), has
/// its legend drawn in the picture, keeps its nodes on the canvas and stays within a screen's
/// size, on the real fixtures and on a generated 20,000-comment thread.
@Suite("Diagram size policy and legends")
struct DiagramPolicyTests {
    static func fixture(_ name: String) throws -> ThreadAnalysis {
        let url = ReportsGoldenTests.repository.appendingPathComponent(name)
        let corpus = try Importers.read(InputSource(path: url.path), options: ImportOptions())
        return try #require(CorpusAnalysis(corpus: corpus).threads.first)
    }

    /// A thread of `n` comments: 20 % top level, the rest replying to an earlier comment chosen
    /// with preference for the recent and the much-replied (a fixed linear congruential
    /// generator, so the tree is the same on every run), 400 authors with a heavy tail.
    static func generated(_ n: Int, seed: UInt64 = 42, id: String = "g") -> ThreadAnalysis {
        var state: UInt64 = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var comments: [ThreadNetCore.Comment] = []
        var replied: [Int] = []
        for i in 0..<n {
            var parent: Int?
            if i > 0 && next(5) != 0 {
                // Half the time a comment that already has replies, else any earlier one.
                parent = !replied.isEmpty && next(2) == 0 ? replied[next(replied.count)] : next(i)
                replied.append(parent!)
            }
            let author = "user\(min(next(400), next(400), next(400)))"
            comments.append(ThreadNetCore.Comment(id: "\(i)", parentID: parent.map { "\($0)" }, author: author,
                                                  timestamp: Date(timeIntervalSince1970: 1_600_000_000 + Double(37 * i)),
                                                  text: "", location: SourceLocation(file: "generated")))
        }
        return ThreadAnalysis(thread: CommentThread(id: id, title: "Generated thread", comments: comments))
    }

    struct Drawn { var svg: String; var png: [UInt8] }

    static func render(_ dot: String) throws -> Drawn {
        let r = try Graphviz.render(dot: dot, formats: [.svg, .png])
        return Drawn(svg: String(decoding: try #require(r.data(for: .svg)), as: UTF8.self), png: try #require(r.data(for: .png)))
    }

    /// Nodes on the canvas, and the PNG no larger than a screen or a page at 96 dpi.
    static func checkBounds(_ d: Drawn, _ what: String) throws {
        let e = try ImageStructure.svgNodeExtents(d.svg)
        #expect(!e.points.isEmpty, "\(what): no node shapes found")
        let outside = e.points.filter { $0.x < -0.5 || $0.y < -0.5 || $0.x > e.width + 0.5 || $0.y > e.height + 0.5 }
        #expect(outside.isEmpty, "\(what): \(outside.count) node points outside the \(e.width)×\(e.height) canvas, e.g. \(outside.prefix(3))")
        let size = try #require(ImageStructure.pngSize(d.png))
        #expect(size.width <= 2000 && size.height <= 2000, "\(what): \(size.width)×\(size.height) px")
    }

    @Test func seedIsDrawnWholeWithLabelsAndALegend() throws {
        let a = try Self.fixture("seeds/000_dd0249cc5e7d2567.txt")
        let tree = ReplyTreeDOT(a)
        #expect(tree.style == .labelled && tree.reduction == nil)
        #expect(tree.note.hasPrefix("Drawn whole: all 21 comments"))
        let d = try Self.render(tree.text)
        try Self.checkBounds(d, "seed reply tree")
        // One node per comment and the article; the legend names the colours (J.C.A. wrote 4,
        // Paul 2: counted by hand in the seed), the other authors, the article and the edge kinds.
        #expect(ImageStructure.svgNodeTitles(d.svg).count == 22)
        for entry in ["J.C.A. (4)", "Paul (2)", "other authors (15 comments)", "the article", "reply", "mention"] {
            #expect(d.svg.contains(">\(entry)<"), "legend entry \(entry)")
        }
        let authors = AuthorNetworkDOT(a)
        #expect(!authors.isReduced)
        let ad = try Self.render(authors.text)
        try Self.checkBounds(ad, "seed author network")
        #expect(ad.svg.contains(">other authors<") && ad.svg.contains("node size grows with √comments written (largest: 4)"))
    }

    /// The 476-comment Reddit thread: radial, whole (within the node budget), a legend with the
    /// 12 coloured authors, and 2229×5760 px no more.
    @Test func redditThreadIsRadialAndFitsAScreen() throws {
        let a = try Self.fixture("Tests/ThreadNetCoreTests/Fixtures/json/reddit-3hahrw-thread.json")
        #expect(a.comments.count == 476)
        let tree = ReplyTreeDOT(a)
        #expect(tree.style == .radial && tree.reduction?.isReduced == false)
        #expect(tree.text.contains("layout=nop"))
        let d = try Self.render(tree.text)
        try Self.checkBounds(d, "reddit reply tree")
        #expect(ImageStructure.svgNodeTitles(d.svg).count == 477)
        // 12 colour entries (the repeat posters with most comments), then the other authors.
        let repeat12 = Metrics.repeatPosters(a).prefix(12)
        #expect(repeat12.count == 12)
        for r in repeat12 { #expect(d.svg.contains(">\(r.name) (\(r.comments))<"), "legend entry for \(r.name)") }
        #expect(d.svg.contains(">other authors ("))
        // The author network: the 40 most active of its authors, every edge among them kept,
        // the rest through "other authors"; no drawn author without an edge unless they have
        // none in the whole network.
        // By community: the legend names the largest communities with their sizes, which are
        // those of the thread's Leiden communities (the metrics' numbers).
        var byCommunity = DiagramOptions()
        byCommunity.color = .community
        let communityTree = try Self.render(ReplyTreeDOT(a, options: byCommunity).text)
        let communities = a.communities
        let largest = try #require(communities.sizes.indices.max { (communities.sizes[$0], -$0) < (communities.sizes[$1], -$1) })
        #expect(communityTree.svg.contains(">community \(largest) (\(communities.sizes[largest]) authors, "), "legend of the largest community")
        let communityAuthors = try Self.render(AuthorNetworkDOT(a, options: byCommunity).text)
        #expect(communityAuthors.svg.contains("authors by community (Leiden)"))
        let authors = AuthorNetworkDOT(a)
        #expect(authors.isReduced && authors.shown.count == AuthorNetworkDOT.drawnAuthorLimit)
        let ad = try Self.render(authors.text)
        try Self.checkBounds(ad, "reddit author network")
        #expect(authors.note.contains("Reduced to the 40 most active of"))
        let dot = authors.text
        let stats = Metrics.authorStats(a)
        for i in authors.shown where stats[i].weightedDegree > 0 {
            #expect(dot.contains("a\(i) ->") || dot.contains("-> a\(i) "), "\(stats[i].name) has edges but none drawn")
        }
    }

    /// A generated 20,000-comment thread is reduced: at most the node budget drawn, the counts
    /// adding up, the reduction said in the legend and the note, every node on the canvas.
    @Test func twentyThousandCommentsAreReducedWithANote() throws {
        let a = Self.generated(20_000)
        let tree = ReplyTreeDOT(a)
        let r = try #require(tree.reduction)
        #expect(r.isReduced && r.drawn.count == ReplyTreeDOT.nodeBudget)
        #expect(r.drawn.count + r.heldComments + r.summarizedComments == 20_000)
        #expect(tree.note.contains("Reduced to the 1500 of 20000 comments with the largest branches"))
        let d = try Self.render(tree.text)
        try Self.checkBounds(d, "20k reply tree")
        #expect(d.svg.contains("Reduced: the 1500 comments with the largest branches"))
        #expect(ImageStructure.svgNodeTitles(d.svg).count == 1 + 1500 + r.summaries.count)
        for colour in ["depth", "time", "score", "community"] {
            var options = DiagramOptions()
            options.color = DiagramOptions.ColorEncoding(rawValue: colour)!
            let coloured = try Self.render(ReplyTreeDOT(a, options: options).text)
            let meaning = ["time": "time since the post", "depth": "reply depth", "score": "score", "community": "the author&#39;s community (Leiden)"][colour]!  // Graphviz writes ' as &#39;
            #expect(coloured.svg.contains("colour: \(meaning)"))
            try Self.checkBounds(coloured, "20k reply tree by \(colour)")
        }
        let ad = try Self.render(AuthorNetworkDOT(a).text)
        try Self.checkBounds(ad, "20k author network")
    }

    /// Every real fixture: each thread's reply tree and author network render with their legend
    /// (title, the article, the colour entries), within the canvas and a screen's size.
    @Test(arguments: ["json/discourse-topic57-discourse_api.json", "json/hn-algolia-item17-fraction.json", "json/hn-firebase-items.json",
                      "json/mastodon-context-109294719267373593.json",
                      "json/youtube-commentthreads.json", "stream/csv-hn-items.csv", "stream/csv-reddit-comments.csv",
                      "xml/isso-wordpress.xml"])
    func everyFixtureIsDrawnWithALegend(_ fixture: String) throws {
        let url = ReportsGoldenTests.repository.appendingPathComponent("Tests/ThreadNetCoreTests/Fixtures/" + fixture)
        let corpus = try Importers.read(InputSource(path: url.path), options: ImportOptions())
        for a in CorpusAnalysis(corpus: corpus).threads.prefix(3) {
            let tree = ReplyTreeDOT(a)
            let d = try Self.render(tree.text)
            try Self.checkBounds(d, "\(fixture) reply tree")
            #expect(d.svg.contains(">Reply tree") && d.svg.contains(">the article<"), "\(fixture): legend title and article entry")
            for r in Metrics.repeatPosters(a).prefix(12) {
                #expect(d.svg.contains(">\(ThreadNetCore.Escaping.xml(Escaping.excerpt(r.name, limit: 24))) (\(r.comments))<"), "\(fixture): legend entry for \(r.name)")
            }
            #expect(tree.reduction?.isReduced != true || d.svg.contains("Reduced:"))
            let authors = try Self.render(AuthorNetworkDOT(a).text)
            try Self.checkBounds(authors, "\(fixture) author network")
            #expect(authors.svg.contains(">Author network: ") && authors.svg.contains("node size grows with √comments written"))
        }
    }

    /// The corpus-wide diagram: the 60 most active authors, the 150 heaviest edges among them,
    /// and no drawn author without an edge when they have one among the drawn authors.
    @Test func corpusDiagramDrawsNoConnectedAuthorAlone() throws {
        let threads = (0..<30).map { Self.generated(400, seed: UInt64(7 + $0), id: "t\($0)") }
        let network = CorpusNetwork(threads)
        let dot = TextOutput.text { CorpusNetworkWriter.dot(network, to: $0) }
        let (nodes, among) = CorpusNetworkWriter.induced(network, top: CorpusNetworkWriter.drawnLimit)
        #expect(nodes.count == 60 && among.count > CorpusNetworkWriter.drawnEdgeLimit)
        let lines = dot.split(separator: "\n")
        let drawnEdges = lines.filter { $0.contains(" -> ") }
        #expect(drawnEdges.count >= CorpusNetworkWriter.drawnEdgeLimit && drawnEdges.count <= among.count)
        for k in nodes where among.contains(where: { $0.from == k || $0.to == k }) {
            #expect(drawnEdges.contains { $0.hasPrefix("  a\(k) ->") || $0.contains("-> a\(k) ") }, "author \(k) is drawn without any of their edges")
        }
        let d = try Self.render(dot)
        try Self.checkBounds(d, "corpus author network")
        #expect(d.svg.contains(">Corpus&#45;wide author network: the 60 most active of"))  // Graphviz writes - as &#45;
    }
}
