extension HNFirebaseImporter {
    /// Groups items into threads: stories are roots, comments follow their parent chains.
    static func assemble(_ items: [Item], file: String, findings: [Finding]) throws(ImportError) -> Corpus {
        var index: [String: Int] = [:]
        index.reserveCapacity(items.count)
        for (i, item) in items.enumerated() where index[item.id] == nil { index[item.id] = i }

        // Parents from `kids` for items that do not name their own.
        var parentFromKids: [String: String] = [:]
        for item in items {
            for kid in item.kids where parentFromKids[kid] == nil { parentFromKids[kid] = item.id }
        }
        var items = items
        for i in items.indices where items[i].parent == nil && !items[i].isStory {
            items[i].parent = parentFromKids[items[i].id]
        }

        let storyIndices = items.indices.filter { items[$0].isStory }
        var pollOptions = 0

        // The key of the thread each comment belongs to: a story id, or the id of the item
        // not in the file where its parent chain ends. Iterative with memoization.
        var threadOf: [Int: String] = [:]
        var onPath: [Int] = []
        var inPath = Set<Int>()
        for start in items.indices where !items[start].isStory {
            if threadOf[start] != nil { continue }
            onPath.removeAll(keepingCapacity: true)
            inPath.removeAll(keepingCapacity: true)
            var current = start
            var key: String
            while true {
                if let known = threadOf[current] { key = known; break }
                if inPath.contains(current) { key = items[current].id; break } // a cycle
                onPath.append(current)
                inPath.insert(current)
                guard let parent = items[current].parent else { key = items[current].id; break }
                guard let p = index[parent] else { key = parent; break }
                if items[p].isStory { key = items[p].id; break }
                current = p
            }
            for i in onPath { threadOf[i] = key }
        }

        // Threads in order of first appearance: stories where they stand, other groups at their
        // first comment.
        let storyIDs = Set(storyIndices.map { items[$0].id })
        let single = storyIndices.count == 1 ? items[storyIndices[0]].id : nil
        var order: [String] = []
        var listed = Set<String>()
        var comments: [String: [Comment]] = [:]
        var threadFindings: [String: [Finding]] = [:]
        var storyOf: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            if item.isStory {
                if storyOf[item.id] == nil { storyOf[item.id] = i; if listed.insert(item.id).inserted { order.append(item.id) } }
                continue
            }
            if item.type == "pollopt" { pollOptions += 1; continue }
            var key = threadOf[i] ?? item.id
            if !storyIDs.contains(key), let single { key = single }
            if listed.insert(key).inserted { order.append(key) }
            var comment = item.comment
            if let parent = comment.parentID, storyIDs.contains(parent) { comment.parentID = nil }
            comments[key, default: []].append(comment)
            threadFindings[key, default: []] += item.findings
        }

        var threads: [CommentThread] = []
        var empty = 0
        for key in order {
            guard let list = comments[key], !list.isEmpty else { empty += 1; continue }
            var thread: CommentThread
            if let s = storyOf[key] {
                let story = items[s]
                let page = HNFirebaseImporter.itemURL(story.id)
                let root = RootPost(id: story.id, author: story.author, text: story.text, timestamp: story.time, url: story.url ?? page,
                                    permalink: story.url == nil ? nil : page, score: story.score)
                thread = CommentThread(id: key, title: (story.title?.isEmpty == false ? story.title : nil) ?? key, root: root)
                thread.findings += story.findings
            } else {
                let title = "HN item \(key)" + (index[key] == nil ? " (not in the file)" : "")
                thread = CommentThread(id: key, title: title, root: RootPost(id: key))
            }
            thread.comments = list
            thread.findings += threadFindings[key] ?? []
            threads.append(thread)
        }
        var corpusFindings = findings
        if pollOptions > 0 {
            corpusFindings.append(Finding(.note, at: SourceLocation(file: file),
                                          "skipped \(pollOptions) poll option\(pollOptions == 1 ? "" : "s") (`pollopt` items are not comments)"))
        }
        guard !threads.isEmpty else {
            let stories = storyIndices.count
            throw ImportError(.empty, at: SourceLocation(file: file),
                              "no comments: the file holds \(items.count) item\(items.count == 1 ? "" : "s") (\(stories) stor\(stories == 1 ? "y" : "ies")) and no `comment` item")
        }
        return Corpus(format: .hnFirebase, threads: threads, emptyThreadCount: empty, findings: corpusFindings)
    }
}
