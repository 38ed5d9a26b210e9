import Foundation
import Testing
@testable import ThreadNetCore

/// Thread shape on trees drawn and counted by hand. Each tree is given by its parent links
/// (`-1` = the root post) in source order; "R" is the root post. Depth: R 0, top level 1.
@Suite("Thread shape")
struct ThreadShapeTests {
    private func close(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    /// The shape of a tree given by parent links; every comment by its own author unless given.
    private func shape(_ parent: [Int32], authors: [Int32]? = nil) -> ThreadShape {
        ThreadShape(tree: ReplyTree(parent: parent), commentAuthor: authors ?? parent.indices.map { Int32($0) })
    }

    @Test func emptyThread() {
        let s = shape([])
        #expect(s.comments == 0)
        #expect(s.maxDepth == 0 && s.meanDepth == 0 && s.meanLeafDepth == 0)
        #expect(s.depthHistogram == [])
        #expect(s.levelWidth == 0 && s.fanOutWidth == 0 && s.rootFanOut == 0)
        #expect(s.branchingFactor == 0 && s.repliedBranchingFactor == 0)
        #expect(s.topLevelShare == 0 && s.repliedTopLevelShare == 0)
        #expect(s.branchSizes == [] && s.branchSizeGini == 0 && s.branchSizeEntropy == 0)
        #expect(s.levelHIndex == 0 && s.depthHIndex == 0)
        // N = 1 node (R alone): no pair, 0.
        #expect(s.structuralVirality == 0 && s.commentStructuralVirality == 0)
        #expect(s.directReplies == [] && s.descendants == [] && s.otherAuthorDescendants == [])
        #expect(s.mostDiscussed(5) == [])
    }

    /// R ─ 0
    @Test func singleComment() {
        let s = shape([-1])
        #expect(s.maxDepth == 1 && s.meanDepth == 1 && s.meanLeafDepth == 1)
        #expect(s.depthHistogram == [1])
        #expect(s.levelWidth == 1 && s.fanOutWidth == 0 && s.rootFanOut == 1)
        #expect(s.branchingFactor == 0 && s.repliedBranchingFactor == 0) // no replies; no replied comment
        #expect(s.topLevelShare == 1 && s.repliedTopLevelShare == 0)
        #expect(s.branchSizes == [1] && s.branchSizeGini == 0 && s.branchSizeEntropy == 0)
        #expect(s.levelHIndex == 1)  // 1 comment at depth 1 ≥ 1
        #expect(s.depthHIndex == 1)  // counts [1]
        // N = 2: one edge R–0 with s = 1: W = 1 · 1 = 1; 1 pair → 1. One comment: no comment pair → 0.
        #expect(s.structuralVirality == 1)
        #expect(s.commentStructuralVirality == 0)
        #expect(s.directReplies == [0] && s.descendants == [0] && s.otherAuthorDescendants == [0])
        #expect(s.mostDiscussed(5) == [])  // nothing below it
    }

    /// R ─ 0, 1, 2, 3 (all top level)
    @Test func flatThread() {
        let s = shape([-1, -1, -1, -1])
        #expect(s.maxDepth == 1 && s.meanDepth == 1 && s.meanLeafDepth == 1)
        #expect(s.depthHistogram == [4])
        #expect(s.levelWidth == 4 && s.fanOutWidth == 0 && s.rootFanOut == 4)
        #expect(s.branchingFactor == 0 && s.repliedBranchingFactor == 0)
        #expect(s.topLevelShare == 1 && s.repliedTopLevelShare == 0)
        #expect(s.branchSizes == [1, 1, 1, 1])
        #expect(s.branchSizeGini == 0)                 // all equal
        #expect(close(s.branchSizeEntropy, 1))         // all equal
        #expect(s.levelHIndex == 1)                    // depth 1: 4 ≥ 1; depth 2: 0 < 2
        #expect(s.depthHIndex == 1)                    // counts [4]: one count
        // N = 5: four edges R–i, s = 1 each: W = 4 · (1 · 4) = 16; pairs 5·4/2 = 10 → 1.6.
        #expect(close(s.structuralVirality, 1.6))
        // Comments: W − Σ depth = 16 − 4 = 12 over 4·3/2 = 6 pairs → 2 (every pair i–R–j).
        #expect(close(s.commentStructuralVirality, 2))
        #expect(s.descendants == [0, 0, 0, 0])
    }

    /// R ─ 0 ─ 1 ─ 2 ─ 3
    @Test func chain() {
        let s = shape([-1, 0, 1, 2])
        #expect(s.maxDepth == 4)
        #expect(close(s.meanDepth, 2.5))           // (1 + 2 + 3 + 4) / 4
        #expect(s.meanLeafDepth == 4)              // only 3 is a leaf
        #expect(s.depthHistogram == [1, 1, 1, 1])
        #expect(s.levelWidth == 1 && s.fanOutWidth == 1 && s.rootFanOut == 1)
        #expect(close(s.branchingFactor, 0.75))    // 3 replies to comments / 4 comments
        #expect(s.repliedBranchingFactor == 1)     // 3 replies / 3 replied comments
        #expect(close(s.topLevelShare, 0.25))      // 1 / 4
        #expect(s.repliedTopLevelShare == 1)       // 0 got a reply
        #expect(s.branchSizes == [4])
        #expect(s.branchSizeGini == 0 && s.branchSizeEntropy == 0) // one branch
        #expect(s.levelHIndex == 1)                // depth 1: 1 ≥ 1; depth 2: 1 < 2
        #expect(s.depthHIndex == 1)                // counts [1, 1, 1, 1]
        // Edges above 0, 1, 2, 3 have s = 4, 3, 2, 1 of N = 5:
        // W = 4·1 + 3·2 + 2·3 + 1·4 = 20; 10 pairs → 2 = (N + 1)/3.
        #expect(close(s.structuralVirality, 2))
        // Comments: (20 − (1+2+3+4)) / 6 = 10/6 = 5/3 = (4 + 1)/3, a path of 4.
        #expect(close(s.commentStructuralVirality, 5.0 / 3))
        #expect(s.directReplies == [1, 1, 1, 0])
        #expect(s.descendants == [3, 2, 1, 0])
        #expect(s.otherAuthorDescendants == [3, 2, 1, 0]) // all authors distinct
        #expect(s.mostDiscussed(2) == [0, 1])
    }

    /// A balanced binary tree three levels deep (14 comments):
    /// R ─ 0 ─ 2 ─ 6, 7        R ─ 1 ─ 4 ─ 10, 11
    ///       └ 3 ─ 8, 9              └ 5 ─ 12, 13
    @Test func balancedTree() {
        let s = shape([-1, -1, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        #expect(s.maxDepth == 3)
        #expect(close(s.meanDepth, 34.0 / 14))     // (2·1 + 4·2 + 8·3) / 14
        #expect(s.meanLeafDepth == 3)              // the 8 leaves are all at depth 3
        #expect(s.depthHistogram == [2, 4, 8])
        #expect(s.levelWidth == 8 && s.fanOutWidth == 2 && s.rootFanOut == 2)
        #expect(close(s.branchingFactor, 12.0 / 14)) // 12 replies to comments / 14 comments
        #expect(s.repliedBranchingFactor == 2)     // 12 replies / 6 replied comments
        #expect(close(s.topLevelShare, 2.0 / 14))
        #expect(s.repliedTopLevelShare == 1)
        #expect(s.branchSizes == [7, 7])
        #expect(s.branchSizeGini == 0)
        #expect(close(s.branchSizeEntropy, 1))
        // Level h: depth 1: 2 ≥ 1, depth 2: 4 ≥ 2, depth 3: 8 ≥ 3 → 3.
        #expect(s.levelHIndex == 3)
        // Depth h over [2, 4, 8]: three counts ≥ 2, but only two ≥ 3 → 2. The two variants differ.
        #expect(s.depthHIndex == 2)
        // N = 15. Edges above depth-1 nodes: s = 7, 2 · 7·8 = 112; depth 2: s = 3, 4 · 3·12 = 144;
        // leaves: s = 1, 8 · 1·14 = 112. W = 368; pairs 15·14/2 = 105.
        #expect(close(s.structuralVirality, 368.0 / 105))
        // Comments: W − Σ depth = 368 − 34 = 334 over 14·13/2 = 91 pairs. Check pair by pair:
        // inside one 7-node branch 48 (top to children 2, to grandchildren 8; children apart 2;
        // child to own leaves 4, to the other's 12; sibling leaves 4, cousins 16), two branches 96;
        // across branches every pair goes through R: 7·17 + 7·17 = 238 (Σ depth per branch 17).
        #expect(close(s.commentStructuralVirality, 334.0 / 91))
        #expect(s.descendants == [6, 6, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(s.directReplies == [2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0])
    }

    /// Mixed authors (Ann 0, Bob 1, Cy 2, ? = unknown bucket), source order ≠ pre-order:
    /// R ─ 0 Ann ─ 2 Bob ─ 4 Ann ─ 6 ?
    ///   │       │             └ 10 Ann
    ///   │       └ 3 Ann
    ///   ├ 1 Cy ─ 9 Ann
    ///   └ 5 ? ─ 7 ? ─ 8 Bob
    /// Pre-order: 0, 2, 4, 6, 10, 3, 1, 9, 5, 7, 8.
    @Test func otherAuthorDescendantsWithUnknownAuthors() {
        let s = shape([-1, -1, 0, 0, 2, -1, 4, 5, 7, 1, 4], authors: [0, 2, 1, 0, 0, -1, -1, -1, 1, 0, 0])
        #expect(s.directReplies == [2, 1, 1, 0, 2, 1, 0, 1, 0, 0, 0])
        // 0: {2, 4, 6, 10, 3} = 5; 1: {9}; 2: {4, 6, 10} = 3; 4: {6, 10}; 5: {7, 8}; 7: {8}.
        #expect(s.descendants == [5, 1, 3, 0, 2, 2, 0, 1, 0, 0, 0])
        // 0 Ann: Bob, Ann, ?, Ann, Ann → 3 by Ann → 2 other (Ann's 9 under Cy is outside).
        // 1 Cy: Ann → 1. 2 Bob: Ann, ?, Ann → 3. 4 Ann: ?, Ann → 1 (? counts as other).
        // 5 ?: unknown author, all descendants other → 2 (7 is also ?). 7 ?: Bob → 1.
        #expect(s.otherAuthorDescendants == [2, 1, 3, 0, 1, 2, 0, 1, 0, 0, 0])
        // Ranked by (other, descendants) descending, then source order:
        // 2 (3, 3); 0 (2, 5) before 5 (2, 2) by descendants; 4 (1, 2) before 1 (1, 1) by
        // descendants although later; 1 (1, 1) before 7 (1, 1) by source order.
        #expect(s.mostDiscussed(10) == [2, 0, 5, 4, 1, 7])
        #expect(s.mostDiscussed(3) == [2, 0, 5])
        #expect(s.mostDiscussed(0) == [])
        // A comment by one author whose whole subtree is by that author: no other descendants.
        let solo = shape([-1, 0, 1], authors: [3, 3, 3])
        #expect(solo.descendants == [2, 1, 0])
        #expect(solo.otherAuthorDescendants == [0, 0, 0])
        #expect(solo.mostDiscussed(5) == [0, 1]) // (0, 2) before (0, 1)
    }

    /// Ties everywhere: two equal branches, equal fan-outs, equal level counts.
    /// R ─ 0 ─ 2        R ─ 1 ─ 3
    @Test func ties() {
        let s = shape([-1, -1, 0, 1], authors: [0, 1, 1, 0])
        #expect(s.depthHistogram == [2, 2])
        #expect(s.levelWidth == 2 && s.fanOutWidth == 1)
        #expect(s.branchSizes == [2, 2] && s.branchSizeGini == 0 && close(s.branchSizeEntropy, 1))
        #expect(s.levelHIndex == 2 && s.depthHIndex == 2)   // [2, 2]: both ≥ 2; depth 2 has 2 ≥ 2
        // N = 5: edges above 0, 1: s = 2, 2·3 = 6 each; above 2, 3: s = 1, 1·4 = 4 each. W = 20 → 2.
        #expect(close(s.structuralVirality, 2))
        // (20 − 6) / 6 = 7/3: pairs 0–1 2, 0–2 1, 0–3 3, 1–2 3, 1–3 1, 2–3 4 → 14 / 6.
        #expect(close(s.commentStructuralVirality, 14.0 / 6))
        #expect(s.mostDiscussed(5) == [0, 1])               // (1, 1) each: source order
    }

    /// The seed (pasted text): comments 1…19 top level, 13.1 (Lori) replies to 13 (emom) and
    /// 17.1 (Paul) to 17 (fred). Source order: 1…13 are 0…12, 13.1 is 13, 14…17 are 14…17,
    /// 17.1 is 18, 18 and 19 are 19 and 20.
    @Test func seedByHand() throws {
        let a = try analyzeText(String(contentsOf: Paths.seed, encoding: .utf8))
        #expect(a.comments[12].id == "13" && a.comments[13].id == "13.1")
        #expect(a.comments[17].id == "17" && a.comments[18].id == "17.1")
        let s = ThreadShape(a)
        #expect(s.comments == 21)
        #expect(s.maxDepth == 2)
        #expect(close(s.meanDepth, 23.0 / 21))         // 19·1 + 2·2 = 23 over 21
        #expect(close(s.meanLeafDepth, 21.0 / 19))     // leaves: 17 top-level (17) + 13.1, 17.1 (4) = 21 over 19
        #expect(s.depthHistogram == [19, 2])
        #expect(s.levelWidth == 19 && s.fanOutWidth == 1 && s.rootFanOut == 19)
        #expect(close(s.branchingFactor, 2.0 / 21))    // 2 replies to comments / 21
        #expect(s.repliedBranchingFactor == 1)         // 2 replies / 2 replied comments (13, 17)
        #expect(close(s.topLevelShare, 19.0 / 21))
        #expect(close(s.repliedTopLevelShare, 2.0 / 19))
        #expect(s.branchSizes == [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 2, 1, 1])
        // Sorted: seventeen 1s then 2, 2 (n = 19, Σ = 21). Σ(2i − 20)x_i: 1s give
        // 2·(1+…+17) − 20·17 = 306 − 340 = −34; i = 18: 16·2 = 32; i = 19: 18·2 = 36 → 34.
        // G = 34 / (19 · 21) = 34/399. By pairs: 17·2 ordered pairs ×2 differ by 1 = 68; 68/(2·19·21).
        #expect(close(s.branchSizeGini, 34.0 / 399))
        // p = 1/21 (17 times), 2/21 (twice): H = 17/21 ln 21 + 4/21 ln(21/2) = ln 21 − (4/21) ln 2.
        #expect(close(s.branchSizeEntropy, (log(21.0) - 4.0 / 21 * log(2.0)) / log(19.0)))
        #expect(s.levelHIndex == 2)                    // depth 1: 19 ≥ 1; depth 2: 2 ≥ 2
        #expect(s.depthHIndex == 2)                    // [19, 2]: two counts ≥ 2
        // N = 22. Edges R–top: 17 with s = 1 (1·21), 2 with s = 2 (2·20); reply edges 2 with s = 1 (1·21).
        // W = 357 + 80 + 42 = 479 over 22·21/2 = 231 pairs.
        #expect(close(s.structuralVirality, 479.0 / 231))
        // Comments: 479 − 23 = 456 over 210 pairs. Check: top-level pairs C(19,2)·2 = 342;
        // 13.1–13 1, 13.1–other tops 18·3 = 54, 13.1–17.1 4; 17.1–17 1, 17.1–other tops 54 → 456.
        #expect(close(s.commentStructuralVirality, 456.0 / 210))
        var replies = [Int32](repeating: 0, count: 21)
        replies[12] = 1
        replies[17] = 1
        #expect(s.directReplies == replies)
        #expect(s.descendants == replies)
        #expect(s.otherAuthorDescendants == replies)   // Lori under emom, Paul under fred
        #expect(s.mostDiscussed(5) == [12, 17])        // tie (1, 1): source order
    }

    /// Pasted text through `analyzeText`, the path from real input:
    /// R ─ 0 Ann ─ 1 Bob ─ 2 Ann      R ─ 3 Cy
    @Test func pastedText() throws {
        let a = try analyzeText("""
        Post
        Comments
          1. Ann says:
             I don't agree.
             1. Bob says:
                Why not?
                1. Ann says:
                   Because it's well-known.
          2. Cy says:
             Fine by me.
        """)
        let s = ThreadShape(a)
        #expect(s.depthHistogram == [2, 1, 1])
        #expect(s.descendants == [2, 1, 0, 0])
        #expect(s.otherAuthorDescendants == [1, 1, 0, 0]) // 0 Ann: Bob yes, Ann no; 1 Bob: Ann
        #expect(s.branchSizes == [3, 1])
        // N = 5: edges above 0, 1, 2, 3 have s = 3, 2, 1, 1: 3·2 + 2·3 + 1·4 + 1·4 = 20 → 20/10.
        #expect(close(s.structuralVirality, 2))
        // (20 − (1 + 2 + 3 + 1)) / 6 = 13/6.
        #expect(close(s.commentStructuralVirality, 13.0 / 6))
        #expect(s.mostDiscussed(1) == [0])                // (1, 2) before (1, 1)
    }

    /// A chain of 50,000 replies: no recursion (on a 256 KiB stack, ``onSmallStack(_:_:)``),
    /// closed forms for a path.
    @Test func deepChain() {
        let n = 50_000
        let parent: [Int32] = (0..<Int32(n)).map { $0 - 1 }
        // Two authors alternating: 0, 1, 0, 1, …
        let s = onSmallStack { ThreadShape(tree: ReplyTree(parent: parent), commentAuthor: (0..<n).map { Int32($0 % 2) }) }
        #expect(s.maxDepth == n)
        #expect(s.meanDepth == Double(n + 1) / 2)      // (1 + … + n) / n
        #expect(s.meanLeafDepth == Double(n))
        #expect(s.depthHistogram.count == n && s.levelWidth == 1)
        #expect(s.fanOutWidth == 1 && s.rootFanOut == 1)
        #expect(s.branchSizes == [n])
        #expect(s.levelHIndex == 1 && s.depthHIndex == 1)
        // A path of N = n + 1 nodes: W = N(N − 1)(N + 1)/6, mean distance (N + 1)/3.
        #expect(close(s.structuralVirality, Double(n + 2) / 3, tolerance: 1e-12))
        // The comments alone form a path of n nodes: (n + 1)/3.
        #expect(close(s.commentStructuralVirality, Double(n + 1) / 3, tolerance: 1e-12))
        #expect(s.descendants[0] == Int32(n - 1) && s.descendants[n - 1] == 0)
        // Comment 0 (author 0): descendants 1…n−1, of which the even ones 2…n−2 are author 0:
        // (n − 2)/2 = 24,999 → other 49,999 − 24,999 = 25,000.
        #expect(s.otherAuthorDescendants[0] == 25_000)
        // Comment 1 (author 1): descendants 2…n−1 (49,998), odd ones 3…n−1 are author 1: 24,999 → other 24,999.
        #expect(s.otherAuthorDescendants[1] == 24_999)
        #expect(s.mostDiscussed(2) == [0, 1])
    }
}
