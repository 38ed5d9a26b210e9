import Foundation
import Testing
import ThreadNetCore
import ThreadNetGraphviz

/// Diagrams of hostile input render through libgvc: one SVG node per comment plus the article.
@Suite("Rendering ThreadNet's diagrams")
struct DiagramRenderingTests {
    @Test func hostileNamesRenderWithOneNodePerComment() throws {
        let names = [#"Eve "quoted""#, #"back\slash"#, "two\nlines", "<b>html</b>", "a & b", "]]>", "\\N"]
        var comments: [ThreadNetCore.Comment] = []
        for (i, name) in names.enumerated() {
            comments.append(ThreadNetCore.Comment(id: "\(i)", parentID: i == 0 ? nil : "\(i - 1)", author: name,
                                                  text: "says <i>\"hi\"</i> \\ \n", location: SourceLocation(file: "t")))
        }
        let a = ThreadAnalysis(thread: CommentThread(id: "t", title: #"Title "with" <tags> \ "#, comments: comments))
        let tree = try Graphviz.render(dot: ReplyTreeDOT.write(a), formats: [.svg])
        let svg = String(decoding: try #require(tree.data(for: .svg)), as: UTF8.self)
        #expect(ImageStructure.svgNodeTitles(svg).count == names.count + 1)
        #expect(svg.contains("&lt;b&gt;html&lt;/b&gt;"))
        let authors = try Graphviz.render(dot: AuthorNetworkDOT.write(a), formats: [.svg])
        let authorSVG = String(decoding: try #require(authors.data(for: .svg)), as: UTF8.self)
        #expect(ImageStructure.svgNodeTitles(authorSVG).count == names.count)
    }

    /// A thread above the labelled limit is drawn radially (positions computed, `nop`), one
    /// node per comment while within the node budget.
    @Test func largeThreadRenders() throws {
        let n = ReplyTreeDOT.labelledLimit + 100
        var comments: [ThreadNetCore.Comment] = []
        for i in 0..<n {
            comments.append(ThreadNetCore.Comment(id: "\(i)", parentID: i < 10 ? nil : "\(i / 10)", author: "u\(i % 50)", text: "", location: SourceLocation(file: "t")))
        }
        let a = ThreadAnalysis(thread: CommentThread(id: "t", title: "big", comments: comments))
        let dot = ReplyTreeDOT.write(a)
        #expect(dot.contains("layout=nop"))
        let rendered = try Graphviz.render(dot: dot, formats: [.svg])
        let svg = String(decoding: try #require(rendered.data(for: .svg)), as: UTF8.self)
        #expect(ImageStructure.svgNodeTitles(svg).count == n + 1)
    }
}
