import Foundation
@testable import ThreadNetCore

extension ThreadFacts {
    /// The stream scripts' convention (csv-*, json-*, pushshift-sample): every comment with a
    /// parent is a reply, orphans included, so topLevel + replies = comments.
    init(stream threads: [CommentThread]) {
        self.init(threads: threads)
        replies += orphans
    }
}
