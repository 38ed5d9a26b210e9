import Foundation
import CCmarkGFM

/// Markdown to HTML through cmark-gfm, GitHub's CommonMark parser, so that `report.html`
/// shows a report exactly as GitHub shows `report.md`.
///
/// Tables and strikethrough (GitHub's extensions) are on. Rendering is safe: raw HTML in the
/// Markdown is left out and links to `javascript:`, `vbscript:`, `file:` and non-image `data:`
/// addresses are emptied, so nothing a thread's text or a file name carries can run in the
/// page (user text is escaped by ``Escaping/markdown(_:)`` before it gets here in any case).
///
/// - Complexity: O(*n*) in the length of the Markdown.
public enum MarkdownHTML {
    /// cmark-gfm's extensions register once per process.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// The GitHub extensions a parser attaches, by name.
    static let extensionNames = ["table", "strikethrough"]

    /// The HTML body for `markdown` (no `<html>` wrapper).
    public static func render(_ markdown: String) -> String {
        withDocument(markdown) { document, extensions in
            guard let html = cmark_render_html(document, CMARK_OPT_DEFAULT, extensions) else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
    }

    /// Parses `markdown` and hands the document and the attached extensions to `body`; both
    /// are freed when it returns.
    public static func withDocument<R>(_ markdown: String, _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> R) -> R {
        _ = registered
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let document = cmark_parser_finish(parser)!
        defer { cmark_node_free(document) }
        return body(document, cmark_parser_get_syntax_extensions(parser))
    }
}
