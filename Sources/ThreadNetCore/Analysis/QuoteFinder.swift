#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds quote links: a comment marks a passage as quoted and the passage occurs verbatim in an
/// earlier comment.
///
/// Quoted passages are `>` lines (consecutive ones joined), the text of an HTML `<blockquote>`
/// in the raw body, and text between double quotes (`"…"`, `“…”`). Passages and comments are
/// compared as sequences of lower-cased words (maximal runs of letters and digits; URLs left
/// out, so a shared link is not a quote), so punctuation, case and line breaks do not matter. A passage must have at least
/// ``minimumWords`` words; its source is the earliest comment before the quoting one that
/// contains it (later copies are usually quotes themselves).
enum QuoteFinder {
    /// Shorter quotations (`"illegally"`) are too common to attribute.
    static let minimumWords = 5

    /// - Complexity: O(*W*) expected for *W* words in the thread, when any comment quotes;
    ///   O(*L*) bytes to look for quotation marks otherwise.
    static func quotes(comments: [Comment], rank: [Int32]) -> [CommentLink] {
        var passages: [(comment: Int, words: [UInt64])] = []
        for (i, c) in comments.enumerated() {
            for p in quotedPassages(c) {
                let words = wordHashes(p)
                if words.count >= minimumWords { passages.append((i, words)) }
            }
        }
        guard !passages.isEmpty else { return [] }
        // Where each passage's first five words occur, in every comment. A bit per first-word
        // hash (65,536 bits) lets nearly every position be passed over without hashing five words.
        var wanted: [UInt64: [(comment: Int32, at: Int32)]] = [:]
        var firstWord = [UInt64](repeating: 0, count: 1024)
        for p in passages {
            wanted[shingle(p.words, at: 0)] = []
            let bit = Int(p.words[0] & 0xFFFF)
            firstWord[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        var words: [[UInt64]] = []
        words.reserveCapacity(comments.count)
        for (j, c) in comments.enumerated() {
            let w = wordHashes(c.text)
            words.append(w)
            guard w.count >= minimumWords else { continue }
            for at in 0...(w.count - minimumWords) {
                let bit = Int(w[at] & 0xFFFF)
                guard firstWord[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { continue }
                let key = shingle(w, at: at)
                if wanted[key] != nil { wanted[key]!.append((Int32(j), Int32(at))) }
            }
        }
        var links: [CommentLink] = []
        for p in passages {
            var source: Int32?
            for hit in wanted[shingle(p.words, at: 0)] ?? [] {
                let j = Int(hit.comment)
                guard j != p.comment, rank[j] < rank[p.comment] else { continue }
                if let s = source, rank[Int(s)] <= rank[j] { continue }
                let w = words[j], at = Int(hit.at)
                if at + p.words.count <= w.count, w[at..<(at + p.words.count)].elementsEqual(p.words) { source = hit.comment }
            }
            if let source { links.append(CommentLink(from: Int32(p.comment), to: source, kind: .quote)) }
        }
        return links
    }

    /// Whether any comment might quote: a `>`, a double quotation mark or a raw `<blockquote`.
    ///
    /// - Complexity: O(*L*) bytes, stopping at the first candidate.
    static func hasCandidates(_ comments: [Comment]) -> Bool {
        comments.contains { c in
            c.text.containsByte(0x3E) || c.text.containsByte(0x22) || c.text.containsByte(0xE2) /* lead byte of “ */
                || (c.rawText?.containsByte(0x3C) ?? false)
        }
    }

    /// The passages `comment` marks as quoted, as byte ranges of its text (and of its raw
    /// HTML for blockquotes), scanned byte by byte.
    ///
    /// - Complexity: O(*L*) for *L* bytes of text.
    static func quotedPassages(_ comment: Comment) -> [String] {
        var out: [String] = []
        var text = comment.text
        text.withUTF8 { b in
            let n = b.count
            // Nothing to look at without a `>`, a `"` or a curly quote's lead byte.
            guard let base = b.baseAddress, memchr(base, 0x3E, n) != nil || memchr(base, 0x22, n) != nil
                    || memchr(base, 0xE2, n) != nil else { return }
            // `>` lines, consecutive ones joined by a space.
            var block: [UInt8] = []
            var inBlock = false
            var lineStart = 0
            while lineStart <= n {
                var lineEnd = lineStart
                while lineEnd < n, b[lineEnd] != 0x0A { lineEnd += 1 }
                var i = lineStart
                while i < lineEnd, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
                if i < lineEnd, b[i] == 0x3E {
                    if inBlock { block.append(0x20) }
                    block.append(contentsOf: UnsafeBufferPointer(rebasing: b[(i + 1)..<lineEnd]))
                    inBlock = true
                } else if inBlock {
                    out.append(String(decoding: block, as: UTF8.self))
                    block.removeAll(keepingCapacity: true)
                    inBlock = false
                }
                lineStart = lineEnd + 1
            }
            if inBlock { out.append(String(decoding: block, as: UTF8.self)) }
            // Double quotes: "…" and “…”; a paragraph break ends an unclosed quotation.
            var open = -1          // byte index just after the opening mark
            var curly = false
            var i = 0
            while i < n {
                let c = b[i]
                let isCurlyOpen = c == 0xE2 && i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x9C
                let isCurlyClose = c == 0xE2 && i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x9D
                if open >= 0 {
                    if (curly && isCurlyClose) || (!curly && c == 0x22) {
                        out.append(String(decoding: UnsafeBufferPointer(rebasing: b[open..<i]), as: UTF8.self))
                        open = -1
                    } else if c == 0x0A, i > 0, b[i - 1] == 0x0A {
                        open = -1
                    }
                } else if c == 0x22 {
                    open = i + 1
                    curly = false
                } else if isCurlyOpen {
                    open = i + 3
                    curly = true
                }
                i += c == 0xE2 && (isCurlyOpen || isCurlyClose) ? 3 : 1
            }
        }
        // <blockquote> in the raw HTML (tags matched ignoring ASCII case).
        if let raw = comment.rawText, raw.containsByte(0x3C) {
            let bytes = Array(raw.utf8)
            var from = 0
            while let open = find("<blockquote", in: bytes, from: from),
                  let close = find("</blockquote>", in: bytes, from: open + 11) {
                var contentStart = open + 11
                while contentStart < close, bytes[contentStart] != 0x3E { contentStart += 1 }
                if contentStart < close {
                    out.append(HTMLText.plainText(String(decoding: bytes[(contentStart + 1)..<close], as: UTF8.self)))
                }
                from = close + 13
            }
        }
        return out
    }

    /// The first index at or after `from` where `haystack` holds `needle` (lower-case ASCII),
    /// ignoring ASCII case.
    private static func find(_ needle: StaticString, in haystack: [UInt8], from: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        let n = needle.utf8Start
        var i = from
        while i + count <= haystack.count {
            var k = 0
            while k < count {
                var c = haystack[i + k]
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                if c != n[k] { break }
                k += 1
            }
            if k == count { return i }
            i += 1
        }
        return nil
    }

    /// FNV-1a hashes of the lower-cased words of `text` (maximal runs of letters and digits);
    /// whitespace-separated chunks holding `://` or `www.` (links) are left out.
    ///
    /// - Complexity: O(*L*) for *L* bytes; ASCII is read byte by byte, other characters by scalar.
    static func wordHashes<S: StringProtocol>(_ text: S) -> [UInt64] {
        asciiWordHashes(text) ?? scalarWordHashes(text)
    }

    /// ``wordHashes(_:)`` read scalar by scalar: any text.
    static func scalarWordHashes<S: StringProtocol>(_ text: S) -> [UInt64] {
        var out: [UInt64] = []
        var h: UInt64 = 0
        var inWord = false
        var chunkStart = out.count  // words of the current whitespace-separated chunk start here
        var chunkIsLink = false
        var prev3: (UInt8, UInt8, UInt8) = (0, 0, 0)
        @inline(__always) func endChunk() {
            if inWord { out.append(h); inWord = false }
            if chunkIsLink { out.removeSubrange(chunkStart...) }
            chunkStart = out.count
            chunkIsLink = false
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let byte = UInt8(v)
                // `://` or `www.` in the chunk marks it as a link.
                if (prev3.1 == 0x3A && prev3.2 == 0x2F && byte == 0x2F) || (byte == 0x2E && prev3 == (0x77, 0x77, 0x77)) {
                    chunkIsLink = true
                }
                prev3 = (prev3.1, prev3.2, byte)
                let isUpper = v >= 0x41 && v <= 0x5A
                if isUpper || (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    if !inWord { h = 0xcbf2_9ce4_8422_2325; inWord = true }
                    h = (h ^ UInt64(isUpper ? v | 0x20 : v)) &* 0x0000_0100_0000_01B3
                    continue
                }
                if v == 0x20 || (v >= 0x09 && v <= 0x0D) {
                    endChunk()
                    continue
                }
            } else {
                prev3 = (prev3.1, prev3.2, 0x80)
                if scalar.properties.isWhitespace {
                    endChunk()
                    continue
                }
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if !inWord { h = 0xcbf2_9ce4_8422_2325; inWord = true }
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                        h = (h ^ UInt64(lower.value)) &* 0x0000_0100_0000_01B3
                    }
                    continue
                }
            }
            if inWord {
                out.append(h)
                inWord = false
            }
        }
        endChunk()
        return out
    }

    /// ``wordHashes(_:)`` of an all-ASCII text, read byte by byte (the same hashes); `nil` when
    /// the text has a non-ASCII byte.
    static func asciiWordHashes<S: StringProtocol>(_ text: S) -> [UInt64]? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> [UInt64]? in
            var out: [UInt64] = []
            var h: UInt64 = 0
            var inWord = false
            var chunkStart = 0
            var chunkIsLink = false
            var p0: UInt8 = 0, p1: UInt8 = 0, p2: UInt8 = 0
            for b in bytes {
                if b >= 0x80 { return nil }
                if (p1 == 0x3A && p2 == 0x2F && b == 0x2F) || (b == 0x2E && p0 == 0x77 && p1 == 0x77 && p2 == 0x77) { chunkIsLink = true }
                p0 = p1; p1 = p2; p2 = b
                let isUpper = b >= 0x41 && b <= 0x5A
                if isUpper || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if !inWord { h = 0xcbf2_9ce4_8422_2325; inWord = true }
                    h = (h ^ UInt64(isUpper ? b | 0x20 : b)) &* 0x0000_0100_0000_01B3
                    continue
                }
                if inWord { out.append(h); inWord = false }
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    if chunkIsLink { out.removeSubrange(chunkStart...) }
                    chunkStart = out.count
                    chunkIsLink = false
                }
            }
            if inWord { out.append(h) }
            if chunkIsLink { out.removeSubrange(chunkStart...) }
            return out
        } ?? nil
    }

    /// A hash of the five words of `words` starting at `at`.
    private static func shingle(_ words: [UInt64], at: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for k in at..<(at + minimumWords) { h = (h ^ words[k]) &* 0xBF58_476D_1CE4_E5B9 &+ 0x94D0_49BB_1331_11EB }
        return h
    }
}
