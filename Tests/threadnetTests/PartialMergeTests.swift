import Foundation
import Testing

/// `threadnet analyze --partial` on shards of a corpus, then `threadnet merge`: the merged
/// files are byte for byte those of `threadnet analyze` on the whole corpus, whatever the split.
@Suite("Partial results and merge")
struct PartialMergeTests {
    /// The files a merge reproduces.
    static let mergedFiles = ["authors.csv", "comments.csv", "corpus-authors.csv", "corpus-authors.dot", "corpus-authors.gexf", "corpus-authors.graphml",
                              "corpus-growth.svg", "corpus-latency.svg", "corpus-network.json", "corpus-timeline.svg",
                              // The histograms of corpus.md (the posts are not in the input, so no time to the first comment).
                              "corpus/authors.svg", "corpus/comments.svg", "corpus/edgeReciprocity.svg", "corpus/maxDepth.svg", "corpus/meanDepth.svg",
                              "corpus/repeatPosterShare.svg", "corpus/replyLatencyMedian.svg", "corpus/structuralVirality.svg",
                              "edges.csv", "threads.csv"]

    /// The files under `folder` (not folders), as relative paths, sorted; hidden files left out.
    static func files(in folder: URL) throws -> [String] {
        let all = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        return all.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
                && !isFolder.boolValue && !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }.sorted()
    }

    /// A Pushshift-style corpus of 40 threads (5–80 comments each, 1,700 in all): 150 authors
    /// drawn unevenly, some `[deleted]`, replies to random earlier comments, a few @-mentions.
    /// Returns each thread's lines.
    static func corpus(seed: UInt64 = 7, prose: ((_ thread: Int, _ next: (Int) -> Int) -> String)? = nil) -> [[String]] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var threads: [[String]] = []
        var n = 0
        for t in 0..<40 {
            var lines: [String] = []
            var ids: [String] = []
            for _ in 0..<(5 + next(76)) {
                n += 1
                let author = next(20) == 0 ? "[deleted]" : "user\(next(next(150) + 1))"
                let parent = ids.isEmpty || next(4) == 0 ? "t3_p\(t)" : "t1_" + ids[next(ids.count)]
                let body = prose.map { $0(t, next) } ?? (next(6) == 0 ? "@user\(next(40)) I disagree about policy \(next(9))" : "words about policy \(next(9)) and more")
                lines.append("{\"id\":\"c\(n)\",\"link_id\":\"t3_p\(t)\",\"parent_id\":\"\(parent)\",\"author\":\"\(author)\",\"created_utc\":\(1_600_000_000 + 37 * n + next(5000)),\"body\":\"\(body)\"}")
                ids.append("c\(n)")
            }
            threads.append(lines)
        }
        return threads
    }

    static func write(_ threads: [[String]], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (threads.flatMap { $0 }.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    static func bytes(_ folder: URL, _ name: String) -> Data? { try? Data(contentsOf: folder.appendingPathComponent(name)) }

    @Test func anySplitMergesToTheWholeAnalysis() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let threads = Self.corpus()
        let input = folder.appendingPathComponent("whole/corpus.ndjson")
        try Self.write(threads, to: input)
        let whole = folder.appendingPathComponent("out-whole")
        let run = try CommandLineTests.run(["analyze", input.path, "--no-images", "--quiet", "--out", whole.path])
        #expect(run.status == 0, "\(run.stderr)")
        for name in Self.mergedFiles { #expect(Self.bytes(whole, name) != nil, "analyze wrote no \(name)") }
        // The folders of the 10 largest threads (--detail's default), each with its DOT sources and exports.
        let folders = try Self.files(in: whole).filter { $0.hasPrefix("threads/") }
        #expect(Set(folders.map { $0.split(separator: "/")[1] }).count == 10)
        #expect(folders.contains { $0.hasSuffix("/reply-tree.dot") } && folders.contains { $0.hasSuffix("/topics.csv") })

        // Splits into 1, 2, 3 and 5 shards, threads dealt at random (each shard keeps the
        // input's line order; shards are named alike so that the merged input name matches).
        var state: UInt64 = 11
        for shards in [1, 2, 3, 5] {
            var assignment = (0..<threads.count).map { $0 % shards }
            for i in stride(from: assignment.count - 1, to: 0, by: -1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                assignment.swapAt(i, Int((state >> 33) % UInt64(i + 1)))
            }
            var partials: [String] = [], inputs: [String] = [], shardThreads: [[[String]]] = []
            for s in 0..<shards {
                let shard = folder.appendingPathComponent("split\(shards)/shard\(s)/corpus.ndjson")
                shardThreads.append(threads.indices.filter { assignment[$0] == s }.map { threads[$0] })
                try Self.write(shardThreads[s], to: shard)
                let partial = folder.appendingPathComponent("split\(shards)/partial\(s)").path
                let r = try CommandLineTests.run(["analyze", shard.path, "--partial", partial, "--quiet"])
                #expect(r.status == 0, "\(r.stderr)")
                partials.append(partial)
                inputs.append(shard.path)
            }
            let merged = folder.appendingPathComponent("split\(shards)/merged")
            let m = try CommandLineTests.run(["merge"] + partials.reversed() + ["--out", merged.path, "--no-images"])
            #expect(m.status == 0, "\(m.stderr)")
            #expect(m.stdout.contains("\(threads.count) threads, \(threads.joined().count) comments"), "\(m.stdout)")
            let written = try Self.files(in: merged)
            #expect(written == (Self.mergedFiles + folders + ["manifest.json"]).sorted())
            for name in Self.mergedFiles + folders {
                #expect(Self.bytes(merged, name) == Self.bytes(whole, name), "\(shards) shards: \(name) differs from analyze's")
            }
            // With the topics counted, the rest: the topics' files, corpus.md, report.md,
            // report.html and metrics.json.
            try Self.countTopicRounds(partials: partials.reversed(), inputs: inputs.reversed(), folder: folder.appendingPathComponent("split\(shards)"))
            let all = folder.appendingPathComponent("split\(shards)/all")
            let complete = try CommandLineTests.run(["merge"] + partials.reversed() + ["--out", all.path, "--no-images"])
            #expect(complete.status == 0, "\(complete.stderr)")
            let allFiles = try Self.files(in: all), wholeFiles = try Self.files(in: whole)
            #expect(allFiles == wholeFiles, "\(shards) shards")
            for name in Self.mergedFiles + folders + ["corpus-terms.csv", "corpus-topics.csv", "corpus-topics.dot", "corpus.md"] {
                #expect(Self.bytes(all, name) == Self.bytes(whole, name), "\(shards) shards: \(name) differs from analyze's")
            }
            if shards == 1 {
                // One shard is the whole input: its digest and lines are the whole's.
                for name in ["report.md", "report.html", "metrics.json"] { #expect(Self.bytes(all, name) == Self.bytes(whole, name), "\(name)") }
            } else {
                try Self.expectReportsMatch(whole: whole, merged: all, shards: shardThreads)
            }
        }
    }

    /// Counts the three rounds of the corpus-wide topics in every partial (`inputs[k]` is
    /// `partials[k]`'s shard), the round files written into `folder`.
    static func countTopicRounds(partials: [String], inputs: [String], folder: URL, options: [String] = []) throws {
        for n in 1...3 {
            let round = folder.appendingPathComponent("round\(n).json").path
            let next = try CommandLineTests.run(["merge"] + partials + ["--topics-next", round])
            #expect(next.status == 0, "\(next.stderr)")
            for (input, partial) in zip(inputs, partials) {
                let r = try CommandLineTests.run(["analyze", input, "--partial", partial, "--topics-round", round, "--quiet"] + options)
                #expect(r.status == 0, "\(r.stderr)")
            }
        }
    }

    /// Comments of 12–23 words: in German for the first 30 threads, then English; every third
    /// comment holds one of a few set phrases (collocations to find).
    static func prose(thread: Int, _ next: (Int) -> Int) -> String {
        let german = ["der", "die", "das", "und", "ist", "nicht", "wir", "brauchen", "mehr", "Mieten", "steigen", "Stadt", "Rat",
                      "Haushalt", "Radwege", "Schulen", "Lehrer", "Busse", "fahren", "selten", "Bürger", "wollen", "günstige", "Wohnungen"]
        let english = ["the", "council", "budget", "is", "a", "of", "and", "we", "need", "more", "cheaper", "housing", "rents", "rising",
                       "city", "parking", "fees", "bike", "cycling", "schools", "teachers", "pay", "vote", "mayor", "taxes", "buses"]
        let phrases = thread < 30 ? ["öffentlicher Nahverkehr", "bezahlbarer Wohnraum", "Stadtrat beschließt"] : ["climate change", "public transport", "bus lanes"]
        let words = thread < 30 ? german : english
        var text = (0..<(12 + next(12))).map { _ in words[next(words.count)] }
        if next(3) == 0 { text.insert(phrases[next(phrases.count)], at: next(text.count)) }
        return text.joined(separator: " ") + "."
    }

    /// The corpus-wide topics of shards, counted in three rounds (`merge --topics-next`,
    /// `analyze --partial --topics-round`) and merged, are those of `analyze` on the whole
    /// corpus: the language detected from the corpus's first 20,000 words (which end inside a
    /// thread, in whichever shard holds it), the collocations, the ranking and co-occurrence.
    @Test func topicRoundsMergeToTheWholeTopics() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let threads = Self.corpus(seed: 13, prose: Self.prose)
        let input = folder.appendingPathComponent("whole/corpus.ndjson")
        try Self.write(threads, to: input)
        let options = ["--stem", "--edges", "top:20:jaccard", "--quiet"]
        let whole = folder.appendingPathComponent("out-whole")
        #expect(try CommandLineTests.run(["analyze", input.path, "--no-images", "--out", whole.path] + options).status == 0)
        let metrics = try String(contentsOf: whole.appendingPathComponent("metrics.json"), encoding: .utf8)
        #expect(metrics.contains("\"language\": \"german\""))
        let terms = try String(contentsOf: whole.appendingPathComponent("corpus-terms.csv"), encoding: .utf8)
        // 30 key terms (the default), among them a German collocation, stemmed.
        #expect(terms.split(separator: "\n").count == 31 && terms.contains(",true,"), "\(terms)")
        let shards = (0..<3).map { s in threads.indices.filter { ($0 * 7 + 3) % 3 == s }.map { threads[$0] } }
        var partials: [String] = [], inputs: [String] = []
        for (s, shard) in shards.enumerated() {
            let path = folder.appendingPathComponent("shard\(s)/corpus.ndjson")
            try Self.write(shard, to: path)
            let partial = folder.appendingPathComponent("partial\(s)").path
            #expect(try CommandLineTests.run(["analyze", path.path, "--partial", partial] + options).status == 0)
            partials.append(partial)
            inputs.append(path.path)
        }
        let merged = folder.appendingPathComponent("merged")
        let early = try CommandLineTests.run(["merge"] + partials + ["--out", merged.path, "--no-images"])
        #expect(early.status == 0 && early.stderr.contains("corpus topics left out") && early.stderr.contains("0 of 3 rounds"), "\(early.stderr)")
        #expect(!FileManager.default.fileExists(atPath: merged.appendingPathComponent("corpus-terms.csv").path))
        for n in 1...3 {
            let round = folder.appendingPathComponent("round\(n).json").path
            // The rounds read the threads and authors only, not the pooled times (nor the pairs).
            let times = partials[0] + "/times.ndjson", aside = folder.appendingPathComponent("times-aside.ndjson").path
            try FileManager.default.moveItem(atPath: times, toPath: aside)
            let next = try CommandLineTests.run(["merge"] + partials + ["--topics-next", round])
            try FileManager.default.moveItem(atPath: aside, toPath: times)
            #expect(next.status == 0 && next.stdout.contains("topics round \(n) of 3"), "\(next.stdout) \(next.stderr)")
            for (input, partial) in zip(inputs, partials) {
                let r = try CommandLineTests.run(["analyze", input, "--partial", partial, "--topics-round", round] + options)
                #expect(r.status == 0, "\(r.stderr)")
            }
            if n == 1 {
                // A shard analyzed with other options cannot count the round.
                let other = try CommandLineTests.run(["analyze", inputs[0], "--partial", partials[0], "--topics-round", round, "--keep", "all"])
                #expect(other.status != 0 && other.stderr.contains("count every shard with the options"), "\(other.stderr)")
            }
        }
        let m = try CommandLineTests.run(["merge"] + partials + ["--out", merged.path, "--no-images"])
        #expect(m.status == 0 && m.stdout.contains("corpus-terms.csv"), "\(m.stderr)")
        // corpus.md comes with the topics it shows.
        #expect(!early.stdout.contains("corpus.md") && early.stderr.contains("report.md, report.html, metrics.json, corpus.md, which show them"))
        for name in ["corpus-terms.csv", "corpus-topics.csv", "corpus-topics.dot", "corpus.md"] + Self.mergedFiles {
            #expect(Self.bytes(merged, name) == Self.bytes(whole, name), "\(name) differs from analyze's")
        }
        #expect(!early.stdout.contains("report.md") && !early.stdout.contains("metrics.json"))
        try Self.expectReportsMatch(whole: whole, merged: merged, shards: shards)
        // A partial's metrics-threads.json that is another partial's is refused, naming it; one
        // without repairs.ndjson (an older partial) leaves the report out and says why.
        let own0 = partials[0] + "/metrics-threads.json", keep0 = folder.appendingPathComponent("own-metrics-threads.json").path
        try FileManager.default.moveItem(atPath: own0, toPath: keep0)
        try FileManager.default.copyItem(atPath: partials[1] + "/metrics-threads.json", toPath: own0)
        let swapped = try CommandLineTests.run(["merge"] + partials + ["--out", folder.appendingPathComponent("swapped").path, "--no-images"])
        #expect(swapped.status != 0 && swapped.stderr.contains(own0) && swapped.stderr.contains("is not thread"), "\(swapped.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("swapped/report.md").path))
        try FileManager.default.removeItem(atPath: own0)
        try FileManager.default.moveItem(atPath: keep0, toPath: own0)
        let repairs = partials[2] + "/repairs.ndjson", keptRepairs = folder.appendingPathComponent("repairs-aside.ndjson").path
        try FileManager.default.moveItem(atPath: repairs, toPath: keptRepairs)
        let older = try CommandLineTests.run(["merge"] + partials + ["--out", folder.appendingPathComponent("older").path, "--no-images"])
        try FileManager.default.moveItem(atPath: keptRepairs, toPath: repairs)
        #expect(older.status == 0 && older.stderr.contains("report.md, report.html and metrics.json left out") && older.stderr.contains("has no repairs.ndjson"), "\(older.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("older/metrics.json").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("older/corpus.md").path))
        // Counts made from another shard's input than the partial's are refused.
        let own = partials[0] + "/topics-3.ndjson", kept = folder.appendingPathComponent("own-topics-3.ndjson").path
        try FileManager.default.moveItem(atPath: own, toPath: kept)
        let crossed = try CommandLineTests.run(["analyze", inputs[1], "--partial", partials[0], "--topics-round", folder.appendingPathComponent("round3.json").path] + options)
        #expect(crossed.status == 0, "\(crossed.stderr)")
        let wrongInput = try CommandLineTests.run(["merge"] + partials + ["--out", folder.appendingPathComponent("crossed").path])
        #expect(wrongInput.status != 0 && wrongInput.stderr.contains("topics-3.ndjson") && wrongInput.stderr.contains("counted from another input"), "\(wrongInput.stderr)")
        try FileManager.default.removeItem(atPath: own)
        try FileManager.default.moveItem(atPath: kept, toPath: own)
        // Counts that answer another round (a shard's round-1 counts where its round 2 belongs) are refused.
        try FileManager.default.removeItem(atPath: partials[1] + "/topics-2.ndjson")
        try FileManager.default.copyItem(atPath: partials[1] + "/topics-1.ndjson", toPath: partials[1] + "/topics-2.ndjson")
        let refused = try CommandLineTests.run(["merge"] + partials + ["--out", folder.appendingPathComponent("refused").path])
        #expect(refused.status != 0 && refused.stderr.contains("topics-2.ndjson") && refused.stderr.contains("answers round 1"), "\(refused.stderr)")
    }

    /// report.md, report.html and metrics.json merged are the whole's but for what the merge
    /// cannot know: the input's SHA-256 (report.md says so) and the repairs' lines, which are
    /// the shards' — each checked to be a line of its thread in the shard file (`shards[s]`: the
    /// threads' lines written to shard `s`).
    static func expectReportsMatch(whole: URL, merged: URL, shards: [[[String]]]) throws {
        func text(_ folder: URL, _ name: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
        func normalized(_ s: String) -> String {
            var s = s
            for (pattern, with) in [(#"corpus\.ndjson:\d+ \(record \d+\)"#, "corpus.ndjson:LINE"), (#""line": \d+, "record": \d+"#, #""line": LINE"#),
                                    (#""sha256": "[0-9a-f]*""#, #""sha256": "S""#), (#"SHA-256: (<code>)?[^\n<]*(</code>)?"#, "SHA-256: S"),
                                    // What a merged report says of the repairs' lines, a paragraph of its own.
                                    (#"\n(<p>)?The repairs were made by each shard's analysis[^\n]*\n\n?"#, "\n")] {
                s = s.replacingOccurrences(of: pattern, with: with, options: .regularExpression)
            }
            return s
        }
        for name in ["report.md", "report.html", "metrics.json"] {
            let a = try text(whole, name), b = try text(merged, name)
            #expect(normalized(a) == normalized(b), "\(name) differs from analyze's beyond the digest and the repairs' lines")
        }
        #expect(try text(merged, "report.md").contains("SHA-256: not known (merged from partial results"))
        #expect(try text(merged, "report.md").contains("\n\nThe repairs were made by each shard's analysis: their line and record numbers are those of the shard's input"))
        struct Repair: Decodable { var kind: String; var location: Location; var thread: String? }
        struct Location: Decodable { var file: String; var line: Int? }
        struct Document: Decodable { var repairs: [Repair]; var repairCounts: [String: Int] }
        let a = try JSONDecoder().decode(Document.self, from: Data(try text(whole, "metrics.json").utf8))
        let b = try JSONDecoder().decode(Document.self, from: Data(try text(merged, "metrics.json").utf8))
        #expect(a.repairs.count > 20 && a.repairCounts == b.repairCounts && a.repairCounts["unknownAuthor"] != nil)
        var moved = 0
        for (x, y) in zip(a.repairs, b.repairs) {
            #expect(x.kind == y.kind && x.thread == y.thread)
            guard let thread = y.thread, let line = y.location.line else { continue }
            // The merged repair names the line of its shard that holds a comment of its thread.
            let holder = shards.first { shard in shard.contains { $0.first?.contains("\"link_id\":\"\(thread)\"") ?? false } }
            let lines = holder?.flatMap { $0 } ?? []
            #expect(line >= 1 && line <= lines.count && lines[line - 1].contains("\"link_id\":\"\(thread)\""), "\(thread): line \(line)")
            if line != x.location.line { moved += 1 }
        }
        #expect(moved > 0)
    }

    /// Author pairs summed outside ThreadNet (as Spark's reduceByKey does, by name) and given
    /// with --replies give the same files; a partial read from standard input is the same as
    /// one read from the file.
    @Test func pairsSummedElsewhereAndStandardInput() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let threads = Self.corpus(seed: 3)
        let input = folder.appendingPathComponent("whole/corpus.ndjson")
        try Self.write(threads, to: input)
        let whole = folder.appendingPathComponent("out-whole")
        #expect(try CommandLineTests.run(["analyze", input.path, "--no-images", "--quiet", "--out", whole.path]).status == 0)
        let halves = [Array(threads[..<20]), Array(threads[20...])]
        var partials: [String] = []
        for (k, half) in halves.enumerated() {
            let shard = folder.appendingPathComponent("shard\(k)/corpus.ndjson")
            try Self.write(half, to: shard)
            let fromFile = folder.appendingPathComponent("file\(k)").path, fromStdin = folder.appendingPathComponent("stdin\(k)").path
            #expect(try CommandLineTests.run(["analyze", shard.path, "--partial", fromFile, "--quiet"]).status == 0)
            // Through a pipe, as Spark pipes a partition; standard input is spooled into an
            // unnamed file in $TMPDIR, which holds nothing afterwards.
            let spool = folder.appendingPathComponent("tmp\(k)")
            try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = CommandLineTests.executable
            process.arguments = ["analyze", "-", "--input-name", "corpus.ndjson", "--format", "pushshift", "--partial", fromStdin, "--quiet"]
            process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": spool.path]) { $1 }
            let pipe = Pipe()
            process.standardInput = pipe
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let bytes = try Data(contentsOf: shard)
            #expect(bytes.count > 1 << 16)  // more than a pipe's buffer (64 KiB)
            try pipe.fileHandleForWriting.write(contentsOf: bytes)
            try pipe.fileHandleForWriting.close()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: spool.path).isEmpty)
            // Same bytes, same name, same options but the explicit --format: the files agree but for partial.json's options.
            for name in ["threads.ndjson", "authors.ndjson", "replies.ndjson", "times.ndjson", "comments.csv", "authors.csv", "edges.csv", "folders.ndjson"] {
                #expect(Self.bytes(URL(fileURLWithPath: fromFile), name) == Self.bytes(URL(fileURLWithPath: fromStdin), name), "\(name)")
            }
            partials.append(fromFile)
        }
        // Sum the pairs by name, in no particular order.
        struct Pair: Codable { var first: Double?; var from: String; var to: String; var weight: Double }
        var sums: [String: Pair] = [:]
        for p in partials {
            let text = try String(contentsOfFile: p + "/replies.ndjson", encoding: .utf8)
            for line in text.split(separator: "\n") {
                let pair = try JSONDecoder().decode(Pair.self, from: Data(line.utf8))
                let key = pair.from + "\u{0}" + pair.to
                if var s = sums[key] {
                    s.weight += pair.weight
                    if let f = pair.first, f < s.first ?? .infinity { s.first = f }
                    sums[key] = s
                } else {
                    sums[key] = pair
                }
            }
        }
        let encoder = JSONEncoder()
        let summed = try sums.values.shuffled().map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n")
        let repliesFile = folder.appendingPathComponent("pairs.ndjson")
        try summed.write(to: repliesFile, atomically: true, encoding: .utf8)
        let merged = folder.appendingPathComponent("merged")
        let m = try CommandLineTests.run(["merge"] + partials + ["--replies", repliesFile.path, "--out", merged.path, "--no-images"])
        #expect(m.status == 0, "\(m.stderr)")
        for name in Self.mergedFiles { #expect(Self.bytes(merged, name) == Self.bytes(whole, name), "\(name) differs") }
    }

    /// Partials that cannot be merged: the error names the partial and what differs.
    @Test func mismatchedPartialsAreRefused() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let threads = Self.corpus(seed: 5)
        let a = folder.appendingPathComponent("a/corpus.ndjson"), b = folder.appendingPathComponent("b/corpus.ndjson")
        try Self.write(Array(threads[..<20]), to: a)
        try Self.write(Array(threads[20...]), to: b)
        let pa = folder.appendingPathComponent("pa").path, pb = folder.appendingPathComponent("pb").path, pk = folder.appendingPathComponent("pk").path
        #expect(try CommandLineTests.run(["analyze", a.path, "--partial", pa, "--quiet"]).status == 0)
        #expect(try CommandLineTests.run(["analyze", b.path, "--partial", pb, "--quiet"]).status == 0)
        #expect(try CommandLineTests.run(["analyze", b.path, "--partial", pk, "--quiet", "--keep", "all"]).status == 0)
        let out = folder.appendingPathComponent("out").path

        let one = folder.appendingPathComponent("one/corpus.ndjson"), po = folder.appendingPathComponent("po").path
        try Self.write([threads[0]], to: one)
        #expect(try CommandLineTests.run(["analyze", one.path, "--partial", po, "--quiet"]).status == 0)
        let single = try CommandLineTests.run(["merge", po, "--out", out])
        #expect(single.status != 0 && single.stderr.contains("hold 1 thread"), "\(single.stderr)")

        // Row files: left out unless every partial has them; rows not where threads.ndjson puts them are an error.
        try FileManager.default.moveItem(atPath: pb + "/comments.csv", toPath: folder.appendingPathComponent("b-comments.csv").path)
        let without = try CommandLineTests.run(["merge", pa, pb, "--out", out, "--no-images"])
        #expect(without.status == 0 && !without.stdout.contains("comments.csv") && without.stdout.contains("edges.csv"), "\(without.stdout)")
        try FileManager.default.removeItem(atPath: out)
        try FileManager.default.copyItem(atPath: pa + "/comments.csv", toPath: pb + "/comments.csv")
        let swapped = try CommandLineTests.run(["merge", pa, pb, "--out", out, "--no-images"])
        #expect(swapped.status != 0 && swapped.stderr.contains("comments.csv:2") && swapped.stderr.contains("out of its order"), "\(swapped.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/threads.csv"))

        let twice = try CommandLineTests.run(["merge", pa, pa, "--out", out])
        #expect(twice.status != 0 && twice.stderr.contains("is also in") && twice.stderr.contains("t3_p0"), "\(twice.stderr)")
        let options = try CommandLineTests.run(["merge", pa, pk, "--out", out])
        #expect(options.status != 0 && options.stderr.contains("options differ") && options.stderr.contains("keep=all"), "\(options.stderr)")

        // A folder index that points outside threads/.
        try Data(#"{"files":["x.csv"],"folder":"threads/../../","thread":0}"#.utf8).write(to: URL(fileURLWithPath: pb + "/folders.ndjson"))
        let outside = try CommandLineTests.run(["merge", pa, pb, "--out", out])
        #expect(outside.status != 0 && outside.stderr.contains("folders.ndjson:1") && outside.stderr.contains("outside threads/"), "\(outside.stderr)")

        // A partial of another version, and a damaged line.
        let manifest = pb + "/partial.json"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 2").write(toFile: manifest, atomically: true, encoding: .utf8)
        let version = try CommandLineTests.run(["merge", pa, pb, "--out", out])
        #expect(version.status != 0 && version.stderr.contains("partial.json") && version.stderr.contains("version 2"), "\(version.stderr)")
        try text.write(toFile: manifest, atomically: true, encoding: .utf8)
        let authors = try String(contentsOfFile: pb + "/authors.ndjson", encoding: .utf8).split(separator: "\n")
        try (authors[0] + "\n{\"name\": 3}\n" + authors.dropFirst().joined(separator: "\n")).write(toFile: pb + "/authors.ndjson", atomically: true, encoding: .utf8)
        let damaged = try CommandLineTests.run(["merge", pa, pb, "--out", out])
        #expect(damaged.status != 0 && damaged.stderr.contains("authors.ndjson:2:"), "\(damaged.stderr)")
        // A file above the bound, named with the option that raises it.
        try String(repeating: "x", count: 2 << 20).write(toFile: pa + "/replies.ndjson", atomically: true, encoding: .utf8)
        let bound = try CommandLineTests.run(["merge", pa, pb, "--out", out, "--max-partial-mib", "1"])
        #expect(bound.status != 0 && bound.stderr.contains("replies.ndjson: 2 MiB") && bound.stderr.contains("--max-partial-mib"), "\(bound.stderr)")

        // Failed merges leave no file (and no temporary file) behind.
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).isEmpty)
    }
}
