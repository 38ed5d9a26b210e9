import Foundation
import Testing

/// The corpus-wide diagrams of a run are drawn as `threadnet render` draws their DOT files
/// alone, so every run draws them alike. (Drawn by sfdp after the threads' diagrams in the same
/// process, the corpus-wide author network of this corpus came out in one of several layouts,
/// none of them the one drawn alone, from run to run.)
@Suite("Deterministic pictures")
struct DeterministicPicturesTests {
    @Test func corpusDiagramsAreDrawnAsWhenAlone() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus.ndjson")
        let generator = ReportsGoldenTests.repository.appendingPathComponent("bench/reference/gen_threads.py").path
        let made = try PythonTool.run([generator, "--comments", "20000", "--threads", "1000", "--seed", "1", "--out", corpus.path])
        #expect(made.status == 0, "\(made.output)")
        let out = folder.appendingPathComponent("out")
        let run = try CommandLineTests.run(["analyze", corpus.path, "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["corpus-authors", "corpus-topics"] {
            let alone = folder.appendingPathComponent("\(name)-alone.svg")
            let render = try CommandLineTests.run(["render", out.appendingPathComponent("\(name).dot").path, "-o", alone.path])
            #expect(render.status == 0, "\(render.stderr)")
            let drawn = try Data(contentsOf: out.appendingPathComponent("\(name).svg"))
            #expect(drawn == (try Data(contentsOf: alone)), "\(name).svg is not the layout of its DOT file drawn alone")
        }
    }
}
