import Foundation
import Testing
@testable import ThreadNetCore

/// Participation figures counted by hand.
@Suite("Participation")
struct ParticipationTests {
    private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-12 }

    /// Comments with the given authors (`""` = unknown bucket) and texts, as one analysis.
    private func analysis(_ rows: [(id: String, parent: String?, author: String, text: String)]) -> ThreadAnalysis {
        let comments = rows.enumerated().map { k, r in
            ThreadComment(id: r.id, parentID: r.parent, author: r.author, text: r.text, location: SourceLocation(file: "t", line: k + 1))
        }
        return ThreadAnalysis(thread: CommentThread(id: "t", title: "t", comments: comments))
    }

    @Test func emptyThread() {
        let p = Participation(analysis([]))
        #expect(p.authors == 0 && p.authorComments == 0)
        #expect(p.meanCommentsPerAuthor == 0 && p.maxCommentsPerAuthor == 0)
        #expect(p.repeatPosterShare == 0 && p.repeatPosterCommentShare == 0)
        #expect(p.topOnePercentShare == 0 && p.topFivePercentShare == 0 && p.topTenPercentShare == 0)
        #expect(p.gini == 0 && p.entropy == 0 && p.authorHIndex == 0)
        #expect(p.perAuthor == [])
    }

    /// Only the unknown bucket: no author, so every author figure is 0.
    @Test func onlyUnknownAuthors() {
        let p = Participation(analysis([("1", nil, "", "a b"), ("2", "1", "[deleted]", "c")]))
        #expect(p.authors == 0 && p.authorComments == 0 && p.perAuthor == [])
        #expect(p.topTenPercentShare == 0 && p.meanCommentsPerAuthor == 0)
    }

    /// Single comment, single author.
    @Test func singleComment() {
        let p = Participation(analysis([("1", nil, "Ann", "Hello, world")]))
        #expect(p.authors == 1 && p.authorComments == 1)
        #expect(p.meanCommentsPerAuthor == 1 && p.maxCommentsPerAuthor == 1)
        #expect(p.repeatPosterShare == 0 && p.repeatPosterCommentShare == 0)
        #expect(p.topOnePercentShare == 1)           // ⌈0.01⌉ = 1 author, all comments
        #expect(p.gini == 0 && p.entropy == 0)       // n < 2
        #expect(p.authorHIndex == 1)
        #expect(p.perAuthor[0].words == 2)            // Hello, world
        #expect(p.perAuthor[0].depths == [.init(depth: 1, comments: 1)])
        #expect(p.perAuthor[0].commentsAtDepth == [1])
        #expect(p.perAuthor[0].firstCommentTime == nil && p.perAuthor[0].lastCommentTime == nil)
    }

    /// 40 authors, all top level: A0 10 comments, A1 5, A2 3, A3 2, A4…A39 1 each (56 by known
    /// authors), plus 3 comments by the unknown bucket that every figure leaves out.
    @Test func fortyAuthorsAndUnknowns() {
        var rows: [(id: String, parent: String?, author: String, text: String)] = []
        let counts = [10, 5, 3, 2] + [Int](repeating: 1, count: 36)
        for (a, c) in counts.enumerated() {
            for _ in 0..<c { rows.append((String(rows.count), nil, "A\(a)", "")) }
            if a % 15 == 0 { rows.append((String(rows.count), nil, "", "")) } // unknowns at a = 0, 15, 30
        }
        let p = Participation(analysis(rows))
        #expect(rows.count == 59)
        #expect(p.authors == 40 && p.authorComments == 56)
        #expect(close(p.meanCommentsPerAuthor, 56.0 / 40))
        #expect(p.maxCommentsPerAuthor == 10)
        #expect(close(p.repeatPosterShare, 4.0 / 40))              // A0…A3
        #expect(close(p.repeatPosterCommentShare, 20.0 / 56))      // 10 + 5 + 3 + 2
        // Top 1%: ⌈0.4⌉ = 1 author (A0) → 10/56. Top 5%: ⌈2⌉ = 2 → 15/56. Top 10%: ⌈4⌉ = 4 → 20/56.
        #expect(close(p.topOnePercentShare, 10.0 / 56))
        #expect(close(p.topFivePercentShare, 15.0 / 56))
        #expect(close(p.topTenPercentShare, 20.0 / 56))
        #expect(close(p.topShare(percent: 100), 1))
        #expect(close(p.topShare(percent: 0), 10.0 / 56))          // at least one author
        // Sorted ascending: 36 ones, 2, 3, 5, 10 (n = 40, Σ = 56). Σ(2i − 41)x_i:
        // ones 2·(1+…+36) − 41·36 = 1332 − 1476 = −144; 33·2 = 66; 35·3 = 105; 37·5 = 185;
        // 39·10 = 390 → 602. G = 602 / (40 · 56).
        #expect(close(p.gini, 602.0 / 2240))
        // H = Σ c/56 · ln(56/c) = ln 56 − (10 ln 10 + 5 ln 5 + 3 ln 3 + 2 ln 2)/56, over ln 40.
        let h = log(56.0) - (10 * log(10.0) + 5 * log(5.0) + 3 * log(3.0) + 2 * log(2.0)) / 56
        #expect(close(p.entropy, h / log(40.0)))
        #expect(p.authorHIndex == 3)                                // 10, 5, 3 ≥ 3; 2 < 4
        #expect(p.perAuthor.map(\.name).prefix(3) == ["A0", "A1", "A2"]) // first-appearance order
        #expect(p.perAuthor.map(\.comments) == counts)
    }

    /// Word counting: letters and digits, apostrophes inside a word kept.
    @Test func words() {
        #expect(WordCount.words(in: "") == 0)
        #expect(WordCount.words(in: "  ...  ") == 0)
        #expect(WordCount.words(in: "Don't stop—it's 5.00!") == 5)     // Don't, stop, it's, 5, 00
        #expect(WordCount.words(in: "rock'n'roll, buddy’s") == 2)      // curly apostrophe too
        #expect(WordCount.words(in: "'quoted' dogs' 'tis") == 3)       // outer apostrophes dropped
        #expect(WordCount.words(in: "well-known 20/mo $97k") == 5)     // well, known, 20, mo, 97k
        #expect(WordCount.words(in: "Ünïcödé naïve café 東京") == 4)    // letters beyond ASCII
        #expect(WordCount.words(in: "cafe\u{301} re\u{301}sume\u{301}") == 2) // combining accents continue
        #expect(WordCount.words(in: "a__b\n\nc\td") == 4)               // underscore separates
    }

    /// Pasted text through `analyzeText`, with dates:
    /// R ─ 1 Ann ─ 1.1 Bob ─ 1.1.1 Ann      R ─ 2 Cy
    @Test func pastedTextWithDates() throws {
        let a = try analyzeText("""
        Post
        Comments
          1. Ann says:
             March 3, 2011 at 10:15 am
             I don't agree.
             1. Bob says:
                March 3, 2011 at 11:02 am
                Why not?
                1. Ann says:
                   March 4, 2011 at 9:00 am
                   Because it's well-known.
          2. Cy says:
             3 March 2011 at 14:05
             Fine by me.
        """)
        #expect(a.tree.depth == [1, 2, 3, 1])
        let p = Participation(a)
        #expect(p.perAuthor.map(\.name) == ["Ann", "Bob", "Cy"])
        #expect(p.perAuthor.map(\.comments) == [2, 1, 1])
        // Ann: I, don't, agree (3) + Because, it's, well, known (4). Bob: Why, not. Cy: Fine, by, me.
        #expect(p.perAuthor.map(\.words) == [7, 2, 3])
        #expect(p.perAuthor[0].depths == [.init(depth: 1, comments: 1), .init(depth: 3, comments: 1)])
        #expect(p.perAuthor[0].commentsAtDepth == [1, 0, 1])
        #expect(p.perAuthor[1].commentsAtDepth == [0, 1])
        #expect(p.perAuthor[0].firstCommentTime?.iso8601UTC == "2011-03-03T10:15:00Z")
        #expect(p.perAuthor[0].lastCommentTime?.iso8601UTC == "2011-03-04T09:00:00Z")
        #expect(p.perAuthor[2].firstCommentTime?.iso8601UTC == "2011-03-03T14:05:00Z")
        #expect(p.perAuthor[2].lastCommentTime == p.perAuthor[2].firstCommentTime)
        #expect(close(p.meanCommentsPerAuthor, 4.0 / 3))
        #expect(close(p.repeatPosterShare, 1.0 / 3) && close(p.repeatPosterCommentShare, 0.5))
        // 3 authors: 1%, 5%, 10% all round up to 1 author (Ann, 2 of 4); 50% to ⌈1.5⌉ = 2 (3 of 4).
        #expect(p.topOnePercentShare == 0.5 && p.topFivePercentShare == 0.5 && p.topTenPercentShare == 0.5)
        #expect(close(p.topShare(percent: 50), 0.75))
        #expect(close(p.gini, 1.0 / 6))                          // [1, 1, 2]: (−2 + 0 + 4)/(3·4)
        #expect(close(p.entropy, 1.5 * log(2.0) / log(3.0)))     // p = 1/2, 1/4, 1/4
        #expect(p.authorHIndex == 1)                             // only Ann has ≥ 2
    }

    /// Timestamps out of source order: first and last are the earliest and latest, not the
    /// first and last in source order.
    @Test func firstAndLastAreByTime() {
        var comments = [ThreadComment]()
        for (k, seconds) in [500.0, 100.0, 900.0, 300.0].enumerated() {
            comments.append(ThreadComment(id: String(k), author: "Ann", timestamp: Date(timeIntervalSince1970: seconds),
                                          text: "", location: SourceLocation(file: "t", line: k + 1)))
        }
        comments.append(ThreadComment(id: "x", author: "Ann", text: "", location: SourceLocation(file: "t", line: 9))) // no time
        let p = Participation(ThreadAnalysis(thread: CommentThread(id: "t", title: "t", comments: comments)))
        #expect(p.perAuthor[0].firstCommentTime == Date(timeIntervalSince1970: 100))
        #expect(p.perAuthor[0].lastCommentTime == Date(timeIntervalSince1970: 900))
    }

    /// A 50,000-deep chain by two alternating authors, from the arrays: no recursion (on a
    /// 256 KiB stack, ``onSmallStack(_:_:)``), and the per-depth counts stay sparse (one entry
    /// per comment, not per depth per author).
    @Test func deepChain() {
        let n = 50_000
        let parent: [Int32] = (0..<Int32(n)).map { $0 - 1 }
        var comments = [ThreadComment]()
        comments.reserveCapacity(n)
        for i in 0..<n {
            comments.append(ThreadComment(id: String(i), author: i % 2 == 0 ? "Ann" : "Bob", text: "w", location: SourceLocation(file: "chain", record: i + 1)))
        }
        let chain = comments
        let p = onSmallStack {
            Participation(comments: chain, tree: ReplyTree(parent: parent), commentAuthor: (0..<n).map { Int32($0 % 2) }, names: ["Ann", "Bob"])
        }
        #expect(p.authors == 2 && p.authorComments == n)
        #expect(p.perAuthor.map(\.comments) == [n / 2, n / 2])
        #expect(p.perAuthor.map(\.words) == [n / 2, n / 2])          // one word per comment
        // Ann wrote comments 0, 2, … at depths 1, 3, …, n − 1; Bob depths 2, 4, …, n.
        #expect(p.perAuthor[0].depths.count == n / 2)
        #expect(p.perAuthor[0].depths.first == .init(depth: 1, comments: 1))
        #expect(p.perAuthor[0].depths.last == .init(depth: n - 1, comments: 1))
        #expect(p.perAuthor[1].depths.last == .init(depth: n, comments: 1))
        #expect(p.gini == 0 && close(p.entropy, 1) && p.authorHIndex == 2)
    }

    /// The seed: 21 comments by 17 authors; J.C.A. wrote 4 (10, 11, 18, 19), Paul 2 (7, 17.1),
    /// everyone else 1. Author ids by first appearance: Taxachusetts 0 … Paul 6 … J.C.A. 9 …
    /// emom 11, Lori 12, Karen 13 … fred 16. No dates in the paste.
    @Test func seedByHand() throws {
        let a = try analyzeText(String(contentsOf: Paths.seed, encoding: .utf8))
        let p = Participation(a)
        #expect(p.authors == 17 && p.authorComments == 21)
        #expect(close(p.meanCommentsPerAuthor, 21.0 / 17))
        #expect(p.maxCommentsPerAuthor == 4)
        #expect(close(p.repeatPosterShare, 2.0 / 17))              // J.C.A., Paul
        #expect(close(p.repeatPosterCommentShare, 6.0 / 21))       // 4 + 2
        // 17 authors: 1% → ⌈0.17⌉ = 1, 5% → ⌈0.85⌉ = 1 (J.C.A., 4/21); 10% → ⌈1.7⌉ = 2 (+ Paul, 6/21).
        #expect(close(p.topOnePercentShare, 4.0 / 21))
        #expect(close(p.topFivePercentShare, 4.0 / 21))
        #expect(close(p.topTenPercentShare, 6.0 / 21))
        // Sorted: fifteen 1s, 2, 4 (n = 17, Σ = 21). Σ(2i − 18)x_i: ones 240 − 270 = −30;
        // 14·2 = 28; 16·4 = 64 → 62. G = 62/(17·21) = 62/357.
        // By pairs: 1 vs 2: 15·2 ordered × 1 = 30; 1 vs 4: 15·2 × 3 = 90; 2 vs 4: 2 × 2 = 4 → 124 / (2·17·21).
        #expect(close(p.gini, 62.0 / 357))
        // H = 15/21 ln 21 + 2/21 ln(21/2) + 4/21 ln(21/4) = ln 21 − (2 ln 2 + 4 ln 4)/21 = ln 21 − (10/21) ln 2.
        #expect(close(p.entropy, (log(21.0) - 10.0 / 21 * log(2.0)) / log(17.0)))
        #expect(p.authorHIndex == 2)                               // 4, 2 ≥ 2; not three ≥ 3
        #expect(p.perAuthor.map(\.name) == ["Taxachusetts", "D T", "blackbear1", "maria", "Brooklyn", "massbaysailor",
                                            "Paul", "Linda", "justsayin'", "J.C.A.", "Deus-est", "emom", "Lori",
                                            "Karen", "Matt", "decol", "fred"])
        #expect(p.perAuthor[9].commentsAtDepth == [4])             // J.C.A.: all top level
        #expect(p.perAuthor[6].commentsAtDepth == [1, 1])          // Paul: 7 (depth 1), 17.1 (depth 2)
        #expect(p.perAuthor[12].commentsAtDepth == [0, 1])         // Lori: 13.1
        #expect(p.perAuthor.allSatisfy { $0.firstCommentTime == nil && $0.lastCommentTime == nil })
        // Lori, counted by hand: Thank you for that enlightening post (6). Most of the time I do not
        // agree with you but there have been a few times (17) (and now is one of them) (6) where I
        // think you are spot on (7). I could not have said it better myself (8) → 44.
        #expect(p.perAuthor[12].words == 44)
        // Karen: Well of course he won’t participate in the program (9). After all his buddy’s Aunt
        // was here illegally and the state kept handing her all the freebies available (18).
        // Patrick knows which side the toast is buttered on (9) → 36; won’t, buddy’s one word each.
        #expect(p.perAuthor[13].words == 36)
    }
}
