import Foundation
import Testing
@testable import ThreadNetCore

/// Every fixture, read through format detection and the whole analysis, against the counts
/// its script in scripts/fixture-counts/ established independently (every record kept,
/// `--keep all`).
@Suite("Fixtures against their independent counts")
struct FixtureReferenceTests {
    static let fixtures: [(String, InputFormat)] = [
        ("xml/isso-wordpress.xml", .wxr),
        ("xml/isso-disqus.xml", .disqus),
        ("json/reddit-3hahrw-thread.json", .reddit),
        ("json/hn-algolia-item17-fraction.json", .hnAlgolia),
        ("json/hn-firebase-items.json", .hnFirebase),
        ("json/mastodon-context-109294719267373593.json", .mastodon),
        ("json/discourse-topic57-discourse_api.json", .discourse),
        ("json/youtube-commentthreads.json", .youtube),
        ("stream/pushshift-sample.ndjson", .pushshift),
        ("stream/pushshift-sample.ndjson.zst", .pushshift),
        ("stream/csv-hn-items.csv", .csv),
        ("stream/csv-reddit-comments.csv", .csv),
        ("stream/json-comments.json", .json),
        ("stream/json-statuses.ndjson", .json),
    ]

    @Test(arguments: fixtures)
    func detectedAndCounted(_ path: String, _ format: InputFormat) throws {
        let input = InputSource(path: Paths.fixture(path).path)
        #expect(try Importers.detect(input) == format)
        let stem = path.replacingOccurrences(of: ".zst", with: "").components(separatedBy: ".").dropLast().joined(separator: ".")
        let expected = try Paths.expected(stem + ".expected.json")
        let analysis = CorpusAnalysis(corpus: try Importers.read(input), policy: .all)
        let threads = analysis.threads
        func sum(_ f: (ThreadAnalysis) -> Int) -> Int { threads.reduce(0) { $0 + f($1) } }
        #expect(sum { Metrics.comments($0) } == expected["comments"] as? Int, "comments")
        #expect(sum { Metrics.topLevel($0) } == expected["topLevel"] as? Int, "topLevel")
        #expect(sum { Metrics.orphanReplies($0) } == expected["orphans"] as? Int, "orphans")
        #expect(sum { Metrics.deleted($0) } == expected["deleted"] as? Int, "deleted")
        #expect(sum { Metrics.selfReplies($0) } == expected["selfReplies"] as? Int, "selfReplies")
        #expect(threads.map { Metrics.maxDepth($0) }.max() == expected["maxDepth"] as? Int, "maxDepth")
        #expect(Set(threads.flatMap(\.network.names)).count == expected["authors"] as? Int, "authors")
        // Reply edges, summed over threads.
        var edges: [String: Int] = [:]
        for t in threads {
            for e in t.network.edges where e.kind == .reply {
                edges["\(t.network.names[Int(e.from)])\u{1F}\(t.network.names[Int(e.to)])", default: 0] += Int(e.weight)
            }
        }
        var reference: [String: Int] = [:]
        for row in try #require(expected["replyEdges"] as? [[Any]]) {
            let from = try #require(row[0] as? String), to = try #require(row[1] as? String), w = try #require(row[2] as? Int)
            reference["\(from)\u{1F}\(to)", default: 0] += w
        }
        #expect(edges == reference, "replyEdges")
    }

    /// The counts hold whichever way the input is packed: the .zst fixture equals the plain one.
    @Test func compressedEqualsPlain() throws {
        let plain = try Importers.read(InputSource(path: Paths.fixture("stream/pushshift-sample.ndjson").path))
        let packed = try Importers.read(InputSource(path: Paths.fixture("stream/pushshift-sample.ndjson.zst").path))
        #expect(plain.threads.map(\.comments.count) == packed.threads.map(\.comments.count))
        #expect(plain.threads.map(\.id) == packed.threads.map(\.id))
    }

    /// Each fixture is claimed by exactly one importer.
    @Test(arguments: fixtures)
    func exactlyOneImporterClaims(_ path: String, _ format: InputFormat) throws {
        let head = try InputSource(path: Paths.fixture(path).path).head()
        let claims = Importers.all.filter { $0.detect(head: head, fileName: (path as NSString).lastPathComponent) }.map(\.format)
        #expect(claims == [format])
    }

    /// The seed is pasted text and no other importer claims it.
    @Test func seedIsText() throws {
        let head = try InputSource(path: Paths.seed.path).head()
        #expect(Importers.all.filter { $0.detect(head: head, fileName: "seed.txt") }.map(\.format) == [.text])
    }
}
