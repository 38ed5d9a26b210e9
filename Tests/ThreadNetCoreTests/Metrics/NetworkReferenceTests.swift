import Foundation
import Testing
@testable import ThreadNetCore

/// Every fixture's author networks, thread by thread, against the measures networkx and igraph
/// computed from the fixture's independent counts (scripts/reference/network_reference.py,
/// committed as `<stem>.network.json`). Analyses keep every record (`policy: .all`), as the
/// fixture-count scripts do.
@Suite("Author-network measures against networkx and igraph")
struct NetworkReferenceTests {
    /// (input, its `.network.json`), relative to Fixtures/ (the seed's input is the repository's seed).
    static let fixtures: [(String, String)] = [
        ("../../../seeds/000_dd0249cc5e7d2567.txt", "seed/seed.network.json"),
        ("xml/isso-wordpress.xml", "xml/isso-wordpress.network.json"),
        ("xml/isso-disqus.xml", "xml/isso-disqus.network.json"),
        ("json/reddit-3hahrw-thread.json", "json/reddit-3hahrw-thread.network.json"),
        ("json/hn-algolia-item17-fraction.json", "json/hn-algolia-item17-fraction.network.json"),
        ("json/hn-firebase-items.json", "json/hn-firebase-items.network.json"),
        ("json/mastodon-context-109294719267373593.json", "json/mastodon-context-109294719267373593.network.json"),
        ("json/discourse-topic57-discourse_api.json", "json/discourse-topic57-discourse_api.network.json"),
        ("json/youtube-commentthreads.json", "json/youtube-commentthreads.network.json"),
        ("stream/pushshift-sample.ndjson", "stream/pushshift-sample.network.json"),
        ("stream/pushshift-sample.ndjson.zst", "stream/pushshift-sample.network.json"),
        ("stream/csv-hn-items.csv", "stream/csv-hn-items.network.json"),
        ("stream/csv-reddit-comments.csv", "stream/csv-reddit-comments.network.json"),
        ("stream/json-comments.json", "stream/json-comments.network.json"),
        ("stream/json-statuses.ndjson", "stream/json-statuses.network.json"),
        ("generated/pa-thread-2000.csv", "generated/pa-thread-2000.network.json"),
    ]

    @Test(arguments: fixtures)
    func matchesReference(_ input: String, _ reference: String) throws {
        let json = try Paths.expected(reference)
        let expectedThreads = try #require(json["threads"] as? [[String: Any]])
        let analysis = CorpusAnalysis(corpus: try Importers.read(InputSource(path: Paths.fixture(input).path)), policy: .all)
        // A thread without known authors has no block in the reference only when it has no
        // comments either; every analysed thread must be matched.
        #expect(analysis.threads.count == expectedThreads.count, "thread count")
        for block in expectedThreads {
            let thread: ThreadAnalysis
            if let id = block["id"] as? String {
                thread = try #require(analysis.threads.first { $0.thread.id == id }, "thread \(id)")
            } else {
                thread = try #require(analysis.threads.first)
            }
            try Self.compare(thread, block, label: "\(reference) thread \(block["id"] as? String ?? "-")")
        }
    }

    /// The corpus-wide network of every multi-thread fixture against the reference's `corpus`
    /// block: the union of the threads' authors and reply edges, measured by networkx and igraph.
    @Test(arguments: fixtures)
    func corpusNetworkMatchesReference(_ input: String, _ reference: String) throws {
        let json = try Paths.expected(reference)
        let analysis = CorpusAnalysis(corpus: try Importers.read(InputSource(path: Paths.fixture(input).path)), policy: .all)
        guard let block = json["corpus"] as? [String: Any] else {
            #expect(analysis.threads.count <= 1, "\(reference): a multi-thread fixture needs a corpus block")
            return
        }
        let network = CorpusNetwork(analysis.threads)
        try Self.compare(network.measures, names: network.names, block, label: "\(reference) corpus")
        // Comments and threads per author, against the per-thread counts of the reference.
        #expect(network.comments.reduce(0) { $0 + Int($1) } == analysis.threads.reduce(0) { $0 + $1.network.commentAuthor.count { $0 >= 0 } })
        #expect(network.selfReplies == (block["thread"] as? [String: Any])?["selfReplyWeight"] as? Int, "\(reference) corpus self-replies")
    }

    static func compare(_ analysis: ThreadAnalysis, _ block: [String: Any], label: String) throws {
        let graph = WeightedDigraph(replyEdgesOf: analysis.network)
        try compare(NetworkMeasures(graph), names: analysis.network.names, block, label: label)
        try compareSampled(analysis, block, label: label)
    }

    static func compare(_ m: NetworkMeasures, names: [String], _ block: [String: Any], label: String) throws {
        let t = try #require(block["thread"] as? [String: Any])
        func int(_ key: String) -> Int? { (t[key] as? NSNumber)?.intValue }
        func double(_ key: String) -> Double { (t[key] as? NSNumber)?.doubleValue ?? .nan }
        #expect(m.nodes == int("nodes"), "\(label) nodes")
        #expect(m.edges == int("edges"), "\(label) edges")
        #expect(m.weakComponents == int("weakComponents"), "\(label) weakComponents")
        #expect(m.strongComponents == int("strongComponents"), "\(label) strongComponents")
        #expect(m.selfReplyWeight == double("selfReplyWeight"), "\(label) selfReplyWeight")
        let scalars: [(String, Double)] = [
            ("density", m.density), ("neverRepliedToShare", m.neverRepliedToShare),
            ("edgeReciprocity", m.edgeReciprocity), ("pairReciprocity", m.pairReciprocity),
            ("inDegreeCentralization", m.inDegreeCentralization), ("outDegreeCentralization", m.outDegreeCentralization),
            ("largestWeakComponentShare", m.largestWeakComponentShare),
            ("largestStrongComponentShare", m.largestStrongComponentShare),
            ("transitivity", m.transitivity), ("averageClustering", m.averageClustering),
        ]
        for (key, value) in scalars {
            #expect(NetworkReference.close(value, double(key), relative: 1e-9), "\(label) \(key): \(value) vs \(double(key))")
        }
        #expect(NetworkReference.partition(m.weakComponent, names) == NetworkReference.referencePartition(t["weakPartition"]), "\(label) weak partition")
        #expect(NetworkReference.partition(m.strongComponent, names) == NetworkReference.referencePartition(t["strongPartition"]), "\(label) strong partition")
        #expect(!m.betweennessSampled, "\(label) betweenness is exact below the limit")
        // Undefined assortativity is NaN here and null in the reference.
        if let r = t["degreeAssortativity"] as? NSNumber {
            #expect(NetworkReference.close(m.degreeAssortativity, r.doubleValue, relative: 1e-9), "\(label) degreeAssortativity: \(m.degreeAssortativity) vs \(r)")
        } else {
            #expect(m.degreeAssortativity.isNaN, "\(label) degreeAssortativity undefined, got \(m.degreeAssortativity)")
        }
        // HITS is compared where its eigenvector is well determined (λ₂/λ₁ of AᵀA ≤ 0.995, as
        // the script cross-checks it); without edges every score is 0.
        let ratio = (t["hitsEigenvalueRatio"] as? NSNumber)?.doubleValue
        let hitsDetermined = m.edges == 0 || (ratio.map { $0 <= 0.995 } ?? false)

        let authors = try #require(block["authors"] as? [String: [String: Any]])
        #expect(Set(authors.keys) == Set(names), "\(label) author set")
        for (i, name) in names.enumerated() {
            guard let r = authors[name] else { continue }
            func value(_ key: String) -> Double { (r[key] as? NSNumber)?.doubleValue ?? .nan }
            #expect(Int(m.inDegree[i]) == Int(value("inDegree")), "\(label) inDegree of \(name)")
            #expect(Int(m.outDegree[i]) == Int(value("outDegree")), "\(label) outDegree of \(name)")
            #expect(Int(m.coreNumber[i]) == Int(value("coreNumber")), "\(label) coreNumber of \(name)")
            #expect(m.inStrength[i] == value("inStrength"), "\(label) inStrength of \(name)")
            #expect(m.outStrength[i] == value("outStrength"), "\(label) outStrength of \(name)")
            #expect(NetworkReference.close(m.pageRank[i], value("pageRank"), relative: 1e-6), "\(label) pageRank of \(name): \(m.pageRank[i]) vs \(value("pageRank"))")
            #expect(NetworkReference.close(m.betweenness[i], value("betweenness"), relative: 1e-9), "\(label) betweenness of \(name): \(m.betweenness[i]) vs \(value("betweenness"))")
            #expect(NetworkReference.close(m.clustering[i], value("clustering"), relative: 1e-9), "\(label) clustering of \(name)")
            #expect(NetworkReference.close(m.harmonicCloseness[i], value("harmonicCloseness"), relative: 1e-9), "\(label) harmonicCloseness of \(name): \(m.harmonicCloseness[i]) vs \(value("harmonicCloseness"))")
            if hitsDetermined {
                #expect(NetworkReference.close(m.hubScore[i], value("hubScore"), relative: 1e-9), "\(label) hubScore of \(name): \(m.hubScore[i]) vs \(value("hubScore"))")
                #expect(NetworkReference.close(m.authorityScore[i], value("authorityScore"), relative: 1e-9), "\(label) authorityScore of \(name): \(m.authorityScore[i]) vs \(value("authorityScore"))")
            }
            // Reciprocity: null in the reference (no out-edges) is NaN here.
            let reciprocity = value("reciprocity")
            #expect(reciprocity.isNaN ? m.reciprocity[i].isNaN : NetworkReference.close(m.reciprocity[i], reciprocity, relative: 1e-12), "\(label) reciprocity of \(name): \(m.reciprocity[i]) vs \(reciprocity)")
        }
    }

    static func compareSampled(_ analysis: ThreadAnalysis, _ block: [String: Any], label: String) throws {
        let names = analysis.network.names

        // The sampled estimator, against networkx's Brandes pieces fed the same pivots: nodes
        // numbered in sorted-name order (as the script numbers them), SplitMix64 pivots.
        if let sampled = block["betweennessSampled"] as? [String: Any] {
            let pivots = try #require((sampled["pivots"] as? NSNumber)?.intValue)
            let seed = try #require((sampled["seed"] as? NSNumber)?.uint64Value)
            #expect(seed == Betweenness.Options.standard.seed, "\(label) sampling seed")
            let sorted = names.sorted()
            let rank = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Int32($0)) })
            let edges = analysis.network.edges.filter { $0.kind == .reply }.map {
                (from: rank[names[Int($0.from)]]!, to: rank[names[Int($0.to)]]!, weight: Double($0.weight))
            }
            let b = Betweenness(WeightedDigraph(nodeCount: names.count, edges: edges),
                                options: .init(exactLimit: 0, pivots: pivots, seed: seed))
            #expect(b.sampled && b.sources == pivots, "\(label) sampled")
            let values = try #require(sampled["values"] as? [String: NSNumber])
            let harmonic = try #require(sampled["harmonicCloseness"] as? [String: NSNumber])
            for (i, name) in sorted.enumerated() {
                let expected = values[name]?.doubleValue ?? .nan
                #expect(NetworkReference.close(b.values[i], expected, relative: 1e-9), "\(label) sampled betweenness of \(name): \(b.values[i]) vs \(expected)")
                let expectedHarmonic = harmonic[name]?.doubleValue ?? .nan
                #expect(NetworkReference.close(b.harmonicCloseness[i], expectedHarmonic, relative: 1e-9), "\(label) sampled harmonic closeness of \(name): \(b.harmonicCloseness[i]) vs \(expectedHarmonic)")
            }
        }
    }

    /// Reruns the reference script into a temporary folder and checks it reproduces the
    /// committed JSON (numbers to 1e-9 relative, everything else exactly).
    @Test(.enabled(if: ReferenceTools.available, "python3 with networkx and igraph is not installed (scripts/install-deps.sh installs them)"))
    func scriptReproducesCommittedJSON() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("threadnet-network-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = Paths.repository.appendingPathComponent("scripts/reference/network_reference.py").path
        let status = try ReferenceTools.run(["python3", script, "--out", folder.path])
        #expect(status == 0, "network_reference.py exit status")
        for reference in Set(Self.fixtures.map(\.1)).sorted() {
            let committed = try JSONSerialization.jsonObject(with: Data(contentsOf: Paths.fixture(reference)))
            let fresh = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent((reference as NSString).lastPathComponent)))
            #expect(NetworkReference.sameJSON(committed, fresh), "\(reference) differs from a fresh run")
        }
    }
}

/// Whether python3 can import networkx and igraph, and a way to run it.
enum ReferenceTools {
    static let available: Bool = (try? run(["python3", "-c", "import networkx, igraph"])) == 0

    static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Comparison helpers of the reference tests.
enum NetworkReference {
    /// |a − b| ≤ relative · max(|a|, |b|), with an absolute floor of 1e-12 for values near 0.
    static func close(_ a: Double, _ b: Double, relative: Double) -> Bool {
        abs(a - b) <= max(relative * max(abs(a), abs(b)), 1e-12)
    }

    /// Components as sets of author names.
    static func partition(_ labels: [Int32], _ names: [String]) -> Set<Set<String>> {
        var groups: [Int32: Set<String>] = [:]
        for (i, c) in labels.enumerated() { groups[c, default: []].insert(names[i]) }
        return Set(groups.values)
    }

    static func referencePartition(_ value: Any?) -> Set<Set<String>> {
        Set(((value as? [[String]]) ?? []).map(Set.init))
    }

    /// Structural JSON equality with numbers compared to 1e-9 relative.
    static func sameJSON(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            return Set(x.keys) == Set(y.keys) && x.allSatisfy { NetworkReference.sameJSON($0.value, y[$0.key]!) }
        case let (x as [Any], y as [Any]):
            return x.count == y.count && zip(x, y).allSatisfy { NetworkReference.sameJSON($0, $1) }
        case let (x as String, y as String):
            return x == y
        case let (x as NSNumber, y as NSNumber):
            return NetworkReference.close(x.doubleValue, y.doubleValue, relative: 1e-9)
        case (is NSNull, is NSNull):
            return true
        default:
            return false
        }
    }
}
