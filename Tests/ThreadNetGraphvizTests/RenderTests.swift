import Testing
import ThreadNetGraphviz

@Suite struct RenderTests {
    /// Four nodes (a, b, c, d) and three edges.
    let dot = "digraph G { a -> b; b -> c; a -> c; d }"

    @Test func svgHasOneGroupPerNodeWithItsTitle() throws {
        let result = try Graphviz.render(dot: dot, formats: [.svg])
        let svg = RenderedOutput.text(try #require(result.data(for: .svg)))
        #expect(svg.hasPrefix("<?xml"))
        #expect(RenderedOutput.nodeTitles(svg: svg) == ["a", "b", "c", "d"])
        #expect(RenderedOutput.edgeCount(svg: svg) == 3)
        #expect(result.renderings.map(\.format) == [.svg])
        #expect(result.warnings.isEmpty)
        #expect(result.data(for: .png) == nil)
    }

    @Test func pngHasSignatureAndTheSvgSizeAt96Dpi() throws {
        let result = try Graphviz.render(dot: dot, formats: [.svg, .png])
        let svg = RenderedOutput.text(try #require(result.data(for: .svg)))
        let png = try #require(result.data(for: .png))
        #expect(Array(png.prefix(8)) == RenderedOutput.pngSignature)
        #expect(png.contains(0), "PNG bytes must be copied by length, NULs included")
        let pixels = try #require(RenderedOutput.pngSize(png))
        let points = try #require(RenderedOutput.svgSize(svg: svg))
        #expect(pixels.width > 0 && pixels.height > 0)
        // Cairo renders at 96 dpi: one point is 4/3 pixel.
        #expect(abs(Double(pixels.width) - points.width * 4 / 3) <= 3)
        #expect(abs(Double(pixels.height) - points.height * 4 / 3) <= 3)
    }

    @Test func pdfStartsWithPdfMarkerOrNamesTheMissingDevice() throws {
        let outcome = Result { () throws(GraphvizError) in try Graphviz.render(dot: dot, formats: [.pdf]) }
        switch outcome {
        case .success(let result):
            let pdf = try #require(result.data(for: .pdf))
            #expect(pdf.starts(with: Array("%PDF".utf8)))
        case .failure(let error):
            #expect(error.kind == .missingPlugins)
            #expect(error.message.contains("pdf"))
        }
    }

    @Test func duplicateFormatsRenderOnceInRequestOrder() throws {
        let result = try Graphviz.render(dot: dot, formats: [.png, .svg, .png])
        #expect(result.renderings.map(\.format) == [.png, .svg])
    }

    @Test func noFormatsStillValidatesTheGraph() throws {
        let result = try Graphviz.render(dot: dot, formats: [])
        #expect(result.renderings.isEmpty)
    }

    @Test func escapedQuotesBackslashesAndNewlinesInLabels() throws {
        let dot = #"digraph { "node \"q\"" [label="say \"hi\"\nnext \\ back"]; b [label="left\lright\r"]; "node \"q\"" -> b }"#
        let result = try Graphviz.render(dot: dot, formats: [.svg, .png])
        let svg = RenderedOutput.text(try #require(result.data(for: .svg)))
        #expect(RenderedOutput.nodeTitles(svg: svg) == ["node &quot;q&quot;", "b"])
        #expect(svg.contains(">say &quot;hi&quot;</text>"))
        #expect(svg.contains(">next \\ back</text>"))
        #expect(svg.contains(">left</text>") && svg.contains(">right</text>"))
        #expect(result.data(for: .png)?.starts(with: RenderedOutput.pngSignature) == true)
        #expect(result.warnings.isEmpty)
    }

    @Test func warningsAreReturnedNotThrown() throws {
        let result = try Graphviz.render(dot: "digraph { a [shape=bogus] }", formats: [.svg])
        #expect(result.warnings == ["using box for unknown shape bogus"])
        let svg = RenderedOutput.text(try #require(result.data(for: .svg)))
        #expect(RenderedOutput.nodeTitles(svg: svg) == ["a"])
    }
}
