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
/// A count file's first line is `{"context": DIGEST, "input": SHA256, "round": N}` (the digest
/// of the round file it answers, so that counts of another round or context are refused, and
/// the shard's input digest, so that counts of another input than the partial's are); every other line
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
    /// holds a language mask per word (bit *k* set when the word is in the detection stop list
    /// of ``TopicLanguage/all``[*k*]).
    public struct SampleLine: Codable, Sendable, Equatable {
        public var thread: Int
        public var masks: [UInt32]
    }

    /// `topics-sample.ndjson` for the threads of a shard.
    public static func sampleFile(_ threads: [ThreadAnalysis], settings: TopicSettings) -> OutputFile {
        let header = Settings(settings)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let settingsLine = String(decoding: (try? encoder.encode(header)) ?? Data(), as: UTF8.self)
        return OutputFile(path: sampleFileName) { out in
            out.write(settingsLine)
            out.write("\n")
            let json = JSONOutput(out)
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

    /// The count file of a shard for `round` (its ``TopicRound/round``) over its threads,
    /// `topics-N.ndjson`, and how many lines it holds after the header.
    ///
    /// Lines come in an order that depends on the text only (not on how many cores tokenized
    /// it): by kind, then by the keys' strings (collocations and contenders in the round
    /// file's order).
    ///
    /// - Parameters:
    ///   - threads: the shard's analysed threads.
    ///   - options: the shard's topic options (`--key-terms`, `--stem`, `--stopwords`, …); the
    ///     round sets the language.
    ///   - round: the round file, as the merge wrote it.
    ///   - digest: ``TopicRound/digest(of:)`` of that file.
    ///   - input: the SHA-256 of the shard's input (``Provenance/sha256``), recorded in the
    ///     header so that a merge can tell counts of another input than the partial's.
    /// - Complexity: one pass over the text, O(*w* log *w*) to order *w* distinct words or pairs.
    public static func countFile(_ threads: [ThreadAnalysis], options: TopicOptions, round: TopicRound, digest: String,
                                 input: String = "") -> (file: OutputFile, lines: Int) {
        let language = TopicLanguage.named(round.language) ?? .english
        let options = options.in(language)
        let (stream, table) = CorpusTopics.tokenize(threads, options: options, chunks: 4 * ProcessInfo.processInfo.activeProcessorCount)
        // Key ids in the order of their strings, and each id's place in it.
        func before(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
        let order = table.keys.indices.sorted { before(table.keys[$0], table.keys[$1]) }
        var rank = [Int32](repeating: 0, count: order.count)
        for (r, k) in order.enumerated() { rank[k] = Int32(r) }
        var compounds: [UInt64: Int32] = [:]
        for (x, c) in round.collocations.enumerated() {
            if let a = table.keyIndex[c[0]], let b = table.keyIndex[c[1]] { compounds[UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))] = Int32(x) }
        }
        // Each line as (kind, strings, counts), streamed by the writer.
        typealias Line = (kind: Kind, strings: [String], counts: [Int])
        var lines: [Line] = []
        var pairLines: [(key: UInt64, count: Int32, documents: Int32)] = []
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
            lines.append((.total, [], [total]))
            for k in order where first[k] + second[k] > 0 { lines.append((.word, [table.keys[k]], [first[k], second[k]])) }
            // Pairs by the ranks of their words (the order of their strings), as integers.
            pairLines = pairs.map { key, c in
                (UInt64(UInt32(rank[Int(key >> 32)])) << 32 | UInt64(UInt32(rank[Int(key & 0xFFFF_FFFF)])), c.count, c.documents)
            }
            pairLines.sort { $0.key < $1.key }
        case 2:
            var c = CorpusTopics.TermCounts(words: table.keys.count, collocations: round.collocations.count, raws: table.raws.count)
            for chunk in stream {
                chunk.countTerms(into: &c, base: base, table, collocations: compounds)
                base += Int32(chunk.documentEnd.count)
            }
            for k in order where c.wordFrequency[k] > 0 { lines.append((.word, [table.keys[k]], [c.wordDocuments[k], c.wordFrequency[k]])) }
            for (x, pair) in round.collocations.enumerated() where c.collocationFrequency[x] > 0 {
                lines.append((.collocation, pair, [c.collocationDocuments[x], c.collocationFrequency[x]]))
            }
            for r in table.raws.indices.sorted(by: { before(table.raws[$0], table.raws[$1]) }) where c.rawSingles[r] > 0 {
                lines.append((.raw, [table.keys[Int(table.rawKey[r])], table.raws[r]], [c.rawSingles[r]]))
            }
        default:
            var topicOfWord = [Int32](repeating: -1, count: table.keys.count)
            var topicOfCollocation = [Int32](repeating: -1, count: round.collocations.count)
            let collocationIndex = round.collocationIndex
            for (t, c) in round.contenders.enumerated() {
                if c.count == 2, let k = table.keyIndex[c[1]] { topicOfWord[Int(k)] = Int32(t) }
                if c.count == 3, let x = collocationIndex[Array(c[1...])] { topicOfCollocation[x] = Int32(t) }
            }
            var units = CorpusTopics.UnitCounts(topics: round.contenders.count)
            for chunk in stream {
                chunk.countUnits(into: &units, table, collocations: compounds, topicOfWord: topicOfWord, topicOfCollocation: topicOfCollocation)
            }
            lines.append((.units, [], [units.units]))
            for (t, n) in units.frequency.enumerated() where n > 0 { lines.append((.frequency, [String(t)], [n])) }
            for p in units.pairs.keys.sorted() { lines.append((.cooccurrence, [String(p >> 32), String(p & 0xFFFF_FFFF)], [units.pairs[p]!])) }
            let surfaces = units.surfaces.map { s, n in ([String(s.contender), table.raws[Int(s.first)], table.raws[Int(s.second)]], n, s.contender) }
            let sorted = surfaces.sorted { x, y in
                x.2 != y.2 ? x.2 < y.2 : !x.0[1].utf8.elementsEqual(y.0[1].utf8) ? before(x.0[1], y.0[1]) : before(x.0[2], y.0[2])
            }
            for (strings, n, _) in sorted { lines.append((.surface, strings, [n])) }
        }
        let fixed = lines, pairs = pairLines, keys = table.keys, byRank = order, roundNumber = round.round
        let file = OutputFile(path: countFileName(round.round)) { out in
            let json = JSONOutput(out)
            json.object(inline: true) {
                json.field("context", digest)
                json.field("input", input)
                json.field("round", roundNumber)
            }
            func line(_ kind: Kind, _ strings: [String], _ counts: [Int]) {
                json.object(inline: true) {
                    json.field("k", array: {
                        json.value(kind.letter)
                        for s in strings { json.value(s) }
                    })
                    json.field("n", array: { for n in counts { json.value(n) } })
                }
            }
            for l in fixed { line(l.kind, l.strings, l.counts) }
            for p in pairs {
                line(.pair, [keys[byRank[Int(p.key >> 32)]], keys[byRank[Int(p.key & 0xFFFF_FFFF)]]], [Int(p.count), Int(p.documents)])
            }
        }
        return (file, fixed.count + pairs.count)
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

    /// Each collocation's place in ``collocations``.
    var collocationIndex: [[String]: Int] {
        Dictionary(collocations.enumerated().map { ($1, $0) }, uniquingKeysWith: { $1 })
    }

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
