import Foundation
import Testing
import ThreadNetCore
import ThreadNetGraphviz

/// `reports/` holds the seed's generated outputs; these tests fail when they differ from what
/// the code produces now. Regenerate with `scripts/analyze-seed.sh`.
@Suite("Golden reports of the seed")
struct ReportsGoldenTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seedName = "seeds/000_dd0249cc5e7d2567.txt"
    static let reportFolder = repository.appendingPathComponent("reports/000_dd0249cc5e7d2567")

    /// The bundle exactly as `scripts/analyze-seed.sh` has `threadnet analyze
    /// seeds/000_dd0249cc5e7d2567.txt --topics seeds/topics.yaml` build it.
    static func bundle() throws -> ReportBundle {
        let bytes = try [UInt8](Data(contentsOf: repository.appendingPathComponent(seedName)))
        let input = InputSource(name: seedName, bytes: bytes)
        let dictionary = try TopicDictionary(contentsOf: repository.appendingPathComponent("seeds/topics.yaml"))
        let topics = TopicSettings(options: TopicOptions(dictionary: dictionary), dictionaryName: "topics.yaml")
        return try Pipeline.run(input, options: ImportOptions(), analysis: AnalysisOptions(topics: topics)).bundle
    }

    static func committed(_ path: String) throws -> Data {
        try Data(contentsOf: reportFolder.appendingPathComponent(path))
    }

    @Test func textOutputsMatchByteForByte() throws {
        let bundle = try Self.bundle()
        let files = bundle.documents + bundle.diagrams
        #expect(files.map(\.path).sorted() == ["author-topics.csv", "author-topics.dot", "authors-replies.gexf", "authors-replies.graphml", "authors.csv", "authors.dot",
                                              "authors.gexf", "authors.graphml", "authors.json", "comments.csv", "edges.csv",
                                              "key-terms.csv", "key-terms.dot", "metrics.json", "reply-tree.dot", "reply-tree.gexf", "report.md",
                                              "topics.csv", "topics.dot"])
        for file in files {
            let committed = try String(decoding: Self.committed(file.path), as: UTF8.self)
            #expect(committed == file.contents, "reports/000_dd0249cc5e7d2567/\(file.path) is stale: run scripts/analyze-seed.sh")
        }
    }

    @Test func imagesMatchByStructure() throws {
        let bundle = try Self.bundle()
        for diagram in bundle.diagrams {
            let base = String(diagram.path.dropLast(4))
            let fresh = try Graphviz.render(dot: diagram.contents, formats: [.svg, .png])
            let freshSVG = String(decoding: try #require(fresh.data(for: .svg)), as: UTF8.self)
            let committedSVG = String(decoding: try Self.committed(base + ".svg"), as: UTF8.self)
            #expect(ImageStructure.svgNodeTitles(committedSVG) == ImageStructure.svgNodeTitles(freshSVG), "\(base).svg nodes")
            #expect(ImageStructure.svgEdgeCount(committedSVG) == ImageStructure.svgEdgeCount(freshSVG), "\(base).svg edges")
            let committedBytes = [UInt8](try Self.committed(base + ".png"))
            let committedPNG = try #require(ImageStructure.pngSize(committedBytes), "\(base).png is not a PNG")
            let freshBytes = try #require(fresh.data(for: .png))
            let freshPNG = try #require(ImageStructure.pngSize(freshBytes))
            #expect(abs(committedPNG.width - freshPNG.width) <= freshPNG.width / 10, "\(base).png width")
            #expect(abs(committedPNG.height - freshPNG.height) <= freshPNG.height / 10, "\(base).png height")
        }
    }

    /// The reply tree of the seed: the article plus 21 comments, 21 reply edges and the one
    /// mention link (11 → 7); the author network: 17 authors, 2 reply edges and 1 mention edge
    /// (counted by hand).
    @Test func seedDiagramsHaveOneNodePerCommentPlusTheArticle() throws {
        let svg = String(decoding: try Self.committed("reply-tree.svg"), as: UTF8.self)
        let titles = ImageStructure.svgNodeTitles(svg)
        #expect(titles.count == 22)
        #expect(titles.first == "root")
        #expect(ImageStructure.svgEdgeCount(svg) == 21 + 1)
        let authors = String(decoding: try Self.committed("authors.svg"), as: UTF8.self)
        #expect(ImageStructure.svgNodeTitles(authors).count == 17)
        #expect(ImageStructure.svgEdgeCount(authors) == 3)
    }
}
