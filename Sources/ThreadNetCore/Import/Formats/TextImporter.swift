/// Reads a comment section pasted as text: an article, a `Comments` line, then comments
/// headed `N. Name says:` whose replies are indented deeper and numbered from 1 again.
///
/// The rules, in full:
/// - The article is everything before the first `Comments` line that is followed by a comment
///   header; its first non-blank line is the title unless ``ImportOptions/title`` says
///   otherwise. Without such a line the whole file is comments.
/// - A header is `N. Name says:` (also `said:`, `wrote:`, `N)` numbering and `•`/`*`/`-`
///   bullets), Blogger's `Name said...`, or Twenty Eleven's `Name on <date> said:`. A line
///   that does not end in the verb and colon (`says:` inside a sentence, `1. First point`) is
///   body text. Unnumbered `Name says:` lines are headers only in files that number none.
/// - A date line right under the header (`March 3, 2011 at 10:15 am` and the forms
///   ``TimestampParser`` reads) becomes the timestamp; `Reply`, `Log in to Reply`, `Edit` and
///   `(Edit)` lines are dropped; `Your comment is awaiting moderation.` marks the comment
///   pending; `N. Pingback: …` / `Trackback:` headers are pingbacks.
/// - Nesting comes from the header's indentation relative to the enclosing comment's header
///   (tabs count to the next multiple of 4). A header whose indentation matches no level seen
///   so far is attached to the nearest shallower comment and reported as an
///   ``Finding/Kind/indentation`` finding with its line.
/// - Ids are dotted paths of the shown numbers (`13`, `13.1`); `sourceNumber` is the number.
///
/// - Complexity: O(*n*) in the size of the text; no recursion over depth.
public struct TextImporter: ThreadImporter {
    public init() {}

    public var format: InputFormat { .text }

    public func detect(head: [UInt8], fileName: String) -> Bool {
        let text = String(decoding: head, as: UTF8.self)
        let numbered = text.split(separator: "\n").contains { Header.parse(Substring($0), allowUnnumbered: false) != nil }
        return numbered || text.split(separator: "\n").contains { Header.parse(Substring($0), allowUnnumbered: true)?.isBlogger == true }
    }

    public func read(_ input: InputSource, options: ImportOptions) throws(ImportError) -> Corpus {
        let bytes = try input.readAll()
        let decoded = try TextDecoding.decode(bytes, name: input.name)
        var thread = try parse(decoded.text, name: input.name, title: options.title, reading: options.reading)
        thread.findings.insert(contentsOf: decoded.findings, at: 0)
        return Corpus(format: .text, threads: [thread])
    }

    /// Parses pasted text into one thread named after `name`.
    public func parse(_ text: String, name: String, title: String? = nil, reading: TimestampParser.Reading = .standard) throws(ImportError) -> CommentThread {
        var parser = TextThreadParser(name: name, lines: Self.lines(of: text), reading: reading)
        return try parser.run(title: title)
    }

    /// Splits on LF, CRLF and lone CR.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == "\n" || c == "\r" || c == "\r\n" {
                lines.append(text[start..<i])
                start = text.index(after: i)
            }
            i = text.index(after: i)
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }
}

import Foundation

/// A comment header line in pasted text.
struct Header: Equatable {
    var indent: Int
    var number: String?
    var name: String
    var date: Date?
    var isPingback = false
    var isBlogger = false

    /// The width of leading whitespace, tabs advancing to the next multiple of 4.
    static func indentation(of line: Substring) -> Int {
        var width = 0
        for c in line {
            if c == " " || c == "\u{00A0}" { width += 1 } else if c == "\t" { width = (width / 4 + 1) * 4 } else { break }
        }
        return width
    }

    static let verbs = ["says:", "said:", "wrote:", "Says:", "Said:", "Wrote:"]
    static let bloggerVerbs = ["said...", "said…"]

    /// Recognizes a header; `allowUnnumbered` admits `Name says:` without a list marker.
    static func parse(_ line: Substring, allowUnnumbered: Bool, reading: TimestampParser.Reading = .standard) -> Header? {
        let indent = indentation(of: line)
        var rest = line.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" })
        while rest.last == " " || rest.last == "\t" { rest = rest.dropLast() }
        guard !rest.isEmpty, rest.count <= 160 else { return nil }
        var number: String?
        var marked = false
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 5 {
            let after = rest.dropFirst(digits.count)
            if let m = after.first, m == "." || m == ")", after.dropFirst().first == " " {
                number = String(digits)
                marked = true
                rest = after.dropFirst(2).drop(while: { $0 == " " })
            }
        } else if let b = rest.first, "•*-·◦".contains(b), rest.dropFirst().first == " " {
            marked = true
            rest = rest.dropFirst(2).drop(while: { $0 == " " })
        }
        for prefix in ["Pingback:", "Trackback:"] where marked && rest.hasPrefix(prefix) {
            let name = rest.dropFirst(prefix.count).trimmed
            guard !name.isEmpty else { return nil }
            return Header(indent: indent, number: number, name: name, isPingback: true)
        }
        var verbFound = false
        var blogger = false
        for verb in verbs where rest.hasSuffix(" " + verb) {
            rest = rest.dropLast(verb.count + 1)
            verbFound = true
            break
        }
        if !verbFound {
            for verb in bloggerVerbs where rest.hasSuffix(" " + verb) {
                rest = rest.dropLast(verb.count + 1)
                verbFound = true
                blogger = true
                break
            }
        }
        guard verbFound, marked || blogger || allowUnnumbered else { return nil }
        var name = rest.trimmed
        var date: Date?
        // Twenty Eleven: "Name on March 3, 2011 at 10:15 am said:".
        if let range = name.range(of: " on ", options: .backwards),
           let parsed = TimestampParser.humanDate(String(name[range.upperBound...]), reading: reading) {
            date = parsed
            name = name[..<range.lowerBound].trimmed
        }
        // A name is short: a sentence ending in "says:" is body text.
        let words = name.split(separator: " ")
        guard !name.isEmpty, name.count <= 80, words.count <= 6, !name.contains(". "), !name.contains("? "),
              !name.contains("! "), !name.hasSuffix(",") else { return nil }
        return Header(indent: indent, number: number, name: name, date: date, isBlogger: blogger)
    }
}
