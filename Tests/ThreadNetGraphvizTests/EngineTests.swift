import Testing
import ThreadNetGraphviz

@Suite struct EngineTests {
    /// A triangle plus a tail: four nodes, four edges.
    let dot = "graph { a -- b; b -- c; c -- a; c -- d }"

    @Test(arguments: LayoutEngine.allCases)
    func everyEngineLaysOutEveryNode(engine: LayoutEngine) throws {
        let result = try Graphviz.render(dot: dot, formats: [.svg], engine: engine)
        let svg = RenderedOutput.text(try #require(result.data(for: .svg)))
        #expect(RenderedOutput.nodeTitles(svg: svg).sorted() == ["a", "b", "c", "d"])
        #expect(RenderedOutput.edgeCount(svg: svg) == 4)
    }

    @Test func graphLayoutAttributeIsUsedWhenNoEngineIsGiven() throws {
        // circo puts two nodes side by side; dot stacks a -> b vertically.
        let circo = try Graphviz.render(dot: "digraph { layout=circo; a -> b }", formats: [.svg])
        let dot = try Graphviz.render(dot: "digraph { a -> b }", formats: [.svg])
        let circoSize = try #require(RenderedOutput.svgSize(svg: RenderedOutput.text(circo.data(for: .svg)!)))
        let dotSize = try #require(RenderedOutput.svgSize(svg: RenderedOutput.text(dot.data(for: .svg)!)))
        #expect(dotSize.height > dotSize.width)
        #expect(circoSize.width > circoSize.height)
    }

    @Test func explicitEngineOverridesTheGraphLayoutAttribute() throws {
        let result = try Graphviz.render(dot: "digraph { layout=circo; a -> b }", formats: [.svg], engine: .dot)
        let size = try #require(RenderedOutput.svgSize(svg: RenderedOutput.text(result.data(for: .svg)!)))
        #expect(size.height > size.width)
    }

    @Test func engineRawValuesAreGraphvizNames() {
        #expect(LayoutEngine.allCases.map(\.rawValue) == ["dot", "sfdp", "twopi", "neato", "circo", "fdp"])
        #expect(OutputFormat.allCases.map(\.rawValue) == ["svg", "png", "pdf"])
    }
}
