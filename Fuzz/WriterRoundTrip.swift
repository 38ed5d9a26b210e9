import CSV
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ThreadNetCore
import ThreadNetGraphviz

/// Round trips through ThreadNet's escaping: a string goes into a writer the way an author
/// name or comment text does, an independent parser reads the output back, and what it reads
/// must equal the string, changed only as the writer's documentation says (characters a format
/// forbids dropped or replaced, line breaks where the format has none). A mismatch traps, so
/// libFuzzer reports it with the input.
enum WriterRoundTrip {
    /// The fuzz bytes as text (invalid UTF-8 becomes U+FFFD, as when ThreadNet reads input).
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes.prefix(4096), as: UTF8.self) }

    static func check(_ ok: Bool, _ what: String, _ input: String, _ got: Any) {
        guard ok else { fatalError("\(what) round trip changed \(input.debugDescription) into \(String(describing: got).debugDescription)") }
    }

    // MARK: XML

    /// `Escaping.xml` and `TextOutput.write(xml:)` in an attribute and in element text, read back
    /// by libxml2 (Foundation's XMLParser): equal to the input without the characters XML 1.0
    /// forbids.
    static func xml(_ bytes: [UInt8]) {
        let s = text(bytes)
        let expected = String(String.UnicodeScalarView(s.unicodeScalars.filter { v in
            v == "\t" || v == "\n" || v == "\r" || (v.value >= 0x20 && v.value != 0xFFFE && v.value != 0xFFFF)
        }))
        let streamed = TextOutput.text { out in
            out.write("<r a=\""); out.write(xml: s); out.write("\">"); out.write(xml: s); out.write("</r>")
        }
        let viaString = "<r a=\"\(Escaping.xml(s))\">\(Escaping.xml(s))</r>"
        check(streamed == viaString, "XML writers agree", s, streamed)
        let reader = XMLReadBack()
        let parser = XMLParser(data: Data(streamed.utf8))
        parser.delegate = reader
        check(parser.parse(), "XML (well-formed)", s, parser.parserError.map { "\($0)" } ?? "")
        check(reader.attribute == expected, "XML attribute", s, reader.attribute ?? "nil")
        check(reader.text == expected, "XML text", s, reader.text)
    }

    final class XMLReadBack: NSObject, XMLParserDelegate {
        var attribute: String?
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) { attribute = attributes["a"] }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    // MARK: CSV

    /// `CSVOutput` rows read back by CSV.swift: every field equal to the input piece, with the
    /// documented `'` before a text that starts like a formula.
    static func csv(_ bytes: [UInt8]) {
        let fields = text(bytes).split(separator: "\u{1F}", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        let written = TextOutput.text { out in
            var csv = CSVOutput(out)
            csv.header(["key"] + fields.indices.map { "f\($0)" })
            csv.field("row")
            for f in fields { csv.field(f) }
            csv.endRow()
        }
        let expected = ["row"] + fields.map { CSVOutput.looksLikeFormula($0) ? "'" + $0 : $0 }
        guard let reader = try? CSVReader(string: written, hasHeaderRow: true) else {
            return check(false, "CSV (readable)", fields.joined(separator: "␟"), written)
        }
        let row = reader.next()
        check(row == expected, "CSV", fields.joined(separator: "␟"), row ?? [])
        check(reader.next() == nil, "CSV (one row)", fields.joined(separator: "␟"), written)
    }

    // MARK: DOT

    /// `Escaping.dot` in a node label, laid out by libgvc and rendered to SVG, the SVG's text
    /// read back by libxml2: one node, and its lines equal the input's lines with control
    /// characters as spaces and U+FFFE/U+FFFF as U+FFFD (whitespace runs compared collapsed,
    /// as Graphviz lays text out).
    static func dot(_ bytes: [UInt8]) {
        let s = String(text(bytes).prefix(512))
        let source = "digraph { node [shape=plaintext fontname=\"DejaVu Sans\"]; n [label=\"\(Escaping.dot(s))\" tooltip=\"\(Escaping.dot(s))\"] }"
        guard let result = try? Graphviz.render(dot: source, formats: [.svg]), let svg = result.data(for: .svg) else {
            return check(false, "DOT (renders)", s, source)
        }
        let reader = SVGReadBack()
        let parser = XMLParser(data: Data(svg))
        parser.delegate = reader
        check(parser.parse(), "DOT → SVG (well-formed)", s, String(decoding: svg, as: UTF8.self))
        check(reader.nodes == 1, "DOT (one node)", s, reader.nodes)
        let expected = lines(dotDisplayed(s))
        check(lines(reader.texts.joined(separator: "\n")) == expected, "DOT label", s, reader.texts)
    }

    /// What a DOT label shows, as ``Escaping/dot(_:)`` documents: CR dropped, other control
    /// characters spaces, U+FFFE/U+FFFF as U+FFFD, line feeds line breaks.
    static func dotDisplayed(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c.value {
            case 0x0D: break
            case 0x0A: out.append(c)
            case 0..<0x20, 0x7F: out.append(" ")
            case 0xFFFE, 0xFFFF: out.append("\u{FFFD}")
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// Lines with whitespace runs collapsed, blank lines dropped.
    static func lines(_ s: String) -> [String] {
        s.split(separator: "\n", omittingEmptySubsequences: false)
            .map { collapsed(String(String.UnicodeScalarView($0.unicodeScalars.map { $0.properties.isWhitespace ? " " : $0 }))) }
            .filter { !$0.isEmpty }
    }

    final class SVGReadBack: NSObject, XMLParserDelegate {
        var nodes = 0
        var texts: [String] = []
        var inText = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "g", attributes["class"] == "node" { nodes += 1 }
            if name == "text" { inText = true; texts.append("") }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text" { inText = false }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { texts[texts.count - 1] += string } }
    }
}
