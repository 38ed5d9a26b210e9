import CCmarkGFM
import ThreadNetCore

extension WriterRoundTrip {
    /// `Escaping.markdown` where reports put user text (inside a sentence, a list item and a
    /// table cell) and `Escaping.codeSpan` in a code span in a list item (reports put file
    /// names and options there, never in a table, where a `|` would end the cell), parsed by cmark-gfm with GitHub's
    /// table extension: the document holds no element the text did not ask for (no emphasis,
    /// link, HTML, heading or extra cell), and its text equals the input with line breaks and
    /// other control characters as spaces (backticks as `'` in a code span), whitespace runs
    /// compared collapsed as HTML shows them.
    static func markdown(_ bytes: [UInt8]) {
        let s = String(text(bytes).prefix(1024))
        let escaped = Escaping.markdown(s)
        let code = Escaping.codeSpan(s)
        let source = "Said x \(escaped) y.\n\n- x \(escaped) y\n\n| a | b |\n|---|---|\n| x \(escaped) y | z |\n\n- Input: `\(code)`\n"
        let expected = collapsed(spaced(s))
        let expectedCode = collapsed(String(String.UnicodeScalarView(spaced(s, code: true).unicodeScalars.map { $0 == "`" ? "'" : $0 })))
        MarkdownHTML.withDocument(source) { document, _ in
            var texts: [String] = []
            var codes: [String] = []
            var kinds: [String] = []
            let iterator = cmark_iter_new(document)!
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let kind = String(cString: cmark_node_get_type_string(node))
                kinds.append(kind)
                let literal = cmark_node_get_literal(node).map { String(cString: $0) }
                switch kind {
                case "text": texts[texts.count - 1] += literal ?? ""
                case "softbreak", "linebreak": texts[texts.count - 1] += " "
                case "code": codes.append(literal ?? "")
                case "paragraph", "table_cell": texts.append("")
                default: break
                }
            }
            let allowed: Set = ["document", "paragraph", "text", "list", "item", "table", "table_header", "table_row", "table_cell", "code"]
            check(kinds.allSatisfy(allowed.contains), "Markdown (no markup from the text)", s, kinds)
            check(kinds.filter { $0 == "table_cell" }.count == 4, "Markdown (table cells)", s, kinds)
            let shown = texts.map(collapsed)
            check(shown == ["Said x \(expected) y.", "x \(expected) y", "a", "b", "x \(expected) y", "z", s.isEmpty ? "Input: ``" : "Input:"].map(collapsed),
                  "Markdown text", s, shown)
            // An empty span is two literal backticks in Markdown; reports put only non-empty text
            // (file names, options) in spans, as Escaping.codeSpan asks.
            if !s.isEmpty { check(codes.map(collapsed) == [expectedCode], "Markdown code span", s, codes) }
        }
    }

    /// Control characters as spaces (``Escaping/markdown(_:)``); with `code`, also DEL, C1
    /// controls and the Unicode line and paragraph separators (``Escaping/codeSpan(_:)``).
    static func spaced(_ s: String, code: Bool = false) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { c in
            switch c.value {
            case 0..<0x20: " "
            case 0x7F...0x9F, 0x2028, 0x2029: code ? " " : c
            default: c
            }
        }))
    }

    /// Whitespace runs as one space, ends trimmed (by scalar: a space followed by a combining
    /// mark is still a space to a Markdown parser).
    static func collapsed(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for c in s.unicodeScalars {
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(c)
            }
        }
        return String(out)
    }
}
