import Foundation
import Testing
@testable import ThreadNetCore

/// Mentions, quotes and numeric references, on threads small enough to read every link off by eye.
@Suite("Typed links: mentions, quotes, references")
struct CommentLinkTests {
    /// Comments given as (id, parent, author, text), in source order; no timestamps.
    func analyze(_ rows: [(String, String?, String, String)], root: RootPost = RootPost(),
                 identity: AuthorIdentity = .default, times: [Double]? = nil, numbered: Bool = false) -> ThreadAnalysis {
        let comments = rows.enumerated().map { k, r in
            ThreadComment(id: r.0, parentID: r.1, author: r.2, timestamp: times.map { Date(timeIntervalSince1970: $0[k]) },
                          text: r.3, location: SourceLocation(file: "t", record: k + 1), sourceNumber: numbered ? r.0 : nil)
        }
        return ThreadAnalysis(thread: CommentThread(id: "t", title: "t", root: root, comments: comments), identity: identity)
    }

    func links(_ a: ThreadAnalysis) -> [String] {
        a.links.map { "\(a.comments[Int($0.from)].id)->\(a.comments[Int($0.to)].id) \($0.kind.rawValue)" }
    }

    /// The seed: comment 11 by J.C.A. opens "Paul, you are correct SIR!"; Paul's only earlier
    /// comment is 7, so one mention 11 → 7 and one author edge J.C.A. → Paul. Read off the
    /// seed by hand: no other comment opens with an author's name, has `@`, `#n` or a quote
    /// of five words or more.
    @Test func seedMention() throws {
        let a = try analyzeText(String(contentsOf: Paths.seed, encoding: .utf8))
        #expect(links(a) == ["11->7 mention"])
        let net = a.network
        let mentions = net.edges.filter { $0.kind == .mention }.map { "\(net.names[Int($0.from)])->\(net.names[Int($0.to)]) \($0.weight)" }
        #expect(mentions == ["J.C.A.->Paul 1"])
        // Links never change the tree: still 19 top level, 2 replies, depth 2.
        #expect(Metrics.topLevel(a) == 19 && Metrics.replies(a) == 2 && Metrics.maxDepth(a) == 2)
        #expect(Metrics.mentions(a) == 1 && Metrics.quotes(a) == 0 && Metrics.references(a) == 0)
    }

    @Test func mentionGoesToMostRecentEarlierComment() {
        let a = analyze([
            ("1", nil, "Ann", "First."),
            ("2", nil, "Bob", "Hello."),
            ("3", nil, "Ann", "Second."),
            ("4", nil, "Cy", "@ann I disagree with you."),   // Ann's latest before 4 is 3
            ("5", nil, "Ann", "Third."),
            ("6", "5", "Bob", "Ann, right."),                // replies to Ann's 5: restates the reply, no link
            ("7", nil, "Bob", "u/Cy and @Bob and @nobody"),  // u/name; a self-mention is ignored
        ])
        #expect(links(a) == ["4->3 mention", "7->4 mention"])
    }

    /// With timestamps on every comment, "earlier" is by time, not source order.
    @Test func mentionUsesTimeWhenEveryCommentHasOne() {
        let a = analyze([
            ("1", nil, "Ann", "late one"),
            ("2", nil, "Ann", "early one"),
            ("3", nil, "Bob", "Ann: yes"),
        ], times: [300, 100, 200])
        // At time 200 Ann's most recent comment is 2 (time 100); 1 comes at 300, after.
        #expect(links(a) == ["3->2 mention"])
    }

    @Test func mentionOfMultiWordNameAndAlias() {
        let a = analyze([
            ("1", nil, "D T", "x"),
            ("2", nil, "JCA", "y"),
            ("3", nil, "Lee", "@D T said so, and @J.C.A. too."),
        ], identity: AuthorIdentity(aliases: ["J.C.A.": "JCA"]))
        #expect(links(a) == ["3->1 mention", "3->2 mention"])
    }

    @Test func numericReferences() {
        let a = analyze([
            ("1", nil, "A", "one"),
            ("2", nil, "B", "two"),
            ("3", nil, "C", "See #1, and comment 2. We're #1!"), // #1 twice: one link
            ("4", "3", "D", "As comment #3 says"),              // 3 is the parent: no link
            ("5", nil, "E", "@2 is wrong, #9 does not exist, #4x is not a number, see #5"), // #5 is itself
        ], numbered: true)
        #expect(links(a) == ["3->1 reference", "3->2 reference", "5->2 reference"])
        // The same texts where the page shows no numbers (Reddit, HN): `#1` is a ranking, not a comment.
        let unnumbered = analyze([("1", nil, "A", "one"), ("2", nil, "B", "two"), ("3", nil, "C", "See #1, and comment 2.")])
        #expect(links(unnumbered).isEmpty)
    }

    @Test func quotes() {
        let original = "Enforcement should be a federal job, not a state one, in my view."
        let a = analyze([
            ("1", nil, "A", original),
            ("2", nil, "B", "> enforcement should be a FEDERAL job, not a state\nNo it should not."),  // 8 words, case and commas differ
            ("3", nil, "C", "You wrote \u{201C}a federal job, not a state one\u{201D} and I agree."),   // curly quotes, 7 words
            ("4", nil, "D", "They said \"not a state one\" again."),                                  // 4 words: too short
            ("5", nil, "E", "\"a federal job, not a state\" — twice quoted"),                          // earliest source is 1, not 2 or 3
        ])
        #expect(links(a) == ["2->1 quote", "3->1 quote", "5->1 quote"])
        #expect(Metrics.quotes(a) == 3)
        // Author edges B→A, C→A, E→A of kind quote; the reply tree is untouched (all top level).
        #expect(a.network.edges.filter { $0.kind == .quote }.count == 3)
        #expect(Metrics.topLevel(a) == 5)
    }

    /// A quoted link is not a quote: URLs are left out of the words compared.
    @Test func quotedURLIsNotAQuote() {
        let url = "https://www.youtube.com/watch?v=BdsQBqN7bCw&feature=youtu.be&t=15s"
        let a = analyze([("1", nil, "A", "Here: \(url)"), ("2", nil, "B", "> \(url)\nthanks")])
        #expect(a.links.isEmpty)
    }

    @Test func blockquoteInRawHTML() {
        var a = analyze([
            ("1", nil, "A", "Taxes pay for the schools and the roads we use."),
            ("2", nil, "B", "placeholder"),
        ])
        var thread = a.thread
        thread.comments[1].rawText = "<blockquote><p>Taxes pay for the schools and the roads</p></blockquote><p>Not all of them.</p>"
        thread.comments[1].text = "Taxes pay for the schools and the roads\n\nNot all of them."
        a = ThreadAnalysis(thread: thread)
        #expect(links(a) == ["2->1 quote"])
    }

    @Test func diagramsDrawLinksWithoutChangingTheTree() {
        let a = analyze([("1", nil, "Ann", "x"), ("2", nil, "Bob", "Ann, no.")])
        let dot = ReplyTreeDOT.write(a)
        #expect(dot.contains("c1 -> c0 [constraint=false, style=dashed"))
        #expect(dot.contains("root -> c0\n") && dot.contains("root -> c1\n"))
        let authors = AuthorNetworkDOT.write(a)
        #expect(authors.contains("a1 -> a0 [penwidth=4.8, tooltip=\"1 mention\", style=dashed, color=\"#1f78b4\"]"), "\(authors)")
    }

    /// Quote matching reads ASCII text byte by byte: the same word hashes as the scalar path,
    /// links (`://`, `www.`) left out either way.
    @Test func asciiWordHashesEqualTheScalarPath() {
        var rng = SplitMix64(seed: 9)
        let pieces = ["word", "Word", "a1", "http://x.org/a", "www.site.com", "ww.w", "don't", "e-mail", ",", ".", " ", "\n", "\t", ":/", "/", "WWW.X", "42"]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 12) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            #expect(QuoteFinder.asciiWordHashes(text) == QuoteFinder.scalarWordHashes(text), "\(text)")
        }
        #expect(QuoteFinder.asciiWordHashes("café") == nil)
        #expect(QuoteFinder.wordHashes("Déjà vu, déjà") == QuoteFinder.scalarWordHashes("Déjà vu, déjà"))
    }
}
