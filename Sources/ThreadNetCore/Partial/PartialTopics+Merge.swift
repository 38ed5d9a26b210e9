import Foundation

extension PartialTopics {
    /// The merge's side of the rounds: the corpus's language from the shards' samples, each
    /// round file from the sums of the rounds before it, and at the end ``CorpusTopics``.
    ///
    /// ```swift
    /// let merge = try PartialTopics.Merge(merged, samples: sampleData, names: samplePaths)
    /// let round1 = merge.round(1, counts: [])            // → every shard counts round 1
    /// let round2 = try merge.round(2, counts: [sum1])    // …
    /// let topics = try merge.topics(counts: [sum1, sum2, sum3])
    /// ```
    public struct Merge: Sendable {
        /// The shards' topic settings.
        public let settings: Settings
        /// The corpus's language, fixed or detected from its first words.
        public let detection: TopicLanguage.Detection
        /// The partials' options.
        public let options: [String]

        /// Reads the sample of every partial (`samples[k]` holds partial `k`'s
        /// ``PartialTopics/sampleFileName``, `names[k]` its path for errors) and detects the
        /// corpus's language.
        ///
        /// - Throws: ``PartialError`` when a sample is missing or malformed, or the shards'
        ///   settings differ.
        public init(_ merged: MergedCorpus, samples: [Data], names: [String]) throws(PartialError) {
            var settings: Settings?
            var masks: [[Int: [UInt32]]] = []
            for (data, path) in zip(samples, names) {
                var lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)[...]
                guard let first = lines.popFirst(), let s = try? JSONDecoder().decode(Settings.self, from: first) else {
                    throw PartialError(path + ":1", "not the topic settings of a ThreadNet partial result")
                }
                if let settings, settings != s {
                    throw PartialError(path + ":1", "topic settings differ from \(names[0])'s: analyze every shard with the same options")
                }
                settings = s
                var threads: [Int: [UInt32]] = [:]
                for (k, line) in lines.enumerated() {
                    guard let l = try? JSONDecoder().decode(SampleLine.self, from: line) else {
                        throw PartialError(path + ":\(k + 2)", "not a sample line ({\"thread\", \"masks\"})")
                    }
                    threads[l.thread] = l.masks
                }
                masks.append(threads)
            }
            guard let settings else { throw PartialError("", "no partial result to merge") }
            self.settings = settings
            self.options = merged.provenance.options
            if let name = settings.language {
                guard let language = TopicLanguage.named(name) else { throw PartialError(names[0] + ":1", "unknown language \"\(name)\"") }
                detection = TopicLanguage.Detection(language: language, decided: true, share: .nan, words: 0)
            } else {
                // The corpus's first words: its threads in order, each from its shard's sample;
                // a thread missing from its sample comes after the corpus's first words.
                var words: [UInt32] = []
                for (part, local) in zip(merged.parts, merged.localIndex) {
                    guard words.count < TopicLanguage.detectionTokens, let m = masks[part][local] else { break }
                    words += m
                }
                detection = TopicLanguage.detect(masks: words)
            }
        }

        /// The resolved topic options and the rule for the drawn edges.
        public var topicOptions: TopicOptions {
            var o = TopicOptions(maxTerms: settings.maxTerms, minDocumentFrequency: settings.minDocuments)
            o.stem = settings.stem
            o.language = settings.language.flatMap(TopicLanguage.named)
            return o.in(detection.language)
        }

        /// The round file of round `n`, from the summed counts of the rounds before it
        /// (`counts[i]` is round `i + 1`).
        ///
        /// - Throws: ``PartialError`` when a count answers another round or round file.
        public func round(_ n: Int, counts: [Counts]) throws(PartialError) -> TopicRound {
            try prepare(n, counts: counts).round
        }

        /// Round `n` and what it was found from, each step once: the collocations (from round
        /// 1's sums, for rounds 2 and 3) and round 2's sums as a ``Table`` (round 3; with
        /// round 3's surface forms when counted).
        func prepare(_ n: Int, counts: [Counts]) throws(PartialError) -> (round: TopicRound, collocations: [(pair: [String], g2: Double)], table: Table?) {
            var round = TopicRound(format: TopicRound.formatName, version: 1, round: 1, options: options, language: detection.language.name,
                                   minDocuments: settings.minDocuments, collocations: [], contenders: [])
            guard n > 1 else { return (round, [], nil) }
            try check(counts, round: round)
            let collocations = Self.collocations(counts[0], minDocuments: settings.minDocuments)
            round.round = 2
            round.collocations = collocations.map(\.pair)
            guard n > 2 else { return (round, collocations, nil) }
            try check(counts, round: round)
            let table = Table(round, counts[1], counts.count > 2 ? counts[2] : nil)
            round.round = 3
            round.contenders = table.contenders(maxTerms: settings.maxTerms, minDocuments: settings.minDocuments).map { c in
                c.isCollocation ? ["c"] + round.collocations[Int(c.id)] : ["w", table.words.keys[Int(c.id)]]
            }
            return (round, collocations, table)
        }

        /// The corpus topics from the summed counts of rounds 1–3, as ``CorpusTopics`` finds
        /// them in the whole corpus.
        public func topics(counts: [Counts]) throws(PartialError) -> CorpusTopics {
            let (last, collocations, prepared) = try prepare(3, counts: counts)
            try check(counts, round: last)
            guard let table = prepared else { throw PartialError(PartialTopics.countFileName(2), "missing: each shard counts round 2 first") }
            let selection: EdgeSelection
            do { selection = try EdgeSelection(parsing: settings.edges, minCount: settings.minCount) } catch {
                throw PartialError(PartialTopics.sampleFileName, "edges \"\(settings.edges)\": \(error.description)")
            }
            let contenders = table.contenders(maxTerms: settings.maxTerms, minDocuments: settings.minDocuments)
            var units = CorpusTopics.UnitCounts(topics: contenders.count)
            let c3 = counts[2]
            for (key, v) in c3.values {
                func contender(_ id: Int32) -> Int32? { Int32(c3.string(id)).flatMap { $0 >= 0 && Int($0) < contenders.count ? $0 : nil } }
                switch key.kind {
                case .units: units.units += v.first
                case .frequency: if let t = contender(key.a) { units.frequency[Int(t)] += v.first }
                case .cooccurrence: if let i = contender(key.a), let j = contender(key.b) { units.pairs[TopicCooccurrence.key(i, j), default: 0] += v.first }
                case .surface:
                    if let t = contender(key.a), let a = table.words.index[c3.string(key.b)], let b = table.words.index[c3.string(key.c)] {
                        units.surfaces[CorpusTopics.Surface(contender: t, first: a, second: b), default: 0] += v.first
                    }
                default: break
                }
            }
            // Every contender is labelled by its most used surface form: counts that name none
            // were not made from one text.
            var labelledWords = Set<Int32>()
            for (r, n) in table.total.rawSingles.enumerated() where n > 0 { labelledWords.insert(table.words.rawKey[r]) }
            let surfaced = Set(units.surfaces.keys.map(\.contender))
            for (x, c) in contenders.enumerated() where c.isCollocation ? !surfaced.contains(Int32(x)) : !labelledWords.contains(c.id) {
                throw PartialError(PartialTopics.countFileName(c.isCollocation ? 3 : 2),
                                   "the counts do not add up: key term \(last.contenders[x]) has no surface form; count the rounds again in every shard")
            }
            var g2: [UInt64: Double] = [:]
            for c in collocations { g2[table.key(c.pair[0], c.pair[1])] = c.g2 }
            let keys = last.collocations.map { table.key($0[0], $0[1]) }
            return CorpusTopics(ranking: contenders, total: table.total, units: units, table: table.words, collocationKeys: keys,
                                collocations: g2, options: topicOptions, language: detection, selection: selection)
        }

        /// Refuses counts that do not answer `round` (rounds before it are checked by the caller).
        func check(_ counts: [Counts], round: TopicRound) throws(PartialError) {
            guard counts.count >= round.round else {
                throw PartialError(PartialTopics.countFileName(round.round), "missing: each shard counts round \(round.round) first")
            }
            let c = counts[round.round - 1]
            guard c.round == round.round, c.context == TopicRound.digest(of: round.encoded) else {
                throw PartialError(PartialTopics.countFileName(round.round),
                                   "the counts answer round \(c.round) of another round file (\(c.context)), not this merge's round \(round.round): count it again")
            }
        }

        /// The collocations among round 1's pairs, sorted by their words, with their G².
        static func collocations(_ c: Counts, minDocuments: Int) -> [(pair: [String], g2: Double)] {
            let total = c.values[Counts.Key(kind: .total)]?.first ?? 0
            var out: [(pair: [String], g2: Double)] = []
            for (key, v) in c.values where key.kind == .pair {
                let first = c.values[Counts.Key(kind: .word, a: key.a)]?.first ?? 0, second = c.values[Counts.Key(kind: .word, a: key.b)]?.second ?? 0
                if let g2 = CorpusTopics.collocation(count: v.first, documents: v.second, first: first, second: second, total: total, minDocuments: minDocuments) {
                    out.append(([c.string(key.a), c.string(key.b)], g2))
                }
            }
            return out.sorted { x, y in
                !x.pair[0].utf8.elementsEqual(y.pair[0].utf8) ? precedes(x.pair[0], y.pair[0]) : precedes(x.pair[1], y.pair[1])
            }
        }
    }

    /// Whether `a`'s UTF-8 bytes sort before `b`'s (an order of strings that does not depend on
    /// Unicode equivalence).
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// Round 2's sums in the id space of ``CorpusTopics``: a word table (keys sorted, then the
    /// raw words) and the term counts, so that its contenders and ranking are the same code.
    struct Table {
        var words: CorpusTopics.WordTable
        var total: CorpusTopics.TermCounts

        init(_ round: TopicRound, _ terms: Counts, _ units: Counts?) {
            var words = CorpusTopics.WordTable()
            var keys = Set<String>()
            for key in terms.values.keys where key.kind == .word || key.kind == .raw { keys.insert(terms.string(key.a)) }
            for pair in round.collocations { keys.formUnion(pair) }
            for k in keys.sorted(by: PartialTopics.precedes) {
                words.keyIndex[k] = Int32(words.keys.count)
                words.keys.append(k)
            }
            func raw(_ text: String, key: Int32) -> Int32 {
                if let id = words.index[text] { return id }
                let id = Int32(words.raws.count)
                words.index[text] = id
                words.raws.append(text)
                words.rawKey.append(key)
                return id
            }
            let raws = terms.values.filter { $0.key.kind == .raw }.map { (key: terms.string($0.key.a), raw: terms.string($0.key.b), n: $0.value.first) }
            for r in raws.sorted(by: { PartialTopics.precedes($0.raw, $1.raw) }) { _ = raw(r.raw, key: words.keyIndex[r.key]!) }
            if let units {
                var surfaceRaws = Set<String>()
                for key in units.values.keys where key.kind == .surface { surfaceRaws.formUnion([units.string(key.b), units.string(key.c)]) }
                for text in surfaceRaws.sorted(by: PartialTopics.precedes) { _ = raw(text, key: 0) }
            }
            let collocationIndex = round.collocationIndex
            var total = CorpusTopics.TermCounts(words: words.keys.count, collocations: round.collocations.count, raws: words.raws.count)
            for (key, v) in terms.values {
                switch key.kind {
                case .word:
                    let k = Int(words.keyIndex[terms.string(key.a)]!)
                    total.wordDocuments[k] += v.first
                    total.wordFrequency[k] += v.second
                case .collocation:
                    if let x = collocationIndex[[terms.string(key.a), terms.string(key.b)]] {
                        total.collocationDocuments[x] += v.first
                        total.collocationFrequency[x] += v.second
                    }
                default: break
                }
            }
            for r in raws { total.rawSingles[Int(words.index[r.raw]!)] += r.n }
            self.words = words
            self.total = total
        }

        /// The key ids of two words packed as ``CorpusTopics`` packs a pair.
        func key(_ a: String, _ b: String) -> UInt64 {
            UInt64(UInt32(words.keyIndex[a] ?? 0)) << 32 | UInt64(UInt32(words.keyIndex[b] ?? 0))
        }

        func contenders(maxTerms: Int, minDocuments: Int) -> [CorpusTopics.Contender] {
            CorpusTopics.contenders(total, minDocuments: minDocuments, maxTerms: maxTerms)
        }
    }
}
