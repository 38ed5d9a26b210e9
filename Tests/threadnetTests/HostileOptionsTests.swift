import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Options a hostile or careless user gives get one clear error line and a non-zero exit, never
/// a crash and never a write outside what was asked (issue: the 428-case probe).
@Suite("Hostile options")
struct HostileOptionsTests {
    static let seed = ReportsGoldenTests.repository.appendingPathComponent("seeds/000_dd0249cc5e7d2567.txt").path

    /// The probe's `--unit window:K` with K ≥ 2³¹ died with SIGILL; now an error names the bound.
    @Test func hugeWindow() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for unit in ["window:2147483648", "window:9223372036854775807", "window:1000001"] {
            let run = try CommandLineTests.run(["analyze", Self.seed, "--unit", unit, "--no-images", "--out", folder.appendingPathComponent("out").path])
            #expect(run.status == 1, "\(unit): \(run.stderr)")
            #expect(run.stderr.contains("from 1 to 1000000"), "\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// `--out ""` wrote into `/`; now refused before anything is read.
    @Test func emptyOut() throws {
        for arguments in [["analyze", Self.seed, "--out", ""], ["analyze", Self.seed, "--out", "  "], ["compare", Self.seed, Self.seed, "--out", ""]] {
            let run = try CommandLineTests.run(arguments)
            #expect(run.status != 0, "\(arguments)")
            #expect(run.stderr.contains("--out is empty"), "\(run.stderr)")
        }
    }

    /// With `--allow-local-files`, a missing image is a warning naming the DOT file, not
    /// `(null):` as libgvc's own text had it (issue 15, item 6).
    @Test func missingImageWarningNamesTheFile() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dot = folder.appendingPathComponent("pictures.dot")
        try #"digraph { a [image="/nonexistent.png"]; a -> b }"#.write(to: dot, atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run(["render", dot.path, "--allow-local-files", "-o", folder.appendingPathComponent("p.svg").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: \(dot.path): No or improper image=\"/nonexistent.png\" for node \"a\""), "\(run.stderr)")
        #expect(!run.stderr.contains("(null)"), "\(run.stderr)")
    }

    /// `render X.dot -o X.dot` overwrote the source with SVG; now refused, however the path is
    /// spelled, and the file is unchanged.
    @Test func renderOntoItsSource() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dot = folder.appendingPathComponent("g.dot")
        let text = "digraph { a -> b }\n"
        try text.write(to: dot, atomically: true, encoding: .utf8)
        for output in [dot.path, folder.path + "/./g.dot", folder.path + "/../" + folder.lastPathComponent + "/g.dot"] {
            let run = try CommandLineTests.run(["render", dot.path, "-o", output])
            #expect(run.status != 0, "\(output)")
            #expect(run.stderr.contains("is the DOT file itself"), "\(run.stderr)")
            #expect(try String(contentsOf: dot, encoding: .utf8) == text)
        }
        let ok = try CommandLineTests.run(["render", dot.path, "-o", folder.appendingPathComponent("g.svg").path])
        #expect(ok.status == 0, "\(ok.stderr)")
    }
}

/// Cells a spreadsheet would run as formulas are neutralised with a leading `'` (OWASP), in
/// every CSV; `--raw-csv` writes them as they are.
@Suite("CSV formula injection")
struct CSVFormulaTests {
    @Test func neutralisedUnlessRaw() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let authors = ["=HYPERLINK(\"http://example.com\",\"x\")", "@SUM(1+1)", "-2", "+x", "plain"]
        var lines = ""
        for (k, a) in authors.enumerated() {
            let name = a.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            lines += "{\"id\":\"c\(k)\",\"link_id\":\"t3_s\",\"parent_id\":\"\(k == 0 ? "t3_s" : "t1_c\(k - 1)")\",\"author\":\"\(name)\",\"created_utc\":\(1_600_000_000 + k),\"body\":\"text \(k)\"}\n"
        }
        let input = folder.appendingPathComponent("dump.ndjson")
        try lines.write(to: input, atomically: true, encoding: .utf8)
        let safe = folder.appendingPathComponent("safe"), raw = folder.appendingPathComponent("raw")
        let a = try CommandLineTests.run(["analyze", input.path, "--no-images", "--out", safe.path])
        let b = try CommandLineTests.run(["analyze", input.path, "--no-images", "--raw-csv", "--out", raw.path])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        let safeCSV = try String(contentsOf: safe.appendingPathComponent("authors.csv"), encoding: .utf8)
        let rawCSV = try String(contentsOf: raw.appendingPathComponent("authors.csv"), encoding: .utf8)
        #expect(safeCSV.contains("\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\""))
        #expect(safeCSV.contains("\n'@SUM(1+1),") || safeCSV.contains(",'@SUM(1+1),"))
        #expect(safeCSV.contains(",'+x,") || safeCSV.contains("\n'+x,"))
        #expect(safeCSV.contains(",-2,") || safeCSV.contains("\n-2,"))  // a number stays a number
        #expect(!safeCSV.contains(",=") && !safeCSV.contains("\n=") && !safeCSV.contains(",@") && !safeCSV.contains("\n@"))
        #expect(rawCSV.contains("\"=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\"") && !rawCSV.contains("'="))
        #expect(rawCSV.contains("@SUM(1+1)") && !rawCSV.contains("'@"))
    }
}

/// A file name is user data: one holding a newline, a heading and HTML stays inside its code
/// span in report.md (the probe found headings and raw HTML in the Source and Provenance lines).
@Suite("Markdown injection through the file name")
struct FileNameInjectionTests {
    @Test func fileNameStaysInItsCodeSpan() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("thread\n# Injected <img src=x onerror=alert(1)> `x`.txt")
        try FileManager.default.copyItem(atPath: HostileOptionsTests.seed, toPath: input.path)
        let out = folder.appendingPathComponent("out")
        let run = try CommandLineTests.run(["analyze", input.path, "--no-images", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix("# Injected") })
        let source = try #require(lines.first { $0.hasPrefix("Source: ") })
        #expect(source.contains("`thread # Injected <img src=x onerror=alert(1)> 'x'.txt`"))
        let provenance = try #require(lines.first { $0.hasPrefix("- Input: ") })
        #expect(provenance.contains("thread # Injected"))
    }
}

/// U+FFFE and U+FFFF in an author name made Graphviz's SVG ill-formed XML; every SVG must parse.
@Suite("Characters XML forbids")
struct XMLForbiddenCharacterTests {
    @Test func svgsStayWellFormed() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = [
            #"{"id":"c0","link_id":"t3_s","parent_id":"t3_s","author":"bad\uffffname","created_utc":1600000000,"body":"one \ufffe two"}"#,
            #"{"id":"c1","link_id":"t3_s","parent_id":"t1_c0","author":"other\ufffe","created_utc":1600000001,"body":"three"}"#,
            #"{"id":"c2","link_id":"t3_s","parent_id":"t1_c1","author":"bad\uffffname","created_utc":1600000002,"body":"four"}"#,
        ]
        let input = folder.appendingPathComponent("dump.ndjson")
        try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try CommandLineTests.run(["analyze", input.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let svgs = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".svg") }
        #expect(svgs.count >= 3)
        for name in svgs {
            let parser = XMLParser(data: try Data(contentsOf: out.appendingPathComponent(name)))
            #expect(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "")")
        }
        // The same holds for the GEXF and GraphML exports.
        for name in ["authors.gexf", "authors.graphml", "reply-tree.gexf"] {
            let parser = XMLParser(data: try Data(contentsOf: out.appendingPathComponent(name)))
            #expect(parser.parse(), "\(name)")
        }
    }
}

/// A 30,000-deep chain ran past 120 s with images and wrote nothing: now the reply tree is
/// reduced and drawn at once, and beyond --max-diagram-nodes its picture is skipped with a note
/// (a 6,000-deep chain here: the same reduction, four times the 1,500 comments drawn).
@Suite("Diagram bounds")
struct DiagramBoundTests {
    @Test func deepChainIsReducedOrSkippedWithANote() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = ""
        for n in 1...6_000 {
            lines += "{\"id\":\"c\(n)\",\"link_id\":\"t3_s\",\"parent_id\":\"\(n == 1 ? "t3_s" : "t1_c\(n - 1)")\",\"author\":\"u\(n % 2)\",\"created_utc\":\(1_600_000_000 + n),\"body\":\"x\"}\n"
        }
        let input = folder.appendingPathComponent("chain.ndjson")
        try lines.write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        // By default the tree is reduced to the 1,500 comments with the largest branches (the
        // first 1,500 of the chain; the last holds the 4,500 below it) and drawn.
        let run = try CommandLineTests.run(["analyze", input.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let drawn = try String(contentsOf: out.appendingPathComponent("reply-tree.svg"), encoding: .utf8)
        #expect(ImageStructure.svgNodeTitles(drawn).count == 1501)
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("Reduced to the 1500 of 6000 comments with the largest branches"), "\(report.prefix(3000))")
        #expect(report.contains("4500 comments in smaller branches are held"))
        // Beyond --max-diagram-nodes the picture is skipped with a note, never hung on.
        let bounded = try CommandLineTests.run(["analyze", input.path, "--out", out.path, "--max-diagram-nodes", "1000"])
        #expect(bounded.status == 0, "\(bounded.stderr)")
        #expect(bounded.stderr.contains("reply-tree.dot: the graph has 1501 nodes") && bounded.stderr.contains("say so instead of drawing it"), "\(bounded.stderr)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(files.contains("reply-tree.dot") && files.contains("authors.png") && files.contains("report.md"))
        // The picture the report links to says why the tree is not drawn.
        let svg = try String(contentsOf: out.appendingPathComponent("reply-tree.svg"), encoding: .utf8)
        #expect(svg.contains("Not drawn: the graph has 1501 nodes") && svg.contains("reply&#45;tree.dot"), "\(svg.prefix(600))")
        #expect(try Data(contentsOf: out.appendingPathComponent("reply-tree.png")).count < 200_000)
    }
}
