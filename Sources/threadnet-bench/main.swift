// threadnet-bench: release-mode timings of ThreadNet's stages on synthetic threads, each
// reported as a ratio against a reference run on the same machine in the same run.
//
//   swift run -c release threadnet-bench [--scale N]
//
// Two kinds of reference, both run here, now, on the same data:
// - a floor any implementation pays: scanning the input bytes for newlines (import), one pass
//   over the parent array (analysis). "ratio 5" means 5 times the cost of that floor;
// - networkx (Python), when python3 with networkx is installed: the same tree (children lists
//   and BFS depths from the root) built from the same parent array, timed inside Python.
//   "ratio 0.05" means ThreadNet takes 5% of networkx's time.
// Timings are the best of three runs; the absolute numbers are printed too, but only the
// ratios are meant to be compared across machines.
import Foundation
import ThreadNetCore

struct Workload {
    var name: String
    var size: String
    var run: () throws -> Int
    var reference: () -> Int
}

func seconds(_ body: () throws -> Int) rethrows -> (Double, Int) {
    var best = Double.infinity
    var result = 0
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        result = try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (best, result)
}

var scale = 1
if let i = CommandLine.arguments.firstIndex(of: "--scale"), i + 1 < CommandLine.arguments.count, let s = Int(CommandLine.arguments[i + 1]) { scale = s }

/// A deterministic pseudo-random generator (SplitMix64), so every run measures the same data.
struct SplitMix { var state: UInt64
    mutating func next() -> UInt64 { state &+= 0x9E37_79B9_7F4A_7C15; var z = state; z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9; z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB; return z ^ (z >> 31) }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Newlines in `bytes`: the floor of any line-oriented import.
@inline(never) func countNewlines(_ bytes: [UInt8]) -> Int {
    var n = 0
    for b in bytes where b == 10 { n &+= 1 }
    return n
}

/// One pass over a parent array: the floor of any tree construction.
@inline(never) func sumParents(_ parents: [Int32]) -> Int {
    var s = 0
    for p in parents { s &+= Int(p) }
    return s
}

func ratio(_ x: Double) -> String { x >= 10 ? String(format: "%.0f", x) : (x >= 1 ? String(format: "%.1f", x) : String(format: "%.3f", x)) }

// A pasted thread: 20,000 × scale comments, replies nested up to depth 6.
func pastedThread(_ n: Int) -> String {
    var rng = SplitMix(state: 1)
    var out = "A synthetic article\n\nBody of the article.\n\nComments\n"
    var depth = 0
    var counters = [0]
    for _ in 0..<n {
        let r = rng.below(10)
        if r < 3, depth < 5 { depth += 1; counters.append(0) } else if r < 6, depth > 0 { let up = 1 + rng.below(depth); depth -= up; counters.removeLast(up) }
        counters[depth] += 1
        let indent = String(repeating: " ", count: 2 + depth * 4)
        out += "\(indent)\(counters[depth]). user\(rng.below(n / 5 + 1)) says:\n\n\(indent)  Some text, with an opinion about the article, and another sentence.\n\n"
    }
    return out
}

func flatComments(_ n: Int) -> [ThreadNetCore.Comment] {
    var rng = SplitMix(state: 2)
    var comments: [ThreadNetCore.Comment] = []
    comments.reserveCapacity(n)
    for i in 0..<n {
        let parent = i == 0 || rng.below(5) == 0 ? nil : String(rng.below(i))
        comments.append(ThreadNetCore.Comment(id: String(i), parentID: parent, author: "u\(rng.below(n / 10 + 1))", text: "",
                                              location: SourceLocation(file: "bench", record: i + 1)))
    }
    return comments
}

func runBenchmarks(scale: Int) throws {
    let pastedCount = 20_000 * scale
    let pasted = pastedThread(pastedCount)
    let pastedBytes = Array(pasted.utf8)
    let analysisCount = 1_000_000 * scale
    let comments = flatComments(analysisCount)
    let thread = CommentThread(id: "bench", title: "bench", comments: comments)
    let parents = ReplyTreeBuilder(comments: comments).tree.parent
    let analysis = ThreadAnalysis(thread: thread)
    let pastedAnalysis = ThreadAnalysis(thread: try TextImporter().parse(pasted, name: "bench.txt"))
    let graph = WeightedDigraph(replyEdgesOf: analysis.network)

    // Pushshift NDJSON: 200,000 × scale comment lines over 2,000 threads, written to a temporary file.
    func pushshiftLines(_ n: Int) -> [UInt8] {
        var rng = SplitMix(state: 3)
        var out = ""
        out.reserveCapacity(n * 200)
        for i in 0..<n {
            let thread = rng.below(2000)
            let parent = i < 2000 || rng.below(4) == 0 ? "t3_\(thread)" : "t1_c\(rng.below(i))"
            out += #"{"id":"c\#(i)","parent_id":"\#(parent)","link_id":"t3_\#(thread)","author":"u\#(rng.below(n / 20 + 1))","body":"Some text &gt; quoted, and a reply.","created_utc":\#(1_600_000_000 + i),"subreddit":"bench"}"#
            out += "\n"
        }
        return Array(out.utf8)
    }
    let pushshiftCount = 200_000 * scale
    let pushshift = pushshiftLines(pushshiftCount)
    let pushshiftPath = FileManager.default.temporaryDirectory.appendingPathComponent("threadnet-bench-\(getpid()).ndjson").path
    _ = FileManager.default.createFile(atPath: pushshiftPath, contents: Data(pushshift))
    defer { try? FileManager.default.removeItem(atPath: pushshiftPath) }

    let workloads: [Workload] = [
        Workload(name: "import Pushshift NDJSON (file)", size: "\(pushshiftCount) comments, \(pushshift.count / 1_048_576) MiB",
                 run: { try PushshiftImporter().read(InputSource(path: pushshiftPath), options: ImportOptions()).threads.count },
                 reference: { countNewlines(pushshift) }),
        Workload(name: "import pasted text", size: "\(pastedCount) comments, \(pastedBytes.count / 1024) KiB",
                 run: { try TextImporter().parse(pasted, name: "bench.txt").comments.count },
                 reference: { countNewlines(pastedBytes) }),
        Workload(name: "analyze (tree, repairs, network)", size: "\(analysisCount) comments",
                 run: { ThreadAnalysis(thread: thread).tree.count },
                 reference: { sumParents(parents) }),
        Workload(name: "metrics (shape, participation, network)", size: "\(analysisCount) comments, \(analysis.network.count) authors",
                 run: { ThreadMetrics(analysis).network.nodes },
                 reference: { sumParents(parents) }),
        Workload(name: "topics (tokenize, key terms, co-occurrence)", size: "\(pastedCount) comments, \(pastedBytes.count / 1024) KiB",
                 run: { TopicAnalysis(incidence: TopicExtractor.incidence(of: pastedAnalysis, options: TopicOptions()), analysis: pastedAnalysis).cooccurrence.pairs.count },
                 reference: { countNewlines(pastedBytes) }),
        Workload(name: "reply tree from parent array", size: "\(analysisCount) comments",
                 run: { Int(ReplyTree(parent: parents).depth.max() ?? 0) },
                 reference: { sumParents(parents) }),
    ]

    print("| workload | size | ThreadNet (s) | reference (s) | ratio |")
    print("|---|---|---:|---:|---:|")
    for w in workloads {
        let (t, _) = try seconds(w.run)
        let (r, _) = seconds { w.reference() }
        print("| \(w.name) | \(w.size) | \(String(format: "%.3f", t)) | \(String(format: "%.4f", r)) | \(ratio(t / max(r, 1e-9))) |")
    }

    // networkx reference for PageRank: the same author graph (self-loops removed), timed in Python.
    let edgesPath = FileManager.default.temporaryDirectory.appendingPathComponent("threadnet-bench-edges-\(getpid()).txt").path
    var edgeText = "\(graph.nodeCount)\n"
    for u in 0..<graph.nodeCount {
        for k in Int(graph.outStart[u])..<Int(graph.outStart[u + 1]) { edgeText += "\(u) \(graph.outTarget[k]) \(Int(graph.outWeight[k]))\n" }
    }
    _ = FileManager.default.createFile(atPath: edgesPath, contents: Data(edgeText.utf8))
    defer { try? FileManager.default.removeItem(atPath: edgesPath) }
    let pagerankScript = """
    import sys, time
    import networkx as nx
    lines = open(sys.argv[1]).read().split("\\n")
    n = int(lines[0])
    edges = [tuple(int(x) for x in l.split()) for l in lines[1:] if l]
    best = None
    for _ in range(3):
        t = time.perf_counter()
        g = nx.DiGraph()
        g.add_nodes_from(range(n))
        g.add_weighted_edges_from(edges)
        pr = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-15, max_iter=1000)
        best = min(best or 1e9, time.perf_counter() - t)
    print(best, max(pr.values()))
    """
    if let (reference, top) = runPython(pagerankScript, edgesPath) {
        let (t, _) = seconds { Int(PageRank.compute(graph).count) }
        let mine = PageRank.compute(graph).max() ?? 0
        print("| PageRank vs networkx (graph built + pagerank) | \(graph.nodeCount) authors, \(graph.edgeCount) edges | \(String(format: "%.3f", t)) | \(String(format: "%.3f", reference)) (networkx) | \(ratio(t / reference)) |")
        if abs(mine - top) > 1e-6 * max(top, 1e-12) { print("warning: networkx's largest PageRank \(top) differs from ThreadNet's \(mine)") }
    } else {
        print("(networkx PageRank reference skipped: python3 with networkx not available)")
    }

    // networkx reference: the same parent array, children lists and BFS depths, timed in Python.
    let script = """
    import sys, time
    import networkx as nx
    parents = [int(x) for x in open(sys.argv[1]).read().split()]
    best = None
    for _ in range(3):
        t = time.perf_counter()
        g = nx.DiGraph()
        g.add_node(-1)
        g.add_edges_from((p, i) for i, p in enumerate(parents))
        depth = nx.single_source_shortest_path_length(g, -1)
        best = min(best or 1e9, time.perf_counter() - t)
    print(best, max(depth.values()))
    """
    let parentsPath = FileManager.default.temporaryDirectory.appendingPathComponent("threadnet-bench-parents-\(getpid()).txt").path
    _ = FileManager.default.createFile(atPath: parentsPath, contents: Data(parents.map(String.init).joined(separator: " ").utf8))
    defer { try? FileManager.default.removeItem(atPath: parentsPath) }
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", script, parentsPath]
    let pipe = Pipe()
    python.standardOutput = pipe
    python.standardError = FileHandle.nullDevice
    if (try? python.run()) != nil {
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        let fields = output.split(separator: " ")
        if python.terminationStatus == 0, let reference = fields.first.flatMap({ Double($0) }) {
            let (t, depth) = seconds { Int(ReplyTree(parent: parents).depth.max() ?? 0) }
            let agree = fields.count > 1 && Int(fields[1].trimmingCharacters(in: .whitespacesAndNewlines)) == depth
            print("| reply tree vs networkx (children + BFS depths) | \(analysisCount) comments | \(String(format: "%.3f", t)) | \(String(format: "%.3f", reference)) (networkx) | \(ratio(t / reference)) |")
            if !agree { print("warning: networkx's maximum depth differs from ThreadNet's (\(output))") }
        } else {
            print("(networkx reference skipped: python3 with networkx not available)")
        }
    }
}

/// Runs `script` with python3 on `argument`; its output's two numbers, or nil when Python or
/// networkx is missing.
func runPython(_ script: String, _ argument: String) -> (Double, Double)? {
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", script, argument]
    let pipe = Pipe()
    python.standardOutput = pipe
    python.standardError = FileHandle.nullDevice
    guard (try? python.run()) != nil else { return nil }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    python.waitUntilExit()
    let fields = output.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
    guard python.terminationStatus == 0, fields.count == 2 else { return nil }
    return (fields[0], fields[1])
}

try runBenchmarks(scale: scale)
