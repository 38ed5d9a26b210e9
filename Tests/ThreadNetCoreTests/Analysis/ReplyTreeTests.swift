import Testing
@testable import ThreadNetCore

@Suite("Reply tree and repairs")
struct ReplyTreeTests {
    func comment(_ id: String, _ parent: String?, _ author: String = "a", line: Int = 1) -> ThreadComment {
        ThreadComment(id: id, parentID: parent, author: author, text: "", location: SourceLocation(file: "t", line: line))
    }

    /// Depths, CSR children and preorder on a tree drawn by hand:
    /// root ─ 1 ─ 2 ─ 4
    ///      │   └ 3
    ///      └ 5
    @Test func smallTreeByHand() {
        let b = ReplyTreeBuilder(comments: [comment("1", nil), comment("2", "1"), comment("3", "1"), comment("4", "2"), comment("5", nil)])
        #expect(b.findings.isEmpty)
        #expect(b.tree.parent == [-1, 0, 0, 1, -1])
        #expect(b.tree.depth == [1, 2, 2, 3, 1])
        #expect(Array(b.tree.topLevel) == [0, 4])
        #expect(Array(b.tree.children(of: 0)) == [1, 2])
        #expect(Array(b.tree.children(of: 1)) == [3])
        #expect(b.tree.replyCount(of: 4) == 0)
        #expect(b.tree.preorder() == [0, 1, 3, 2, 4])
    }

    @Test func orphanSelfParentAndDuplicate() {
        let b = ReplyTreeBuilder(comments: [
            comment("1", nil, line: 1), comment("2", "99", line: 2), comment("3", "3", line: 3),
            comment("1", nil, line: 4), comment("5", "1", line: 5),
        ])
        #expect(b.tree.parent == [-1, -1, -1, -1, 0])
        #expect(b.repairedToRoot == [false, true, true, false, false])
        #expect(b.findings.map(\.kind) == [.duplicateID, .orphanReply, .selfParent])
        #expect(b.findings.map(\.location.line) == [4, 2, 3])
    }

    /// 1 → 3 → 2 → 1 is a loop; it is broken at the earliest comment in source order (1).
    @Test func parentCycleIsBrokenDeterministically() {
        let b = ReplyTreeBuilder(comments: [comment("1", "2"), comment("3", "1"), comment("2", "3"), comment("4", "2")])
        #expect(b.tree.parent == [-1, 0, 1, 2])
        #expect(b.tree.depth == [1, 2, 3, 4])
        #expect(b.findings.map(\.kind) == [.parentCycle])
        #expect(b.repairedToRoot == [true, false, false, false])
    }

    /// A chain of 50,000 replies builds without recursion, on a 256 KiB stack
    /// (``onSmallStack(_:_:)``: a recursion over it would need 800 KB).
    @Test func deepChain() {
        let n = 50_000
        let parent: [Int32] = (0..<Int32(n)).map { $0 - 1 }
        let (tree, preorder) = onSmallStack { () -> (ReplyTree, [Int32]) in
            let tree = ReplyTree(parent: parent)
            return (tree, tree.preorder())
        }
        #expect(tree.depth[n - 1] == Int32(n))
        #expect(tree.depth.max() == Int32(n))
        #expect(preorder.count == n)
        #expect(tree.replyCount(of: 0) == 1)
    }

    /// The same chain through the whole analysis, from comments with string ids, on a 256 KiB stack.
    @Test func deepChainThroughTheAnalysis() {
        let n = 50_000
        var comments: [ThreadComment] = []
        comments.reserveCapacity(n)
        for i in 0..<n {
            comments.append(ThreadComment(id: String(i), parentID: i == 0 ? nil : String(i - 1), author: i % 2 == 0 ? "Ann" : "Bob",
                                    text: "", location: SourceLocation(file: "chain", record: i + 1)))
        }
        let thread = CommentThread(id: "chain", title: "chain", comments: comments)
        let a = onSmallStack { ThreadAnalysis(thread: thread) }
        #expect(Metrics.maxDepth(a) == n)
        #expect(Metrics.replies(a) == n - 1)
        // Ann (even comments 2, 4, …) replies to Bob 24,999 times; Bob (odd) to Ann 25,000.
        #expect(a.network.edges.map { [a.network.names[Int($0.from)], a.network.names[Int($0.to)]] } == [["Ann", "Bob"], ["Bob", "Ann"]])
        #expect(a.network.edges.map(\.weight) == [Int32(n / 2 - 1), Int32(n / 2)])
    }

    /// Replies to an excluded (spam) comment move up to its nearest kept ancestor.
    @Test func repliesToExcludedCommentsMoveUp() {
        var spam = comment("2", "1")
        spam.status = .spam
        let thread = CommentThread(id: "t", title: "t", comments: [comment("1", nil), spam, comment("3", "2")])
        let a = ThreadAnalysis(thread: thread)
        #expect(a.comments.map(\.id) == ["1", "3"])
        #expect(a.comments[1].parentID == "1")
        #expect(a.tree.depth == [1, 2])
        #expect(a.findings.map(\.kind) == [.excluded, .note])
        let all = ThreadAnalysis(thread: thread, policy: .all)
        #expect(all.tree.depth == [1, 2, 3])
    }

    /// Deleted comments stay as placeholders; unknown authors form one bucket.
    @Test func deletedPlaceholdersAndUnknownAuthors() {
        var deleted = comment("1", nil, "")
        deleted.status = .deleted
        let thread = CommentThread(id: "t", title: "t", comments: [deleted, comment("2", "1", "Ann"), comment("3", "1", "[deleted]"), comment("4", "2", "Bob")])
        let a = ThreadAnalysis(thread: thread)
        #expect(Metrics.comments(a) == 4)
        #expect(Metrics.authors(a) == 2)
        #expect(Metrics.unknownAuthorComments(a) == 2)
        #expect(Metrics.deleted(a) == 1)
        #expect(a.findings.map(\.kind) == [.deletedPlaceholder, .unknownAuthor])
        #expect(a.network.edges.map { [$0.from, $0.to] } == [[1, 0]])
    }
}
