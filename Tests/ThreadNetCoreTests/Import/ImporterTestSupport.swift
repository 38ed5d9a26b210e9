import Foundation
@testable import ThreadNetCore

/// The importer-level facts the fixture-count scripts (scripts/fixture-counts/) compute, counted
/// from imported comments, to compare with a `<stem>.expected.json` or one of its blocks.
struct ThreadFacts: Equatable, CustomStringConvertible {
    var comments = 0, topLevel = 0, replies = 0, orphans = 0, authors = 0, deleted = 0

    /// One list of comments: a reply's parent is among them, an orphan's is not.
    init(_ comments: [ThreadComment]) {
        let ids = Set(comments.map(\.id))
        self.comments = comments.count
        for c in comments {
            if let p = c.parentID { if ids.contains(p) { replies += 1 } else { orphans += 1 } } else { topLevel += 1 }
            if !c.status.isDisjoint(with: [.deleted, .removed]) { deleted += 1 }
        }
        authors = Set(comments.map(\.author).filter { !$0.isEmpty }).count
    }

    init(_ thread: CommentThread) {
        self.init(thread.comments)
    }

    /// Thread by thread, summed; authors are the distinct names of all threads.
    init(threads: [CommentThread]) {
        var all = Set<String>()
        for t in threads {
            let f = ThreadFacts(t)
            comments += f.comments; topLevel += f.topLevel; replies += f.replies
            orphans += f.orphans; deleted += f.deleted
            all.formUnion(t.comments.map(\.author).filter { !$0.isEmpty })
        }
        authors = all.count
    }

    init(_ corpus: Corpus) {
        self.init(threads: corpus.threads)
    }

    /// The same keys read from an expected.json block.
    init(expected block: [String: Any]) {
        comments = block["comments"] as? Int ?? -1
        topLevel = block["topLevel"] as? Int ?? -1
        replies = block["replies"] as? Int ?? -1
        orphans = block["orphans"] as? Int ?? -1
        authors = block["authors"] as? Int ?? -1
        deleted = block["deleted"] as? Int ?? -1
    }

    var description: String {
        "comments \(comments), topLevel \(topLevel), replies \(replies), orphans \(orphans), authors \(authors), deleted \(deleted)"
    }
}
