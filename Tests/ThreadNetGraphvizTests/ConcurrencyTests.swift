import Testing
import ThreadNetGraphviz

@Suite struct ConcurrencyTests {
    /// A chain n0 -> n1 -> ... with `count` nodes.
    static func chain(_ count: Int) -> String {
        "digraph { " + (1..<count).map { "n\($0 - 1) -> n\($0);" }.joined(separator: " ") + " }"
    }

    @Test func sixteenConcurrentRendersAreAllValid() async throws {
        let outcomes = await withTaskGroup(of: (Int, Result<RenderResult, GraphvizError>).self) { group in
            for index in 0..<16 {
                group.addTask {
                    let count = index + 2
                    return (count, Result { () throws(GraphvizError) in
                        try Graphviz.render(dot: Self.chain(count), formats: [.svg, .png])
                    })
                }
            }
            var outcomes: [(Int, Result<RenderResult, GraphvizError>)] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        #expect(outcomes.count == 16)
        for (count, outcome) in outcomes {
            let result = try outcome.get()
            let svg = RenderedOutput.text(try #require(result.data(for: .svg)))
            #expect(RenderedOutput.nodeTitles(svg: svg) == (0..<count).map { "n\($0)" })
            #expect(RenderedOutput.edgeCount(svg: svg) == count - 1)
            let png = try #require(result.data(for: .png))
            let size = try #require(RenderedOutput.pngSize(png))
            #expect(size.width > 0 && size.height > 0)
            #expect(result.warnings.isEmpty)
        }
    }

    @Test func concurrentFailuresKeepTheirOwnMessages() async {
        let messages = await withTaskGroup(of: String?.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let dot = index.isMultiple(of: 2) ? "digraph { a -> }" : "digraph { a [label=<<b>x</i>>] }"
                    do throws(GraphvizError) {
                        _ = try Graphviz.render(dot: dot, formats: [.svg])
                        return nil
                    } catch {
                        return "\(error.kind == .syntax ? "syntax" : "layout"): \(error.message)"
                    }
                }
            }
            var messages: [String?] = []
            for await message in group { messages.append(message) }
            return messages
        }
        let syntax = messages.filter { $0 == "syntax: syntax error in line 1 near '}'" }
        let layout = messages.filter { $0?.hasPrefix("layout: mismatched tag") == true }
        #expect(syntax.count == 4)
        #expect(layout.count == 4)
    }
}
