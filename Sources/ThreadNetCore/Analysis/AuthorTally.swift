/// What the corpus-wide author network (``CorpusNetwork``) is built from: per author and per
/// (replier, replied-to) pair, sums and minima over threads.
///
/// Every field is a sum (comments, threads, replies, reply weights) or a minimum (first
/// comment time, first reply time, first appearance) over threads, so tallies of disjoint sets
/// of threads merge into the tally of their union (``merged(_:threadRank:)``): the basis of
/// `threadnet analyze --partial` and `threadnet merge`.
///
/// Authors are matched by name (after aliases), the unknown bucket and excluded authors are not
/// in it, as in a thread's ``AuthorNetwork``.
public struct AuthorTally: Sendable, Equatable {
    /// One author's sums over threads.
    public struct Author: Sendable, Equatable {
        /// The author's name (after aliases).
        public var name: String
        /// Comments written. Unit: comments.
        public var comments: Int32 = 0
        /// Threads written in. Unit: threads.
        public var threads: Int32 = 0
        /// Comments that reply to another comment (of anyone). Unit: comments.
        public var repliesGiven: Int32 = 0
        /// The first timed comment (seconds since 1970, UTC), nil when none is timed.
        public var firstSeen: Double?
        /// Where the author first appears: the thread's position in the tallied order and the
        /// author's index in that thread's ``AuthorNetwork/names``. Orders the network's nodes.
        public var firstThread: Int32
        public var firstLocal: Int32

        public init(name: String, comments: Int32 = 0, threads: Int32 = 0, repliesGiven: Int32 = 0, firstSeen: Double? = nil,
                    firstThread: Int32, firstLocal: Int32) {
            self.name = name
            self.comments = comments
            self.threads = threads
            self.repliesGiven = repliesGiven
            self.firstSeen = firstSeen
            self.firstThread = firstThread
            self.firstLocal = firstLocal
        }
    }

    /// The replies along one (replier → replied-to) pair, self-replies included.
    public struct Replies: Sendable, Equatable {
        /// Reply edges' weight summed over threads (``AuthorNetwork`` reply edges). Unit: comments.
        public var weight: Double = 0
        /// The first timed reply between two different authors (seconds since 1970, UTC).
        public var first: Double?

        public init(weight: Double = 0, first: Double? = nil) {
            self.weight = weight
            self.first = first
        }
    }

    /// Authors in order of first appearance (threads in tallied order, then each thread's
    /// author order): corpus author ids are indices into it.
    public private(set) var authors: [Author] = []
    /// Author name → index into ``authors``.
    public private(set) var index: [String: Int32] = [:]
    /// Replies by (replier, replied-to) pair of author ids, packed as `from << 32 | to`.
    public private(set) var replies: [Int64: Replies] = [:]
    /// Threads tallied.
    public private(set) var threadCount = 0

    /// An empty tally.
    public init() {}

    /// The tally of `threads`, in their order.
    ///
    /// - Complexity: O(*c* + *e*) for *c* comments and *e* thread edges (one hash lookup each).
    public init(_ threads: [ThreadAnalysis]) {
        for t in threads { add(t) }
    }

    /// The id of `name`, adding it (first seen in thread `thread` at local index `local`).
    mutating func id(of name: String, thread: Int32, local: Int32) -> Int32 {
        if let id = index[name] { return id }
        let id = Int32(authors.count)
        index[name] = id
        authors.append(Author(name: name, firstThread: thread, firstLocal: local))
        return id
    }

    /// Adds one thread after the ones tallied so far.
    public mutating func add(_ t: ThreadAnalysis) {
        let net = t.network
        let thread = Int32(threadCount)
        threadCount += 1
        var global = [Int32](repeating: 0, count: net.count)
        for (local, name) in net.names.enumerated() { global[local] = id(of: name, thread: thread, local: Int32(local)) }
        var wrote = [Bool](repeating: false, count: net.count)
        for (i, a) in net.commentAuthor.enumerated() where a >= 0 {
            let g = Int(global[Int(a)])
            authors[g].comments += 1
            let p = Int(t.tree.parent[i])
            if p >= 0 { authors[g].repliesGiven += 1 }
            if !wrote[Int(a)] { wrote[Int(a)] = true; authors[g].threads += 1 }
            guard let time = t.comments[i].timestamp?.timeIntervalSince1970 else { continue }
            if time < authors[g].firstSeen ?? .infinity { authors[g].firstSeen = time }
            if p >= 0, case let b = net.commentAuthor[p], b >= 0, b != a {
                let key = Int64(g) << 32 | Int64(global[Int(b)])
                if time < replies[key]?.first ?? .infinity { replies[key, default: Replies()].first = time }
            }
        }
        for e in net.edges where e.kind == .reply {
            replies[Int64(global[Int(e.from)]) << 32 | Int64(global[Int(e.to)]), default: Replies()].weight += Double(e.weight)
        }
    }

    /// The tally of several tallies of disjoint thread sets.
    ///
    /// `threadRank(part, thread)` is the position, in the merged order, of thread `thread` of
    /// tally `part`; authors are then ordered by where they first appear in that order, as if
    /// every thread had been tallied at once in it.
    ///
    /// - Throws: ``PartialError`` when a sum of counts does not fit in 32 bits (tallies that
    ///   were not made by ThreadNet).
    /// - Complexity: O(*a* log *a* + *p*) for *a* (tally, author) rows and *p* pair rows.
    public static func merged(_ parts: [AuthorTally], threadRank: (Int, Int32) -> Int32) throws(PartialError) -> AuthorTally {
        var first: [String: (rank: Int32, local: Int32)] = [:]
        for (k, part) in parts.enumerated() {
            for a in part.authors {
                let key = (threadRank(k, a.firstThread), a.firstLocal)
                if let seen = first[a.name], (seen.rank, seen.local) <= key { continue }
                first[a.name] = key
            }
        }
        let order = first.sorted { ($0.value.rank, $0.value.local, $0.key) < ($1.value.rank, $1.value.local, $1.key) }
        var out = AuthorTally()
        out.threadCount = parts.reduce(0) { $0 + $1.threadCount }
        for (name, key) in order { _ = out.id(of: name, thread: key.rank, local: key.local) }
        // Sums in 64 bits, checked before they are stored in 32.
        var sums = [(comments: Int64, threads: Int64, given: Int64)](repeating: (0, 0, 0), count: out.authors.count)
        for part in parts {
            let global = part.authors.map { out.index[$0.name]! }
            for (a, g) in zip(part.authors, global) {
                sums[Int(g)].comments += Int64(a.comments)
                sums[Int(g)].threads += Int64(a.threads)
                sums[Int(g)].given += Int64(a.repliesGiven)
                if let t = a.firstSeen, t < out.authors[Int(g)].firstSeen ?? .infinity { out.authors[Int(g)].firstSeen = t }
            }
            for (key, r) in part.replies {
                let pair = Int64(global[Int(key >> 32)]) << 32 | Int64(global[Int(key & 0xFFFF_FFFF)])
                out.add(r, to: pair)
            }
        }
        for (g, s) in sums.enumerated() {
            guard let c = Int32(exactly: s.comments), let t = Int32(exactly: s.threads), let r = Int32(exactly: s.given) else {
                throw PartialError("", "author \"\(out.authors[g].name)\": \(s.comments) comments in \(s.threads) threads is beyond what ThreadNet counts (2³¹ − 1)")
            }
            out.authors[g].comments = c
            out.authors[g].threads = t
            out.authors[g].repliesGiven = r
        }
        return out
    }

    /// Adds replies along the pair `key` (`from << 32 | to` of author ids).
    public mutating func add(_ r: Replies, to key: Int64) {
        var sum = replies[key] ?? Replies()
        sum.weight += r.weight
        if let t = r.first, t < sum.first ?? .infinity { sum.first = t }
        replies[key] = sum
    }

    /// A tally as read back from a partial result: `authors` in their order (names unique),
    /// `replies` keyed by `from << 32 | to` indices into it, over `threadCount` threads.
    public init(authors: [Author], replies: [Int64: Replies], threadCount: Int) {
        self.authors = authors
        for (k, a) in authors.enumerated() { index[a.name] = Int32(k) }
        self.replies = replies
        self.threadCount = threadCount
    }
}
