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

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
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
        #expect(files == ["authors.dot", "authors.png", "authors.svg", "metrics.json", "reply-tree.dot", "reply-tree.png", "reply-tree.svg", "report.md"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("metrics.json"))) as? [String: Any]
        let counts = (json?["corpus"] as? [String: Any])?["counts"] as? [String: Int]
        #expect(counts?["comments"] == 21)
        #expect(counts?["authors"] == 17)
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
    }
}
