import Testing
import ThreadNetGraphviz

@Suite struct ErrorTests {
    /// Runs `dot` and returns the error it must throw.
    func failure(_ dot: String, engine: LayoutEngine? = nil) -> GraphvizError? {
        #expect(throws: GraphvizError.self) { try Graphviz.render(dot: dot, formats: [.svg, .png], engine: engine) }
    }

    @Test func malformedDotIsASyntaxErrorWithGraphvizText() throws {
        let error = try #require(failure("digraph { a -> }"))
        #expect(error.kind == .syntax)
        #expect(error.message == "syntax error in line 1 near '}'")
        #expect(error.description == "Graphviz syntax error: syntax error in line 1 near '}'")
    }

    @Test func directedEdgeInUndirectedGraphIsASyntaxError() throws {
        let error = try #require(failure("graph {\n a -- b\n a -> c }"))
        #expect(error.kind == .syntax)
        #expect(error.message.contains("syntax error in line 3"))
    }

    @Test(arguments: ["", "   ", " \n\t\n ", "/* only a comment */"])
    func inputWithoutAGraphIsNoGraph(dot: String) throws {
        let error = try #require(failure(dot))
        #expect(error.kind == .noGraph)
        #expect(error.message == "no graph found")
    }

    @Test func brokenHtmlLabelThrowsInsteadOfRendering() throws {
        let error = try #require(failure("digraph { a [label=<<b>x</i>>] }"))
        #expect(error.kind == .layout)
        #expect(error.message.contains("mismatched tag"))
        #expect(error.message.contains("in label of node a"))
    }

    @Test func unknownEngineInGraphAttributeIsALayoutError() throws {
        let error = try #require(failure("digraph { layout=bogus; a -> b }"))
        #expect(error.kind == .layout)
        #expect(error.message.hasPrefix(#"Layout type: "bogus" not recognized"#))
        #expect(error.message.contains("sfdp"))
    }

    @Test func explicitEngineOverridesAnUnknownGraphAttribute() throws {
        let result = try Graphviz.render(dot: "digraph { layout=bogus; a -> b }", formats: [.svg], engine: .sfdp)
        let svg = RenderedOutput.text(try #require(result.data(for: .svg)))
        #expect(RenderedOutput.nodeTitles(svg: svg) == ["a", "b"])
    }

    @Test func errorsDoNotLeakIntoTheNextJob() throws {
        _ = failure("digraph { a -> }")
        _ = failure("digraph { a [label=<<b>x</i>>] }")
        let result = try Graphviz.render(dot: "digraph { a -> b }", formats: [.svg])
        #expect(result.warnings.isEmpty)
        // The syntax error's line number restarts at 1 for every read.
        #expect(failure("digraph { a -> }")?.message == "syntax error in line 1 near '}'")
    }

    /// A read leaves text in libcgraph's lexer buffer (here the newline after the closing
    /// brace, and the rest of a broken text); the next read must not see it.
    @Test func leftoversOfOneReadDoNotShiftTheNextError() throws {
        _ = try Graphviz.render(dot: "digraph { a -> b }\n\n\n", formats: [.svg])
        #expect(failure("digraph { a -> }")?.message == "syntax error in line 1 near '}'")
        _ = failure("graph {\n a -- b\n a -> c }\n\n")
        #expect(failure("digraph {\n x -> }")?.message == "syntax error in line 2 near '}'")
    }
}
