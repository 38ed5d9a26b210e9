import Foundation
import Testing
import ThreadNetCore

// README:begin
/// Reads a thread file, prints a few measures of each thread, and returns the first thread's
/// reply tree as DOT and the Markdown report.
func summarize(path: String) throws -> (dot: String, markdown: String) {
    let (analysis, provenance) = try Pipeline.analyze(InputSource(path: path), options: ImportOptions())
    for thread in analysis.threads {
        let metrics = ThreadMetrics(thread)
        print(thread.thread.title, "-", metrics.network.nodes, "authors,", metrics.network.edges, "reply edges,",
              "median reply latency", metrics.time.latencyMedian ?? .nan, "s")
    }
    let dot = ReplyTreeDOT.write(analysis.threads[0])
    let markdown = MarkdownReport.write(analysis, provenance: provenance, images: [:])
    return (dot, markdown)
}
// README:end

/// The README's "ThreadNetCore as a library" example is this file's `summarize(path:)`, word
/// for word (so it compiles with the tests, against the public API only: this file imports
/// ThreadNetCore without `@testable`), and it runs.
@Suite("README library example")
struct ReadmeExampleTests {
    @Test func readmeShowsThisCode() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let begin = try #require(source.range(of: "// README:begin\n")), end = try #require(source.range(of: "// README:end"))
        let code = String(source[begin.upperBound..<end.lowerBound])
        let readme = try String(contentsOf: Paths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("```swift\nimport ThreadNetCore\n\n" + code + "```"), "README's library example differs from ReadmeExampleTests.swift")
    }

    @Test func exampleRuns() throws {
        let (dot, markdown) = try summarize(path: Paths.fixture("json/reddit-3hahrw-thread.json").path)
        #expect(dot.hasPrefix("digraph"))
        #expect(markdown.hasPrefix("# Ba Dum Tsss"))
    }
}
