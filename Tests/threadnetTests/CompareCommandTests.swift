import Foundation
import Testing

/// `threadnet compare` and corpus mode of `threadnet analyze`, run as a user would.
@Suite("threadnet compare and corpus mode")
struct CompareCommandTests {
    static let repository = ReportsGoldenTests.repository
    static let seed = repository.appendingPathComponent("seeds/000_dd0249cc5e7d2567.txt").path
    static let wordpress = repository.appendingPathComponent("Tests/ThreadNetCoreTests/Fixtures/xml/isso-wordpress.xml").path

    /// The seed (1 thread) and the WordPress fixture (2 threads, per its expected.json) give
    /// 3 columns; `--label` names the seed's.
    @Test func compareWritesEveryOutput() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandLineTests.run(["compare", Self.seed, Self.wordpress, "--label", "Boston=000_dd0249cc5e7d2567.txt", "--out", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["authors", "comparison.csv", "comparison.json", "comparison.md", "manifest.json", "metrics.svg", "trees"])
        let csv = try String(contentsOf: folder.appendingPathComponent("comparison.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 4)
        #expect(csv[1].hasPrefix("Boston,000_dd0249cc5e7d2567.txt,000_dd0249cc5e7d2567,"))
        // The seed's 21 comments and 17 authors, counted by hand (Fixtures/seed/seed.expected.json).
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("comparison.json"))) as? [String: Any]
        let first = (json?["threads"] as? [[String: Any]])?.first
        #expect((first?["metrics"] as? [String: Any])?["comments"] as? Int == 21)
        #expect((first?["metrics"] as? [String: Any])?["authors"] as? Int == 17)
        let md = try String(contentsOf: folder.appendingPathComponent("comparison.md"), encoding: .utf8)
        #expect(md.contains("| Boston |") || md.contains("| Metric | Boston |"))
        #expect(md.contains("## Shared participants") && md.contains("## Vocabulary contrast") && md.contains("## Glossary"))
        let trees = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("trees").path)
        #expect(trees.filter { $0.hasSuffix(".png") }.count == 3)
    }

    /// One thread across two time windows (`FILE@..T`, `FILE@T..`): 53 and 423 comments, as
    /// `scripts/reference/time_reference.py` counts them; `analyze --since/--until` agrees and
    /// says what it left out; a label naming no input is an error.
    @Test func timeWindows() throws {
        let reddit = Self.repository.appendingPathComponent("Tests/ThreadNetCoreTests/Fixtures/json/reddit-3hahrw-thread.json").path
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandLineTests.run(["compare", reddit + "@..2015-08-17T13:00", reddit + "@2015-08-17T13:00..",
                                            "--label", "early=reddit-3hahrw-thread.json@..2015-08-17T13:00", "--out", folder.path, "--no-images"])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOf: folder.appendingPathComponent("comparison.csv"), encoding: .utf8).split(separator: "\n")
        let header = csv[0].split(separator: ",")
        let k = try #require(header.firstIndex(of: "comments"))
        #expect(csv.count == 3)
        #expect(csv[1].hasPrefix("early,") && csv[1].split(separator: ",")[k] == "53")
        #expect(csv[2].split(separator: ",")[k] == "423")

        let out = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let analyze = try CommandLineTests.run(["analyze", reddit, "--since", "2015-08-17T10:00:00Z", "--until", "2015-08-18", "--out", out.path, "--no-images"])
        #expect(analyze.status == 0, "\(analyze.stderr)")
        #expect(analyze.stdout.contains("440 comments"))
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("36 comments left out by the time window (--since 2015-08-17T10:00:00Z --until 2015-08-18T00:00:00Z): 14 before 2015-08-17T10:00:00Z, 22 at or after 2015-08-18T00:00:00Z"))

        let bad = try CommandLineTests.run(["compare", reddit, "--label", "x=nothing.json", "--out", folder.path, "--no-images"])
        #expect(bad.status != 0 && bad.stderr.contains("nothing.json is not one of the inputs"))
        let empty = try CommandLineTests.run(["analyze", reddit, "--since", "2030-01-01", "--out", out.path, "--no-images"])
        #expect(empty.status != 0 && empty.stderr.contains("no comment of the input falls in the time window"))
        let wrong = try CommandLineTests.run(["analyze", reddit, "--since", "2020-02-01", "--until", "2020-01-01", "--out", out.path])
        #expect(wrong.status != 0 && wrong.stderr.contains("--since must be before --until"))
    }

    /// A thread compared with itself: no differences.
    @Test func compareWithItself() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let topics = ReportsGoldenTests.repository.appendingPathComponent("seeds/topics.yaml").path
        let run = try CommandLineTests.run(["compare", Self.seed, Self.seed, "--topics", topics, "--out", folder.path, "--no-images"])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOf: folder.appendingPathComponent("comparison.md"), encoding: .utf8)
        #expect(md.contains("No differences: every metric has the same value in every thread."))
        // The dictionary's topics line up: the seed's 16 comments on illegal immigration (of 21,
        // counted by hand in TopicExtractorTests) in both columns.
        #expect(md.contains("| immigration/illegal immigration | 16 (76.2%) | 16 (76.2%) |"))
    }

    /// A generated Pushshift dump of 120 threads (thread k has k % 7 + 1 comments, a chain:
    /// each comment replies to the previous one), analyzed with `--detail 3`: corpus mode.
    /// By hand: 120 threads; Σ (k % 7 + 1) over k = 0…119 = 17 full cycles of 28 + (1 to 1) = 476 + 1 = 477 comments.
    @Test func corpusMode() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = ""
        var n = 0
        for k in 0..<120 {
            var previous = "t3_s\(k)"
            for _ in 0..<(k % 7 + 1) {
                n += 1
                lines += "{\"id\":\"c\(n)\",\"link_id\":\"t3_s\(k)\",\"parent_id\":\"\(previous)\",\"author\":\"user\(n % 13)\",\"created_utc\":\(1_600_000_000 + n),\"body\":\"comment \(n)\"}\n"
                previous = "t1_c\(n)"
            }
        }
        let input = folder.appendingPathComponent("dump.ndjson")
        try lines.write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try CommandLineTests.run(["analyze", input.path, "--out", out.path, "--detail", "3", "--no-images"])
        #expect(run.status == 0, "\(run.stderr)")
        let corpus = try String(contentsOf: out.appendingPathComponent("corpus.md"), encoding: .utf8)
        #expect(corpus.contains("| Threads with comments | 120 |"))
        #expect(corpus.contains("| Comments | 477 |"))
        // The deepest threads are chains of 7 comments: depth 7.
        #expect(corpus.contains("| Maximum depth | 7 |"))
        let threadsCSV = try String(contentsOf: out.appendingPathComponent("threads.csv"), encoding: .utf8).split(separator: "\n")
        #expect(threadsCSV.count == 121)
        let detailed = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("threads").path)
        #expect(detailed.count == 3)
        let histograms = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("corpus").path)
        #expect(histograms.contains("comments.svg"))
        // The corpus-wide author network: 13 authors (user0 … user12), one row each in
        // corpus-authors.csv, the same figures in metrics.json, a section in corpus.md.
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("metrics.json"))) as? [String: Any])
        let network = try #require((json["corpus"] as? [String: Any])?["network"] as? [String: Any])
        #expect(network["nodes"] as? Int == 13)
        let rows = try String(contentsOf: out.appendingPathComponent("corpus-authors.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 14 && rows[0].hasPrefix("name,comments,threads,"))
        #expect(corpus.contains("## Corpus-wide author network"))
        for file in ["corpus-authors.gexf", "corpus-authors.graphml", "corpus-authors.dot"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
        }
        // Corpus-wide topics: every body is "comment N" (numbers are dropped), so one key term,
        // in all 477 comments, and no pair.
        let topics = try #require((json["corpus"] as? [String: Any])?["topics"] as? [String: Any])
        let terms = try #require(topics["terms"] as? [[String: Any]])
        #expect(terms.count == 1 && terms.first?["name"] as? String == "comment" && terms.first?["comments"] as? Int == 477)
        #expect(topics["units"] as? Int == 477 && (topics["pairs"] as? [Any])?.isEmpty == true)
        let termRows = try String(contentsOf: out.appendingPathComponent("corpus-terms.csv"), encoding: .utf8).split(separator: "\n")
        #expect(termRows == ["rank,term,key,collocation,documents,comments,frequency,logLikelihood", "1,comment,comment,false,477,477,477,"])
        #expect(corpus.contains("## Topics across the corpus"))
        for file in ["corpus-topics.csv", "corpus-topics.dot"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
        }
        // metrics.json holds metrics, not the comments; per-author lists only for detailed threads.
        let threads = try #require(json["threads"] as? [[String: Any]])
        #expect(threads.count == 120 && threads.allSatisfy { $0["comments"] == nil })
        #expect(threads.count { $0["detailed"] as? Bool == true } == 3 && threads.count { $0["authors"] != nil } == 3)
    }
}
