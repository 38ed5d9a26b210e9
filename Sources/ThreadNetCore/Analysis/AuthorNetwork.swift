/// Who replies to whom in one thread: interned authors and directed, weighted, typed edges.
///
/// Nodes are the thread's known authors in order of first appearance (the "unknown" bucket of
/// deleted, empty or anonymous authors, and authors excluded by ``AuthorIdentity``, are left
/// out; the article's author is a node only with ``AuthorIdentity/includeArticleAuthor``, and
/// then comes first). An edge `a → b` of kind ``EdgeKind/reply`` with weight *w* means *a*
/// wrote *w* comments that directly reply to a comment by *b* (or, with the article's author
/// included, to the article). Self-replies are kept as loops `a → a`. Mention, quote and
/// reference edges aggregate the thread's ``CommentLink``s between different authors. Edges
/// are stored sorted by (`from`, `to`, `kind`) with CSR offsets by `from`.
public struct AuthorNetwork: Hashable, Sendable {
    /// What an edge records.
    public enum EdgeKind: String, CaseIterable, Sendable {
        /// A comment by `from` replies directly to a comment by `to`.
        case reply
        /// A comment by `from` addresses `to` by name (``CommentLink/Kind/mention``).
        case mention
        /// A comment by `from` quotes a comment by `to` (``CommentLink/Kind/quote``).
        case quote
        /// A comment by `from` refers to a comment by `to` by its number (``CommentLink/Kind/reference``).
        case reference

        init(_ link: CommentLink.Kind) {
            switch link {
            case .mention: self = .mention
            case .quote: self = .quote
            case .reference: self = .reference
            }
        }
    }

    /// One aggregated edge.
    public struct Edge: Hashable, Sendable {
        public var from: Int32
        public var to: Int32
        public var weight: Int32
        public var kind: EdgeKind
    }

    /// `commentAuthor` value of a comment in the unknown bucket.
    public static let unknownAuthor: Int32 = -1
    /// `commentAuthor` value of a comment by an excluded author.
    public static let excludedAuthor: Int32 = -2

    /// Author names, indexed by author id.
    public let names: [String]
    /// Author id of each comment; ``unknownAuthor`` (-1) or ``excludedAuthor`` (-2) when not a node.
    public let commentAuthor: [Int32]
    /// The article author's id when they are a node, else -1.
    public let rootAuthor: Int32
    /// Edges sorted by (`from`, `to`, `kind`).
    public let edges: [Edge]
    /// CSR offsets into ``edges`` by `from`; count: authors + 1.
    public let outStart: [Int32]

    /// Whether an author name belongs in the unknown bucket: empty, `[deleted]`, `[removed]`.
    public static func isUnknown(_ name: String) -> Bool {
        let t = name.trimmed
        return t.isEmpty || t == "[deleted]" || t == "[removed]"
    }

    /// The authors of one thread before any edge: names interned under an identity rule.
    public struct Authors: Sendable {
        public var names: [String] = []
        public var commentAuthor: [Int32]
        public var rootAuthor: Int32 = -1
        /// Lower-cased names and alias variants → id, for finding mentions.
        public var lookup: [String: Int32] = [:]

        /// Interns the authors of `comments` (and of `root` when the identity includes it).
        ///
        /// - Complexity: O(*n*) expected.
        public init(comments: [Comment], root: RootPost, identity: AuthorIdentity) {
            commentAuthor = [Int32](repeating: AuthorNetwork.unknownAuthor, count: comments.count)
            var ids: [String: Int32] = [:]
            func intern(_ name: String) -> Int32 {
                if let id = ids[name] { return id }
                let id = Int32(names.count)
                ids[name] = id
                names.append(name)
                return id
            }
            if identity.includeArticleAuthor, case .author(let name) = identity.resolve(root.author) {
                rootAuthor = intern(name)
            }
            for (i, c) in comments.enumerated() {
                switch identity.resolve(c.author) {
                case .author(let name): commentAuthor[i] = intern(name)
                case .unknown: commentAuthor[i] = AuthorNetwork.unknownAuthor
                case .excluded: commentAuthor[i] = AuthorNetwork.excludedAuthor
                }
            }
            for (name, id) in ids { lookup[name.lowercased()] = lookup[name.lowercased()].map { min($0, id) } ?? id }
            for (variant, canonical) in identity.aliases {
                if let id = ids[canonical], lookup[variant.lowercased()] == nil { lookup[variant.lowercased()] = id }
            }
        }
    }

    /// Builds the network of `comments` over `tree`, finding the typed links itself.
    public init(comments: [Comment], tree: ReplyTree, root: RootPost = RootPost(), identity: AuthorIdentity = .default) {
        let authors = Authors(comments: comments, root: root, identity: identity)
        let links = LinkFinder.links(comments: comments, parent: tree.parent, commentAuthor: authors.commentAuthor,
                                     names: authors.lookup)
        self.init(authors: authors, tree: tree, links: links)
    }

    /// Builds the edges from interned `authors`, the reply `tree` and the comment `links`.
    ///
    /// - Complexity: O(*n* + *k* + *e* log *e*) for *n* comments, *k* links and *e* distinct edges.
    public init(authors: Authors, tree: ReplyTree, links: [CommentLink]) {
        let commentAuthor = authors.commentAuthor
        struct Key: Hashable { var from: Int32, to: Int32, kind: EdgeKind }
        var weights: [Key: Int32] = [:]
        for i in 0..<commentAuthor.count {
            let a = commentAuthor[i]
            guard a >= 0 else { continue }
            let p = tree.parent[i]
            let b = p >= 0 ? commentAuthor[Int(p)] : authors.rootAuthor
            if b >= 0 { weights[Key(from: a, to: b, kind: .reply), default: 0] += 1 }
        }
        for link in links {
            let a = commentAuthor[Int(link.from)], b = commentAuthor[Int(link.to)]
            if a >= 0, b >= 0, a != b { weights[Key(from: a, to: b, kind: EdgeKind(link.kind)), default: 0] += 1 }
        }
        let edges = weights.map { Edge(from: $0.key.from, to: $0.key.to, weight: $0.value, kind: $0.key.kind) }
            .sorted { ($0.from, $0.to, $0.kind.rawValue) < ($1.from, $1.to, $1.kind.rawValue) }
        var outStart = [Int32](repeating: 0, count: authors.names.count + 1)
        for e in edges { outStart[Int(e.from) + 1] += 1 }
        for s in 1..<outStart.count { outStart[s] += outStart[s - 1] }
        self.names = authors.names
        self.commentAuthor = commentAuthor
        self.rootAuthor = authors.rootAuthor
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
