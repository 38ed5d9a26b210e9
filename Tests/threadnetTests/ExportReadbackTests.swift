import Foundation
import Testing

/// Every export of `threadnet analyze`, read back by networkx and igraph
/// (`scripts/reference/readback.py`): node and edge counts, total weight and a PageRank
/// recomputed from the reply-graph files equal to metrics.json; typed edges and the reply
/// tree's attributes equal to the CSVs.
@Suite("Exports read back by networkx and igraph")
struct ExportReadbackTests {
    static let available = PythonTool.canImport("networkx, igraph")

    @Test(.enabled(if: available, "python3 with networkx and igraph is not installed (scripts/install-deps.sh installs them)"), arguments: [
        "Tests/ThreadNetCoreTests/Fixtures/json/reddit-3hahrw-thread.json",
        "Tests/ThreadNetCoreTests/Fixtures/json/mastodon-context-109294719267373593.json",
        "seeds/000_dd0249cc5e7d2567.txt",
    ])
    func readBack(input: String) throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = ReportsGoldenTests.repository
        let run = try CommandLineTests.run(["analyze", repository.appendingPathComponent(input).path, "--out", folder.path, "--no-images", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let (status, text) = try PythonTool.run([repository.appendingPathComponent("scripts/reference/readback.py").path, folder.path])
        #expect(status == 0, "\(text)")
        #expect(text.hasPrefix("ok:"), "\(text)")
    }
}
