/// Escaping for every text format ThreadNet writes. Author names and comment text are user
/// data: nothing reaches a DOT, Markdown, XML or CSV file, or a file name, without passing
/// through one of these.
public enum Escaping {
    /// A DOT double-quoted string's content: `\` `"` escaped, newlines as `\n` (centered
    /// line), carriage returns dropped, other control characters spaces, and U+FFFE/U+FFFF
    /// (which XML forbids, so Graphviz's SVG would not parse) U+FFFD; `&` as `&amp;` where it
    /// would start an entity reference (`&lt;`, `&#60;`), which Graphviz decodes in labels.
    /// `<…>` needs no escaping inside a quoted string.
    public static func dot(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for (c, next) in ScalarsWithNext(s.unicodeScalars) {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": break
            case "&" where startsEntity(next): out += "&amp;" // Graphviz decodes entities in labels
            case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}" // not allowed in XML: the SVG would not parse
            default:
                if c.value < 0x20 || c.value == 0x7F { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// Inline Markdown text: characters that would start emphasis, code, links, HTML, an entity
    /// reference (`&` before a letter or `#`) or a table cell break are backslash-escaped;
    /// newlines become spaces.
    public static func markdown(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for (c, next) in ScalarsWithNext(s.unicodeScalars) {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                out += "\\"
                out.unicodeScalars.append(c)
            case "&" where startsEntity(next): out += "\\&"
            case "\n", "\r", "\t": out += " "
            default:
                if c.value < 0x20 { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// Text for a Markdown code span (`` `…` ``): backticks become `'` and line breaks and
    /// other control characters spaces, so a file name or option value holding a newline, `#`
    /// or HTML cannot end the span, start a heading or inject markup. `s` must not be empty
    /// (Markdown shows an empty span as two backticks), and the span must not sit in a table
    /// cell (a `|` in it would end the cell; use ``markdown(_:)`` there).
    public static func codeSpan(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c.value {
            case 0x60: out += "'"
            case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// XML text or attribute content: `& < > " '` as entities; tab, line feed and carriage
    /// return as character references (a parser would read them as spaces in an attribute,
    /// and CR LF as LF in text); characters XML 1.0 forbids are dropped.
    public static func xml(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                let v = c.value
                if v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v != 0xFFFE && v != 0xFFFF) { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// An RFC 4180 CSV field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
    public static func csv(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A safe file-name component: letters, digits, `-`, `_` and `.` kept, anything else
    /// `_`, no leading dot, at most 80 characters, never empty.
    public static func fileName(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars.prefix(80) {
            if (c.properties.isAlphabetic || ("0"..."9").contains(c)) && c.isASCII || c == "-" || c == "_" || c == "." {
                out.unicodeScalars.append(c)
            } else {
                out += "_"
            }
        }
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "_" : out
    }

    /// The first `limit` characters of `text` on one line, cut at a word boundary, with `…`.
    public static func excerpt(_ text: String, limit: Int = 100) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > limit else { return flat }
        let cut = flat.prefix(limit)
        let atSpace = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atSpace + "…"
    }

    /// Whether an `&` followed by `next` could start an entity reference (`&amp;`, `&#38;`),
    /// which CommonMark and Graphviz labels decode: it is followed by an ASCII letter or `#`.
    private static func startsEntity(_ next: Unicode.Scalar?) -> Bool {
        guard let next, next.isASCII else { return false }
        return next == "#" || next.properties.isAlphabetic
    }
}

import Foundation

/// The scalars of a string, each with the one after it (nil for the last), for escapers that
/// look one character ahead.
struct ScalarsWithNext: Sequence, IteratorProtocol {
    let scalars: String.UnicodeScalarView
    var index: String.UnicodeScalarView.Index

    init(_ scalars: String.UnicodeScalarView) {
        self.scalars = scalars
        index = scalars.startIndex
    }

    mutating func next() -> (Unicode.Scalar, Unicode.Scalar?)? {
        guard index != scalars.endIndex else { return nil }
        let c = scalars[index]
        scalars.formIndex(after: &index)
        return (c, index == scalars.endIndex ? nil : scalars[index])
    }
}
