import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs Foundation's `XMLParser` over a whole document for the XML importers, safely.
///
/// - External entities are never resolved, and a DOCTYPE with anything after its name (an
///   internal subset or an external DTD) is refused before parsing (a "billion laughs"
///   document fails at once, naming the DOCTYPE's line; the decision does not look inside the
///   subset, so no comment can hide a declaration); a reference to an undefined entity is an
///   error naming it, never dropped.
/// - Every parse error is checked, not just `parse()`'s result (on Linux it returns `true` for
///   malformed input); the first one becomes an ``ImportError`` naming the file and line, and a
///   file that stops inside an element is reported as truncated.
/// - An element or attribute prefix used without an `xmlns:` declaration (WordPress.com writes
///   `<atom:link>` without `xmlns:atom`) is repaired: the missing prefixes are declared on the
///   root element, the document is parsed again and a ``Finding`` of kind `.malformedInput`
///   says what was done.
///
/// - Complexity: O(n) in the input size per pass; at most a few passes for repaired files.
enum XMLDocumentReader {
    /// Parses `bytes`, feeding a fresh handler from `makeHandler` on each pass, and returns the
    /// handler of the successful pass with the file-level findings (namespace repairs).
    ///
    /// - Parameters:
    ///   - file: the input's name, used in errors and findings.
    ///   - expectedRoot: the local name the root element must have (`rss`, `disqus`).
    ///   - formatName: the format's display name for messages.
    static func read<Handler: XMLEventHandler>(
        _ bytes: [UInt8], file: String, expectedRoot: String, formatName: String,
        makeHandler: () -> Handler
    ) throws(ImportError) -> (handler: Handler, findings: [Finding]) {
        guard bytes.contains(where: { !XMLProlog.isSpace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) else {
            throw ImportError(.empty, at: SourceLocation(file: file), "the file is empty; expected a \(formatName) file")
        }
        if XMLProlog.looksLikeUTF16or32(bytes) {
            throw ImportError(.encoding, at: SourceLocation(file: file, line: 1),
                              "the XML is UTF-16 or UTF-32 encoded; save it as UTF-8 and try again")
        }
        let (converted, convertedFrom) = try XMLEncodings.utf8Document(bytes, file: file, formatName: formatName)
        let bytes = XMLWorkarounds.fillEmptyProcessingInstructions(converted)
        let prolog = XMLProlog.scan(bytes)
        if let doctype = prolog.doctype, doctype.hasDeclarations {
            throw ImportError(.malformed, at: SourceLocation(file: file, line: doctype.line),
                              "the DOCTYPE has an internal subset or an external DTD, where XML entities (<!ENTITY …>) are declared; they are refused to avoid entity-expansion attacks (\"billion laughs\") and silently dropped text; a genuine \(formatName) file has no DOCTYPE")
        }

        var data = bytes
        var declaredByRepair: [String] = []
        var firstUnboundLine: Int?
        while true {
            let handler = makeHandler()
            let pass = XMLParsePass(handler: handler)
            pass.run(data)

            if !pass.unboundPrefixLines.isEmpty || (pass.fatal?.code == XMLParsePass.unboundPrefixCode) {
                let line = pass.unboundPrefixLines.first ?? pass.fatal?.line ?? 1
                firstUnboundLine = firstUnboundLine ?? line
                let missing = pass.usedPrefixes.keys
                    .filter { !pass.declaredPrefixes.contains($0) && $0 != "xml" && $0 != "xmlns" && !declaredByRepair.contains($0) }
                    .sorted()
                guard !missing.isEmpty, declaredByRepair.count < 64, let insertAt = prolog.rootNameEnd else {
                    throw ImportError(.malformed, at: SourceLocation(file: file, line: line),
                                      "malformed XML at line \(line): a namespace prefix is used without being declared and could not be repaired; expected a well-formed \(formatName) file")
                }
                let declarations = missing.map { " xmlns:\($0)=\"urn:threadnet:undeclared-prefix:\($0)\"" }.joined()
                // Inserting right after the root's name keeps every line number unchanged.
                data.insert(contentsOf: Array(declarations.utf8), at: insertAt)
                declaredByRepair.append(contentsOf: missing)
                continue
            }
            if let fatal = pass.fatal, fatal.code == XMLParsePass.undefinedEntityCode {
                throw ImportError(.malformed, at: SourceLocation(file: file, line: fatal.line),
                                  "line \(fatal.line) refers to the entity &\(pass.refusedName ?? "?"); which is not defined (only &amp; &lt; &gt; &quot; &apos; and character references are); the text would lose it, so the file is refused")
            }
            if let fatal = pass.fatal {
                if [9, 81].contains(fatal.code), XMLProlog.declaresUTF8(data), !XMLProlog.lineIsValidUTF8(data, line: fatal.line) {
                    throw ImportError(.encoding, at: SourceLocation(file: file, line: fatal.line),
                                      "line \(fatal.line) is not valid UTF-8 (the file declares no other encoding); re-save the \(formatName) file as UTF-8")
                }
                throw ImportError(.malformed, at: SourceLocation(file: file, line: fatal.line),
                                  message(for: fatal, pass: pass, bytes: data, formatName: formatName))
            }
            guard let root = pass.rootName else {
                throw ImportError(.malformed, at: SourceLocation(file: file, line: 1),
                                  "no XML element found; expected a \(formatName) file with a <\(expectedRoot)> root element")
            }
            let rootLocal = XMLNames.split(root).local
            guard rootLocal == expectedRoot else {
                throw ImportError(.malformed, at: SourceLocation(file: file, line: pass.rootLine ?? 1),
                                  "the root element is <\(root)>; a \(formatName) file has a <\(expectedRoot)> root element")
            }
            var findings: [Finding] = []
            if let convertedFrom {
                findings.append(Finding(.note, at: SourceLocation(file: file, line: 1),
                                        "the XML is encoded in \(convertedFrom) (as its declaration says); converted it to UTF-8 to read it"))
            }
            if !declaredByRepair.isEmpty {
                let names = declaredByRepair.map { "\"\($0):\"" }.joined(separator: ", ")
                let plural = declaredByRepair.count == 1 ? "prefix" : "prefixes"
                findings.append(Finding(.malformedInput, at: SourceLocation(file: file, line: firstUnboundLine),
                                        "the XML uses the namespace \(plural) \(names) without declaring \(declaredByRepair.count == 1 ? "it" : "them") (first at line \(firstUnboundLine ?? 1); WordPress.com exports do this with <atom:link>); declared \(declaredByRepair.count == 1 ? "it" : "them") on the root element and read the file"))
            }
            return (handler, findings)
        }
    }

    /// The message for a fatal parse error: truncation when the file ends inside an element.
    private static func message(for fatal: XMLParsePass.ParseError, pass: XMLParsePass, bytes: [UInt8], formatName: String) -> String {
        let lastLine = XMLProlog.lastContentLine(bytes)
        if let open = pass.openAtFatal.last, fatal.line >= lastLine, ![74, 76].contains(fatal.code) {
            return "the file ends at line \(fatal.line) inside <\(open.name)> (opened at line \(open.line)): it looks truncated; expected a complete \(formatName) file"
        }
        return "malformed XML at line \(fatal.line): \(describe(fatal.code)) (XML error \(fatal.code)); expected a well-formed \(formatName) file"
    }

    /// A short description of a libxml2 / `XMLParser.ErrorCode` value.
    static func describe(_ code: Int) -> String {
        switch code {
        case 3, 4: "the document does not start with an element (stray text before the XML?)"
        case 5, 86: "extra content at the end of the document, or an element left open"
        case 6, 7, 8: "an invalid character reference"
        case 9: "a character that XML does not allow"
        case 23: "an entity reference without its closing ';'"
        case 26, 27: "an undeclared entity (an HTML entity such as &nbsp; outside CDATA?)"
        case 31, 32, 81: "an unknown or invalid character encoding"
        case 38: "an unescaped '<' inside an attribute value"
        case 39, 40, 41: "an attribute value that is not quoted or not finished"
        case 42: "an attribute given twice"
        case 45: "a comment that is not finished"
        case 57: "an XML declaration that is not finished"
        case 62: "a ']]>' outside CDATA"
        case 63: "a CDATA section that is not finished"
        case 64: "a reserved name"
        case 65: "a missing space (between attributes?)"
        case 68: "a name was expected"
        case 72, 73: "a '<' or '>' was expected (a broken tag?)"
        case 74, 76: "a closing tag that does not match the open element"
        case 75: "an attribute without '='"
        case 77: "a tag that is not finished"
        case 85: "elements that are not well balanced"
        case 89: "an entity reference loop or excessive entity expansion"
        case 201: "a namespace prefix that is not declared"
        case 202: "an invalid qualified name"
        case 203: "a namespaced attribute given twice"
        default: "the XML is not well formed"
        }
    }
}
