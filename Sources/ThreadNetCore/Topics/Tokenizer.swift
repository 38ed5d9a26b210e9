/// Splits comment text into normalised words (``Token``s) with their sentence numbers.
///
/// Rules, applied while walking the Unicode scalars once (no regular expressions):
/// - A word is a run of letters, digits and combining marks, lower-cased. Inside a word an
///   apostrophe (`'`, `’`, `ʼ`) followed by a letter is kept and written `'` (`won't`, `he's`,
///   `dob's`); leading and trailing apostrophes are quotes and dropped (`justsayin'` →
///   `justsayin`). A hyphen (`-`, U+2010, U+2011) between two letters or digits is kept
///   (`co-pays`, `in-state`); en and em dashes, `--`, quotes (straight and curly), brackets,
///   commas and all other punctuation separate words.
/// - Single letters joined by dots are one word without its final dot (`U.S.` → `u.s`,
///   `J.C.A.` → `j.c.a`); a dot or comma between digits stays inside a number (`6.00`).
/// - Dropped unless asked for (``Options``): URLs (`http://…`, `https://…`, `www.…`, up to the
///   next space, trailing punctuation excepted), e-mail addresses (a space-delimited chunk with
///   `@` after a word character and a dot after the `@`) and numbers (words starting with a
///   digit: `20`, `97k`, `3rd`, `6.00`). Dropped words still take a word position, so a phrase
///   never matches across them.
/// - Han, Hiragana, Katakana and Hangul runs (scripts written without spaces) become
///   overlapping character bigrams (`移民政策` → `移民`, `民政`, `政策`); a run of one
///   character is one token.
/// - Sentences end at `.`, `!`, `?`, `…`, `;`, `。`, `！`, `？`, `；` and at line breaks (web
///   comments break lines between thoughts and list items, and do not hard-wrap). A dot does
///   not end a sentence after a single letter, a dotted acronym, or a title (`Mr.`, `Gov.`, …)
///   followed by a space.
///
/// - Complexity: O(*n*) for *n* Unicode scalars.
public struct Tokenizer: Hashable, Sendable {
    /// What the tokenizer keeps besides words.
    public struct Options: Hashable, Sendable {
        /// Keep words starting with a digit (`2010`, `3rd`, `6.00`).
        public var keepNumbers: Bool
        /// Keep URLs and e-mail addresses as single lower-cased tokens.
        public var keepURLs: Bool

        public init(keepNumbers: Bool = false, keepURLs: Bool = false) {
            self.keepNumbers = keepNumbers
            self.keepURLs = keepURLs
        }
    }

    /// The options in force.
    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The tokens of `text`, in order.
    ///
    /// - Complexity: O(*n*) for *n* Unicode scalars of `text`.
    public func tokens(in text: String) -> [Token] {
        var text = text
        let ascii = text.withUTF8 { bytes -> [Token]? in
            guard ASCIITokenizer.isASCII(bytes) else { return nil }
            var tokens: [Token] = []
            ASCIITokenizer.scan(bytes, options: options) { word, sentence, position in
                tokens.append(Token(String(decoding: word, as: UTF8.self), sentence: sentence, position: position))
            }
            return tokens
        }
        if let ascii { return ascii }
        return scalarTokens(in: text)
    }

    /// The tokens of `text` by the general rules, walking its Unicode scalars (what
    /// ``tokens(in:)`` does for a text that is not all ASCII).
    func scalarTokens(in text: String) -> [Token] {
        var run = TokenizerRun(scalars: Array(text.unicodeScalars), options: options)
        run.scan()
        return run.tokens
    }
}

/// Titles and abbreviations after which a dot followed by a space does not end a sentence.
let sentenceAbbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "st", "jr", "sr", "vs", "lt", "gen",
    "col", "capt", "sgt", "rev", "hon", "pres", "supt", "messrs",
]

/// The state of one tokenizer pass over one text.
struct TokenizerRun {
    let s: [Unicode.Scalar]
    let options: Tokenizer.Options
    var tokens: [Token] = []
    var word = String.UnicodeScalarView()
    /// Letters in the current word between dots, for the `u.s` acronym rule; -1 once broken.
    var acronymSegments = 0
    var sentence: Int32 = 0
    var position: Int32 = 0
    var boundaryPending = false

    init(scalars: [Unicode.Scalar], options: Tokenizer.Options) {
        self.s = scalars
        self.options = options
    }

    mutating func scan() {
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            if Self.isWhitespace(c) {
                flushWord()
                if c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" { boundaryPending = true }
                i += 1
                continue
            }
            if word.isEmpty, Self.isWordScalar(c), atChunkStart(i), let end = linkEnd(from: i) {
                let kept = String(String.UnicodeScalarView(s[i..<end.tokenEnd])).lowercased()
                emit(kept, keep: options.keepURLs)
                if end.endsSentence { boundaryPending = true }
                i = end.chunkEnd
                continue
            }
            if Self.isCJK(c) {
                flushWord()
                var j = i
                while j < n, Self.isCJK(s[j]) { j += 1 }
                if j - i == 1 {
                    emit(String(Character(c)), keep: true, cjk: true)
                } else {
                    for k in i..<(j - 1) {
                        var pair = String.UnicodeScalarView()
                        pair.append(s[k])
                        pair.append(s[k + 1])
                        emit(String(pair), keep: true, cjk: true)
                    }
                }
                i = j
                continue
            }
            if Self.isWordScalar(c) || (!word.isEmpty && Self.isMark(c)) {
                word.append(c)
                if Self.isLetter(c) {
                    if acronymSegments >= 0 { acronymSegments += 1 }
                } else if !Self.isMark(c) {
                    acronymSegments = -1
                }
                i += 1
                continue
            }
            let next: Unicode.Scalar? = i + 1 < n ? s[i + 1] : nil
            if !word.isEmpty, let next {
                // Apostrophe inside a word.
                if (c == "'" || c == "\u{2019}" || c == "\u{02BC}"), Self.isLetter(next), !Self.isCJK(next), Self.isLetter(word.last!) {
                    word.append("'")
                    acronymSegments = -1
                    i += 1
                    continue
                }
                // Hyphen between letters or digits.
                if (c == "-" || c == "\u{2010}" || c == "\u{2011}"), Self.isWordScalar(next), !Self.isCJK(next),
                   Self.isWordScalar(word.last!) {
                    word.append("-")
                    acronymSegments = -1
                    i += 1
                    continue
                }
                // Decimal point or thousands separator inside a number.
                if (c == "." || c == ","), Self.isDigit(word.last!), Self.isDigit(next) {
                    word.append(c)
                    i += 1
                    continue
                }
                // Dotted acronym: `u.s`, `j.c.a`.
                if c == ".", acronymSegments == 1, Self.isLetter(next), !Self.isCJK(next),
                   i + 2 >= n || !Self.isWordScalar(s[i + 2]) {
                    word.append(".")
                    acronymSegments = 0
                    i += 1
                    continue
                }
            }
            // Punctuation: the word ends; maybe the sentence too.
            if Self.endsSentence(c) {
                let abbreviation = c == "." && !word.isEmpty && (next == nil || Self.isWhitespace(next!))
                    && isAbbreviation()
                flushWord()
                if !abbreviation { boundaryPending = true }
            } else {
                flushWord()
            }
            i += 1
        }
        flushWord()
    }

    /// Whether the current word is a single letter, a dotted acronym or a listed title.
    func isAbbreviation() -> Bool {
        if word.count == 1, Self.isLetter(word.first!) { return true }
        if word.contains(".") && !Self.isDigit(word.first!) { return true }
        return sentenceAbbreviations.contains(String(word).lowercased())
    }

    mutating func flushWord() {
        guard !word.isEmpty else { return }
        let text = String(word).lowercased()
        let isNumber = Self.isDigit(word.first!)
        word = String.UnicodeScalarView()
        acronymSegments = 0
        emit(text, keep: !isNumber || options.keepNumbers)
    }

    mutating func emit(_ text: String, keep: Bool, cjk: Bool = false) {
        if boundaryPending {
            if !tokens.isEmpty, tokens[tokens.count - 1].sentence == sentence { sentence += 1 }
            boundaryPending = false
        }
        if keep { tokens.append(Token(text, sentence: sentence, position: position, isCJK: cjk)) }
        position += 1
    }

    /// Whether `i` starts a space-delimited chunk (after opening punctuation at most).
    func atChunkStart(_ i: Int) -> Bool {
        var j = i - 1
        while j >= 0, "([{<\"'\u{201C}\u{2018}".unicodeScalars.contains(s[j]) { j -= 1 }
        return j < 0 || Self.isWhitespace(s[j])
    }

    /// If a URL or e-mail address starts at `i`: where its token ends (trailing punctuation
    /// excluded), where its chunk ends, and whether that punctuation ends a sentence.
    func linkEnd(from i: Int) -> (tokenEnd: Int, chunkEnd: Int, endsSentence: Bool)? {
        var end = i
        var hasAt = false
        while end < s.count, !Self.isWhitespace(s[end]) {
            if s[end] == "@" { hasAt = true }
            end += 1
        }
        guard hasAt || "hHwW".unicodeScalars.contains(s[i]) else { return nil }
        var tokenEnd = end
        var endsSentence = false
        while tokenEnd > i, ".,;:!?)]}>\"'\u{201D}\u{2019}…".unicodeScalars.contains(s[tokenEnd - 1]) {
            if Self.endsSentence(s[tokenEnd - 1]) { endsSentence = true }
            tokenEnd -= 1
        }
        guard tokenEnd > i else { return nil }
        if hasPrefix("http://", i, tokenEnd) || hasPrefix("https://", i, tokenEnd)
            || hasPrefix("www.", i, tokenEnd) && tokenEnd - i > 4 {
            return (tokenEnd, end, endsSentence)
        }
        // E-mail: word character, `@`, word character, then a dot somewhere after the `@`.
        if hasAt, let at = s[i..<tokenEnd].firstIndex(of: "@"), at > i, at + 1 < tokenEnd,
           Self.isWordScalar(s[at - 1]), Self.isWordScalar(s[at + 1]), s[(at + 1)..<tokenEnd].contains(".") {
            return (tokenEnd, end, endsSentence)
        }
        return nil
    }

    /// Whether `s[start..<end]` starts with the ASCII `prefix`, ignoring case.
    func hasPrefix(_ prefix: String, _ start: Int, _ end: Int) -> Bool {
        var k = start
        for p in prefix.unicodeScalars {
            guard k < end else { return false }
            let c = s[k].value
            let lower = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
            guard lower == p.value else { return false }
            k += 1
        }
        return true
    }

    // MARK: Scalar classes

    static func isCJK(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3005...0x3007, // 々 〆 〇
             0x3040...0x309F, // Hiragana
             0x30A0...0x30FF, // Katakana (ー included)
             0x31F0...0x31FF, // Katakana phonetic extensions
             0x3400...0x4DBF, // CJK extension A
             0x4E00...0x9FFF, // CJK unified ideographs
             0xF900...0xFAFF, // CJK compatibility ideographs
             0xFF66...0xFF9F, // half-width Katakana
             0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF, // Hangul
             0x20000...0x3FFFF: // CJK extensions B and later
            return true
        default:
            return false
        }
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        return c.properties.isAlphabetic && c != "\u{02BC}"
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 }
        return c.properties.numericType != nil && !c.properties.isAlphabetic
    }

    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c == " " || (c.value >= 0x09 && c.value <= 0x0D) }
        return c.properties.isWhitespace
    }

    static func isMark(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x300 { return false }
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isDigit(c) }

    static func endsSentence(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", "!", "?", ";", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF1B}", "\u{203C}", "\u{2047}", "\u{2048}", "\u{2049}":
            return true
        default:
            return false
        }
    }
}
