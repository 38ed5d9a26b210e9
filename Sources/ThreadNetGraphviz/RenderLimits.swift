import CGraphviz

/// Bounds on what one render may cost or touch, checked after the DOT is read and before any
/// layout, so that no input makes Graphviz run for minutes, allocate gigabytes, or read local
/// files.
///
/// - Graphs with more than ``maxNodes`` nodes or ``maxEdges`` edges are refused
///   (``GraphvizError/Kind/limit``): laying out tens of thousands of nodes takes minutes.
/// - `dpi`/`resolution` above ``maxDPI`` is clamped, and `size` is capped so that neither side
///   of the picture exceeds ``maxPixels`` (set when absent: it only shrinks a larger drawing),
///   with a warning when the graph asked for more: a 60-byte graph asking for
///   `size="100000,100000!"` took 4 GB.
/// - `image`, `shapefile` (nodes) and `imagepath`, `fontpath` (graph) make Graphviz read files
///   from disk into the picture; they are refused unless ``allowLocalFiles``.
public struct RenderLimits: Sendable, Hashable {
    public var maxNodes: Int
    public var maxEdges: Int
    public var maxDPI: Double
    public var maxPixels: Int
    public var allowLocalFiles: Bool

    public init(maxNodes: Int = 5_000, maxEdges: Int = 20_000, maxDPI: Double = 300, maxPixels: Int = 10_000, allowLocalFiles: Bool = false) {
        self.maxNodes = maxNodes
        self.maxEdges = maxEdges
        self.maxDPI = maxDPI
        self.maxPixels = maxPixels
        self.allowLocalFiles = allowLocalFiles
    }

    /// Checks `graph` and clamps its attributes; returns the warnings for what was clamped.
    /// Call only while holding `GraphvizContext`'s lock.
    func apply(to graph: UnsafeMutablePointer<Agraph_t>) throws(GraphvizError) -> [String] {
        let nodes = Int(agnnodes(graph)), edges = Int(agnedges(graph))
        if nodes > maxNodes {
            throw GraphvizError(kind: .limit, message: "the graph has \(nodes) nodes, more than the \(maxNodes) one picture may hold (laying out more takes minutes); raise the bound with --max-diagram-nodes")
        }
        if edges > maxEdges {
            throw GraphvizError(kind: .limit, message: "the graph has \(edges) edges, more than the \(maxEdges) one picture may hold; raise the bound with --max-diagram-nodes (edges are allowed 4 per node)")
        }
        if !allowLocalFiles {
            for name in ["imagepath", "fontpath"] where !(GraphAttributes.value(graph, name) ?? "").isEmpty {
                throw GraphvizError(kind: .limit, message: "the graph sets \(name), which makes Graphviz read local files into the picture; refused (use --allow-local-files if you trust this DOT file)")
            }
            for name in ["image", "shapefile"] where Self.anyNodeSets(graph, name) {
                throw GraphvizError(kind: .limit, message: "a node sets \(name)=, which makes Graphviz read a local file into the picture; refused (use --allow-local-files if you trust this DOT file)")
            }
        }
        var warnings: [String] = []
        var dpi = 96.0
        for name in ["dpi", "resolution"] {
            guard let text = GraphAttributes.value(graph, name), let value = Double(Self.trim(text)) else { continue }
            if value > maxDPI {
                GraphAttributes.set(graph, name, Self.format(maxDPI))
                warnings.append("\(name)=\(text) clamped to \(Self.format(maxDPI))")
            }
            if value > 0 { dpi = min(value, maxDPI) }
        }
        // The picture's sides stay within maxPixels: `size` (inches) is capped at
        // maxPixels / dpi, and set to that when absent (it only ever shrinks a larger drawing).
        let cap = (Double(maxPixels) / dpi * 100).rounded(.down) / 100
        let text = GraphAttributes.value(graph, "size") ?? ""
        let forced = text.hasSuffix("!")
        let numbers = text.filter { $0 != "!" }.split(separator: ",").compactMap { Double(Self.trim(String($0))) }
        if numbers.isEmpty {
            GraphAttributes.declare(graph, "size")
            GraphAttributes.set(graph, "size", "\(Self.format(cap)),\(Self.format(cap))")
        } else if numbers.contains(where: { $0 > cap }) {
            let clamped = numbers.map { Self.format(min($0, cap)) }.joined(separator: ",") + (forced ? "!" : "")
            GraphAttributes.set(graph, "size", clamped)
            warnings.append("size=\(text) clamped to \(clamped) (inches; at most \(maxPixels) pixels a side)")
        }
        return warnings
    }

    private static func anyNodeSets(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String) -> Bool {
        var cName = Array(name.utf8CString)
        return cName.withUnsafeMutableBufferPointer { namePointer -> Bool in
            guard let symbol = agattr(graph, AGNODE, namePointer.baseAddress, nil) else { return false }
            var node = agfstnode(graph)
            while let n = node {
                if let value = agxget(n, symbol), value.pointee != 0 { return true }
                node = agnxtnode(graph, n)
            }
            return false
        }
    }

    private static func trim(_ s: String) -> String {
        String(s.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    private static func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}
