import Testing
import ThreadNetGraphviz

/// Bounds on one render (the probe: a 60-byte DOT with `size="100000,100000!"` took 4.13 GB and
/// 54 s, `dpi=100000` 2.25 GB, any 50,000-node DOT timed out, `image=` embedded local files).
@Suite struct RenderLimitsTests {
    @Test func tooManyNodesIsRefusedBeforeLayout() throws {
        let dot = "digraph { " + (0..<60).map { "n\($0) -> n\($0 + 1);" }.joined() + " }"
        let error = try #require(throws: GraphvizError.self) {
            try Graphviz.render(dot: dot, formats: [.svg], limits: RenderLimits(maxNodes: 50, maxEdges: 200))
        }
        #expect(error.kind == .limit)
        #expect(error.message.contains("61 nodes") && error.message.contains("--max-diagram-nodes"))
        _ = try Graphviz.render(dot: dot, formats: [.svg], limits: RenderLimits(maxNodes: 61, maxEdges: 244))
    }

    @Test(arguments: [#"digraph { size="100000,100000!"; a -> b }"#, #"digraph { dpi=100000; a -> b }"#,
                      #"digraph { dpi=100000; size="100000,100000!"; a -> b }"#])
    func hugeCanvasesAreClamped(dot: String) throws {
        let result = try Graphviz.render(dot: dot, formats: [.png])
        let png = try #require(result.data(for: .png))
        let pixels = try #require(RenderedOutput.pngSize(png))
        #expect(pixels.width <= 10_000 && pixels.height <= 10_000, "\(pixels)")
        #expect(result.warnings.contains { $0.contains("clamped") }, "\(result.warnings)")
    }

    @Test(arguments: [#"digraph { a [image="/etc/hostname"] }"#, #"digraph { a [shape=custom, shapefile="/etc/hostname"] }"#,
                      #"digraph { imagepath="/etc"; a }"#])
    func localFilesAreRefused(dot: String) throws {
        let error = try #require(throws: GraphvizError.self) { try Graphviz.render(dot: dot, formats: [.svg]) }
        #expect(error.kind == .limit)
        #expect(error.message.contains("--allow-local-files"))
    }

    @Test func ordinaryGraphsAreUnchanged() throws {
        let dot = "digraph G { a -> b; b -> c }"
        let limited = try Graphviz.render(dot: dot, formats: [.svg])
        #expect(limited.warnings.isEmpty)
        #expect(RenderedOutput.nodeTitles(svg: RenderedOutput.text(try #require(limited.data(for: .svg)))) == ["a", "b", "c"])
    }
}
