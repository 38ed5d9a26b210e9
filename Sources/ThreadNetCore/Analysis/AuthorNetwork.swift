/// Who replies to whom in one thread: interned authors and directed, weighted, typed edges.
///
/// Nodes are the thread's known authors (the "unknown" bucket of deleted, empty or anonymous
/// authors is left out) in order of first appearance. An edge `a → b` of kind
/// ``EdgeKind/reply`` with weight *w* means *a* wrote *w* comments that directly reply to a
/// comment by *b*. Replies to the root post are not edges (the article's author is left
/// out). Self-replies are kept as loops `a → a`. Edges are stored sorted by
/// (`from`, `to`, `kind`) with CSR offsets by `from`.
public struct AuthorNetwork: Hashable, Sendable {
    /// What an edge records.
    public enum EdgeKind: String, CaseIterable, Sendable {
        /// A comment by `from` replies directly to a comment by `to`.
        case reply
        /// A comment by `from` addresses `to` by name (`Paul, you are correct`, `@Paul`)
        /// without replying to one of `to`'s comments.
        case mention
    }

    /// One aggregated edge.
    public struct Edge: Hashable, Sendable {
        public var from: Int32
        public var to: Int32
        public var weight: Int32
        public var kind: EdgeKind
    }

    /// Author names, indexed by author id.
    public let names: [String]
    /// Author id of each comment; `-1` for the unknown bucket.
    public let commentAuthor: [Int32]
    /// Edges sorted by (`from`, `to`, `kind`).
    public let edges: [Edge]
    /// CSR offsets into ``edges`` by `from`; count: authors + 1.
    public let outStart: [Int32]

    /// Whether an author name belongs in the unknown bucket: empty, `[deleted]`, `[removed]`.
    public static func isUnknown(_ name: String) -> Bool {
        let t = name.trimmed
        return t.isEmpty || t == "[deleted]" || t == "[removed]"
    }

    /// Builds the network of `comments` over `tree`.
    ///
    /// - Complexity: O(*n* + *e* log *e*) for *n* comments and *e* distinct edges.
    public init(comments: [Comment], tree: ReplyTree) {
        var ids: [String: Int32] = [:]
        var names: [String] = []
        var commentAuthor = [Int32](repeating: -1, count: comments.count)
        for (i, c) in comments.enumerated() where !Self.isUnknown(c.author) {
            let name = c.author.trimmed
            if let id = ids[name] {
                commentAuthor[i] = id
            } else {
                let id = Int32(names.count)
                ids[name] = id
                names.append(name)
                commentAuthor[i] = id
            }
        }
        struct Key: Hashable { var from: Int32, to: Int32, kind: EdgeKind }
        var weights: [Key: Int32] = [:]
        for i in 0..<comments.count {
            let a = commentAuthor[i]
            guard a >= 0 else { continue }
            let p = tree.parent[i]
            var repliedTo: Int32 = -1
            if p >= 0, commentAuthor[Int(p)] >= 0 {
                repliedTo = commentAuthor[Int(p)]
                weights[Key(from: a, to: repliedTo, kind: .reply), default: 0] += 1
            }
            for b in MentionScanner.mentions(in: comments[i].text, names: ids) where b != a && b != repliedTo {
                weights[Key(from: a, to: b, kind: .mention), default: 0] += 1
            }
        }
        let edges = weights.map { Edge(from: $0.key.from, to: $0.key.to, weight: $0.value, kind: $0.key.kind) }
            .sorted { ($0.from, $0.to, $0.kind.rawValue) < ($1.from, $1.to, $1.kind.rawValue) }
        var outStart = [Int32](repeating: 0, count: names.count + 1)
        for e in edges { outStart[Int(e.from) + 1] += 1 }
        for s in 1..<outStart.count { outStart[s] += outStart[s - 1] }
        self.names = names
        self.commentAuthor = commentAuthor
        self.edges = edges
        self.outStart = outStart
    }

    /// Number of known authors.
    public var count: Int { names.count }

    /// Edges leaving author `a`.
    public func edges(from a: Int32) -> ArraySlice<Edge> {
        edges[Int(outStart[Int(a)])..<Int(outStart[Int(a) + 1])]
    }
}

import Foundation

/// Finds authors addressed by name in a comment: a salutation at the start
/// (`Paul, you are correct`, `Paul: …`) or an `@name` anywhere.
enum MentionScanner {
    /// Author ids mentioned in `text`, each once, in order of appearance.
    static func mentions(in text: String, names: [String: Int32]) -> [Int32] {
        var found: [Int32] = []
        // Salutation: the text before the first comma or colon of the first line.
        let firstLine = text.prefix { $0 != "\n" }
        if let stop = firstLine.firstIndex(where: { $0 == "," || $0 == ":" }) {
            let candidate = firstLine[..<stop].trimmingCharacters(in: .whitespaces)
            if candidate.count >= 2, let id = names[candidate] { found.append(id) }
        }
        // @name, matched against known names at a word boundary.
        var rest = text[...]
        while let at = rest.firstIndex(of: "@") {
            let after = rest[rest.index(after: at)...]
            var best: Int32?
            var end = after.startIndex
            var length = 0
            while end < after.endIndex, length < 60 {
                end = after.index(after: end)
                length += 1
                let boundary = end == after.endIndex || !(after[end].isLetter || after[end].isNumber || after[end] == "_")
                if boundary, let id = names[String(after[after.startIndex..<end])] { best = id }
            }
            if let best, !found.contains(best) { found.append(best) }
            rest = after
        }
        return found
    }
}
