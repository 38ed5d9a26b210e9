import Testing
@testable import ThreadNetCore

/// The reduction of large reply trees, on trees small enough to count by hand.
@Suite("Reply-tree reduction")
struct ReplyTreeReductionTests {
    /// Parents as ``ReplyTree`` takes them (-1 = the root post).
    static func tree(_ parents: [Int32]) -> ReplyTree { ReplyTree(parent: parents) }

    @Test func withinTheBudgetNothingIsReduced() {
        let r = ReplyTreeReduction(Self.tree([-1, 0, 0, -1]), budget: 4)
        #expect(!r.isReduced && r.drawn == [0, 3, 1, 2] && r.held == [0, 0, 0, 0] && r.summaries.isEmpty && r.depthDrawn == 2)
    }

    /// A chain of 10: the 4 with the largest branches are the first 4; the 4th holds the 6 below.
    @Test func aDeepChainIsCutAndHeld() {
        let r = ReplyTreeReduction(Self.tree([-1] + (0..<9).map { Int32($0) }), budget: 4)
        #expect(r.drawn == [0, 1, 2, 3] && r.held == [0, 0, 0, 6] && r.depthDrawn == 4)
        #expect(r.branchSize == [10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
    }

    /// 10 top-level comments, the first with 3 replies: with at most 3 top-level comments
    /// drawn, comment 0 (branch of 4) and the next two in source order (1 and 2) are; the other
    /// 7 go to one summary; the budget of 5 then takes two of 0's replies, the third is held.
    @Test func crowdedTopLevelGoesToTheSummary() {
        let parents: [Int32] = [-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0]
        let r = ReplyTreeReduction(Self.tree(parents), budget: 5, topLevelLimit: 3)
        #expect(r.drawn == [0, 1, 2, 10, 11])
        #expect(r.held == [1, 0, 0, 0, 0])
        #expect(r.summaries == [ReplyTreeReduction.Summary(parent: -1, comments: 7, branches: 7)])
        #expect(r.drawn.count + r.heldComments + r.summarizedComments == parents.count)
    }

    /// A star of 50 replies to one comment: the comment, then its first replies in source order.
    @Test func aWideFanIsCutInSourceOrder() {
        let r = ReplyTreeReduction(Self.tree([-1] + [Int32](repeating: 0, count: 50)), budget: 11)
        #expect(r.drawn == Array(0...10).map(Int32.init) && r.held.first == 40 && r.held.dropFirst().allSatisfy { $0 == 0 })
    }
}
