import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

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
    /// Set at the first undeclared prefix: the document will be parsed again after the
    /// repair, so the rest of this pass only collects prefixes (cheap on a large file).
    private var collectingPrefixesOnly = false

    init(handler: any XMLEventHandler) { self.handler = handler }

    func run(_ bytes: [UInt8]) {
        // A stream, not `XMLParser(data:)`: with data, corelibs Foundation hands libxml2 the
        // whole document in one chunk, and libxml2 refuses chunks over 10 MB ("huge input
        // lookup", error 1) unless XML_PARSE_HUGE is set, which XMLParser cannot set.
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
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
        if collectingPrefixesOnly {
            if let prefix = XMLNames.split(elementName).prefix, usedPrefixes[prefix] == nil { usedPrefixes[prefix] = line }
            for key in attributeDict.keys { notePrefix(of: key, line: line) }
            return
        }
        let element = XMLElementStart(qualifiedName: elementName, attributes: attributeDict, line: line, depth: stack.count)
        if stack.isEmpty, rootName == nil {
            rootName = elementName
            rootLine = line
        }
        if let prefix = element.prefix, usedPrefixes[prefix] == nil { usedPrefixes[prefix] = line }
        for key in attributeDict.keys { notePrefix(of: key, line: line) }
        stack.append((element, ""))
        handler.didStart(element)
    }

    private func notePrefix(of attribute: String, line: Int) {
        let (prefix, local) = XMLNames.split(attribute)
        if prefix == "xmlns" {
            declaredPrefixes.insert(local)
        } else if let prefix, usedPrefixes[prefix] == nil {
            usedPrefixes[prefix] = line
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard fatal == nil, !collectingPrefixesOnly, let top = stack.popLast() else { return }
        handler.didEnd(top.element, text: top.text)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard fatal == nil, !collectingPrefixesOnly, !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard fatal == nil, !collectingPrefixesOnly, !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    /// ThreadNet's own code for a reference to an undefined entity (above libxml2's range).
    static let undefinedEntityCode = 90_002
    /// The undefined entity's name, for the message.
    private(set) var refusedName: String?

    /// A reference to an entity that is not one of XML's five is an error, never dropped.
    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        if fatal == nil {
            refusedName = name
            record(ParseError(code: Self.undefinedEntityCode, line: max(1, parser.lineNumber)))
            parser.abortParsing()
        }
        return nil
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        let code = (parseError as NSError).code
        let line = max(1, parser.lineNumber)
        if code == Self.unboundPrefixCode {
            unboundPrefixLines.append(line)
            collectingPrefixesOnly = true
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
