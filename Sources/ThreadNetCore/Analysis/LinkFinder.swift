import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds the typed links of one thread: mentions, quotes and numeric back-references
/// (``CommentLink``).
///
/// "Earlier" means earlier in time when every comment has a timestamp, else earlier in source
/// order. Mentions and references that point at the comment being replied to are dropped: the
/// reply already says so. Quotes of the parent are kept (quoting is more than replying).
/// Numeric references are read only in threads whose comments show numbers (pasted text, where
/// the page numbers its comments): elsewhere `#3` is a list item or a ranking, not a comment.
/// A comment never links to itself, and a mention of one's own name is ignored.
enum LinkFinder {
    /// All links, sorted by (`from`, `to`, `kind`).
    ///
    /// - Parameters:
    ///   - names: lower-cased author names and alias variants → author id.
    /// - Complexity: O(*L* + *m* log *n*) for *L* bytes of text and *m* candidate mentions,
    ///   plus the quote search (``QuoteFinder``).
    static func links(comments: [Comment], parent: [Int32], commentAuthor: [Int32], names: [String: Int32]) -> [CommentLink] {
        let n = comments.count
        let longestName = names.keys.map(\.utf8.count).max() ?? 0
        // Scan every text once; most threads have nothing to resolve, and then nothing else is built.
        var scans: [(comment: Int, refs: TextReferences)] = []
        for i in 0..<n {
            let refs = TextReferences(comments[i].text, names: names, longestName: longestName)
            if !refs.mentionedAuthors.isEmpty || !refs.numbers.isEmpty { scans.append((i, refs)) }
        }
        let quotes = QuoteFinder.hasCandidates(comments)
        guard !scans.isEmpty || quotes else { return [] }
        let rank = chronologicalRank(comments)
        var found = Set<CommentLink>()
        if !scans.isEmpty {
            // Each author's comments in chronological order, for "most recent earlier comment".
            var byAuthor: [Int32: [Int32]] = [:]
            let order = rank.enumerated().allSatisfy { $0.offset == Int($0.element) } ? Array(0..<n) : (0..<n).sorted { rank[$0] < rank[$1] }
            for i in order where commentAuthor[i] >= 0 { byAuthor[commentAuthor[i], default: []].append(Int32(i)) }
            // The number a page shows a comment with is its dotted id (`12`, `13.1`); comments
            // without a source number cannot be referred to.
            var labelIndex: [String: Int32] = [:]
            if scans.contains(where: { !$0.refs.numbers.isEmpty }) {
                for (i, c) in comments.enumerated() where c.sourceNumber != nil && labelIndex[c.id] == nil { labelIndex[c.id] = Int32(i) }
            }
            for (i, scan) in scans {
                for author in scan.mentionedAuthors where author != commentAuthor[i] {
                    guard let list = byAuthor[author], let target = latest(in: list, before: rank[i], rank: rank) else { continue }
                    if target != parent[i] { found.insert(CommentLink(from: Int32(i), to: target, kind: .mention)) }
                }
                for label in scan.numbers {
                    guard let target = labelIndex[label], target != Int32(i), rank[Int(target)] < rank[i], target != parent[i] else { continue }
                    found.insert(CommentLink(from: Int32(i), to: target, kind: .reference))
                }
            }
        }
        if quotes { for link in QuoteFinder.quotes(comments: comments, rank: rank) { found.insert(link) } }
        return found.sorted { ($0.from, $0.to, $0.kind) < ($1.from, $1.to, $1.kind) }
    }

    /// Each comment's position in time: by (timestamp, source position) when every comment has
    /// a timestamp, else by source position.
    static func chronologicalRank(_ comments: [Comment]) -> [Int32] {
        let n = comments.count
        guard n > 0, comments.allSatisfy({ $0.timestamp != nil }) else { return (0..<n).map { Int32($0) } }
        let order = (0..<n).sorted { (comments[$0].timestamp!, $0) < (comments[$1].timestamp!, $1) }
        var rank = [Int32](repeating: 0, count: n)
        for (r, i) in order.enumerated() { rank[i] = Int32(r) }
        return rank
    }

    /// The last comment of `list` (sorted by rank) whose rank is below `r`.
    private static func latest(in list: [Int32], before r: Int32, rank: [Int32]) -> Int32? {
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rank[Int(list[mid])] < r { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : list[lo - 1]
    }
}

/// The names and comment numbers one comment's text addresses.
///
/// - Salutation: the start of the first line up to the first comma or colon, when it is a known
///   author's name (`Paul, you are correct`).
/// - `@name` anywhere: the longest known name (up to 60 bytes) that follows the `@` and ends
///   at a word boundary.
/// - `u/name` or `/u/name` (Reddit usernames: letters, digits, `_`, `-`).
/// - Numbers: `#12`, `@12` (when no author is called `12`) and `comment 12` / `comment #12`
///   (any case); dotted numbers such as `13.1` are read whole.
/// Name matching ignores case.
struct TextReferences {
    private(set) var mentionedAuthors: [Int32] = []
    private(set) var numbers: [String] = []

    /// - Parameter longestName: the longest key of `names` in UTF-8 bytes (a salutation longer
    ///   than any name, allowing for padding and case mapping, is not looked up).
    init(_ text: String, names: [String: Int32], longestName: Int = .max / 4) {
        var text = text
        text.withUTF8 { scan($0, names: names, longestName: longestName) }
    }

    private mutating func scan(_ b: UnsafeBufferPointer<UInt8>, names: [String: Int32], longestName: Int) {
        guard !b.isEmpty else { return }
        // Salutation.
        var end = 0
        while end < b.count, end < 80, b[end] != 0x0A, b[end] != 0x2C, b[end] != 0x3A { end += 1 }
        var start = 0
        while start < end, b[start] == 0x20 || b[start] == 0x09 { start += 1 }
        if end < b.count, end < 80, b[end] == 0x2C || b[end] == 0x3A, end - start <= 3 * longestName + 16 {
            let candidate = String(decoding: UnsafeBufferPointer(rebasing: b[0..<end]), as: UTF8.self).trimmed
            if candidate.count >= 2, let id = names[candidate.lowercased()] { add(id) }
        }
        // The rest needs an `@`, `#`, `u/` or `comment`; most texts have none, found with a
        // few `memchr`s and one pass looking for `mm`.
        guard let base = b.baseAddress else { return }
        let mayHaveMarks = memchr(base, 0x40, b.count) != nil || memchr(base, 0x23, b.count) != nil
            || memchr(base, 0x2F, b.count) != nil || Self.hasDoubleM(b)
        guard mayHaveMarks else { return }
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 0x40 /* @ */, i == 0 || !Self.isWordByte(b[i - 1]) {
                if let (id, stop) = Self.name(in: b, from: i + 1, names: names) {
                    add(id)
                    i = stop
                    continue
                }
                if let (number, stop) = Self.number(in: b, from: i + 1) { numbers.append(number); i = stop; continue }
            } else if c == 0x23 /* # */, i == 0 || !Self.isWordByte(b[i - 1]) {
                if let (number, stop) = Self.number(in: b, from: i + 1) { numbers.append(number); i = stop; continue }
            } else if (c == 0x75 || c == 0x55) /* u */, i + 1 < b.count, b[i + 1] == 0x2F,
                      i == 0 || b[i - 1] == 0x2F || !Self.isWordByte(b[i - 1]) {
                var j = i + 2
                while j < b.count, Self.isASCIIWordByte(b[j]) || b[j] == 0x2D { j += 1 }
                if j > i + 2, let id = names[String(decoding: UnsafeBufferPointer(rebasing: b[(i + 2)..<j]), as: UTF8.self).lowercased()] { add(id) }
                i = j
                continue
            } else if c | 0x20 == 0x63 /* c */, i == 0 || !Self.isWordByte(b[i - 1]), Self.hasWord(b, at: i, "comment") {
                var j = i + 7
                if j < b.count, b[j] == 0x20 {
                    j += 1
                    if j < b.count, b[j] == 0x23 { j += 1 }
                    if let (number, stop) = Self.number(in: b, from: j) { numbers.append(number); i = stop; continue }
                }
            }
            i += 1
        }
    }

    /// Whether `b` holds `mm` in any case (as `comment` does).
    private static func hasDoubleM(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for c in b {
            let lower = c | 0x20
            if lower == 0x6D, previous == 0x6D { return true }
            previous = lower
        }
        return false
    }

    private mutating func add(_ id: Int32) {
        if !mentionedAuthors.contains(id) { mentionedAuthors.append(id) }
    }

    /// Letters, digits, `_`, and any non-ASCII byte (part of a non-ASCII letter).
    private static func isWordByte(_ c: UInt8) -> Bool { c >= 0x80 || isASCIIWordByte(c) }
    private static func isASCIIWordByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F
    }

    private static func hasWord(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        for k in 0..<n where b[i + k] | 0x20 != word.utf8Start[k] { return false }
        return i + n == b.count || !isWordByte(b[i + n])
    }

    /// The longest known name starting at `start` and ending at a word boundary.
    private static func name(in b: UnsafeBufferPointer<UInt8>, from start: Int, names: [String: Int32]) -> (Int32, Int)? {
        var best: (Int32, Int)?
        var end = start
        while end < b.count, end - start < 60, b[end] != 0x0A {
            end += 1
            let boundary = end == b.count || !isWordByte(b[end])
            if boundary, b[end - 1] < 0x80 || end == b.count || b[end] < 0x80,
               let id = names[String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self).lowercased()] {
                best = (id, end)
            }
        }
        return best
    }

    /// A comment number (`12`, `13.1`) at `start`, not followed by a letter.
    private static func number(in b: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, Int)? {
        var j = start
        while j < b.count, b[j] >= 0x30, b[j] <= 0x39 { j += 1 }
        guard j > start else { return nil }
        // Dotted parts: `13.1`, but not a sentence's full stop.
        while j + 1 < b.count, b[j] == 0x2E, b[j + 1] >= 0x30, b[j + 1] <= 0x39 {
            j += 1
            while j < b.count, b[j] >= 0x30, b[j] <= 0x39 { j += 1 }
        }
        if j < b.count, isWordByte(b[j]) { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: b[start..<j]), as: UTF8.self), j)
    }
}
