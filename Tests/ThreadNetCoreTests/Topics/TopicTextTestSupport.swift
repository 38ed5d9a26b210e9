@testable import ThreadNetCore

/// A thread analysis of top-level comments with the given texts (and root post text).
func topicAnalysis(_ texts: [String], root: String = "") -> ThreadAnalysis {
    let comments = texts.enumerated().map { i, text in
        ThreadComment(id: String(i + 1), author: "author\(i)", text: text, location: SourceLocation(file: "t.txt", line: i + 1))
    }
    return ThreadAnalysis(thread: CommentThread(id: "t", title: "t", root: RootPost(text: root), comments: comments))
}

/// The incidence as one `[topic: count]` map per unit, for readable expectations.
func unitMaps(_ incidence: TopicIncidence) -> [[String: Int32]] {
    (0..<incidence.unitCount).map { u in
        var map: [String: Int32] = [:]
        for k in Int(incidence.unitStart[u])..<Int(incidence.unitStart[u + 1]) {
            map[incidence.topics[Int(incidence.unitTopics[k])]] = incidence.unitCounts[k]
        }
        return map
    }
}
