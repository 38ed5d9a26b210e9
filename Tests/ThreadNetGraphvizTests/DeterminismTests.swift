import Testing
import Foundation
import ThreadNetGraphviz

/// Renders are reproducible in one process: a force-directed layout (sfdp, neato) does not
/// depend on what was laid out before it. (It did: the corpus-wide author network, laid out by
/// sfdp after a run's other diagrams, came out differently from run to run.)
@Suite struct DeterminismTests {
    /// 40 authors in a ring with chords, laid out as the corpus-wide author network is.
    static let sfdp: String = {
        var dot = "digraph G { graph [layout=sfdp, overlap=prism, overlap_scaling=-4, sep=\"+8\"]; node [shape=circle, fixedsize=true];"
        for i in 0..<40 { dot += " n\(i) -> n\((i + 1) % 40); n\(i) -> n\((i * 7 + 3) % 40);" }
        return dot + " }"
    }()

    static func svg(_ dot: String) throws -> String {
        let result = try Graphviz.render(dot: dot, formats: [.svg])
        return RenderedOutput.text(try #require(result.data(for: .svg)))
    }

    @Test func layoutsDoNotDependOnEarlierRenders() throws {
        let first = try Self.svg(Self.sfdp)
        // Other random layouts in between draw from the C library's generators.
        var neato = "graph H { graph [layout=neato, overlap=prism];"
        for i in 0..<30 { neato += " m\(i) -- m\((i * 3 + 1) % 30);" }
        _ = try Self.svg(neato + " }")
        _ = try Self.svg(Self.sfdp.replacingOccurrences(of: "n39 -> n0;", with: "n39 -> n5;"))
        #expect(try Self.svg(Self.sfdp) == first)
    }
}
