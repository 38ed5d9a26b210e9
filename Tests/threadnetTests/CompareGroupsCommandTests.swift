import Foundation
import Testing

/// `threadnet compare --group` and `--by`, on corpora from the benchmark's generator
/// (`bench/reference/gen_threads.py`, deterministic): a planted difference is found, random
/// halves of one corpus are not told apart, and many threads are shown as distributions.
@Suite("threadnet compare of groups")
struct CompareGroupsCommandTests {
    static let generator = ReportsGoldenTests.repository.appendingPathComponent("bench/reference/gen_threads.py").path

    /// Generates 1,500 comments in 40 threads with top-level probability `pTop`.
    static func corpus(_ folder: URL, name: String, seed: Int, pTop: Double) throws -> String {
        let path = folder.appendingPathComponent(name).path
        let run = try PythonTool.run([generator, "-n", "1500", "-t", "40", "-s", "\(seed)", "--p-top", "\(pTop)", "-o", path])
        #expect(run.status == 0, "\(run.output)")
        return path
    }

    /// Rows of a CSV file without quoted commas (the files read here have none), header first.
    static func rows(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Group `low` replies under a comment 75 % of the time (--p-top 0.25), group `high` 40 %
    /// (--p-top 0.6): the top-level share must differ beyond chance, higher in `high`.
    @Test func findsAPlantedDifference() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let low = try Self.corpus(folder, name: "low.ndjson", seed: 4, pTop: 0.25)
        let high = try Self.corpus(folder, name: "high.ndjson", seed: 5, pTop: 0.6)
        let out = folder.appendingPathComponent("out")
        let run = try CommandLineTests.run(["compare", "--group", "low=\(low)", "--group", "high=\(high)", "--format", "pushshift",
                                            "--out", out.path, "--no-images"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("compared 2 groups of 80 threads from 2 inputs: low (40), high (40)"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["comparison.csv", "comparison.json", "comparison.md", "differences.csv", "groups.csv", "manifest.json", "metrics.svg"])
        let differences = try Self.rows(out.appendingPathComponent("differences.csv"))
        let header = differences[0]
        #expect(header == ["metric", "difference", "intervalLow", "intervalHigh", "p", "exact", "q", "cohensD", "cliffsDelta", "etaSquared", "differsBeyondChance"])
        let share = try #require(differences.first { $0[0] == "topLevelShare" })
        #expect(share[10] == "true" && (Double(share[1]) ?? 0) > 0.1 && (Double(share[2]) ?? 0) > 0, "\(share)")
        // The interval and p-value as stated: 2,000 resamples, p = (1 + hits)/(1 + 2,000).
        #expect(Double(share[4]) == 1.0 / 2001.0)
        // groups.csv: one row per metric and group; the thread counts as generated.
        let groups = try Self.rows(out.appendingPathComponent("groups.csv"))
        #expect(groups[0] == ["metric", "group", "threads", "min", "q1", "median", "mean", "q3", "max"])
        #expect(groups.contains(["comments", "low", "40"] + Array(groups.first { $0[0] == "comments" && $0[1] == "low" }!.dropFirst(3))))
        #expect(groups.filter { $0[0] == "comments" }.map { $0[2] } == ["40", "40"])
        // The per-thread table carries each thread's group.
        let threads = try Self.rows(out.appendingPathComponent("comparison.csv"))
        #expect(threads[0].last == "group" && threads.count == 81)
        let md = try String(contentsOf: out.appendingPathComponent("comparison.md"), encoding: .utf8)
        #expect(md.contains("## Differences beyond chance") && md.contains("[Top-level share](#metric-topLevelShare): higher in high"))
        #expect(md.contains("## Vocabulary contrast") && md.contains("### low against high"))
    }

    /// The 40 threads of one corpus split at random into halves by a list (`--by list:FILE`,
    /// ids with their `t3_` prefix): no metric differs beyond chance.
    @Test func randomHalvesAreNotToldApart() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try Self.corpus(folder, name: "one.ndjson", seed: 4, pTop: 0.25)
        let list = folder.appendingPathComponent("halves.csv").path
        let split = try PythonTool.run(["-c", """
            import json, random
            ids = sorted({json.loads(l)["link_id"] for l in open("\(corpus)")})
            random.seed(7); random.shuffle(ids)
            with open("\(list)", "w") as f:
                f.write("thread,group\\n")
                for i, t in enumerate(ids): f.write(t + "," + ("first" if i % 2 == 0 else "second") + "\\n")
            """])
        #expect(split.status == 0, "\(split.output)")
        let out = folder.appendingPathComponent("out")
        let run = try CommandLineTests.run(["compare", corpus, "--by", "list:\(list)", "--format", "pushshift", "--out", out.path, "--no-images"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("first (20), second (20)"))
        let differences = try Self.rows(out.appendingPathComponent("differences.csv"))
        #expect(differences.count > 40 && differences.dropFirst().allSatisfy { $0[10] == "false" })
        let md = try String(contentsOf: out.appendingPathComponent("comparison.md"), encoding: .utf8)
        #expect(md.contains("No metric differs beyond chance between first and second"))

        // Above --max-columns, without groups: distributions, no per-thread pictures.
        let many = folder.appendingPathComponent("many")
        let all = try CommandLineTests.run(["compare", corpus, "--format", "pushshift", "--out", many.path, "--max-columns", "12"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("compared 40 threads from 1 input as distributions"))
        let files = try FileManager.default.contentsOfDirectory(atPath: many.path).sorted()
        #expect(files == ["comparison.csv", "comparison.json", "comparison.md", "distributions", "groups.csv", "manifest.json"])
        let text = try String(contentsOf: many.appendingPathComponent("comparison.md"), encoding: .utf8)
        #expect(text.contains("## Distributions across threads") && text.contains("](distributions/comments.svg)"))
        #expect(try Self.rows(many.appendingPathComponent("comparison.csv")).count == 41)
    }

    /// Mistakes in grouping are errors that say what is wrong.
    @Test func groupingMistakes() throws {
        let seed = CompareCommandTests.seed, wordpress = CompareCommandTests.wordpress
        let one = try CommandLineTests.run(["compare", "--group", "a=\(seed)", "--out", "/tmp/never"])
        #expect(one.status != 0 && one.stderr.contains("is the only group"))
        let loose = try CommandLineTests.run(["compare", seed, "--group", "a=\(wordpress)", "--group", "b=x.json", "--out", "/tmp/never"])
        #expect(loose.status != 0 && loose.stderr.contains("is in no --group"))
        let twice = try CommandLineTests.run(["compare", "--group", "a=\(seed)", "--group", "b=\(seed)", "--out", "/tmp/never"])
        #expect(twice.status != 0 && twice.stderr.contains("a thread belongs to one group"))
        let by = try CommandLineTests.run(["compare", seed, "--by", "subreddit", "--out", "/tmp/never"])
        #expect(by.status != 0 && by.stderr.contains("expected month or list:FILE"))
        // The seed has no times: one group, "undated".
        let month = try CommandLineTests.run(["compare", seed, "--by", "month", "--out", "/tmp/never"])
        #expect(month.status != 0 && month.stderr.contains("fall into 1 group (undated)"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never"))
    }
}
