import Foundation
@testable import ThreadNetCore

/// Importer-level facts of a thread or corpus, computed the same way the fixture-count
/// scripts compute them, to compare with `<stem>.expected.json`.
struct StreamCounts: Equatable, CustomStringConvertible {
    var comments = 0, topLevel = 0, replies = 0, orphans = 0, authors = 0, deleted = 0

    init(_ threads: [CommentThread]) {
        var names = Set<String>()
        for thread in threads {
            let ids = Set(thread.comments.map(\.id))
            for c in thread.comments {
                comments += 1
                if let parent = c.parentID {
                    replies += 1
                    if !ids.contains(parent) { orphans += 1 }
                } else {
                    topLevel += 1
                }
                if !c.author.isEmpty { names.insert(c.author) }
                if !c.status.intersection([.deleted, .removed]).isEmpty { deleted += 1 }
            }
        }
        authors = names.count
    }

    init(expected: [String: Any]) {
        comments = expected["comments"] as? Int ?? -1
        topLevel = expected["topLevel"] as? Int ?? -1
        replies = expected["replies"] as? Int ?? -1
        orphans = expected["orphans"] as? Int ?? -1
        authors = expected["authors"] as? Int ?? -1
        deleted = expected["deleted"] as? Int ?? -1
    }

    var description: String {
        "comments \(comments) topLevel \(topLevel) replies \(replies) orphans \(orphans) authors \(authors) deleted \(deleted)"
    }
}
