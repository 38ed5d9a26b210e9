import Foundation
import Testing
@testable import ThreadNetCore

/// `--since`/`--until` (``TimeWindow``): counts against the independent script
/// (`scripts/reference/time_reference.py`, the `windows` of `<fixture>.time.json`), and the
/// re-attachment and findings on a thread worked by hand.
@Suite("TimeWindow")
struct TimeWindowTests {
    @Test("window counts and latency match the independent script", arguments: [
        "json/reddit-3hahrw-thread", "json/mastodon-context-109294719267373593",
    ])
    func fixtures(stem: String) throws {
        let corpus = try Importers.read(InputSource(path: Paths.fixture(stem + ".json").path))
        let expected = try Paths.expected(stem + ".time.json")
        let windows = try #require(expected["windows"] as? [[String: Any]])
        for w in windows {
            let since = w["since"] as! String, until = w["until"] as! String
            let window = TimeWindow(since: since.isEmpty ? nil : TimeWindow.bound(since), until: until.isEmpty ? nil : TimeWindow.bound(until))
            let cut = window.apply(to: corpus)
            let kept = w["kept"] as! Int
            #expect(cut.threads.reduce(0) { $0 + $1.comments.count } == kept, "\(since)..\(until)")
            let finding = cut.threads.first?.findings.first { $0.kind == .excluded && $0.message.contains("time window") }
            let before = w["before"] as! Int, after = w["after"] as! Int
            if before > 0 { #expect(finding?.message.contains("\(before) before") == true) }
            if after > 0 { #expect(finding?.message.contains("\(after) at or after") == true) }
            guard let thread = CorpusAnalysis(corpus: cut).threads.first else { #expect(kept == 0); continue }
            let median = TimeProfile(thread).latencyMedian
            #expect(median == (w["replyLatencyMedian"] as? NSNumber)?.doubleValue, "\(since)..\(until)")
        }
    }

    @Test("half-open bounds, untimed comments left out, replies re-attached to the nearest kept ancestor")
    func handWorked() throws {
        let base = 1_704_067_200.0   // 2024-01-01T00:00:00Z
        func c(_ id: String, _ parent: String?, _ t: Double?) -> ThreadComment {
            ThreadComment(id: id, parentID: parent, author: id, timestamp: t.map { Date(timeIntervalSince1970: base + $0) }, text: id,
                          location: SourceLocation(file: "w", line: 1))
        }
        // c1 (0) ← c2 (100) ← c3 (200) ← c4 (300); c5 untimed; c6 (3600) on c1.
        let thread = CommentThread(id: "t", title: "T", comments: [c("c1", nil, 0), c("c2", "c1", 100), c("c3", "c2", 200), c("c4", "c3", 300),
                                                                    c("c5", nil, nil), c("c6", "c1", 3600)])
        let corpus = Corpus(format: .json, threads: [thread])
        // Since 100 s: c1 out (before); c5 out (untimed); c2 → root; c6 → root.
        let window = TimeWindow(since: Date(timeIntervalSince1970: base + 100), until: Date(timeIntervalSince1970: base + 3600))
        let cut = window.apply(to: corpus)
        let kept = try #require(cut.threads.first).comments
        // c6 at exactly `until` is out: the window is half-open.
        #expect(kept.map(\.id) == ["c2", "c3", "c4"])
        #expect(kept.map(\.parentID) == [nil, "c2", "c3"])
        let messages = cut.threads[0].findings.map(\.message)
        #expect(messages.contains { $0.hasPrefix("3 comments left out by the time window") && $0.contains("1 before") && $0.contains("1 at or after") && $0.contains("1 without a time") })
        #expect(messages.contains { $0.hasPrefix("1 comment replies to a comment outside the time window") })
        // A window that keeps nothing leaves an empty thread, counted.
        let none = TimeWindow(since: Date(timeIntervalSince1970: base + 10_000)).apply(to: corpus)
        #expect(none.threads.isEmpty && none.emptyThreadCount == 1)
        // No bound: the corpus unchanged.
        #expect(TimeWindow().apply(to: corpus) == corpus)
    }

    @Test("bounds and ranges as written on the command line")
    func parsing() {
        #expect(TimeWindow.bound("2020-01-02") == Date(timeIntervalSince1970: 1_577_923_200))
        #expect(TimeWindow.bound("2020-01-02T02:00:00+02:00") == Date(timeIntervalSince1970: 1_577_923_200))
        #expect(TimeWindow.bound("yesterday") == nil)
        #expect(TimeWindow(range: "..2020-01-02") == TimeWindow(until: Date(timeIntervalSince1970: 1_577_923_200)))
        #expect(TimeWindow(range: "2020-01-02..")?.since == Date(timeIntervalSince1970: 1_577_923_200))
        #expect(TimeWindow(range: "..") == nil && TimeWindow(range: "x..y") == nil && TimeWindow(range: "2020-01-02") == nil)
    }
}
