extension ReportBundle {
    /// The files of one detailed thread and what the report says about its pictures.
    public struct ThreadFiles: Sendable {
        /// DOT sources (rendered next to themselves as `.svg` and `.png`).
        public var diagrams: [File]
        /// The exports and charts.
        public var exports: [File]
        /// The pictures as `report.md` links them.
        public var images: MarkdownReport.Images
    }

    /// The detailed threads of a corpus of several threads: the `detail` with most comments,
    /// ties by corpus order, in that order.
    ///
    /// - Parameter comments: each thread's comments, in the corpus's order.
    /// - Complexity: O(*t* log *t*).
    public static func detailed(_ comments: [Int], detail: Int) -> [Int] {
        Array(comments.indices.sorted { (comments[$1], $0) < (comments[$0], $1) }.prefix(detail))
    }

    /// The folder names under `threads/` of the detailed threads, in the order of `ids`: the
    /// thread id made safe for a file name (``Escaping/fileName(_:)``), `-2`, `-3`, … after
    /// it when an earlier thread has the name.
    public static func folderNames(_ ids: [String]) -> [String] {
        var used = Set<String>()
        return ids.map { id in
            var name = Escaping.fileName(id)
            var n = 2
            while used.contains(name) { name = Escaping.fileName(id) + "-\(n)"; n += 1 }
            used.insert(name)
            return name
        }
    }

    /// One detailed thread's files under `folder` (`""` for a single-thread corpus, else
    /// `threads/<name>/`): `reply-tree.dot`, `authors.dot`, the GEXF, GraphML and node-link
    /// exports, the thread's CSVs without the `thread` column (in a folder), its topics and
    /// time charts. Each depends on the thread alone.
    public static func threadFiles(_ t: ThreadAnalysis, metrics m: ThreadMetrics, topics threadTopics: ThreadTopics, folder: String,
                                   diagrams diagramOptions: DiagramOptions = DiagramOptions(), dynamicGEXF: Bool = false,
                                   images drawsImages: Bool = true) -> ThreadFiles {
        var diagrams: [File] = [], exports: [File] = []
        let tree = ReplyTreeDOT(t, options: diagramOptions)
        let authorsPicture = AuthorNetworkDOT(t, options: diagramOptions)
        diagrams.append(File(path: folder + "reply-tree.dot") { tree.write(to: $0) })
        diagrams.append(File(path: folder + "authors.dot") { authorsPicture.write(to: $0) })
        exports += [
            File(path: folder + "authors.gexf") { GEXFWriter.write(t, metrics: m, to: $0) },
            File(path: folder + "authors-replies.gexf") { GEXFWriter.write(t, metrics: m, repliesOnly: true, to: $0) },
            File(path: folder + "reply-tree.gexf") { GEXFWriter.writeReplyTree(t, dynamic: dynamicGEXF, to: $0) },
            File(path: folder + "authors.graphml") { GraphMLWriter.write(t, metrics: m, to: $0) },
            File(path: folder + "authors-replies.graphml") { GraphMLWriter.write(t, metrics: m, repliesOnly: true, to: $0) },
            File(path: folder + "authors.json") { NodeLinkJSON.write(m, to: $0) },
        ]
        if !folder.isEmpty {
            exports += [
                File(path: folder + "comments.csv") { CSVWriter.writeComments([m], threadColumn: false, to: $0) },
                File(path: folder + "authors.csv") { CSVWriter.writeAuthors([m], threadColumn: false, to: $0) },
                File(path: folder + "edges.csv") { CSVWriter.writeEdges([t], threadColumn: false, to: $0) },
            ]
        }
        let primary = threadTopics.primary
        diagrams.append(File(path: folder + "topics.dot") { $0.write(TopicsDOT.write(primary)) })
        diagrams.append(File(path: folder + "author-topics.dot") { $0.write(AuthorTopicDOT.write(primary.authors)) })
        exports += [
            File(path: folder + "topics.csv") { $0.write(TopicsCSV.pairs(primary.cooccurrence)) },
            File(path: folder + "author-topics.csv") { $0.write(TopicsCSV.authorTopics(primary.authors)) },
        ]
        if threadTopics.dictionary != nil {
            let keyTerms = threadTopics.keyTerms
            diagrams.append(File(path: folder + "key-terms.dot") { $0.write(TopicsDOT.write(keyTerms)) })
            exports.append(File(path: folder + "key-terms.csv") { $0.write(TopicsCSV.pairs(keyTerms.cooccurrence)) })
        }
        let time = m.time
        var timelinePath: String?, latencyPath: String?
        let timeline = TimeProfile.timeline(of: t)
        if let tl = timeline {
            timelinePath = folder + "timeline.svg"
            exports.append(File(path: folder + "timeline.svg") { $0.write(SVGChart.timeline(title: "Comments over time", tl)) })
        }
        if time.timedReplies > time.negativeLatencies {
            latencyPath = folder + "latency.svg"
            exports.append(File(path: folder + "latency.svg") { $0.write(SVGChart.latency(title: "Reply latency", time)) })
        }
        var pictures = MarkdownReport.Images(replyTree: folder + "reply-tree.png", authors: folder + "authors.png",
                                             topics: folder + "topics.png", authorTopics: folder + "author-topics.png",
                                             keyTerms: threadTopics.dictionary != nil ? folder + "key-terms.png" : nil,
                                             timeline: timelinePath, timelineChart: timeline, latency: latencyPath)
        pictures.drawn = drawsImages
        pictures.replyTreeNote = tree.note
        pictures.replyTreeIsRadial = tree.style == .radial
        pictures.authorsNote = authorsPicture.note
        return ThreadFiles(diagrams: diagrams, exports: exports, images: pictures)
    }
}
