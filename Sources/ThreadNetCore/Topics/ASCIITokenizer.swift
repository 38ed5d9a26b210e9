/// ``Tokenizer``'s rules for a text that is all ASCII, applied to its bytes.
///
/// Most comments of English-language forums are pure ASCII; for them this pass gives exactly the
/// tokens of the general scalar-walking tokenizer (a differential test checks it on every fixture
/// and on random texts) without decoding scalars or building a `String` per character: in ASCII
/// every character the rules keep inside a word is the input byte itself, so a word is always a
/// contiguous byte range, lower-cased once when it ends. No CJK, marks or curly quotes occur.
///
/// - Complexity: O(*n*) for *n* bytes; no allocation beyond the caller's.
enum ASCIITokenizer {
    /// Whether every byte of `bytes` is below 0x80, eight bytes at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// Calls `emit` for each kept token of the ASCII text `s`, in order: its lower-cased bytes
    /// (valid only during the call), its sentence and its position (see ``Token``).
    ///
    /// - Precondition: every byte of `s` is ASCII (``isASCII(_:)``).
    static func scan(_ s: UnsafeBufferPointer<UInt8>, options: Tokenizer.Options,
                     _ emit: (UnsafeBufferPointer<UInt8>, _ sentence: Int32, _ position: Int32) -> Void) {
        let n = s.count
        var lower = [UInt8](repeating: 0, count: 64)
        var sentence: Int32 = 0, position: Int32 = 0
        var lastKeptSentence: Int32 = -1 // the sentence of the last kept token; -1 before any
        var boundaryPending = false
        var wordStart = -1 // the current word is s[wordStart..<wordEnd]; -1 when empty
        var wordEnd = 0
        var acronymSegments = 0

        func push(_ start: Int, _ end: Int, keep: Bool) {
            if boundaryPending {
                if lastKeptSentence == sentence { sentence += 1 }
                boundaryPending = false
            }
            if keep {
                let count = end - start
                if lower.count < count { lower = [UInt8](repeating: 0, count: count) }
                lower.withUnsafeMutableBufferPointer { out in
                    for k in 0..<count {
                        let c = s[start + k]
                        out[k] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                    }
                    emit(UnsafeBufferPointer(rebasing: out[0..<count]), sentence, position)
                }
                lastKeptSentence = sentence
            }
            position += 1
        }
        func flushWord() {
            guard wordStart >= 0 else { return }
            let isNumber = isDigit(s[wordStart])
            push(wordStart, wordEnd, keep: !isNumber || options.keepNumbers)
            wordStart = -1
            acronymSegments = 0
        }
        func append(_ i: Int) {
            if wordStart < 0 { wordStart = i }
            wordEnd = i + 1
        }
        func isAbbreviation() -> Bool {
            let count = wordEnd - wordStart
            if count == 1, isLetter(s[wordStart]) { return true }
            if !isDigit(s[wordStart]), (wordStart..<wordEnd).contains(where: { s[$0] == 0x2E }) { return true }
            guard count <= 6 else { return false }
            var text = ""
            for k in wordStart..<wordEnd {
                let c = s[k]
                text.unicodeScalars.append(Unicode.Scalar(c >= 0x41 && c <= 0x5A ? c | 0x20 : c))
            }
            return sentenceAbbreviations.contains(text)
        }
        /// The rules of `TokenizerRun.atChunkStart` and `linkEnd`, for ASCII.
        func link(from i: Int) -> (tokenEnd: Int, chunkEnd: Int, endsSentence: Bool)? {
            var j = i - 1
            while j >= 0, isOpening(s[j]) { j -= 1 }
            guard j < 0 || isWhitespace(s[j]) else { return nil }
            var end = i
            var at = -1
            while end < n, !isWhitespace(s[end]) {
                if s[end] == 0x40, at < 0 { at = end }
                end += 1
            }
            let first = s[i] | 0x20
            guard at >= 0 || first == 0x68 || first == 0x77 else { return nil } // h, w
            var tokenEnd = end
            var endsSentence = false
            while tokenEnd > i, isTrailing(s[tokenEnd - 1]) {
                if Self.endsSentence(s[tokenEnd - 1]) { endsSentence = true }
                tokenEnd -= 1
            }
            guard tokenEnd > i else { return nil }
            if hasPrefix("http://", i, tokenEnd) || hasPrefix("https://", i, tokenEnd)
                || hasPrefix("www.", i, tokenEnd) && tokenEnd - i > 4 {
                return (tokenEnd, end, endsSentence)
            }
            if at > i, at < tokenEnd, at + 1 < tokenEnd, isWord(s[at - 1]), isWord(s[at + 1]),
               ((at + 1)..<tokenEnd).contains(where: { s[$0] == 0x2E }) {
                return (tokenEnd, end, endsSentence)
            }
            return nil
        }
        func hasPrefix(_ prefix: StaticString, _ start: Int, _ end: Int) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard end - start >= count else { return false }
            let p = prefix.utf8Start
            for k in 0..<count {
                let c = s[start + k]
                if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != p[k] { return false }
            }
            return true
        }

        var i = 0
        while i < n {
            let c = s[i]
            if isWhitespace(c) {
                flushWord()
                if c == 0x0A || c == 0x0D { boundaryPending = true }
                i += 1
                continue
            }
            if wordStart < 0, isWord(c), let end = link(from: i) {
                push(i, end.tokenEnd, keep: options.keepURLs)
                if end.endsSentence { boundaryPending = true }
                i = end.chunkEnd
                continue
            }
            if isWord(c) {
                append(i)
                if isLetter(c) {
                    if acronymSegments >= 0 { acronymSegments += 1 }
                } else {
                    acronymSegments = -1
                }
                i += 1
                continue
            }
            let next: UInt8? = i + 1 < n ? s[i + 1] : nil
            if wordStart >= 0, let next {
                let last = s[wordEnd - 1]
                if c == 0x27, isLetter(next), isLetter(last) { // apostrophe inside a word
                    append(i)
                    acronymSegments = -1
                    i += 1
                    continue
                }
                if c == 0x2D, isWord(next), isWord(last) { // hyphen between letters or digits
                    append(i)
                    acronymSegments = -1
                    i += 1
                    continue
                }
                if c == 0x2E || c == 0x2C, isDigit(last), isDigit(next) { // inside a number
                    append(i)
                    i += 1
                    continue
                }
                if c == 0x2E, acronymSegments == 1, isLetter(next), i + 2 >= n || !isWord(s[i + 2]) { // `u.s`
                    append(i)
                    acronymSegments = 0
                    i += 1
                    continue
                }
            }
            if endsSentence(c) {
                let abbreviation = c == 0x2E && wordStart >= 0 && (next == nil || isWhitespace(next!)) && isAbbreviation()
                flushWord()
                if !abbreviation { boundaryPending = true }
            } else {
                flushWord()
            }
            i += 1
        }
        flushWord()
    }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isWord(_ c: UInt8) -> Bool { isLetter(c) || isDigit(c) }
    @inline(__always) static func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
    @inline(__always) static func endsSentence(_ c: UInt8) -> Bool { c == 0x2E || c == 0x21 || c == 0x3F || c == 0x3B }
    /// `( [ { < " '`: opening punctuation before a URL.
    @inline(__always) static func isOpening(_ c: UInt8) -> Bool {
        c == 0x28 || c == 0x5B || c == 0x7B || c == 0x3C || c == 0x22 || c == 0x27
    }
    /// `. , ; : ! ? ) ] } > " '`: punctuation left off the end of a URL.
    @inline(__always) static func isTrailing(_ c: UInt8) -> Bool {
        switch c {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x7D, 0x3E, 0x22, 0x27: return true
        default: return false
        }
    }
}
