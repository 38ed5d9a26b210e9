import Foundation

/// The corpus-wide topics (``CorpusTopics``) of a corpus analyzed in shards, computed from sums
/// over the shards' text in rounds.
///
/// ``CorpusTopics`` passes over all the text four times, and each pass needs what the one before
/// found over the whole corpus, so a shard cannot finish its part alone. The passes become
/// rounds between the shards (`threadnet analyze SHARD --partial DIR --topics-round FILE`) and
/// the merge (`threadnet merge DIR... --topics-next FILE`), which sums what the shards counted
/// and writes the next round's ``TopicRound`` file:
///
/// 0. With every partial result, `topics-sample.ndjson`: the topic settings, then the first
///    ``TopicLanguage/detectionTokens`` words of the shard's comments as language masks, per
///    thread. The merge reads the corpus's first words in its thread order and detects its
///    language, as `analyze` does (a thread among the corpus's first words is always among its
///    shard's first words).
/// 1. `topics-1.ndjson`: every candidate word pair (keys of two adjacent kept words) with its
///    occurrences and documents, per word how many pairs start and end with it, and all pairs.
///    The merge finds the collocations (Dunning's G²).
/// 2. `topics-2.ndjson`: after compounding those collocations, per word and per collocation
///    its documents and occurrences; per raw word its uses as a single-word term. The merge
///    picks the contenders (the first *K* terms and any tied with the *K*-th).
/// 3. `topics-3.ndjson`: comments; per contender the comments holding it; per contender pair
///    the comments holding both; per collocation contender its surface forms. The merge labels
///    and ranks the terms and builds their co-occurrence: exactly ``CorpusTopics`` of the whole.
///
/// A count file's first line is `{"context": DIGEST, "round": N}` (the digest of the round
/// file it answers, so that counts of another round or context are refused); every other line
/// is `{"k": [strings], "n": [integers]}`, a key and integers that add up element by element
/// across shards (Spark: `reduceByKey`). A key's first string names its kind: `t` (all pairs),
/// `w` (a word key), `p` (a word pair), `c` (a collocation), `r` (a raw word of a key), `u`
/// (comments), `f` (a contender), `q` (a contender pair), `s` (a surface form). Lines are
/// sorted by key; any order and repeated keys are read (they are summed). Documents never
/// span shards, so document counts add up too.
///
/// - Complexity: per round, one pass over the shard's text (tokenized again each round); the
///   files grow with the shard's distinct words and word pairs, not with its comments.
public enum PartialTopics {
    /// The file of round 0, written with every partial result.
    public static let sampleFileName = "topics-sample.ndjson"

    /// The count file of round `n` (1, 2 or 3).
    public static func countFileName(_ n: Int) -> String { "topics-\(n).ndjson" }

    /// The rounds after the sample.
    public static let rounds = 1...3

    /// The topic settings a merge needs (the first line of ``sampleFileName``).
    public struct Settings: Codable, Sendable, Equatable {
        /// `--key-terms`.
        public var maxTerms: Int
        /// `--min-comments`.
        public var minDocuments: Int
        public var stem: Bool
        /// `--language`, nil for detection.
        public var language: String?
        /// `--edges` (``EdgeSelection/description``) and `--min-count`.
        public var edges: String
        public var minCount: Int

        public init(_ settings: TopicSettings) {
            maxTerms = settings.options.maxTerms
            minDocuments = settings.options.minDocumentFrequency
            stem = settings.options.stem
            language = settings.options.language?.name
            edges = settings.selection.description
            minCount = settings.selection.minCount
        }
    }

    /// One thread's words in round 0: `thread` indexes the partial's `threads.ndjson`; `masks`
    /// holds a language mask per word (``TopicLanguage/masks(of:limit:)``).
    public struct SampleLine: Codable, Sendable, Equatable {
        public var thread: Int
        public var masks: [UInt32]
    }

    /// `topics-sample.ndjson` for the threads of a shard.
    public static func sampleFile(_ threads: [ThreadAnalysis], settings: TopicSettings) -> OutputFile {
        let header = Settings(settings)
        return OutputFile(path: sampleFileName) { out in
            let json = JSONOutput(out)
            json.object(inline: true) {
                json.field("edges", header.edges)
                json.field("language", header.language)
                json.field("maxTerms", header.maxTerms)
                json.field("minCount", header.minCount)
                json.field("minDocuments", header.minDocuments)
                json.field("stem", header.stem)
            }
            var left = TopicLanguage.detectionTokens
            for (k, t) in threads.enumerated() where left > 0 {
                let masks = TopicLanguage.masks(of: t.comments.lazy.map(\.text), limit: left)
                left -= masks.count
                json.object(inline: true) {
                    json.field("masks", array: { for m in masks { json.value(m) } })
                    json.field("thread", k)
                }
            }
        }
    }

    /// Keys and integers that add up across shards: what one round counts.
    public struct Counts: Sendable, Equatable {
        /// The round counted (1, 2 or 3).
        public var round: Int
        /// The digest of the round file the counts answer.
        public var context: String
        public var values: [[String]: [Int]] = [:]

        public init(round: Int, context: String) {
            self.round = round
            self.context = context
        }

        /// Adds `n` to the integers of `key`, element by element.
        public mutating func add(_ key: [String], _ n: [Int]) {
            if var current = values[key] {
                for i in current.indices where i < n.count { current[i] += n[i] }
                if n.count > current.count { current += n[current.count...] }
                values[key] = current
            } else {
                values[key] = n
            }
        }

        /// The integers of `key` (empty when never counted).
        public subscript(key: [String]) -> [Int] { values[key] ?? [] }

        /// The count file: the header, then the lines sorted by key.
        public func write(to out: TextOutput) {
            let json = JSONOutput(out)
            json.object(inline: true) {
                json.field("context", context)
                json.field("round", round)
            }
            for key in values.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                json.object(inline: true) {
                    json.field("k", array: { for s in key { json.value(s) } })
                    json.field("n", array: { for v in values[key]! { json.value(v) } })
                }
            }
        }
    }

    /// What a shard counts in `round` (its ``TopicRound/round``) over its threads.
    ///
    /// - Parameters:
    ///   - threads: the shard's analysed threads.
    ///   - options: the shard's topic options (`--key-terms`, `--stem`, `--stopwords`, …); the
    ///     round sets the language.
    ///   - round: the round file, as the merge wrote it.
    ///   - digest: ``TopicRound/digest(of:)`` of that file.
    public static func counts(_ threads: [ThreadAnalysis], options: TopicOptions, round: TopicRound, digest: String) -> Counts {
        let language = TopicLanguage.named(round.language) ?? .english
        let options = options.in(language)
        let (stream, table) = CorpusTopics.tokenize(threads, options: options, chunks: 4 * ProcessInfo.processInfo.activeProcessorCount)
        var counts = Counts(round: round.round, context: digest)
        var compounds: [UInt64: Int32] = [:]
        for (x, c) in round.collocations.enumerated() {
            if let a = table.keyIndex[c[0]], let b = table.keyIndex[c[1]] { compounds[UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))] = Int32(x) }
        }
        var base: Int32 = 0
        switch round.round {
        case 1:
            var pairs: [UInt64: CorpusTopics.PairCount] = [:]
            var first = [Int](repeating: 0, count: table.keys.count), second = first
            var total = 0
            for chunk in stream {
                chunk.forEachPair(table) { key, d in
                    pairs[key, default: CorpusTopics.PairCount()].add(in: base + Int32(d))
                    first[Int(key >> 32)] += 1
                    second[Int(key & 0xFFFF_FFFF)] += 1
                    total += 1
                }
                base += Int32(chunk.documentEnd.count)
            }
            counts.add(["t"], [total])
            for k in table.keys.indices where first[k] + second[k] > 0 { counts.add(["w", table.keys[k]], [first[k], second[k]]) }
            for (key, c) in pairs {
                counts.add(["p", table.keys[Int(key >> 32)], table.keys[Int(key & 0xFFFF_FFFF)]], [Int(c.count), Int(c.documents)])
            }
        case 2:
            var c = CorpusTopics.TermCounts(words: table.keys.count, collocations: round.collocations.count, raws: table.raws.count)
            for chunk in stream {
                chunk.countTerms(into: &c, base: base, table, collocations: compounds)
                base += Int32(chunk.documentEnd.count)
            }
            for k in table.keys.indices where c.wordFrequency[k] > 0 { counts.add(["w", table.keys[k]], [c.wordDocuments[k], c.wordFrequency[k]]) }
            for (x, pair) in round.collocations.enumerated() where c.collocationFrequency[x] > 0 {
                counts.add(["c"] + pair, [c.collocationDocuments[x], c.collocationFrequency[x]])
            }
            for r in table.raws.indices where c.rawSingles[r] > 0 { counts.add(["r", table.keys[Int(table.rawKey[r])], table.raws[r]], [c.rawSingles[r]]) }
        default:
            var topicOfWord = [Int32](repeating: -1, count: table.keys.count)
            var topicOfCollocation = [Int32](repeating: -1, count: round.collocations.count)
            var collocationIndex: [[String]: Int] = [:]
            for (x, pair) in round.collocations.enumerated() { collocationIndex[pair] = x }
            for (t, c) in round.contenders.enumerated() {
                if c.count == 2, let k = table.keyIndex[c[1]] { topicOfWord[Int(k)] = Int32(t) }
                if c.count == 3, let x = collocationIndex[Array(c[1...])] { topicOfCollocation[x] = Int32(t) }
            }
            var units = CorpusTopics.UnitCounts(topics: round.contenders.count)
            for chunk in stream {
                chunk.countUnits(into: &units, table, collocations: compounds, topicOfWord: topicOfWord, topicOfCollocation: topicOfCollocation)
            }
            counts.add(["u"], [units.units])
            for (t, n) in units.frequency.enumerated() where n > 0 { counts.add(["f", String(t)], [n]) }
            for (p, n) in units.pairs { counts.add(["q", String(p >> 32), String(p & 0xFFFF_FFFF)], [n]) }
            for (s, n) in units.surfaces { counts.add(["s", String(s.contender), table.raws[Int(s.first)], table.raws[Int(s.second)]], [n]) }
        }
        return counts
    }
}

/// What the shards count in one round of ``PartialTopics``: written by `threadnet merge
/// --topics-next FILE`, read by `threadnet analyze SHARD --partial DIR --topics-round FILE`.
public struct TopicRound: Codable, Sendable, Equatable {
    /// Always `threadnet-topics-round`.
    public var format: String
    public var version: Int
    /// 1, 2 or 3.
    public var round: Int
    /// The partials' options (``Provenance/options``); a shard analyzed otherwise is refused.
    public var options: [String]
    /// The corpus's language (its stop words and stemmer).
    public var language: String
    /// `--min-comments`: pairs seen in fewer documents can never be collocations.
    public var minDocuments: Int
    /// The collocations (two word keys each), sorted; rounds 2 and 3.
    public var collocations: [[String]]
    /// The contenders in round 3: `["w", key]` or `["c", first, second]`, by documents and
    /// occurrences, then key.
    public var contenders: [[String]]

    public static let formatName = "threadnet-topics-round"

    /// The file's bytes (sorted keys, so that equal rounds are equal files).
    public var encoded: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    /// A digest of a round file's bytes (64-bit FNV-1a, hex): it ties counts to the round they
    /// answer.
    public static func digest(of data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }

    /// Reads a round file; `path` names it in errors.
    public static func read(_ data: Data, path: String) throws(PartialError) -> TopicRound {
        let round: TopicRound
        do { round = try JSONDecoder().decode(TopicRound.self, from: data) } catch {
            throw PartialError(path, "not a ThreadNet topics round (\(PartialResult.reason(error)))")
        }
        guard round.format == formatName, round.version == 1 else {
            throw PartialError(path, "format \(round.format) version \(round.version), not \(formatName) version 1")
        }
        guard PartialTopics.rounds.contains(round.round) else { throw PartialError(path, "round \(round.round) is not 1, 2 or 3") }
        guard TopicLanguage.named(round.language) != nil else { throw PartialError(path, "unknown language \"\(round.language)\"") }
        if let bad = round.collocations.first(where: { $0.count != 2 }) { throw PartialError(path, "collocation \(bad) is not two words") }
        if let bad = round.contenders.first(where: { !($0.count == 2 && $0[0] == "w" || $0.count == 3 && $0[0] == "c") }) {
            throw PartialError(path, "contender \(bad) is neither [\"w\", key] nor [\"c\", first, second]")
        }
        return round
    }
}
