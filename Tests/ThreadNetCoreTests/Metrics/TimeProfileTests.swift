import Foundation
import Testing
@testable import ThreadNetCore

/// The time measures (``TimeProfile``, ``Metrics/timeScalars``): against an independent
/// computation on the raw fixture JSON (`scripts/reference/time_reference.py`, numpy), and on
/// small threads counted by hand.
@Suite("TimeProfile")
struct TimeProfileTests {
    /// A thread of comments (id, parent id, seconds after 2024-01-01T00:00:00Z or nil).
    static func thread(_ rows: [(String, String?, Double?)], post: Double? = nil) -> ThreadAnalysis {
        let base = 1_704_067_200.0
        let comments = rows.enumerated().map { k, r in
            ThreadComment(id: r.0, parentID: r.1, author: "a\(k % 3)", timestamp: r.2.map { Date(timeIntervalSince1970: base + $0) },
                          text: "text \(k)", location: SourceLocation(file: "t", line: k + 1))
        }
        let root = RootPost(id: "p", author: "op", timestamp: post.map { Date(timeIntervalSince1970: base + $0) })
        return ThreadAnalysis(thread: CommentThread(id: "p", title: "T", root: root, comments: comments), policy: .all)
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-9 * max(1, abs(b))
    }

    @Test("Reddit and Mastodon fixtures match the independent script", arguments: [
        "json/reddit-3hahrw-thread", "json/mastodon-context-109294719267373593",
    ])
    func fixtures(stem: String) throws {
        let corpus = try Importers.read(InputSource(path: Paths.fixture(stem + ".json").path))
        let analysis = CorpusAnalysis(corpus: corpus)
        let thread = try #require(analysis.threads.first)
        let time = TimeProfile(thread)
        let expected = try Paths.expected(stem + ".time.json")
        for s in Metrics.timeScalars {
            let want = expected[s.definition.id] as? Double ?? (expected[s.definition.id] as? Int).map(Double.init)
            #expect(Self.close(s.timeValue!(time), want), "\(stem) \(s.definition.id): \(String(describing: s.timeValue!(time))) vs \(String(describing: want))")
        }
        #expect(time.negativeLatencies == expected["negativeLatencies"] as? Int)
        let peak = time.peakHourStart.map { Date(timeIntervalSince1970: $0).iso8601UTC }
        #expect(peak == expected["peakHourStart"] as? String)
        let byDepth = try #require(expected["latencyByDepth"] as? [[String: Any]])
        #expect(time.latencyByDepth.map(\.depth) == byDepth.map { $0["depth"] as! Int })
        #expect(time.latencyByDepth.map(\.replies) == byDepth.map { $0["replies"] as! Int })
        #expect(zip(time.latencyByDepth.map(\.median), byDepth.map { ($0["median"] as! NSNumber).doubleValue }).allSatisfy { Self.close($0, $1) })
        // Every author's active span (authors.csv `activeSpan`, metrics.json authors[]).
        let spans = try #require(expected["activeSpan"] as? [String: NSNumber])
        let metrics = ThreadMetrics(thread)
        let mine = Dictionary(uniqueKeysWithValues: metrics.participation.perAuthor.map { ($0.name, $0.activeSpan) })
        #expect(mine.count == spans.count)
        for (name, span) in spans {
            #expect(Self.close(mine[name] ?? nil, span.doubleValue), "\(stem) \(name)")
        }
    }

    @Test("the issue's hand-computed Reddit figures: median latency 47 min, peak hour 169 comments")
    func issueFigures() throws {
        let corpus = try Importers.read(InputSource(path: Paths.fixture("json/reddit-3hahrw-thread.json").path))
        let time = TimeProfile(try #require(CorpusAnalysis(corpus: corpus).threads.first))
        #expect(((time.latencyMedian ?? 0) / 60).rounded() == 47)
        #expect(time.peakHourComments == 169)
    }

    @Test("a small thread counted by hand")
    func handCounted() throws {
        // Times (s): c1 0, c2 600 (→c1), c3 4000 (→c1), c4 3000 (→c2), c5 untimed (→c1),
        // c6 7300 (→c5, untimed parent), c7 500 (→c3: before its parent, negative).
        let a = Self.thread([("c1", nil, 0), ("c2", "c1", 600), ("c3", "c1", 4000), ("c4", "c2", 3000),
                             ("c5", "c1", nil), ("c6", "c5", 7300), ("c7", "c3", 500)], post: -120)
        let t = TimeProfile(a)
        #expect(t.timedComments == 6 && t.untimedComments == 1)
        #expect(t.duration == 7300)
        #expect(t.timeToFirstComment == 120)
        // Hours: [0, 3600) holds 0, 500, 600, 3000; [3600, 7200) holds 4000; 7300 the third.
        #expect(t.peakHourComments == 4)
        #expect(t.peakHourStart == 1_704_067_200)
        // Sorted 0, 500, 600, 3000, 4000, 7300: the 3rd arrives at 600.
        #expect(t.timeToHalfComments == 600)
        #expect(Self.close(t.commentsPerHour, 6 / (7300.0 / 3600)))
        // Latencies: c2 600, c3 4000, c4 2400; c7 −3500 left out; c6's parent is untimed.
        #expect(t.timedReplies == 4 && t.negativeLatencies == 1)
        #expect(t.latencyMedian == 2400)
        #expect(t.latencyQ1 == 1500)          // 600 + 0.5 · (2400 − 600)
        #expect(t.latencyQ3 == 3200)          // 2400 + 0.5 · (4000 − 2400)
        #expect(Self.close(t.latencyP90, 3680)) // 2400 + 0.8 · 1600
        #expect(Self.close(t.repliesWithinHour, 2.0 / 3))
        #expect(t.repliesWithinDay == 1)
        #expect(t.latencyByDepth == [.init(depth: 2, replies: 2, median: 2300), .init(depth: 3, replies: 1, median: 2400)])
        // Latency chart bins: 600 s in 5–15 min, 2400 s in 15–60 min, 4000 s in 1–3 h.
        #expect(t.latencyCounts == [0, 0, 1, 1, 1, 0, 0, 0, 0])
        // Timeline: 7300 s span 121 one-minute bins, so 5-minute bins, 25 of them from the
        // first comment's bin; c1 (depth 1) in bin 0, c7 (depth 3) 1, c2 (2) 2, c4 (3) 10,
        // c3 (2) 13, c6 (3, under the untimed c5) 24.
        #expect(t.timeline == nil)   // a thread's profile bins only when asked
        let tl = try #require(TimeProfile.timeline(of: a))
        #expect(TimeProfile(a, withTimeline: true).timeline == tl)
        #expect(tl.binSeconds == 300 && tl.start == 1_704_067_200 && tl.counts.count == 25 && tl.later == 0)
        let filled = tl.counts.enumerated().filter { $0.element.reduce(0, +) > 0 }.map { "\($0.offset):\($0.element)" }
        #expect(filled == ["0:[1, 0, 0, 0]", "1:[0, 0, 1, 0]", "2:[0, 1, 0, 0]", "10:[0, 0, 1, 0]", "13:[0, 1, 0, 0]", "24:[0, 0, 1, 0]"])
        // Gaps 500, 100, 2400, 1000, 3300: median 1000, mean 1460.
        #expect(t.interArrivalMedian == 1000)
        #expect(Self.close(t.interArrivalMean, 1460))
        // Explicit types: the literal arithmetic otherwise takes seconds to type-check.
        let gaps: [Double] = [500, 100, 2400, 1000, 3300]
        let squares: [Double] = gaps.map { (x: Double) -> Double in (x - 1460) * (x - 1460) }
        let sd: Double = (squares.reduce(0, +) / 5).squareRoot()
        #expect(Self.close(t.burstiness, (sd - 1460) / (sd + 1460)))
    }

    @Test("edge cases: no times, one time, equal times; regular arrivals have burstiness −1")
    func edges() {
        let none = TimeProfile(Self.thread([("c1", nil, nil), ("c2", "c1", nil)]))
        #expect(none.timedComments == 0 && none.duration == nil && none.latencyMedian == nil && none.peakHourComments == 0)
        let one = TimeProfile(Self.thread([("c1", nil, 50)]))
        #expect(one.duration == 0 && one.commentsPerHour == nil && one.timeToHalfComments == 0 && one.interArrivalMedian == nil)
        let same = TimeProfile(Self.thread([("c1", nil, 50), ("c2", "c1", 50)]))
        #expect(same.burstiness == nil && same.latencyMedian == 0 && same.timeToFirstComment == nil)
        let regular = TimeProfile(Self.thread([("c1", nil, 0), ("c2", nil, 60), ("c3", nil, 120), ("c4", nil, 180)]))
        #expect(regular.burstiness == -1)
    }

    @Test("the corpus profile pools every thread's comments and replies")
    func corpus() {
        let a = Self.thread([("c1", nil, 0), ("c2", "c1", 600)])
        let b = Self.thread([("d1", nil, 100), ("d2", "d1", 3700), ("d3", "d2", 3800)])
        let pooled = TimeProfile(corpus: [a, b])
        #expect(pooled.timedComments == 5)
        #expect(pooled.duration == 3800)
        // Latencies 600, 3600, 100: median 600.
        #expect(pooled.latencyMedian == 600)
        #expect(pooled.timeToFirstComment == nil)
        #expect(pooled.latencyByDepth == [.init(depth: 2, replies: 2, median: 2100), .init(depth: 3, replies: 1, median: 100)])
    }

    @Test("metrics.json: threads[].time and corpus.time, times in ISO 8601 UTC; threads.csv has the columns")
    func inOutputs() throws {
        let a = Self.thread([("c1", nil, 0), ("c2", "c1", 600)], post: -60)
        let b = Self.thread([("d1", nil, 100), ("d2", "d1", 3700), ("d3", "d2", 3800)])
        let corpus = CorpusAnalysis(corpus: Corpus(format: .json, threads: [a.thread, b.thread]), policy: .all)
        let metrics = ThreadMetrics.computeAll(corpus.threads)
        let text = TextOutput.text {
            MetricsJSON.write(corpus, metrics: metrics, provenance: Provenance(input: "t", sha256: "0", format: "json", options: []),
                              corpusTime: TimeProfile(corpus: corpus.threads), to: $0)
        }
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let pooled = try #require((object["corpus"] as? [String: Any])?["time"] as? [String: Any])
        #expect(pooled["timedComments"] as? Int == 5 && pooled["duration"] as? Int == 3800)
        #expect(pooled["replyLatencyMedian"] as? Int == 600)
        #expect(pooled["firstCommentTime"] as? String == "2024-01-01T00:00:00Z")
        #expect(pooled["timeToFirstComment"] is NSNull)
        let threads = try #require(object["threads"] as? [[String: Any]])
        let first = try #require(threads[0]["time"] as? [String: Any])
        #expect(first["postTime"] as? String == "2023-12-31T23:59:00Z")
        #expect(first["timeToFirstComment"] as? Int == 60)
        #expect(first["peakHourStart"] as? String == "2024-01-01T00:00:00Z" && first["peakHourComments"] as? Int == 2)
        let second = try #require(threads[1]["time"] as? [String: Any])
        #expect((second["latencyByDepth"] as? [[String: Any]])?.map { $0["replies"] as? Int } == [1, 1])
        // Network growth, by hand: a0 comments at 0, a1 at 600 replying to a0 (edge a1→a0),
        // a0 again at 100 and a1 at 3700 (the same edge), a2 at 3800 replying to a1.
        let network = CorpusNetwork(corpus.threads)
        #expect(network.authorArrivals == [0, 600, 3800].map { 1_704_067_200 + $0 })
        #expect(network.edgeArrivals == [600, 3800].map { 1_704_067_200 + $0 })
        #expect(network.grown(by: 1_704_067_200 + 3799) == (2, 1) && network.grown(by: 1_704_067_200 + 3800) == (3, 2))
        let table = ComparisonTable(metrics.map { ComparedThread(label: $0.analysis.thread.id, source: "t", metrics: $0) })
        let header = ComparisonCSV.write(table).split(separator: "\n").first.map(String.init) ?? ""
        #expect(Metrics.timeScalars.allSatisfy { header.split(separator: ",").contains(Substring($0.definition.id)) })
    }
}
