// threadnet-bench: release-mode timings of ThreadNet's stages on synthetic threads, each
// reported as a ratio against a reference run on the same machine in the same run.
//
//   swift run -c release threadnet-bench [--scale N]
//
// The reference for each workload is the floor any implementation pays on the same bytes or
// the same arrays: scanning the input for newlines (import), one pass summing the parent
// array (analysis). A ratio of 5 means "5 times the cost of that floor". Timings are the
// best of three runs; the absolute numbers are printed too but only the ratios are meant to
// be compared across machines.
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

let pastedCount = 20_000 * scale
let pasted = pastedThread(pastedCount)
let pastedBytes = Array(pasted.utf8)
let analysisCount = 1_000_000 * scale
let comments = flatComments(analysisCount)
let thread = CommentThread(id: "bench", title: "bench", comments: comments)
let parents = ReplyTreeBuilder(comments: comments).tree.parent

let workloads: [Workload] = [
    Workload(name: "import pasted text", size: "\(pastedCount) comments, \(pastedBytes.count / 1024) KiB",
             run: { try TextImporter().parse(pasted, name: "bench.txt").comments.count },
             reference: { pastedBytes.reduce(0) { $0 &+ ($1 == 10 ? 1 : 0) } }),
    Workload(name: "analyze (tree, repairs, network)", size: "\(analysisCount) comments",
             run: { ThreadAnalysis(thread: thread).tree.count },
             reference: { parents.reduce(0) { $0 &+ Int($1) } }),
    Workload(name: "reply tree from parent array", size: "\(analysisCount) comments",
             run: { Int(ReplyTree(parent: parents).depth.max() ?? 0) },
             reference: { parents.reduce(0) { $0 &+ Int($1) } }),
]

print("| workload | size | ThreadNet (s) | reference (s) | ratio |")
print("|---|---|---:|---:|---:|")
for w in workloads {
    let (t, _) = try seconds(w.run)
    let (r, _) = seconds { w.reference() }
    print("| \(w.name) | \(w.size) | \(String(format: "%.3f", t)) | \(String(format: "%.4f", r)) | \(String(format: "%.0f", t / max(r, 1e-9))) |")
}
