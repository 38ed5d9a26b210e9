/// Turns HTML fragments from comment bodies and author names into plain text.
///
/// Written for comment-sized input and run once per comment, so it works on UTF-8 bytes in a
/// few linear passes: no regular expressions, no recursion, no DOM.
///
/// ```swift
/// HTMLText.plainText("I&#x27;m <i>sure</i><p>Next")   // "I'm sure\n\nNext"
/// HTMLText.decodeEntities("Blog &raquo; Post")           // "Blog » Post"
/// ```
public enum HTMLText {
    /// Plain text of an HTML fragment.
    ///
    /// - Tags are removed. A `<` starts a tag only when a letter, `/letter`, `!` or `?`
    ///   follows it, so `a < b and c > d` and `<3` stay text. A tag that is never closed
    ///   (`bold <b` at the end of a truncated body) is dropped with the rest of the input, as a
    ///   browser would.
    /// - `<p>`, `</p>`, headings, `<blockquote>`, `<pre>`, lists and tables separate
    ///   paragraphs with one blank line (`"\n\n"`); `<br>` is a line break (two in a row make
    ///   a blank line); `<div>`, `<li>`, `<tr>` start a new line; `<td>`/`<th>` a space.
    /// - `<script>` and `<style>` elements are dropped with their contents, and so are
    ///   `<!-- comments -->`; `<![CDATA[…]]>` keeps its text.
    /// - Entities are decoded as by ``decodeEntities(_:)`` (after the tags are removed, so
    ///   `&lt;b&gt;` is the text `<b>`, not a tag).
    /// - Newlines in the text are kept as line breaks (sources such as WordPress store bodies
    ///   with bare newlines); runs of spaces, tabs and no-break spaces collapse to one space;
    ///   lines are trimmed; more than one blank line collapses to one; the result is trimmed.
    ///
    /// - Complexity: O(*n*) in the length of `html`.
    public static func plainText(_ html: String) -> String {
        var bytes = Array(html.utf8)
        bytes = stripTags(bytes)
        if bytes.contains(ampersand) { bytes = decode(decode(bytes)) }
        return String(decoding: normalizeWhitespace(bytes), as: UTF8.self)
    }

    /// Decodes character references, leaving tags and whitespace alone.
    ///
    /// - Named references from HTML 4 (the Latin-1, symbol and special sets: `&amp;`,
    ///   `&raquo;`, `&hellip;`, `&euro;`, `&eacute;` …) plus `&apos;` and the upper-case
    ///   `&AMP;`, `&LT;`, `&GT;`, `&QUOT;`. A name must end in `;`; unknown names stay as they
    ///   are. `&nbsp;` becomes an ordinary space.
    /// - Decimal and hexadecimal references, `&#8217;`, `&#x27;`, `&#X2F;`, with or without the
    ///   final `;`. Code points 128–159 are read as Windows-1252 (`&#146;` is `’`), as browsers
    ///   do; zero, surrogates, controls and values beyond U+10FFFF become U+FFFD.
    /// - Double-escaped text is decoded twice, and at most twice: `&amp;quot;` gives `"`,
    ///   `&amp;#8217;` gives `’`, `&amp;amp;` gives `&`, and `&amp;amp;amp;` gives `&amp;`.
    ///
    /// - Complexity: O(*n*) in the length of `text`.
    public static func decodeEntities(_ text: String) -> String {
        guard text.containsByte(ampersand) else { return text }
        return String(decoding: decode(decode(Array(text.utf8))), as: UTF8.self)
    }

    // MARK: - Bytes

    private static let ampersand: UInt8 = 0x26
    private static let lessThan: UInt8 = 0x3C
    private static let greaterThan: UInt8 = 0x3E

    /// Break markers written by ``stripTags(_:)`` and read by ``normalizeWhitespace(_:)``.
    private static let blockBreak: UInt8 = 0x01
    private static let paragraphBreak: UInt8 = 0x02
    private static let lineBreak: UInt8 = 0x03

    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    /// Whether `bytes[at...]` starts with the ASCII `prefix`, ignoring case.
    private static func hasPrefix(_ bytes: [UInt8], at: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where bytes[at + k] | 0x20 != p[k] | 0x20 { return false }
        return true
    }

    /// The index of the first occurrence of the ASCII `needle` at or after `from`, ignoring case.
    private static func find(_ bytes: [UInt8], _ needle: StaticString, from: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, from + count <= bytes.count else { return nil }
        let first = needle.utf8Start[0] | 0x20
        var i = from
        while i + count <= bytes.count {
            if bytes[i] | 0x20 == first, hasPrefix(bytes, at: i, needle) { return i }
            i += 1
        }
        return nil
    }

    /// The index of the `>` that ends the tag whose name ends just before `from`, skipping
    /// quoted attribute values; `nil` when the input ends first.
    private static func tagEnd(_ bytes: [UInt8], from: Int) -> Int? {
        var i = from
        var afterEquals = false
        while i < bytes.count {
            let b = bytes[i]
            if b == greaterThan { return i }
            if b == 0x3D { afterEquals = true; i += 1; continue }
            if afterEquals, b == 0x22 || b == 0x27 {
                var j = i + 1
                while j < bytes.count, bytes[j] != b { j += 1 }
                if j < bytes.count { i = j + 1; afterEquals = false; continue }
                // An unbalanced quote: the first `>` after it ends the tag.
                var k = i + 1
                while k < bytes.count, bytes[k] != greaterThan { k += 1 }
                return k < bytes.count ? k : nil
            }
            if !isSpace(b) { afterEquals = false }
            i += 1
        }
        return nil
    }

    private enum TagEffect { case none, paragraph, block, line, cell }

    private static func effect(of name: ArraySlice<UInt8>, closing: Bool) -> TagEffect {
        var lower: [UInt8] = []
        lower.reserveCapacity(name.count)
        for b in name { lower.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
        switch String(decoding: lower, as: UTF8.self) {
        case "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "table",
             "hr", "section", "article", "header", "footer", "aside", "figure", "details":
            return .paragraph
        case "br": return .line
        case "div", "li", "tr", "dt", "dd", "caption", "figcaption", "address", "summary":
            return .block
        case "td", "th": return closing ? .none : .cell
        default: return .none
        }
    }

    /// Removes tags, comments, scripts and styles; writes break markers for block tags.
    private static func stripTags(_ b: [UInt8]) -> [UInt8] {
        guard b.contains(lessThan) else { return b.filter { $0 > lineBreak || $0 == 0 } }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        let n = b.count
        var i = 0
        scan: while i < n {
            let c = b[i]
            if c != lessThan {
                if c > lineBreak || c == 0 { out.append(c) }
                i += 1
                continue
            }
            guard i + 1 < n else { out.append(c); break }
            let d = b[i + 1]
            if d == 0x21 { // "!"
                if hasPrefix(b, at: i, "<!--") {
                    guard let end = find(b, "-->", from: i + 4) else { break scan }
                    i = end + 3
                } else if hasPrefix(b, at: i, "<![CDATA[") {
                    let start = i + 9
                    let end = find(b, "]]>", from: start) ?? n
                    out.append(contentsOf: b[start..<end].lazy.filter { $0 > lineBreak || $0 == 0 })
                    i = min(n, end + 3)
                } else {
                    guard let end = tagEnd(b, from: i + 2) else { break scan }
                    i = end + 1
                }
                continue
            }
            if d == 0x3F { // "?": a processing instruction
                guard let end = tagEnd(b, from: i + 2) else { break scan }
                i = end + 1
                continue
            }
            let closing = d == 0x2F
            let nameStart = closing ? i + 2 : i + 1
            guard nameStart < n, isLetter(b[nameStart]) else {
                out.append(c) // a literal "<"
                i += 1
                continue
            }
            var nameEnd = nameStart
            while nameEnd < n, isLetter(b[nameEnd]) || isDigit(b[nameEnd]) || b[nameEnd] == 0x2D { nameEnd += 1 }
            guard let end = tagEnd(b, from: nameEnd) else { break scan }
            let name = b[nameStart..<nameEnd]
            switch effect(of: name, closing: closing) {
            case .none: break
            case .paragraph: out.append(paragraphBreak)
            case .block: out.append(blockBreak)
            case .line: out.append(lineBreak)
            case .cell: out.append(0x20)
            }
            i = end + 1
            if !closing, b[end - 1] != 0x2F {
                let isScript = name.count == 6 && hasPrefix(b, at: nameStart, "script")
                let isStyle = name.count == 5 && hasPrefix(b, at: nameStart, "style")
                if isScript || isStyle {
                    guard let close = find(b, isScript ? "</script" : "</style", from: i),
                          let closeEnd = tagEnd(b, from: close + 2) else { break scan }
                    i = closeEnd + 1
                }
            }
        }
        return out
    }

    /// Collapses whitespace and turns break markers into `"\n"` or `"\n\n"`; trims.
    private static func normalizeWhitespace(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var inGap = false
        var newlines = 0, lineBreaks = 0, level = 0 // level: 1 block, 2 paragraph
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            switch c {
            case 0x20, 0x09, 0x0C: inGap = true
            case 0x0A: inGap = true; newlines += 1
            case 0x0D:
                inGap = true
                if i + 1 >= n || b[i + 1] != 0x0A { newlines += 1 }
            case blockBreak: inGap = true; level = max(level, 1)
            case paragraphBreak: inGap = true; level = 2
            case lineBreak: inGap = true; lineBreaks += 1
            case 0xC2 where i + 1 < n && b[i + 1] == 0xA0: // U+00A0 no-break space
                inGap = true
                i += 1
            default:
                if inGap {
                    if !out.isEmpty {
                        var breaks = max(newlines, lineBreaks, level)
                        if breaks > 2 { breaks = 2 }
                        if breaks == 0 { out.append(0x20) } else {
                            for _ in 0..<breaks { out.append(0x0A) }
                        }
                    }
                    inGap = false
                    newlines = 0; lineBreaks = 0; level = 0
                }
                out.append(c)
            }
            i += 1
        }
        return out
    }

    /// One round of character-reference decoding.
    private static func decode(_ b: [UInt8]) -> [UInt8] {
        guard let first = b.firstIndex(of: ampersand) else { return b }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        out.append(contentsOf: b[..<first])
        let n = b.count
        var i = first
        while i < n {
            let c = b[i]
            guard c == ampersand, i + 1 < n else { out.append(c); i += 1; continue }
            if b[i + 1] == 0x23 { // "#"
                var j = i + 2
                let hex = j < n && (b[j] | 0x20) == 0x78
                if hex { j += 1 }
                let digitsStart = j
                var value: UInt32 = 0
                while j < n {
                    let d = b[j]
                    let digit: UInt32
                    if isDigit(d) { digit = UInt32(d - 0x30) }
                    else if hex, (d | 0x20) >= 0x61, (d | 0x20) <= 0x66 { digit = UInt32((d | 0x20) - 0x61 + 10) }
                    else { break }
                    if value <= 0x10FFFF { value = value * (hex ? 16 : 10) + digit }
                    j += 1
                }
                guard j > digitsStart else { out.append(c); i += 1; continue }
                if j < n, b[j] == 0x3B { j += 1 }
                appendScalar(numericScalar(value), to: &out)
                i = j
                continue
            }
            var j = i + 1
            while j < n, j - i <= 32, isLetter(b[j]) || isDigit(b[j]) { j += 1 }
            if j > i + 1, j < n, b[j] == 0x3B,
               let scalar = named[String(decoding: b[(i + 1)..<j], as: UTF8.self)] {
                appendScalar(scalar, to: &out)
                i = j + 1
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// The character a numeric reference stands for, with the HTML5 replacements.
    private static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
        let replacement: Unicode.Scalar = "\u{FFFD}"
        if value >= 0x80, value <= 0x9F {
            let mapped = windows1252[Int(value - 0x80)]
            return mapped == 0 ? replacement : (Unicode.Scalar(mapped) ?? replacement)
        }
        if value == 0 || value == 0x7F || (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) {
            return replacement
        }
        return Unicode.Scalar(value) ?? replacement
    }

    private static func appendScalar(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Code points 0x80–0x9F as Windows-1252 (0 = undefined there).
    private static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// HTML 4's 252 named references, `&apos;`, and the upper-case spellings browsers accept.
    /// `nbsp` maps to an ordinary space on purpose.
    private static let named: [String: Unicode.Scalar] = {
        let table: [String: UInt32] = [
            "AElig": 0xC6, "Aacute": 0xC1, "Acirc": 0xC2, "Agrave": 0xC0, "Alpha": 0x391, "Aring": 0xC5,
            "Atilde": 0xC3, "Auml": 0xC4, "Beta": 0x392, "Ccedil": 0xC7, "Chi": 0x3A7, "Dagger": 0x2021,
            "Delta": 0x394, "ETH": 0xD0, "Eacute": 0xC9, "Ecirc": 0xCA, "Egrave": 0xC8, "Epsilon": 0x395,
            "Eta": 0x397, "Euml": 0xCB, "Gamma": 0x393, "Iacute": 0xCD, "Icirc": 0xCE, "Igrave": 0xCC, "Iota": 0x399,
            "Iuml": 0xCF, "Kappa": 0x39A, "Lambda": 0x39B, "Mu": 0x39C, "Ntilde": 0xD1, "Nu": 0x39D, "OElig": 0x152,
            "Oacute": 0xD3, "Ocirc": 0xD4, "Ograve": 0xD2, "Omega": 0x3A9, "Omicron": 0x39F, "Oslash": 0xD8,
            "Otilde": 0xD5, "Ouml": 0xD6, "Phi": 0x3A6, "Pi": 0x3A0, "Prime": 0x2033, "Psi": 0x3A8, "Rho": 0x3A1,
            "Scaron": 0x160, "Sigma": 0x3A3, "THORN": 0xDE, "Tau": 0x3A4, "Theta": 0x398, "Uacute": 0xDA,
            "Ucirc": 0xDB, "Ugrave": 0xD9, "Upsilon": 0x3A5, "Uuml": 0xDC, "Xi": 0x39E, "Yacute": 0xDD, "Yuml": 0x178,
            "Zeta": 0x396, "aacute": 0xE1, "acirc": 0xE2, "acute": 0xB4, "aelig": 0xE6, "agrave": 0xE0, "alefsym": 0x2135,
            "alpha": 0x3B1, "amp": 0x26, "and": 0x2227, "ang": 0x2220, "apos": 0x27, "aring": 0xE5, "asymp": 0x2248,
            "atilde": 0xE3, "auml": 0xE4, "bdquo": 0x201E, "beta": 0x3B2, "brvbar": 0xA6, "bull": 0x2022,
            "cap": 0x2229, "ccedil": 0xE7, "cedil": 0xB8, "cent": 0xA2, "chi": 0x3C7, "circ": 0x2C6, "clubs": 0x2663,
            "cong": 0x2245, "copy": 0xA9, "crarr": 0x21B5, "cup": 0x222A, "curren": 0xA4, "dArr": 0x21D3,
            "dagger": 0x2020, "darr": 0x2193, "deg": 0xB0, "delta": 0x3B4, "diams": 0x2666, "divide": 0xF7,
            "eacute": 0xE9, "ecirc": 0xEA, "egrave": 0xE8, "empty": 0x2205, "emsp": 0x2003, "ensp": 0x2002,
            "epsilon": 0x3B5, "equiv": 0x2261, "eta": 0x3B7, "eth": 0xF0, "euml": 0xEB, "euro": 0x20AC, "exist": 0x2203,
            "fnof": 0x192, "forall": 0x2200, "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE, "frasl": 0x2044,
            "gamma": 0x3B3, "ge": 0x2265, "gt": 0x3E, "hArr": 0x21D4, "harr": 0x2194, "hearts": 0x2665, "hellip": 0x2026,
            "iacute": 0xED, "icirc": 0xEE, "iexcl": 0xA1, "igrave": 0xEC, "image": 0x2111, "infin": 0x221E,
            "int": 0x222B, "iota": 0x3B9, "iquest": 0xBF, "isin": 0x2208, "iuml": 0xEF, "kappa": 0x3BA, "lArr": 0x21D0,
            "lambda": 0x3BB, "lang": 0x2329, "laquo": 0xAB, "larr": 0x2190, "lceil": 0x2308, "ldquo": 0x201C,
            "le": 0x2264, "lfloor": 0x230A, "lowast": 0x2217, "loz": 0x25CA, "lrm": 0x200E, "lsaquo": 0x2039,
            "lsquo": 0x2018, "lt": 0x3C, "macr": 0xAF, "mdash": 0x2014, "micro": 0xB5, "middot": 0xB7, "minus": 0x2212,
            "mu": 0x3BC, "nabla": 0x2207, "nbsp": 0x20, "ndash": 0x2013, "ne": 0x2260, "ni": 0x220B, "not": 0xAC,
            "notin": 0x2209, "nsub": 0x2284, "ntilde": 0xF1, "nu": 0x3BD, "oacute": 0xF3, "ocirc": 0xF4,
            "oelig": 0x153, "ograve": 0xF2, "oline": 0x203E, "omega": 0x3C9, "omicron": 0x3BF, "oplus": 0x2295,
            "or": 0x2228, "ordf": 0xAA, "ordm": 0xBA, "oslash": 0xF8, "otilde": 0xF5, "otimes": 0x2297, "ouml": 0xF6,
            "para": 0xB6, "part": 0x2202, "permil": 0x2030, "perp": 0x22A5, "phi": 0x3C6, "pi": 0x3C0, "piv": 0x3D6,
            "plusmn": 0xB1, "pound": 0xA3, "prime": 0x2032, "prod": 0x220F, "prop": 0x221D, "psi": 0x3C8,
            "quot": 0x22, "rArr": 0x21D2, "radic": 0x221A, "rang": 0x232A, "raquo": 0xBB, "rarr": 0x2192,
            "rceil": 0x2309, "rdquo": 0x201D, "real": 0x211C, "reg": 0xAE, "rfloor": 0x230B, "rho": 0x3C1,
            "rlm": 0x200F, "rsaquo": 0x203A, "rsquo": 0x2019, "sbquo": 0x201A, "scaron": 0x161, "sdot": 0x22C5,
            "sect": 0xA7, "shy": 0xAD, "sigma": 0x3C3, "sigmaf": 0x3C2, "sim": 0x223C, "spades": 0x2660,
            "sub": 0x2282, "sube": 0x2286, "sum": 0x2211, "sup": 0x2283, "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3,
            "supe": 0x2287, "szlig": 0xDF, "tau": 0x3C4, "there4": 0x2234, "theta": 0x3B8, "thetasym": 0x3D1,
            "thinsp": 0x2009, "thorn": 0xFE, "tilde": 0x2DC, "times": 0xD7, "trade": 0x2122, "uArr": 0x21D1,
            "uacute": 0xFA, "uarr": 0x2191, "ucirc": 0xFB, "ugrave": 0xF9, "uml": 0xA8, "upsih": 0x3D2, "upsilon": 0x3C5,
            "uuml": 0xFC, "weierp": 0x2118, "xi": 0x3BE, "yacute": 0xFD, "yen": 0xA5, "yuml": 0xFF, "zeta": 0x3B6,
            "zwj": 0x200D, "zwnj": 0x200C,
            "AMP": 0x26, "LT": 0x3C, "GT": 0x3E, "QUOT": 0x22, "COPY": 0xA9, "REG": 0xAE,
        ]
        return table.compactMapValues { Unicode.Scalar($0) }
    }()
}
