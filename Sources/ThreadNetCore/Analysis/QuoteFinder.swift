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
        // Where each passage's first five words occur, in every comment.
        var wanted: [UInt64: [(comment: Int32, at: Int32)]] = [:]
        for p in passages { wanted[shingle(p.words, at: 0)] = [] }
        var words: [[UInt64]] = []
        words.reserveCapacity(comments.count)
        for (j, c) in comments.enumerated() {
            let w = wordHashes(c.text)
            words.append(w)
            guard w.count >= minimumWords else { continue }
            for at in 0...(w.count - minimumWords) {
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
            c.text.utf8.contains { $0 == 0x3E || $0 == 0x22 || $0 == 0xE2 /* lead byte of “ */ }
                || (c.rawText?.utf8.contains(0x3C) ?? false)
        }
    }

    /// The passages `comment` marks as quoted.
    static func quotedPassages(_ comment: Comment) -> [String] {
        var out: [String] = []
        // `>` lines.
        var block: [Substring] = []
        for line in comment.text.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.drop { $0 == " " || $0 == "\t" }
            if t.first == ">" {
                block.append(t.dropFirst())
            } else if !block.isEmpty {
                out.append(block.joined(separator: " "))
                block.removeAll()
            }
        }
        if !block.isEmpty { out.append(block.joined(separator: " ")) }
        // <blockquote> in the raw HTML.
        if let raw = comment.rawText, raw.range(of: "<blockquote", options: .caseInsensitive) != nil {
            var rest = raw[...]
            while let open = rest.range(of: "<blockquote", options: .caseInsensitive),
                  let close = rest.range(of: "</blockquote>", options: .caseInsensitive, range: open.upperBound..<rest.endIndex) {
                out.append(HTMLText.plainText(String(rest[open.upperBound..<close.lowerBound]).drop { $0 != ">" }.dropFirst().description))
                rest = rest[close.upperBound...]
            }
        }
        // Double quotes.
        let text = comment.text
        var openAt: String.Index?
        var openChar: Character = "\""
        for i in text.indices {
            let ch = text[i]
            if let o = openAt {
                if (openChar == "\u{201C}" && ch == "\u{201D}") || (openChar == "\"" && ch == "\"") {
                    out.append(String(text[text.index(after: o)..<i]))
                    openAt = nil
                } else if ch == "\n" && text[text.index(before: i)] == "\n" {
                    openAt = nil // a paragraph break ends an unclosed quotation
                }
            } else if ch == "\"" || ch == "\u{201C}" {
                openAt = i
                openChar = ch
            }
        }
        return out
    }

    /// FNV-1a hashes of the lower-cased words of `text` (maximal runs of letters and digits).
    static func wordHashes<S: StringProtocol>(_ text: S) -> [UInt64] {
        if text.contains("://") || text.contains("www.") {
            let kept = text.split(whereSeparator: \.isWhitespace).filter { !($0.contains("://") || $0.contains("www.")) }
            return wordHashes(kept.joined(separator: " "))
        }
        var out: [UInt64] = []
        var h: UInt64 = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let isUpper = v >= 0x41 && v <= 0x5A
                if isUpper || (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    if !inWord { h = 0xcbf2_9ce4_8422_2325; inWord = true }
                    h = (h ^ UInt64(isUpper ? v | 0x20 : v)) &* 0x0000_0100_0000_01B3
                    continue
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if !inWord { h = 0xcbf2_9ce4_8422_2325; inWord = true }
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    h = (h ^ UInt64(lower.value)) &* 0x0000_0100_0000_01B3
                }
                continue
            }
            if inWord {
                out.append(h)
                inWord = false
            }
        }
        if inWord { out.append(h) }
        return out
    }

    /// A hash of the five words of `words` starting at `at`.
    private static func shingle(_ words: [UInt64], at: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for k in at..<(at + minimumWords) { h = (h ^ words[k]) &* 0xBF58_476D_1CE4_E5B9 &+ 0x94D0_49BB_1331_11EB }
        return h
    }
}
