import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element start as the XML importers see it. Names are taken as written (no namespace
/// processing), so importers match on ``localName`` whatever URI a prefix is bound to.
struct XMLElementStart {
    /// The name as written: `wp:comment`.
    var qualifiedName: String
    /// The part after the prefix: `comment`.
    var localName: String
    /// The prefix (`wp`), or `nil` for an unprefixed name.
    var prefix: String?
    /// Attributes by qualified name (`dsq:id`).
    var attributes: [String: String]
    /// 1-based line the parser reported for the start tag.
    var line: Int
    /// Nesting depth: 0 for the root element.
    var depth: Int

    init(qualifiedName: String, attributes: [String: String], line: Int, depth: Int) {
        self.qualifiedName = qualifiedName
        (prefix, localName) = XMLNames.split(qualifiedName)
        self.attributes = attributes
        self.line = line
        self.depth = depth
    }

    /// The value of the attribute whose local name is `local`. A prefixed attribute (`dsq:id`)
    /// wins over an unprefixed one (`id`); among several prefixed ones the smallest qualified
    /// name wins, so the choice never depends on dictionary order.
    func attribute(local: String) -> String? {
        var best: (key: String, value: String)?
        for (key, value) in attributes {
            let (prefix, name) = XMLNames.split(key)
            guard name == local, prefix != "xmlns" else { continue }
            if let current = best {
                let currentPrefixed = current.key.contains(":")
                let prefixed = prefix != nil
                if prefixed != currentPrefixed {
                    if prefixed { best = (key, value) }
                } else if key < current.key {
                    best = (key, value)
                }
            } else {
                best = (key, value)
            }
        }
        return best?.value
    }
}

/// Receives the elements of one XML document in document order.
protocol XMLEventHandler: AnyObject {
    /// An element starts.
    func didStart(_ element: XMLElementStart)
    /// An element ends; `text` is its own character data (text and CDATA sections directly
    /// inside it, concatenated, not trimmed).
    func didEnd(_ element: XMLElementStart, text: String)
}

/// Qualified-name helpers.
enum XMLNames {
    /// Splits `wp:comment` into (`wp`, `comment`); an unprefixed name gives (`nil`, name).
    static func split(_ name: String) -> (prefix: String?, local: String) {
        guard let colon = name.lastIndex(of: ":") else { return (nil, name) }
        return (String(name[..<colon]), String(name[name.index(after: colon)...]))
    }
}

/// Runs Foundation's `XMLParser` over a whole document for the XML importers, safely.
///
/// - External entities are never resolved, and a DOCTYPE that declares entities is refused
///   before parsing (a "billion laughs" document fails at once, naming the DOCTYPE's line).
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
        let prolog = XMLProlog.scan(bytes)
        if let doctype = prolog.doctype, doctype.declaresEntities {
            throw ImportError(.malformed, at: SourceLocation(file: file, line: doctype.line),
                              "the DOCTYPE declares XML entities (<!ENTITY …>), which are refused to avoid entity-expansion attacks (\"billion laughs\"); a genuine \(formatName) file has no DOCTYPE")
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
            if let fatal = pass.fatal {
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

/// One run of `XMLParser`: forwards elements to the handler and records every error.
final class XMLParsePass: NSObject, XMLParserDelegate {
    struct ParseError { var code: Int; var line: Int }

    /// libxml2 `XML_NS_ERR_UNDEFINED_NAMESPACE`.
    static let unboundPrefixCode = 201

    private let handler: any XMLEventHandler
    private var stack: [(element: XMLElementStart, text: String)] = []
    /// The first error other than an undeclared prefix.
    private(set) var fatal: ParseError?
    /// The elements open when the fatal error happened (name, line), outermost first.
    private(set) var openAtFatal: [(name: String, line: Int)] = []
    /// Lines of undeclared-prefix errors, in order.
    private(set) var unboundPrefixLines: [Int] = []
    /// Prefixes used in element and attribute names, with the first line of use.
    private(set) var usedPrefixes: [String: Int] = [:]
    /// Prefixes declared with `xmlns:` anywhere in the document.
    private(set) var declaredPrefixes: Set<String> = []
    private(set) var rootName: String?
    private(set) var rootLine: Int?

    init(handler: any XMLEventHandler) { self.handler = handler }

    func run(_ bytes: [UInt8]) {
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        _ = parser.parse()
        // parse() can return true on malformed input (Linux): the delegate's record decides.
        if fatal == nil, unboundPrefixLines.isEmpty, let error = parser.parserError as NSError? {
            let code = error.code
            if code == Self.unboundPrefixCode {
                unboundPrefixLines.append(max(1, parser.lineNumber))
            } else if code != 512 /* delegateAbortedParseError: our own abort */ {
                record(ParseError(code: code, line: max(1, parser.lineNumber)))
            }
        }
        parser.delegate = nil
    }

    private func record(_ error: ParseError) {
        guard fatal == nil else { return }
        fatal = error
        openAtFatal = stack.map { ($0.element.qualifiedName, $0.element.line) }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard fatal == nil else { return }
        let line = max(1, parser.lineNumber)
        let element = XMLElementStart(qualifiedName: elementName, attributes: attributeDict, line: line, depth: stack.count)
        if stack.isEmpty, rootName == nil {
            rootName = elementName
            rootLine = line
        }
        if let prefix = element.prefix, usedPrefixes[prefix] == nil { usedPrefixes[prefix] = line }
        for key in attributeDict.keys {
            let (prefix, local) = XMLNames.split(key)
            if prefix == "xmlns" {
                declaredPrefixes.insert(local)
            } else if let prefix, usedPrefixes[prefix] == nil {
                usedPrefixes[prefix] = line
            }
        }
        stack.append((element, ""))
        handler.didStart(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard fatal == nil, let top = stack.popLast() else { return }
        handler.didEnd(top.element, text: top.text)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard fatal == nil, !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard fatal == nil, !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        nil
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        let code = (parseError as NSError).code
        let line = max(1, parser.lineNumber)
        if code == Self.unboundPrefixCode {
            unboundPrefixLines.append(line)
            return
        }
        if code == 512 { return }
        if fatal == nil {
            record(ParseError(code: code, line: line))
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: Error) {}
}

/// A byte-level look at the start of an XML document: the DOCTYPE and the root element, found
/// without parsing (cheap enough for format detection on the first 64 KiB).
enum XMLProlog {
    struct Doctype {
        /// 1-based line of `<!DOCTYPE`.
        var line: Int
        /// Whether its internal subset declares entities (`<!ENTITY`).
        var declaresEntities: Bool
    }

    struct Result {
        var doctype: Doctype?
        /// The root element's qualified name, when found.
        var rootName: String?
        /// The offset just after the root element's name (where attributes may be inserted).
        var rootNameEnd: Int?
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x3A || b >= 0x80
    }

    /// BOMs or NUL bytes of UTF-16/UTF-32 text at the start.
    static func looksLikeUTF16or32(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) { return true }
        return bytes.prefix(4).contains(0)
    }

    /// The 1-based number of the last line holding anything but white space.
    static func lastContentLine(_ bytes: [UInt8]) -> Int {
        var end = bytes.count
        while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
        return 1 + bytes[..<end].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Scans the prolog: skips a BOM, white space, up to a few stray bytes, processing
    /// instructions, comments and a DOCTYPE, and stops at the root element.
    static func scan(_ bytes: [UInt8], strayLimit: Int = 3) -> Result {
        var result = Result()
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var stray = 0
        func starts(_ s: String, at j: Int) -> Bool {
            let u = Array(s.utf8)
            guard j + u.count <= n else { return false }
            for k in 0..<u.count where bytes[j + k] != u[k] { return false }
            return true
        }
        func find(_ s: String, from j: Int) -> Int? {
            let u = Array(s.utf8)
            guard let first = u.first, n >= u.count else { return nil }
            var k = j
            while k + u.count <= n {
                if bytes[k] == first, starts(s, at: k) { return k }
                k += 1
            }
            return nil
        }
        func lineOf(_ j: Int) -> Int { 1 + bytes[..<min(j, n)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }

        while i < n {
            let b = bytes[i]
            if isSpace(b) { i += 1; continue }
            guard b == 0x3C else {
                // Stray text before the root: allowed only a little, and never JSON-looking.
                if b == 0x7B || b == 0x5B || b == 0x22 || stray >= strayLimit { return result }
                stray += 1; i += 1; continue
            }
            if starts("<?", at: i) {
                guard let end = find("?>", from: i + 2) else { return result }
                i = end + 2
            } else if starts("<!--", at: i) {
                guard let end = find("-->", from: i + 4) else { return result }
                i = end + 3
            } else if starts("<!DOCTYPE", at: i) || starts("<!doctype", at: i) {
                let start = i
                var j = i + 9
                var bracket = 0
                var quote: UInt8?
                var entities = false
                while j < n {
                    let c = bytes[j]
                    if let q = quote {
                        if c == q { quote = nil }
                    } else if c == 0x22 || c == 0x27 {
                        quote = c
                    } else if c == 0x5B {
                        bracket += 1
                    } else if c == 0x5D {
                        bracket = max(0, bracket - 1)
                    } else if c == 0x3C, bracket > 0, starts("<!ENTITY", at: j) {
                        entities = true
                    } else if c == 0x3E, bracket == 0 {
                        break
                    }
                    j += 1
                }
                result.doctype = Doctype(line: lineOf(start), declaresEntities: entities)
                if entities || j >= n { return result }
                i = j + 1
            } else if i + 1 < n, isNameStart(bytes[i + 1]) {
                var j = i + 1
                while j < n, !isSpace(bytes[j]), bytes[j] != 0x2F, bytes[j] != 0x3E { j += 1 }
                result.rootName = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                result.rootNameEnd = j
                return result
            } else {
                return result
            }
        }
        return result
    }

    /// Whether `needle` occurs in `bytes` (ASCII, case-sensitive).
    static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let u = Array(needle.utf8)
        guard let first = u.first, bytes.count >= u.count else { return false }
        var k = 0
        outer: while k + u.count <= bytes.count {
            if bytes[k] == first {
                for m in 1..<u.count where bytes[k + m] != u[m] { k += 1; continue outer }
                return true
            }
            k += 1
        }
        return false
    }
}
