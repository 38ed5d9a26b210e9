import Foundation
import Testing

/// Runs the built `threadnet` executable as a user would.
@Suite("The threadnet command")
struct CommandLineTests {
    static var executable: URL {
        // The test bundle and the executables share the build products folder.
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if dir.lastPathComponent.hasSuffix(".xctest") { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("threadnet")
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// Runs the executable with `arguments`, in `folder` when given (else the current one).
    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// The same input named by a relative and by an absolute path gives the same report.md and
    /// metrics.json: locations name the input by its file name, as the provenance does.
    @Test func relativeAndAbsolutePathsGiveTheSameReport() throws {
        let repository = ReportsGoldenTests.repository
        let relative = "Tests/ThreadNetCoreTests/Fixtures/json/reddit-3hahrw-thread.json"
        let a = try Self.temporaryFolder(), b = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        #expect(try Self.run(["analyze", relative, "--out", a.path, "--no-images", "--quiet"], in: repository).status == 0)
        #expect(try Self.run(["analyze", repository.appendingPathComponent(relative).path, "--out", b.path, "--no-images", "--quiet"]).status == 0)
        for file in ["report.md", "metrics.json"] {
            let x = try Data(contentsOf: a.appendingPathComponent(file)), y = try Data(contentsOf: b.appendingPathComponent(file))
            #expect(x == y, "\(file) differs")
        }
        let report = try String(contentsOf: a.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("`reddit-3hahrw-thread.json: record 343`") && !report.contains("Tests/ThreadNetCoreTests/Fixtures"))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("threadnet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func analyzeWritesEveryOutput() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = ReportsGoldenTests.repository.appendingPathComponent("seeds/000_dd0249cc5e7d2567.txt").path
        let run = try Self.run(["analyze", seed, "--out", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["author-topics.csv", "author-topics.dot", "author-topics.png", "author-topics.svg", "authors-replies.gexf", "authors-replies.graphml",
                          "authors.csv", "authors.dot", "authors.gexf", "authors.graphml", "authors.json", "authors.png", "authors.svg", "comments.csv", "edges.csv",
                          "manifest.json", "metrics.json", "reply-tree.dot", "reply-tree.gexf", "reply-tree.png", "reply-tree.svg", "report.html", "report.md",
                          "topics.csv", "topics.dot", "topics.png", "topics.svg"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("metrics.json"))) as? [String: Any]
        let counts = (json?["corpus"] as? [String: Any])?["counts"] as? [String: Int]
        #expect(counts?["comments"] == 21)
        #expect(counts?["authors"] == 17)
    }

    /// With a dictionary, topics.* draw its topics and key-terms.* the automatic key terms; a
    /// bad dictionary or edge rule is one line on stderr and no output folder.
    @Test func analyzeWithTopicDictionary() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = ReportsGoldenTests.repository
        let seed = root.appendingPathComponent("seeds/000_dd0249cc5e7d2567.txt").path
        let run = try Self.run(["analyze", seed, "--topics", root.appendingPathComponent("seeds/topics.yaml").path, "--edges", "min:jaccard=0.2", "--out", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for name in ["topics.png", "key-terms.png", "topics.csv", "key-terms.csv"] { #expect(files.contains(name), "\(name)") }
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("## Topics (dictionary topics.yaml)") && report.contains("## Key terms (automatic)"))
        #expect(report.contains("Jaccard"))

        let bad = folder.appendingPathComponent("bad.yaml")
        try "crime:\n  - [unclosed\n".write(to: bad, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("never")
        let failed = try Self.run(["analyze", seed, "--topics", bad.path, "--out", out.path])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("bad.yaml"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let badRule = try Self.run(["analyze", seed, "--edges", "top:x", "--out", out.path])
        #expect(badRule.status != 0 && badRule.stderr.contains("--edges"))
    }

    /// Bad input: one line on stderr naming the file and the problem, a non-zero exit, and
    /// no output folder left behind.
    @Test(arguments: [
        ("missing.txt", nil as String?, "cannot read the file"),
        ("binary.dat", "\u{0}\u{1}\u{2}ELF\u{0}\u{0}", "binary file"),
        ("no-comments.txt", "An article.\nWith no comments at all.\n", "no comments found"),
        ("empty.json", "", "the file is empty"),
    ])
    func badInput(_ name: String, _ content: String?, _ expected: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent(name)
        if let content { try Data(content.utf8).write(to: input) }
        let out = folder.appendingPathComponent("out")
        let run = try Self.run(["analyze", input.path, "--out", out.path])
        #expect(run.status != 0)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains(input.path))
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func renderReportsGraphvizErrors() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.dot")
        try Data("digraph { a -> }".utf8).write(to: bad)
        let run = try Self.run(["render", bad.path, "--format", "png"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("syntax error in line 1"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.png").path))
        let good = folder.appendingPathComponent("good.dot")
        try Data("digraph { a -> b }".utf8).write(to: good)
        let ok = try Self.run(["render", good.path, "--format", "png", "--engine", "neato"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let png = try [UInt8](Data(contentsOf: folder.appendingPathComponent("good.png")))
        #expect(ImageStructure.pngSize(png) != nil)
        // `-o NAME.png` without --format writes a PNG (it used to write SVG under a .png name).
        let named = folder.appendingPathComponent("named.png")
        #expect(try Self.run(["render", good.path, "-o", named.path]).status == 0)
        #expect(ImageStructure.pngSize([UInt8](try Data(contentsOf: named))) != nil)
    }
}

/// Same input and options, byte-identical text outputs, across separate processes (Swift seeds
/// its hashing per process, so any output that followed a dictionary's order would differ).
@Suite("Deterministic output")
struct DeterminismTests {
    static let fixtures = ["xml/isso-disqus.xml", "xml/isso-wordpress.xml", "json/hn-firebase-items.json", "json/youtube-commentthreads.json",
                           "json/reddit-3hahrw-thread.json", "stream/pushshift-sample.ndjson", "stream/csv-reddit-comments.csv", "stream/json-comments.json"]

    @Test(arguments: fixtures)
    func twoRunsAreIdentical(_ fixture: String) throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = ReportsGoldenTests.repository.appendingPathComponent("Tests/ThreadNetCoreTests/Fixtures/" + fixture).path
        for run in ["a", "b"] {
            let result = try CommandLineTests.run(["analyze", input, "--out", folder.appendingPathComponent(run).path, "--no-images"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent("a").path).filter { $0.hasSuffix(".md") || $0.hasSuffix(".json") || $0.hasSuffix(".dot") }.sorted()
        #expect(files.contains("report.md") && files.contains("metrics.json"))
        for file in files {
            let a = try Data(contentsOf: folder.appendingPathComponent("a/" + file))
            let b = try Data(contentsOf: folder.appendingPathComponent("b/" + file))
            #expect(a == b, "\(fixture): \(file) differs between runs")
        }
    }

    /// `--thread ID` analyzes just that thread; an unknown id is an error naming the threads.
    @Test func oneThread() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = ReportsGoldenTests.repository.appendingPathComponent("Tests/ThreadNetCoreTests/Fixtures/xml/isso-disqus.xml").path
        let ok = try CommandLineTests.run(["analyze", input, "--thread", "2", "--out", folder.path, "--no-images"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("metrics.json"))) as? [String: Any]
        let threads = json?["threads"] as? [[String: Any]]
        #expect(threads?.count == 1)
        #expect(threads?.first?["id"] as? String == "2")
        #expect((threads?.first?["counts"] as? [String: Int])?["comments"] == 4)
        let bad = try CommandLineTests.run(["analyze", input, "--thread", "nope", "--out", folder.appendingPathComponent("x").path])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("no thread with id nope"))
    }
}
