import Foundation

/// Writes `report.md`: a report a researcher can paste into a paper, readable rendered on
/// GitHub and as plain text.
///
/// Sections: title and source, summary, repeat posters, depth histogram, authors,
/// most-replied comments, the two diagrams, data quality (the inclusion rule and every repair),
/// glossary (generated from ``Metrics/glossary``) and provenance.
public enum MarkdownReport {
    /// Image file names of one thread's diagrams, relative to the report.
    public struct Images: Sendable {
        public var replyTree: String
        public var authors: String
        /// The topic co-occurrence diagram, and the automatic key terms' when a dictionary is used too.
        public var topics: String?
        /// The author × topic two-mode network of the same topics.
        public var authorTopics: String?
        public var keyTerms: String?
        /// The time charts (SVG), when the thread has at least 2 timed comments, and the
        /// timeline drawn (for its caption).
        public var timeline: String?
        public var timelineChart: TimeProfile.Timeline?
        public var latency: String?
        /// Whether the DOT diagrams were rendered (false with `--no-images`: the report then
        /// names the DOT files instead of embedding pictures).
        public var drawn = true
        /// How the reply tree was drawn and what it leaves out (``ReplyTreeDOT/note``), printed
        /// under the picture.
        public var replyTreeNote: String?
        /// Whether the reply tree is the radial picture (else labelled boxes).
        public var replyTreeIsRadial = false
        /// What the author-network picture shows (``AuthorNetworkDOT/note``).
        public var authorsNote: String?
        public init(replyTree: String, authors: String, topics: String? = nil, authorTopics: String? = nil, keyTerms: String? = nil,
                    timeline: String? = nil, timelineChart: TimeProfile.Timeline? = nil, latency: String? = nil) {
            self.timeline = timeline
            self.timelineChart = timelineChart
            self.latency = latency
            self.replyTree = replyTree
            self.authors = authors
            self.topics = topics
            self.authorTopics = authorTopics
            self.keyTerms = keyTerms
        }
    }
}

extension MarkdownReport.Images {
    /// The same pictures with the folder prefix `old` of each path replaced by `folder`.
    public func moved(from old: String, to folder: String) -> Self {
        func move(_ path: String) -> String { path.hasPrefix(old) ? folder + path.dropFirst(old.count) : path }
        var copy = self
        copy.replyTree = move(replyTree)
        copy.authors = move(authors)
        copy.topics = topics.map(move)
        copy.authorTopics = authorTopics.map(move)
        copy.keyTerms = keyTerms.map(move)
        copy.timeline = timeline.map(move)
        copy.latency = latency.map(move)
        return copy
    }
}

extension MarkdownReport {
    /// A corpus with more threads than this (or than `detail`) gets detailed sections for its largest threads only.
    public static let detailedThreadLimit = ReportBundle.diagramThreadLimit

    /// The Markdown text. `images` gives the diagrams of each thread by thread id (threads
    /// without an entry are reported without pictures).
    public static func write(_ corpus: CorpusAnalysis, provenance: Provenance, images: [String: Images], detail: Int = detailedThreadLimit) -> String {
        write(corpus, metrics: nil, provenance: provenance, images: images, detail: detail)
    }

    /// The Markdown text, with each thread's metrics already computed (`metrics[i]` for
    /// `corpus.threads[i]`); `nil` computes them for the threads reported in detail.
    public static func write(_ corpus: CorpusAnalysis, metrics: [ThreadMetrics]?, provenance: Provenance, images: [String: Images],
                             detail: Int = detailedThreadLimit, topics: [String: ThreadTopics] = [:], network: CorpusNetwork? = nil,
                             corpusTopics: CorpusTopics? = nil, corpusTime: TimeProfile? = nil) -> String {
        let single = corpus.threads.count == 1
        // A corpus of many threads gets detailed sections for its largest threads only (in
        // corpus order); every thread is in the corpus table and in metrics.json.
        var detailed = Array(corpus.threads.indices)
        if detailed.count > detail {
            let largest = Set(ReportBundle.detailed(corpus.threads.map(\.comments.count), detail: detail))
            detailed = detailed.filter { largest.contains($0) }
        }
        let sections = detailed.map { k in
            let t = corpus.threads[k]
            return threadSection(metrics?[k] ?? ThreadMetrics(t), topics: topics[t.thread.id], images: images[t.thread.id], single: single)
        }
        let quality = DataQuality(corpus)
        if single, let t = corpus.threads.first {
            var md = MarkdownText()
            md.line("# \(Escaping.markdown(Escaping.excerpt(t.thread.title, limit: 120)))")
            md.blank()
            md.line("Source: `\(Escaping.codeSpan(provenance.input))` (\(corpus.corpus.format.displayName)), analyzed by ThreadNet \(provenance.version).")
            if let url = t.thread.root.threadURL {
                let root = t.thread.root
                md.line("Thread URL: <\(url.replacingOccurrences(of: ">", with: "%3E"))>")
                if root.permalink != nil, let link = root.url, link != url { md.blank(); md.line("The post links to <\(link.replacingOccurrences(of: ">", with: "%3E"))>") }
            }
            md.blank()
            for section in sections { md.raw(section) }
            tail(quality, provenance: provenance, into: &md)
            return md.text
        }
        var summary = CorpusReport.Summary(corpus)
        if network == nil { summary.distinctAuthors = Set(corpus.threads.lazy.flatMap(\.network.names)).count }
        return write(summary: summary, network: network, time: corpusTime, topics: corpusTopics,
                     provenance: provenance, detail: detail, sections: sections, dataQuality: quality)
    }

    /// The report of a corpus of two or more threads from what it says of them, as the
    /// analysis of the corpus or merged partial results (``MergedCorpus``) have it.
    ///
    /// - Parameters:
    ///   - summary: the format, empty threads and each thread's size (the first 200 are listed).
    ///   - network: the corpus-wide author network.
    ///   - corpusTime: every comment and reply pooled (``TimeProfile``).
    ///   - corpusTopics: the corpus-wide key terms and their co-occurrence.
    ///   - provenance: the input, its digest, ThreadNet's version and the options.
    ///   - detail: how many threads have detailed sections when there are more.
    ///   - sections: the detailed threads' sections (``threadSection(_:topics:images:single:)``), in corpus order.
    ///   - dataQuality: the inclusion rule and the repairs.
    public static func write(summary: CorpusReport.Summary, network: CorpusNetwork?, time corpusTime: TimeProfile?, topics corpusTopics: CorpusTopics?,
                             provenance: Provenance, detail: Int, sections: [String], dataQuality: DataQuality) -> String {
        var md = MarkdownText()
        md.line("# ThreadNet report: \(Escaping.markdown(provenance.input))")
        md.blank()
        md.line("Source: `\(Escaping.codeSpan(provenance.input))` (\(summary.format)), analyzed by ThreadNet \(provenance.version).")
        md.blank()
        corpusSummary(summary, network: network, into: &md)
        if let corpusTime {
            TimeMarkdown.section(corpusTime, title: "Time across the corpus", level: "##", pooled: true,
                                 timeline: corpusTime.timeline == nil ? nil : "corpus-timeline.svg",
                                 latency: corpusTime.timedReplies > corpusTime.negativeLatencies ? "corpus-latency.svg" : nil, into: &md)
        }
        if let network { CorpusReport.networkSection(network, level: "##", growth: corpusTime?.timeline != nil, into: &md) }
        if let corpusTopics { CorpusTopicsWriter.section(corpusTopics, level: "##", into: &md) }
        if summary.threads.count > detail {
            md.line("Detailed sections follow for the \(detail) threads with most comments, of \(summary.threads.count); metrics.json holds every thread, corpus.md describes them all.")
            md.blank()
        }
        for section in sections { md.raw(section) }
        tail(dataQuality, provenance: provenance, into: &md)
        return md.text
    }

    /// One detailed thread's sections: for a thread of a corpus (not `single`) a heading with its
    /// id and title first; its summary, pictures, authors, links, topics and time.
    public static func threadSection(_ m: ThreadMetrics, topics: ThreadTopics?, images: Images?, single: Bool) -> String {
        var md = MarkdownText()
        let t = m.analysis
        if !single {
            md.line("## Thread \(Escaping.markdown(t.thread.id)): \(Escaping.markdown(Escaping.excerpt(t.thread.title, limit: 100)))")
            md.blank()
        }
        let level = single ? "##" : "###"
        threadSections(m, level: level, images: images, into: &md)
        if let topics { topicSections(topics, level: level, images: images, into: &md) }
        return md.text
    }

    /// Data quality, glossary and provenance.
    static func tail(_ quality: DataQuality, provenance: Provenance, into md: inout MarkdownText) {
        md.blank()
        dataQuality(quality, into: &md)
        glossary(into: &md)
        provenanceSection(provenance, into: &md)
    }

    static func percent(_ x: Double) -> String {
        if x != 0, abs(x) < 0.01 { return String((x * 10_000).rounded() / 100) + "%" }
        let p = (x * 1000).rounded() / 10
        return (p == p.rounded() ? String(Int(p)) : String(p)) + "%"
    }

    static func decimal(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        return String(r)
    }

    static func corpusSummary(_ c: CorpusReport.Summary, network: CorpusNetwork?, into md: inout MarkdownText) {
        md.line("## Corpus")
        md.blank()
        md.table(["Measure", "Value"], align: "|:---|---:|", [
            ["Threads with comments", "\(c.threads.count)"],
            ["Empty threads (counted, not listed)", "\(c.emptyThreads)"],
            ["Comments", "\(c.threads.reduce(0) { $0 + $1.comments })"],
            ["Distinct authors across threads", "\(network?.count ?? c.distinctAuthors)"],
            ["Maximum depth", "\(c.threads.map(\.maxDepth).max() ?? 0)"],
        ])
        md.blank()
        md.table(["Thread", "Title", "Comments", "Authors", "Maximum depth", "Findings"], align: "|:---|:---|---:|---:|---:|---:|",
                 c.threads.prefix(200).map { t in
            [Escaping.markdown(t.id), Escaping.markdown(Escaping.excerpt(t.title, limit: 60)), "\(t.comments)",
             "\(t.authors)", "\(t.maxDepth)", "\(t.findings)"]
        })
        if c.threads.count > 200 { md.line("(\(c.threads.count - 200) more threads in metrics.json.)") }
        md.blank()
    }

    /// A metric's value as the report shows it: counts whole, fractions as percentages, other
    /// values to 3 decimals, undefined values as "n/a".
    static func format(_ value: Double?, _ metric: ScalarMetric) -> String {
        guard let value, value.isFinite else { return "n/a" }
        if metric.isCount { return String(Int(value)) }
        if metric.definition.unit == "fraction" { return percent(value) }
        if metric.definition.unit == "seconds" { return TimeMarkdown.duration(value) }
        return decimal3(value)
    }

    /// Three significant digits (`0.000123`, `4.56e-07`), for values spanning magnitudes such
    /// as PageRank over a large network.
    static func significant(_ x: Double) -> String {
        guard x.isFinite else { return "n/a" }
        return x == 0 ? "0" : String(format: "%.3g", x)
    }

    static func decimal3(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
    }

    /// A compact table of one metric group: measure, value, unit.
    static func groupTable(_ m: ThreadMetrics, _ group: ScalarMetric.Group, into md: inout MarkdownText) {
        md.table(["Measure", "Value", "Unit"], align: "|:---|---:|:---|", Metrics.scalars(in: group).map {
            [$0.definition.name, format($0.value(m), $0), $0.definition.unit]
        })
    }

    static func threadSections(_ m: ThreadMetrics, level h: String, images: Images?, into md: inout MarkdownText) {
        let a = m.analysis
        md.line("\(h) Summary")
        md.blank()
        md.table(["Measure", "Value"], align: "|:---|---:|", [
            [Metrics.comments.definition.name, "\(Metrics.comments(a))"],
            [Metrics.topLevel.definition.name, "\(Metrics.topLevel(a))"],
            [Metrics.replies.definition.name, "\(Metrics.replies(a))"],
            [Metrics.orphanReplies.definition.name, "\(Metrics.orphanReplies(a))"],
            [Metrics.authors.definition.name, "\(Metrics.authors(a))"],
            [Metrics.unknownAuthorComments.definition.name, "\(Metrics.unknownAuthorComments(a))"],
            [Metrics.commentsPerAuthor.definition.name, decimal(Metrics.commentsPerAuthor(a))],
            [Metrics.repeatPosters.definition.name, "\(Metrics.repeatPosters(a).count)"],
            [Metrics.repeatPosterShare.definition.name, percent(Metrics.repeatPosterShare(a))],
            [Metrics.repeatPosterCommentShare.definition.name, percent(Metrics.repeatPosterCommentShare(a))],
            [Metrics.maxDepth.definition.name, "\(Metrics.maxDepth(a))"],
            [Metrics.meanDepth.definition.name, decimal(Metrics.meanDepth(a))],
            [Metrics.selfReplies.definition.name, "\(Metrics.selfReplies(a))"],
            [Metrics.mentions.definition.name, "\(Metrics.mentions(a))"],
            [Metrics.quotes.definition.name, "\(Metrics.quotes(a))"],
            [Metrics.references.definition.name, "\(Metrics.references(a))"],
        ] + (Metrics.excludedAuthorComments(a) > 0 ? [[Metrics.excludedAuthorComments.definition.name, "\(Metrics.excludedAuthorComments(a))"]] : []).map { [$0[0], $0[1]] })
        md.blank()

        if let images {
            md.line("\(h) Reply tree")
            md.blank()
            picture(images.replyTreeIsRadial
                        ? "Reply tree of the thread, drawn radially: the article at the centre, one ring per reply level"
                        : "Reply tree of the thread: the article on the left, each comment labelled with its number and author",
                    images.replyTree, drawn: images.drawn, note: images.replyTreeNote, into: &md)
        }

        md.line("\(h) Repeat posters")
        md.blank()
        let repeats = Metrics.repeatPosters(a)
        if repeats.isEmpty {
            md.line("No author wrote more than one comment.")
        } else {
            md.table(["Author", "Comments"], align: "|:---|---:|", repeats.map { [Escaping.markdown($0.name), "\($0.comments)"] })
        }
        md.blank()

        md.line("\(h) Reply depth")
        md.blank()
        let histogram = Metrics.depthHistogram(a)
        let total = max(1, a.comments.count)
        md.table(["Depth", "Comments", "Share"], align: "|---:|---:|:---|", histogram.keys.sorted().map { d in
            let n = histogram[d] ?? 0
            let bar = String(repeating: "█", count: max(1, Int((Double(n) / Double(total) * 30).rounded())))
            return ["\(d)", "\(n)", "\(bar) \(percent(Double(n) / Double(total)))"]
        })
        md.blank()

        TimeMarkdown.section(m.time, title: "Time", level: h, pooled: false, timeline: images?.timeline,
                             chart: images?.timelineChart, latency: images?.latency, into: &md)

        md.line("\(h) Thread shape")
        md.blank()
        md.line("The reply tree's form; the article is depth 0. Definitions and sources are in the glossary.")
        md.blank()
        groupTable(m, .shape, into: &md)
        md.blank()
        if m.shape.branchSizes.count > 1 {
            let sizes = m.shape.branchSizes.sorted(by: >)
            md.line("Branch sizes (comments per top-level branch, largest first): \(sizes.prefix(20).map(String.init).joined(separator: ", "))\(sizes.count > 20 ? ", … (\(sizes.count) branches)" : "").")
            md.blank()
        }

        md.line("\(h) Participation")
        md.blank()
        md.line("How comments are spread over the thread's \(m.participation.authors) known authors.")
        md.blank()
        groupTable(m, .participation, into: &md)
        md.blank()

        authorNetworkSection(m, level: h, image: images.map { ($0.authors, $0.drawn, $0.authorsNote) }, into: &md)

        md.line("\(h) Authors")
        md.blank()
        let stats = Metrics.authorStats(a)
        let order = stats.indices.sorted { (stats[$1].comments, stats[$1].repliesReceived, stats[$0].name) < (stats[$0].comments, stats[$0].repliesReceived, stats[$1].name) }
        let shownAuthors = order.prefix(authorRowLimit)
        md.table(["Author", "Comments", "Replies given", "Replies received", "In-degree", "Out-degree", "Weighted degree", "Words"] + authorNetworkHeader,
                 align: "|:---|---:|---:|---:|---:|---:|---:|---:|" + String(repeating: "---:|", count: authorNetworkHeader.count),
                 shownAuthors.map { k in
            let s = stats[k]
            return [Escaping.markdown(s.name), "\(s.comments)", "\(s.repliesGiven)", "\(s.repliesReceived)", "\(s.inDegree)", "\(s.outDegree)", "\(s.weightedDegree)",
                    "\(m.participation.perAuthor[k].words)"] + authorNetworkCells(m, author: k)
        })
        if stats.count > authorRowLimit { md.line("(\(stats.count - authorRowLimit) more authors in metrics.json and authors.csv.)") }
        md.blank()
        let edges = a.network.edges.sorted { (a.network.names[Int($0.from)], a.network.names[Int($0.to)], $0.kind.rawValue) < (a.network.names[Int($1.from)], a.network.names[Int($1.to)], $1.kind.rawValue) }
        if !edges.isEmpty {
            md.line("Edges of the author network (replier → replied-to):")
            md.blank()
            md.table(["From", "To", "Kind", "Weight"], align: "|:---|:---|:---|---:|", edges.prefix(50).map {
                [Escaping.markdown(a.network.names[Int($0.from)]), Escaping.markdown(a.network.names[Int($0.to)]), $0.kind.rawValue, "\($0.weight)"]
            })
            if edges.count > 50 { md.line("(\(edges.count - 50) more edges in metrics.json.)") }
            md.blank()
        }

        typedLinks(a, level: h, into: &md)

        md.line("\(h) Most-discussed comments")
        md.blank()
        let most = m.shape.mostDiscussed(5)
        if most.isEmpty {
            md.line("No comment received a reply.")
        } else {
            md.line("Ranked by descendants written by other authors, then all descendants (definitions in the glossary).")
            md.blank()
            md.table(["Comment", "Author", "Direct replies", "Descendants", "By others", "Excerpt"], align: "|:---|:---|---:|---:|---:|:---|", most.map { c in
                let i = Int(c)
                let id = a.network.commentAuthor[i]
                return [a.label(of: i), id >= 0 ? Escaping.markdown(a.network.names[Int(id)]) : "(unknown)", "\(m.shape.directReplies[i])",
                        "\(m.shape.descendants[i])", "\(m.shape.otherAuthorDescendants[i])",
                        Escaping.markdown(Escaping.excerpt(a.comments[i].text, limit: 90))]
            })
        }
        md.blank()
    }

    /// The topic sections: the dictionary's topics (when given) and the automatic key terms.
    static func topicSections(_ t: ThreadTopics, level h: String, images: Images?, into md: inout MarkdownText) {
        // Without rendered pictures (--no-images) the topic sections go without them.
        let images = images?.drawn == false ? nil : images
        defer {
            if let picture = images?.authorTopics {
                md.line("\(h) Authors and \(t.dictionary != nil ? "dictionary topics" : "key terms")")
                md.blank()
                md.line("![Two-mode network: authors linked to the topics their comments carry, edge width by comments](\(picture))")
                md.blank()
            }
        }
        if let dictionary = t.dictionary {
            md.raw(TopicsMarkdown.section(dictionary, level: h, image: images?.topics,
                                          title: "Topics (dictionary \(Escaping.markdown(t.dictionaryName ?? "given")))", measures: false))
            md.raw(TopicsMarkdown.section(t.keyTerms, level: h, image: images?.keyTerms, title: "Key terms (automatic)", csvName: "key-terms.csv", measures: false))
        } else {
            md.raw(TopicsMarkdown.section(t.keyTerms, level: h, image: images?.topics, title: "Topics: key terms (automatic)", measures: false))
        }
        md.blank()
        md.line(t.language.sentence)
        md.blank()
    }

    /// Authors listed in a thread's author table; the rest are in metrics.json and authors.csv.
    static let authorRowLimit = 50

    /// Per-author network columns of the authors table.
    static let authorNetworkHeader = ["PageRank", "Betweenness", "Harmonic closeness", "Hub", "Authority", "Reciprocity", "Core", "Community"]

    /// A diagram: the picture (or, when images were not drawn, the DOT file it comes from),
    /// then the drawing's note in italics.
    static func picture(_ alt: String, _ path: String, drawn: Bool, note: String?, into md: inout MarkdownText) {
        if drawn {
            md.line("![\(alt)](\(path))")
        } else {
            md.line("Diagram not drawn (`--no-images`): its DOT source is [\(path.dropLast(4)).dot](\(path.dropLast(4)).dot); `threadnet render` draws it.")
        }
        md.blank()
        if let note {
            md.line("*\(Escaping.markdown(note))*")
            md.blank()
        }
    }

    static func authorNetworkCells(_ m: ThreadMetrics, author k: Int) -> [String] {
        let n = m.network
        return [n.pageRank[k], n.betweenness[k], n.harmonicCloseness[k], n.hubScore[k], n.authorityScore[k]].map { String(format: "%.4f", $0) }
            + [n.reciprocity[k].isFinite ? String(format: "%.2f", n.reciprocity[k]) : "—", "\(n.coreNumber[k])", "\(n.community[k])"]
    }

    /// The author-network section: the group table.
    static func authorNetworkSection(_ m: ThreadMetrics, level h: String, image: (path: String, drawn: Bool, note: String?)?, into md: inout MarkdownText) {
        md.line("\(h) Author network")
        md.blank()
        if let image {
            picture("Author network: who replies to whom", image.path, drawn: image.drawn, note: image.note, into: &md)
        }
        md.line("Replier → replied-to between the \(m.network.nodes) known authors, weighted by replies; self-replies (\(Metrics.selfReplies(m.analysis))) removed first\(m.analysis.identity.includeArticleAuthor ? "; the article's author included" : ", the article's author left out"). Mention, quote and reference edges are drawn in the diagram but are not part of these measures.")
        md.blank()
        groupTable(m, .network, into: &md)
        md.blank()
        md.line(m.network.betweennessSampled
            ? "Betweenness and harmonic closeness (authors table) are **sampled**: estimated from \(m.network.betweennessSources) source authors chosen with a fixed seed, because the network has more than \(Betweenness.Options.standard.exactLimit) authors."
            : "Betweenness and harmonic closeness (authors table) are exact (breadth-first searches from all \(m.network.betweennessSources) authors). Reciprocity is — for an author who replied to no one; the community numbers are those of metrics.json and the diagrams' legends.")
        md.blank()
    }

    /// Mentions, quotes and numeric references, comment to comment.
    static func typedLinks(_ a: ThreadAnalysis, level h: String, into md: inout MarkdownText) {
        md.line("\(h) Mentions, quotes and references")
        md.blank()
        guard !a.links.isEmpty else {
            md.line("No comment mentions another author by name, quotes an earlier comment or refers to one by number (definitions in the glossary).")
            md.blank()
            return
        }
        md.line("Links between comments beyond the reply structure (they do not change the reply tree or its depths; definitions in the glossary):")
        md.blank()
        func who(_ i: Int32) -> String {
            let id = a.network.commentAuthor[Int(i)]
            return "\(a.label(of: Int(i))) " + (id >= 0 ? Escaping.markdown(a.network.names[Int(id)]) : "(unknown)")
        }
        md.table(["From comment", "To comment", "Kind", "Excerpt"], align: "|:---|:---|:---|:---|", a.links.prefix(50).map {
            [who($0.from), who($0.to), $0.kind.rawValue, Escaping.markdown(Escaping.excerpt(a.comments[Int($0.from)].text, limit: 70))]
        })
        if a.links.count > 50 { md.line("(\(a.links.count - 50) more links in metrics.json.)") }
        md.blank()
    }

    /// What report.md's data quality section says: the inclusion rule and the repairs.
    public struct DataQuality: Sendable {
        /// One repair and the id of its thread (nil: the input's, or a single thread's).
        public struct Repair: Sendable {
            public var finding: Finding
            public var thread: String?
            public init(_ finding: Finding, thread: String?) {
                self.finding = finding
                self.thread = thread
            }
        }

        /// ``InclusionPolicy/rule``.
        public var rule: String
        /// Every repair by kind.
        public var counts: [Finding.Kind: Int]
        /// The first repairs, at most ``listed``, in the order of metrics.json's `repairs`.
        public var first: [Repair]
        /// All repairs.
        public var total: Int
        /// Said before the list of repairs, when there is one (a merge says whose lines they name).
        public var note: String?

        /// How many repairs report.md lists.
        public static let listed = 200

        public init(rule: String, counts: [Finding.Kind: Int], first: [Repair], total: Int) {
            self.rule = rule
            self.counts = counts
            self.first = first
            self.total = total
        }

        /// The data quality of an analysis: the input's findings, then each thread's.
        public init(_ c: CorpusAnalysis) {
            var first: [Repair] = [], counts: [Finding.Kind: Int] = [:], total = 0
            let threads: [(String?, [Finding])] = [(nil, c.corpus.findings)] + c.threads.map { (c.threads.count > 1 ? $0.thread.id : nil, $0.findings) }
            for (thread, findings) in threads {
                for f in findings {
                    if first.count < Self.listed { first.append(Repair(f, thread: thread)) }
                    counts[f.kind, default: 0] += 1
                    total += 1
                }
            }
            self.init(rule: c.policy.rule, counts: counts, first: first, total: total)
        }
    }

    static func dataQuality(_ q: DataQuality, into md: inout MarkdownText) {
        md.line("## Data quality")
        md.blank()
        md.line("Inclusion rule: \(q.rule)")
        md.blank()
        if q.total == 0 {
            md.line("No repairs were needed: every comment's parent was found, no ids repeated, no loops, no records left out.")
            md.blank()
            return
        }
        md.table(["Finding", "Count"], align: "|:---|---:|", q.counts.keys.sorted().map { [$0.rawValue, "\(q.counts[$0] ?? 0)"] })
        md.blank()
        if let note = q.note {
            md.line(note)
            md.blank()
        }
        for r in q.first {
            let f = r.finding
            let scope = r.thread.map { " (thread \(Escaping.markdown($0)))" } ?? ""
            md.line("- `\(Escaping.codeSpan(f.location.reported.description))`\(scope) **\(f.kind.rawValue)**: \(Escaping.markdown(f.message))")
        }
        if q.total > q.first.count { md.line("- … \(q.total - q.first.count) more in metrics.json (`repairs`).") }
        md.blank()
    }

    static func glossary(into md: inout MarkdownText) {
        md.line("## Glossary")
        md.blank()
        md.line("Depth: the article is depth 0, a top-level comment depth 1, a reply to it depth 2. Authors are matched by exact name; deleted, empty or anonymous authors form one \"unknown\" bucket that is not counted as an author. The article's author is not part of the author network unless `--include-article-author` is given.")
        md.blank()
        for d in Metrics.glossary {
            md.line("- **\(d.name)** (`\(d.id)`, \(d.unit), per \(d.scope.rawValue)): \(d.definition)\(d.source.map { " Source: \($0)." } ?? "")")
        }
        md.blank()
        md.line("Topics and key terms. \(TopicsMarkdown.notation)")
        md.blank()
        for d in TopicsMarkdown.definitions {
            md.line("- **\(d.name)** (`\(d.id)`, \(d.unit), per \(d.scope.rawValue)): \(d.definition)\(d.source.map { " Source: \($0)." } ?? "")")
        }
        md.blank()
    }

    static func provenanceSection(_ p: Provenance, into md: inout MarkdownText) {
        md.line("## Provenance")
        md.blank()
        md.line("- Input: `\(Escaping.codeSpan(p.input))` (\(p.format))")
        md.line(p.sha256.isEmpty ? "- SHA-256: not known (merged from partial results: each one's partial.json has its shard's)" : "- SHA-256: `\(p.sha256)`")
        md.line("- ThreadNet: \(p.version)")
        md.line("- Options: \(p.options.isEmpty ? "none" : p.options.map { "`\(Escaping.codeSpan($0))`" }.joined(separator: ", "))")
    }
}

/// A small builder for Markdown lines and tables.
struct MarkdownText {
    private(set) var text = ""

    mutating func line(_ s: String) { text += s + "\n" }
    /// Appends text that already ends in a newline (a section written elsewhere).
    mutating func raw(_ s: String) { text += s }
    mutating func blank() { if !text.hasSuffix("\n\n") { text += "\n" } }

    /// A pipe table; cells must already be escaped.
    mutating func table(_ header: [String], align: String, _ rows: [[String]]) {
        line("| " + header.joined(separator: " | ") + " |")
        line(align)
        for r in rows { line("| " + r.joined(separator: " | ") + " |") }
    }
}
