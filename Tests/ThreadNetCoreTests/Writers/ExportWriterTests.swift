import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ThreadNetCore

/// GEXF, GraphML and CSV exports of one small hand-built thread, against hand-counted values.
///
/// The thread (ids `k1`…`k6`, so ids and labels differ):
///
/// ```
/// k1 Ann (10:15:00Z)                  depth 1, 2 replies
/// ├─ k2 Bo (10:20:30Z)               depth 2, 1 reply      Bo → Ann reply
/// │  └─ k3 Bo                        depth 3, 1 reply      Bo → Bo  reply (self)
/// │     └─ k6 Bo (deleted, removed)  depth 4               Bo → Bo  reply (self, weight 2)
/// └─ k5 Cy                           depth 2               Cy → Ann reply
/// k4 Cy "Ann, you are right"         depth 1               Cy → Ann mention
/// ```
///
/// Authors (ids by first appearance): a0 Ann, a1 Bo (`<Bo & "Co">, Inc.` newline `Ltd`), a2 Cy
/// (`Cy O'Neil`). Network edges in stored order (from, to, kind): e0 a1→a0 reply 1,
/// e1 a1→a1 reply 2, e2 a2→a0 mention 1, e3 a2→a0 reply 1.
@Suite("Export writers: GEXF, GraphML, CSV")
struct ExportWriterTests {
    static let bo = "<Bo & \"Co\">, Inc.\nLtd"
    static let cy = "Cy O'Neil"
    static let t0 = Date(timeIntervalSince1970: 1_299_147_300)  // 2011-03-03T10:15:00Z
    static let t1 = Date(timeIntervalSince1970: 1_299_147_630)  // 2011-03-03T10:20:30Z

    static func sample() -> ThreadAnalysis {
        let at = SourceLocation(file: "t")
        let thread = CommentThread(id: "t1", title: "Title <b> & \"q\"", comments: [
            ThreadComment(id: "k1", author: "Ann", timestamp: t0, text: "First!", location: at),
            ThreadComment(id: "k2", parentID: "k1", author: bo, timestamp: t1, text: "I disagree", location: at),
            ThreadComment(id: "k3", parentID: "k2", author: bo, text: "And another thing", location: at),
            ThreadComment(id: "k4", author: cy, text: "Ann, you are right", location: at),
            ThreadComment(id: "k5", parentID: "k1", author: cy, text: "Me too", location: at),
            ThreadComment(id: "k6", parentID: "k3", author: bo, text: "", status: [.deleted, .removed], location: at),
        ])
        return ThreadAnalysis(thread: thread)
    }

    /// Two comments, the reply by the unknown bucket; and a thread with no comments.
    static func unknownAndEmpty() -> [ThreadAnalysis] {
        let at = SourceLocation(file: "u")
        let unknown = CommentThread(id: "u", title: "U", comments: [
            ThreadComment(id: "1", author: "Ann", text: "Hi", location: at),
            ThreadComment(id: "2", parentID: "1", author: "[deleted]", text: "[deleted]", status: .deleted, location: at),
        ])
        return [ThreadAnalysis(thread: unknown), ThreadAnalysis(thread: CommentThread(id: "e", title: ""))]
    }

    // MARK: The fixture itself

    @Test func sampleNetworkIsAsHandCounted() {
        let a = Self.sample()
        #expect(a.network.names == ["Ann", Self.bo, Self.cy])
        let edges = a.network.edges.map { E($0.from, $0.to, $0.weight, $0.kind.rawValue) }
        #expect(edges == [E(1, 0, 1, "reply"), E(1, 1, 2, "reply"), E(2, 0, 1, "mention"), E(2, 0, 1, "reply")])
    }

    // MARK: GEXF

    @Test func gexfAuthorNetwork() throws {
        let a = Self.sample()
        let text = GEXFWriter.write(a)
        #expect(text == GEXFWriter.write(a))
        #expect(!text.contains("lastmodifieddate"))
        #expect(text.contains("label=\"&lt;Bo &amp; &quot;Co&quot;&gt;, Inc.&#10;Ltd\""))
        #expect(text.contains("label=\"Cy O&apos;Neil\""))
        let x = try XMLTree.parse(text)
        let root = try #require(x.elements.first)
        #expect(root.name == "gexf" && root.namespace == "http://gexf.net/1.3" && root.attributes["version"] == "1.3")
        #expect(x.all("creator").map(\.text) == ["ThreadNet \(ThreadNetVersion.current)"])
        #expect(x.all("meta").first?.attributes["lastmodifieddate"] == nil)
        #expect(x.all("description").map(\.text) == ["Author network of the thread: Title <b> & \"q\""])
        #expect(x.all("graph").first?.attributes["defaultedgetype"] == "directed")

        let declared = x.all("attributes").map { attrs in
            (attrs.attributes["class"] ?? "", x.children(of: attrs).map { "\($0.attributes["id"] ?? "")/\($0.attributes["title"] ?? ""):\($0.attributes["type"] ?? "")" })
        }
        #expect(declared.map(\.0) == ["node", "edge"])
        #expect(declared.first?.1 == ["comments/comments:integer", "repliesGiven/repliesGiven:integer", "repliesReceived/repliesReceived:integer",
                                      "inDegree/inDegree:integer", "outDegree/outDegree:integer", "weightedDegree/weightedDegree:integer"])
        #expect(declared.last?.1 == ["kind/kind:string"])

        let nodes = x.all("node")
        #expect(x.all("nodes").first?.attributes["count"] == "3")
        #expect(nodes.map { $0.attributes["id"] ?? "" } == ["a0", "a1", "a2"])
        // The newline in Bo's name is a character reference, which attribute-value
        // normalization keeps (a literal newline would read back as a space).
        #expect(nodes.map { $0.attributes["label"] ?? "" } == ["Ann", Self.bo, Self.cy])
        #expect(x.attvalues(nodes[0]) == ["comments": "1", "repliesGiven": "0", "repliesReceived": "2", "inDegree": "2", "outDegree": "0", "weightedDegree": "2"])
        #expect(x.attvalues(nodes[1]) == ["comments": "3", "repliesGiven": "3", "repliesReceived": "2", "inDegree": "0", "outDegree": "1", "weightedDegree": "5"])
        #expect(x.attvalues(nodes[2]) == ["comments": "2", "repliesGiven": "1", "repliesReceived": "0", "inDegree": "0", "outDegree": "1", "weightedDegree": "1"])

        #expect(x.all("edges").first?.attributes["count"] == "4")
        let edges = x.all("edge").map { e in
            ["id", "source", "target", "weight", "kind"].map { e.attributes[$0] ?? "-" }.joined(separator: " ") + " " + (x.attvalues(e)["kind"] ?? "-")
        }
        #expect(edges == ["e0 a1 a0 1 reply reply", "e1 a1 a1 2 reply reply", "e2 a2 a0 1 mention mention", "e3 a2 a0 1 reply reply"])
    }

    @Test func gexfReplyTree() throws {
        let a = Self.sample()
        let x = try XMLTree.parse(GEXFWriter.writeReplyTree(a))
        #expect(x.elements.first?.namespace == "http://gexf.net/1.3")
        #expect(x.all("description").map(\.text) == ["Reply tree of the thread: Title <b> & \"q\""])
        #expect(x.all("attribute").map { $0.attributes["id"] ?? "" } == ["depth", "repliesReceived", "sourceID", "author", "time", "status", "score"])
        let nodes = x.all("node")
        #expect(x.all("nodes").first?.attributes["count"] == "7")
        #expect(nodes.map { $0.attributes["id"] ?? "" } == ["root", "c0", "c1", "c2", "c3", "c4", "c5"])
        #expect(nodes.map { $0.attributes["label"] ?? "" } == [
            "Article", "1. Ann", "2. \(Self.bo)", "3. \(Self.bo)", "4. Cy O'Neil", "5. Cy O'Neil", "6. \(Self.bo)",
        ])
        #expect(nodes.map { x.attvalues($0)["depth"] ?? "" } == ["0", "1", "2", "3", "1", "2", "4"])
        #expect(nodes.map { x.attvalues($0)["repliesReceived"] ?? "" } == ["2", "2", "1", "1", "0", "0", "0"])
        // The record: ids as in the input, authors, times (k1, k2 only), status flags.
        #expect(nodes.map { x.attvalues($0)["sourceID"] ?? "" } == ["t1", "k1", "k2", "k3", "k4", "k5", "k6"])
        #expect(nodes.map { x.attvalues($0)["author"] ?? "-" } == ["-", "Ann", Self.bo, Self.bo, "Cy O'Neil", "Cy O'Neil", Self.bo])
        #expect(nodes.map { x.attvalues($0)["time"] ?? "-" } == ["-", "2011-03-03T10:15:00Z", "2011-03-03T10:20:30Z", "-", "-", "-", "-"])
        #expect(nodes.map { x.attvalues($0)["status"] ?? "-" } == ["post", "-", "-", "-", "-", "-", "deleted;removed"])
        // --dynamic: a dateTime timeline; timed comments and their reply edges start at their time.
        let d = try XMLTree.parse(GEXFWriter.writeReplyTree(a, dynamic: true))
        #expect(d.all("graph").first?.attributes["mode"] == "dynamic" && d.all("graph").first?.attributes["timeformat"] == "dateTime")
        #expect(d.all("node").map { $0.attributes["start"] ?? "-" } == ["-", "2011-03-03T10:15:00Z", "2011-03-03T10:20:30Z", "-", "-", "-", "-"])
        #expect(d.all("edge").map { $0.attributes["start"] ?? "-" } == ["2011-03-03T10:15:00Z", "2011-03-03T10:20:30Z", "-", "-", "-", "-"])
        #expect(x.all("edges").first?.attributes["count"] == "6")
        let edges = x.all("edge").map { "\($0.attributes["id"] ?? "") \($0.attributes["source"] ?? "")>\($0.attributes["target"] ?? "")" }
        #expect(edges == ["e0 root>c0", "e1 c0>c1", "e2 c1>c2", "e3 root>c3", "e4 c0>c4", "e5 c2>c5"])
    }

    @Test func gexfUnknownAuthorAndEmptyThread() throws {
        let analyses = Self.unknownAndEmpty()
        let tree = try XMLTree.parse(GEXFWriter.writeReplyTree(analyses[0]))
        #expect(tree.all("node").map { $0.attributes["label"] ?? "" } == ["Article", "1. Ann", "2. (unknown)"])
        let net = try XMLTree.parse(GEXFWriter.write(analyses[0]))
        #expect(net.all("node").map { $0.attributes["label"] ?? "" } == ["Ann"])
        #expect(net.all("edge").isEmpty)
        // Ann's comment got a reply, but from the unknown bucket: a reply received, no degree.
        #expect(net.attvalues(net.all("node")[0])["repliesReceived"] == "1")
        #expect(net.attvalues(net.all("node")[0])["weightedDegree"] == "0")
        let empty = try XMLTree.parse(GEXFWriter.write(analyses[1]))
        #expect(empty.all("nodes").first?.attributes["count"] == "0" && empty.all("node").isEmpty)
        #expect(empty.all("description").map(\.text) == ["Author network"])
        #expect(try XMLTree.parse(GEXFWriter.writeReplyTree(analyses[1])).all("node").count == 1)
    }

    /// Both GEXF writers' output, for every test thread, validates against the official 1.3
    /// schema; a file that breaks the schema is rejected (so the check has teeth).
    @Test func gexfValidatesAgainstSchema() throws {
        let xmllint = try #require(Self.xmllint(), "xmllint not found: install libxml2-utils (apt-get install -y libxml2-utils) to validate GEXF against its schema")
        let schema = Paths.fixture("schemas/gexf-1.3/gexf.xsd")
        #expect(FileManager.default.fileExists(atPath: schema.path))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("threadnet-gexf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [(String, String)] = []
        for (n, a) in ([Self.sample()] + Self.unknownAndEmpty()).enumerated() {
            files.append(("authors-\(n).gexf", GEXFWriter.write(a)))
            files.append(("authors-metrics-\(n).gexf", GEXFWriter.write(a, metrics: ThreadMetrics(a))))
            files.append(("reply-tree-\(n).gexf", GEXFWriter.writeReplyTree(a)))
            files.append(("reply-tree-dynamic-\(n).gexf", GEXFWriter.writeReplyTree(a, dynamic: true)))
        }
        for (name, text) in files {
            let file = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            let (status, output) = try Self.run(xmllint, ["--noout", "--schema", schema.path, file.path])
            #expect(status == 0, "\(name) does not validate:\n\(output)")
        }
        let broken = dir.appendingPathComponent("broken.gexf")
        try Data(GEXFWriter.write(Self.sample()).replacingOccurrences(of: "type=\"integer\"", with: "type=\"int\"").utf8).write(to: broken)
        let (status, _) = try Self.run(xmllint, ["--noout", "--schema", schema.path, broken.path])
        #expect(status != 0, "xmllint accepted an attribute type outside the schema's enumeration")
    }

    // MARK: GraphML

    @Test func graphML() throws {
        let a = Self.sample()
        let text = GraphMLWriter.write(a)
        #expect(text.contains("<data key=\"name\">&lt;Bo &amp; &quot;Co&quot;&gt;, Inc.&#10;Ltd</data>"))
        let x = try XMLTree.parse(text)
        let root = try #require(x.elements.first)
        #expect(root.name == "graphml" && root.namespace == "http://graphml.graphdrawing.org/xmlns")
        let keys = x.all("key").map { k in ["id", "for", "attr.name", "attr.type"].map { k.attributes[$0] ?? "-" }.joined(separator: " ") }
        #expect(keys == [
            "name node name string", "comments node comments int", "repliesGiven node repliesGiven int",
            "repliesReceived node repliesReceived int", "inDegree node inDegree int", "outDegree node outDegree int",
            "weightedDegree node weightedDegree int", "weight edge weight int", "kind edge kind string",
        ])
        #expect(x.all("graph").map { $0.attributes["edgedefault"] ?? "" } == ["directed"])
        let nodes = x.all("node")
        #expect(nodes.map { $0.attributes["id"] ?? "" } == ["a0", "a1", "a2"])
        // Element content keeps the newline.
        #expect(nodes.map { x.data($0)["name"] ?? "" } == ["Ann", Self.bo, Self.cy])
        #expect(x.data(nodes[1]) == ["name": Self.bo, "comments": "3", "repliesGiven": "3", "repliesReceived": "2", "inDegree": "0", "outDegree": "1", "weightedDegree": "5"])
        #expect(x.data(nodes[0])["inDegree"] == "2" && x.data(nodes[2])["comments"] == "2")
        let edges = x.all("edge").map { e in
            "\(e.attributes["id"] ?? "") \(e.attributes["source"] ?? "")>\(e.attributes["target"] ?? "") \(x.data(e)["weight"] ?? "") \(x.data(e)["kind"] ?? "")"
        }
        #expect(edges == ["e0 a1>a0 1 reply", "e1 a1>a1 2 reply", "e2 a2>a0 1 mention", "e3 a2>a0 1 reply"])
    }

    // MARK: Round trip

    /// The edge list (from, to, weight, kind) read back from GraphML and GEXF, with node ids
    /// resolved through the names written, is the network's.
    @Test(arguments: [0, 1])
    func edgesRoundTrip(format: Int) throws {
        let a = Self.sample()
        let x = try XMLTree.parse(format == 0 ? GraphMLWriter.write(a) : GEXFWriter.write(a))
        var nameOf: [String: String] = [:]
        for n in x.all("node") {
            // Both keep line breaks (character references in GEXF's label attribute).
            nameOf[n.attributes["id"] ?? ""] = format == 0 ? x.data(n)["name"] : n.attributes["label"]
        }
        let ids = Dictionary(uniqueKeysWithValues: a.network.names.enumerated().map { ($0.element, Int32($0.offset)) })
        let recovered = try x.all("edge").map { e in
            let from = try #require(nameOf[e.attributes["source"] ?? ""].flatMap { ids[$0] })
            let to = try #require(nameOf[e.attributes["target"] ?? ""].flatMap { ids[$0] })
            let weight = try #require(Int32((format == 0 ? x.data(e)["weight"] : e.attributes["weight"]) ?? ""))
            let kind = (format == 0 ? x.data(e)["kind"] : e.attributes["kind"]) ?? ""
            return E(from, to, weight, kind)
        }
        #expect(recovered == a.network.edges.map { E($0.from, $0.to, $0.weight, $0.kind.rawValue) })
    }

    // MARK: CSV

    @Test func csvComments() {
        // The root post's row first (no id, author or time in the sample: the thread id, label 0,
        // depth 0, its 2 top-level comments, status `post`); the text last, quoted when it has a comma.
        #expect(CSVWriter.comments(Self.sample()) == """
            id,label,parent,author,depth,repliesReceived,timestamp,status,score,permalink,text
            t1,0,,,0,2,,post,,,
            k1,1,,Ann,1,2,2011-03-03T10:15:00Z,,,,First!
            k2,2,k1,"<Bo & ""Co"">, Inc.
            Ltd",2,1,2011-03-03T10:20:30Z,,,,I disagree
            k3,3,k2,"<Bo & ""Co"">, Inc.
            Ltd",3,1,,,,,And another thing
            k4,4,,Cy O'Neil,1,0,,,,,"Ann, you are right"
            k5,5,k1,Cy O'Neil,2,0,,,,,Me too
            k6,6,k3,"<Bo & ""Co"">, Inc.
            Ltd",4,0,,deleted;removed,,,

            """)
        #expect(CSVWriter.comments(Self.unknownAndEmpty()[0]) == "id,label,parent,author,depth,repliesReceived,timestamp,status,score,permalink,text\nu,0,,,0,1,,post,,,\n1,1,,Ann,1,1,,,,,Hi\n2,2,1,,2,0,,deleted,,,[deleted]\n")
    }

    @Test func csvAuthors() {
        let text = CSVWriter.authors(Self.sample())
        // Most comments first: Bo 3, Cy 2, Ann 1.
        #expect(text == """
            name,comments,repliesGiven,repliesReceived,inDegree,outDegree,weightedDegree
            "<Bo & ""Co"">, Inc.
            Ltd",3,3,2,0,1,5
            Cy O'Neil,2,1,0,0,1,1
            Ann,1,0,2,2,0,2

            """)
        #expect(text.prefix { $0 != "\n" } == (["name"] + Metrics.authorColumns.map(\.id)).joined(separator: ","))
        // Ties by name.
        let at = SourceLocation(file: "x")
        let tie = ThreadAnalysis(thread: CommentThread(id: "x", title: "x", comments: [
            ThreadComment(id: "1", author: "Zed", text: "a", location: at),
            ThreadComment(id: "2", author: "Amy", text: "b", location: at),
        ]))
        let names: [String] = CSVWriter.authors(tie).split(separator: "\n").dropFirst().map { (line: Substring) -> String in String(line.prefix { $0 != "," }) }
        #expect(names == ["Amy", "Zed"])
    }

    @Test func csvEdges() {
        // Sorted by names: "<Bo…" sorts before "Ann" ("<" is U+003C), so Bo's loop comes first.
        #expect(CSVWriter.edges(Self.sample()) == """
            from,to,weight,kind
            "<Bo & ""Co"">, Inc.
            Ltd","<Bo & ""Co"">, Inc.
            Ltd",2,reply
            "<Bo & ""Co"">, Inc.
            Ltd",Ann,1,reply
            Cy O'Neil,Ann,1,mention
            Cy O'Neil,Ann,1,reply

            """)
        #expect(CSVWriter.edges(Self.unknownAndEmpty()[1]) == "from,to,weight,kind\n")
    }

    /// Every author column of the catalog has a value in the exports (a new column without
    /// one would trap in ``CSVWriter/authorFields``).
    @Test func authorFieldsCoverTheCatalog() {
        #expect(CSVWriter.authorFields.map(\.definition) == Metrics.authorColumns)
        let s = AuthorStats(name: "n", comments: 1, repliesGiven: 2, repliesReceived: 3, inDegree: 4, outDegree: 5, weightedDegree: 6)
        #expect(CSVWriter.authorFields.map { $0.value(s) } == [1, 2, 3, 4, 5, 6])
    }

    /// The well-formedness check rejects malformed XML (Linux's `parse()` can return true).
    @Test func xmlCheckHasTeeth() {
        #expect(throws: (any Error).self) { try XMLTree.parse("<a><b></a>") }
        #expect(throws: (any Error).self) { try XMLTree.parse("<a>&</a>") }
    }

    // MARK: Helpers

    struct E: Hashable, CustomStringConvertible {
        var from: Int32, to: Int32, weight: Int32, kind: String
        init(_ from: Int32, _ to: Int32, _ weight: Int32, _ kind: String) {
            self.from = from; self.to = to; self.weight = weight; self.kind = kind
        }
        var description: String { "\(from)→\(to) ×\(weight) \(kind)" }
    }

    /// `xmllint` from `PATH` (or `/usr/bin`), if installed.
    static func xmllint() -> URL? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return dirs.lazy.map { URL(fileURLWithPath: $0).appendingPathComponent("xmllint") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `tool` and returns its exit status and its stdout and stderr together.
    static func run(_ tool: URL, _ arguments: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = tool
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A parsed XML document as a flat list of elements (document order) with parent links.
final class XMLTree: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var namespace: String?
        var attributes: [String: String]
        var text = ""
        var parent: Int?
        var index: Int
    }

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var elements: [Element] = []
    private var stack: [Int] = []

    /// Parses `text` with `XMLParser`, namespaces on; throws on any parser error.
    static func parse(_ text: String) throws -> XMLTree {
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = true
        let tree = XMLTree()
        parser.delegate = tree
        let ok = parser.parse()
        if !ok || parser.parserError != nil || !tree.stack.isEmpty || tree.elements.isEmpty {
            throw Malformed(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "unbalanced") at line \(parser.lineNumber)")
        }
        return tree
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(Element(name: elementName, namespace: namespaceURI, attributes: attributeDict, parent: stack.last, index: elements.count))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let top = stack.last { elements[top].text += string }
    }

    /// Elements named `name`, in document order.
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Direct children of `e`.
    func children(of e: Element) -> [Element] { elements.filter { $0.parent == e.index } }

    /// Descendants of `e` named `name`.
    func descendants(of e: Element, named name: String) -> [Element] {
        elements.filter { d in
            guard d.name == name else { return false }
            var p = d.parent
            while let q = p { if q == e.index { return true }; p = elements[q].parent }
            return false
        }
    }

    /// GEXF `<attvalue for value>` under `e`, by `for`.
    func attvalues(_ e: Element) -> [String: String] {
        Dictionary(descendants(of: e, named: "attvalue").map { ($0.attributes["for"] ?? "", $0.attributes["value"] ?? "") }, uniquingKeysWith: { $1 })
    }

    /// GraphML `<data key>` text under `e`, by key.
    func data(_ e: Element) -> [String: String] {
        Dictionary(children(of: e).filter { $0.name == "data" }.map { ($0.attributes["key"] ?? "", $0.text) }, uniquingKeysWith: { $1 })
    }
}
