import Foundation

/// Topic co-occurrence over every comment of a corpus: the automatic key terms of all its text
/// and the network of terms that share a comment.
///
/// The definitions are those of one thread (``KeyTerms``, ``TopicCooccurrence``), applied to the
/// corpus as one collection of documents: the documents are each thread's root post (when
/// ``TopicOptions/includeRoot`` and it has words) and every analysed comment, in corpus order;
/// collocations are found over the candidate pairs of all of them, key terms ranked by the
/// number of documents holding them, and a co-occurrence unit is one comment (root posts are
/// documents but not units, as in a thread). Key terms are used whatever `--topics` says: a
/// dictionary describes what a researcher looks for in a thread, the corpus view shows what the
/// corpus talks about. The result equals ``KeyTerms`` and ``TopicCooccurrence`` run on all the
/// documents at once (a test checks it), but is computed without holding a token per word:
///
/// 1. Threads are split into chunks tokenized in parallel; each token becomes a 32-bit entry
///    (the id of its lower-cased text, and whether it directly follows the previous word), and
///    stop words and single letters no entry at all.
/// 2. Three passes over the entries, in parallel, with integer sums: candidate word pairs (for
///    Dunning's G², counted by hash partition behind a filter that screens out pairs seen once),
///    the terms after compounding collocations (ranked by documents and occurrences), and the
///    contenders (the first *K* and any tied with the *K*-th) per comment: their co-occurrence
///    and the surface forms that label them; labels break the remaining ties.
///
/// - Complexity: O(*n* + *w* log *w*) time for *n* tokens and *w* distinct terms; memory
///   4 bytes per kept token plus the distinct words, pairs and collocations.
public struct CorpusTopics: Sendable {
    /// The key terms, best first; at most ``TopicOptions/maxTerms``. Their
    /// `documentFrequency` counts root posts and comments.
    public let terms: [KeyTerm]
    /// The co-occurrence network of the key terms over comments (topic ids index ``terms``).
    public let cooccurrence: TopicCooccurrence
    /// The rule that chose ``edges``.
    public let selection: EdgeSelection
    /// The pairs the rule keeps, strongest first.
    public let edges: [TopicPair]
    /// The options the terms were found with (the dictionary, if any, is not used).
    public let options: TopicOptions
    /// The language the key terms were found in (its stop words, its stemmer), fixed or detected.
    public let language: TopicLanguage.Detection

    /// Finds the key terms of all the threads' text and their co-occurrence.
    ///
    /// - Parameters:
    ///   - threads: the corpus's analysed threads.
    ///   - options: tokenizer, stop words, stemming, *K* and the minimum document frequency
    ///     (``TopicOptions/unit`` and ``TopicOptions/dictionary`` are not used).
    ///   - selection: the rule choosing the drawn edges.
    ///   - chunks: how many pieces the threads are split into (the result does not depend on
    ///     it); by default four per core.
    public init(_ threads: [ThreadAnalysis], options: TopicOptions, selection: EdgeSelection = .default, chunks: Int? = nil,
                progress: RunProgress = .silent) {
        // The corpus's language, from the text of its first threads (as far as detection reads).
        let (options, detection) = options.resolved(for: threads.lazy.flatMap { $0.comments.lazy.map(\.text) })
        progress.begin("corpus topics", total: threads.count, unit: "threads")
        // 1. Tokenize each chunk; then one table of words in order of first appearance.
        let (stream, table) = Self.tokenize(threads, options: options, chunks: chunks ?? 4 * ProcessInfo.processInfo.activeProcessorCount,
                                            progress: progress)

        // 2. Candidate pairs → collocations.
        let workers = max(1, min(stream.count, ProcessInfo.processInfo.activeProcessorCount))
        // One partition per worker: each scans every entry, so more partitions would cost more
        // sweeps than their smaller bit sets save.
        let collocations = Self.collocations(stream, table: table, minDocuments: options.minDocumentFrequency, partitions: workers)
        let collocationKeys = collocations.keys.sorted()
        var collocationIndex: [UInt64: Int32] = [:]
        collocationIndex.reserveCapacity(collocationKeys.count)
        for (k, key) in collocationKeys.enumerated() { collocationIndex[key] = Int32(k) }
        let compounds = collocationIndex

        // 3. Terms after compounding, counted by documents and occurrences; each worker sums the
        // chunks k with k % workers == its number (integer sums do not depend on the order).
        var documentBase = [Int32](repeating: 0, count: stream.count)
        for k in stream.indices.dropFirst() { documentBase[k] = documentBase[k - 1] + Int32(stream[k - 1].documentEnd.count) }
        let bases = documentBase
        let termParts = Parallel.map(0..<workers) { w -> TermCounts in
            var c = TermCounts(words: table.keys.count, collocations: collocationKeys.count, raws: table.raws.count)
            for k in stride(from: w, to: stream.count, by: workers) {
                stream[k].countTerms(into: &c, base: bases[k], table, collocations: compounds)
            }
            return c
        }
        var total = termParts[0]
        for part in termParts.dropFirst() { total.add(part) }

        // Ranked by documents and occurrences, the first K and any tied with the K-th are the
        // contenders; labels (which break the remaining ties) are needed for them only.
        let contenders = Self.contenders(total, minDocuments: options.minDocumentFrequency, maxTerms: options.maxTerms)
        var contenderOfWord = [Int32](repeating: -1, count: table.keys.count)
        var contenderOfCollocation = [Int32](repeating: -1, count: collocationKeys.count)
        for (x, c) in contenders.enumerated() {
            if c.isCollocation { contenderOfCollocation[Int(c.id)] = Int32(x) } else { contenderOfWord[Int(c.id)] = Int32(x) }
        }

        // 4. Contenders per comment → co-occurrence, and the surface forms of collocations.
        let unitParts = Parallel.map(0..<workers) { w -> UnitCounts in
            var part = UnitCounts(topics: contenders.count)
            for k in stride(from: w, to: stream.count, by: workers) {
                stream[k].countUnits(into: &part, table, collocations: compounds, topicOfWord: contenderOfWord, topicOfCollocation: contenderOfCollocation)
            }
            return part
        }
        var units = unitParts[0]
        for part in unitParts.dropFirst() { units.add(part) }

        self.init(ranking: contenders, total: total, units: units, table: table, collocationKeys: collocationKeys,
                  collocations: collocations, options: options, language: detection, selection: selection)
        progress.end()
    }

    /// The key terms labelled and ranked among `contenders`, and their co-occurrence from `units`
    /// (the last step of ``init(_:options:selection:chunks:progress:)``, shared with a merge of
    /// partial results).
    init(ranking contenders: [Contender], total: TermCounts, units: UnitCounts, table: WordTable, collocationKeys: [UInt64],
         collocations: [UInt64: Double], options: TopicOptions, language: TopicLanguage.Detection, selection: EdgeSelection) {
        self.options = options
        self.language = language
        self.selection = selection
        let ranked = Self.rank(contenders, total: total, surfaces: units.surfaces, table: table, collocationKeys: collocationKeys,
                               collocations: collocations, maxTerms: options.maxTerms)
        terms = ranked.map(\.term)
        var topic = [Int32](repeating: -1, count: contenders.count)
        for (t, r) in ranked.enumerated() { topic[r.index] = Int32(t) }
        var counts: [UInt64: Int] = [:]
        for (p, c) in units.pairs {
            let i = topic[Int(p >> 32)], j = topic[Int(p & 0xFFFF_FFFF)]
            if i >= 0, j >= 0 { counts[TopicCooccurrence.key(i, j)] = c }
        }
        cooccurrence = TopicCooccurrence(topics: terms.map(\.label), unitCount: units.units,
                                         documentFrequency: ranked.map { units.frequency[$0.index] }, counts: counts)
        edges = selection.select(cooccurrence)
    }

    /// The threads' text as entries (``TokenizedChunk``), in `chunks` pieces tokenized in
    /// parallel, and one table of its words in order of first appearance.
    static func tokenize(_ threads: [ThreadAnalysis], options: TopicOptions, chunks: Int, progress: RunProgress = .silent)
        -> (stream: [TokenizedChunk], table: WordTable) {
        let pieces = split(threads, into: chunks)
        var tokenized = Parallel.map(pieces) { range -> TokenizedChunk in
            defer { progress.advance(range.count) }
            return TokenizedChunk(threads[range], options: options)
        }
        var words = WordTable()
        let stemmer = options.stem ? SnowballStemmer(language: options.stemLanguage) : nil
        let maps = tokenized.map { chunk in chunk.words.map { words.add($0, stemmer: stemmer) } }
        tokenized.withUnsafeMutableBufferPointer { chunks in
            Parallel.forEach(chunks.count) { k in chunks[k].renumber(maps[k]) }
        }
        return (tokenized, words)
    }

    /// Dunning's G² of a candidate pair seen `count` times in `documents` documents, when the
    /// pair is a collocation: in at least `minDocuments` documents, G² at least
    /// ``KeyTerms/criticalValue`` and more often than expected; nil otherwise. `first` and
    /// `second` count the candidate pairs starting and ending with its words, `total` all.
    static func collocation(count: Int, documents: Int, first: Int, second: Int, total: Int, minDocuments: Int) -> Double? {
        guard documents >= minDocuments else { return nil }
        let g2 = KeyTerms.logLikelihood(o11: count, firstTotal: first, secondTotal: second, total: total)
        let e11 = Double(first) * Double(second) / Double(total)
        return g2 >= KeyTerms.criticalValue && Double(count) > e11 ? g2 : nil
    }

    /// The collocations among the candidate pairs of `stream` with their G² (``KeyTerms`` step 2).
    ///
    /// Pairs are counted in `partitions` parts by a hash of the pair, in parallel, so each pair
    /// is counted by one worker. Most distinct pairs occur once and can never reach
    /// `minDocuments` ≥ 2: a first sweep marks, in two bit sets indexed by the hash, the slots
    /// seen once and twice, and only pairs whose slot was seen twice are counted exactly (a
    /// pair seen twice always passes; a pair seen once passes only when it shares its slot).
    ///
    /// - Complexity: O(*p*) time for *p* candidate pairs; memory O(*p* / 4) bytes for the bit
    ///   sets plus the pairs counted exactly.
    static func collocations(_ stream: [TokenizedChunk], table: WordTable, minDocuments: Int, partitions: Int) -> [UInt64: Double] {
        let entries = stream.reduce(0) { $0 + $1.entries.count }
        let filtered = minDocuments >= 2
        var slots = 1 << 10
        while slots < 2 * entries / partitions { slots <<= 1 }
        let slotMask = UInt64(slots - 1)
        let parts = Parallel.map(0..<partitions) { p -> (first: [Int], second: [Int], total: Int, pairs: [UInt64: PairCount]) in
            var first = [Int](repeating: 0, count: table.keys.count), second = first
            var total = 0
            // Two bits per slot, side by side: seen once (even bit), seen twice (odd bit).
            var seen = filtered ? [UInt64](repeating: 0, count: slots / 32) : []
            func owned(_ key: UInt64) -> UInt64? {
                var h = key &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                h = h &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 32
                return Int(((h >> 32) &* UInt64(partitions)) >> 32) == p ? h & slotMask : nil
            }
            // Slots are gathered in batches so that the bit updates, each likely a cache miss,
            // are issued back to back and overlap.
            var batch = [UInt64](repeating: 0, count: 256)
            var pending = 0
            func flush() {
                seen.withUnsafeMutableBufferPointer { bits in
                    for k in 0..<pending {
                        let slot = batch[k]
                        let w = Int(slot >> 5), once = UInt64(1) << ((slot & 31) << 1)
                        bits[w] |= bits[w] & once != 0 ? once << 1 : once
                    }
                }
                pending = 0
            }
            for chunk in stream {
                chunk.forEachPair(table) { key, _ in
                    guard let slot = owned(key) else { return }
                    first[Int(key >> 32)] += 1
                    second[Int(key & 0xFFFF_FFFF)] += 1
                    total += 1
                    if filtered {
                        batch[pending] = slot
                        pending += 1
                        if pending == batch.count { flush() }
                    }
                }
            }
            if filtered { flush() }
            var pairs: [UInt64: PairCount] = [:]
            var base: Int32 = 0
            for chunk in stream {
                chunk.forEachPair(table) { key, d in
                    guard let slot = owned(key) else { return }
                    if filtered, seen[Int(slot >> 5)] & (UInt64(2) << ((slot & 31) << 1)) == 0 { return }
                    pairs[key, default: PairCount()].add(in: base + Int32(d))
                }
                base += Int32(chunk.documentEnd.count)
            }
            return (first, second, total, pairs)
        }
        var firstCount = parts[0].first, secondCount = parts[0].second
        var totalPairs = parts[0].total
        for part in parts.dropFirst() {
            for k in firstCount.indices {
                firstCount[k] += part.first[k]
                secondCount[k] += part.second[k]
            }
            totalPairs += part.total
        }
        var collocations: [UInt64: Double] = [:]
        for part in parts {
            for (p, c) in part.pairs {
                let a = Int(p >> 32), b = Int(p & 0xFFFF_FFFF)
                if let g2 = collocation(count: Int(c.count), documents: Int(c.documents), first: firstCount[a], second: secondCount[b],
                                        total: totalPairs, minDocuments: minDocuments) {
                    collocations[p] = g2
                }
            }
        }
        return collocations
    }

    /// Contiguous ranges of threads holding about equal numbers of comments.
    static func split(_ threads: [ThreadAnalysis], into pieces: Int) -> [Range<Int>] {
        let total = threads.reduce(0) { $0 + $1.comments.count + 1 }
        let target = max(1, total / max(1, pieces))
        var ranges: [Range<Int>] = []
        var start = 0, size = 0
        for (k, t) in threads.enumerated() {
            size += t.comments.count + 1
            if size >= target {
                ranges.append(start..<(k + 1))
                start = k + 1
                size = 0
            }
        }
        if start < threads.count { ranges.append(start..<threads.count) }
        return ranges
    }

    /// A term that may be among the first *K*: a word (`id` its key id) or a collocation (`id`
    /// its index), its counts, and once labelled the ``KeyTerm``.
    struct Contender {
        var isCollocation: Bool
        var id: Int32
        var documents: Int
        var frequency: Int
        var term: KeyTerm?
    }

    /// The terms with at least `minDocuments` documents (and 1), by documents then occurrences
    /// descending: the first `maxTerms` and every later one tied with the last of them.
    static func contenders(_ c: TermCounts, minDocuments: Int, maxTerms: Int) -> [Contender] {
        let minimum = max(1, minDocuments)
        var all: [Contender] = []
        for k in c.wordDocuments.indices where c.wordDocuments[k] >= minimum {
            all.append(Contender(isCollocation: false, id: Int32(k), documents: c.wordDocuments[k], frequency: c.wordFrequency[k]))
        }
        for k in c.collocationDocuments.indices where c.collocationDocuments[k] >= minimum {
            all.append(Contender(isCollocation: true, id: Int32(k), documents: c.collocationDocuments[k], frequency: c.collocationFrequency[k]))
        }
        all.sort { ($0.documents, $0.frequency) > ($1.documents, $1.frequency) }
        guard maxTerms > 0, !all.isEmpty else { return [] }
        guard all.count > maxTerms else { return all }
        let last = all[maxTerms - 1]
        var end = maxTerms
        while end < all.count, all[end].documents == last.documents, all[end].frequency == last.frequency { end += 1 }
        return Array(all[..<end])
    }

    /// Labels the contenders (the most frequent surface form among the term's uses; ties: the
    /// smaller) and returns the indices of the first *K* in ``KeyTerms``' order: documents,
    /// occurrences, then label and key.
    static func rank(_ contenders: [Contender], total: TermCounts, surfaces: [Surface: Int], table: WordTable, collocationKeys: [UInt64],
                     collocations: [UInt64: Double], maxTerms: Int) -> [(index: Int, term: KeyTerm)] {
        func better(_ a: (text: String, count: Int), than b: (text: String, count: Int)) -> Bool {
            a.count != b.count ? a.count > b.count : a.text < b.text
        }
        var wordLabel: [Int32: (text: String, count: Int)] = [:]
        var isContender = [Bool](repeating: false, count: table.keys.count)
        for c in contenders where !c.isCollocation { isContender[Int(c.id)] = true }
        for (r, n) in total.rawSingles.enumerated() where n > 0 && isContender[Int(table.rawKey[r])] {
            let k = table.rawKey[r]
            let candidate = (text: table.raws[r], count: n)
            if let current = wordLabel[k], !better(candidate, than: current) { continue }
            wordLabel[k] = candidate
        }
        var pairLabel: [Int32: (text: String, count: Int)] = [:]
        for (surface, n) in surfaces {
            let candidate = (text: table.raws[Int(surface.first)] + " " + table.raws[Int(surface.second)], count: n)
            if let current = pairLabel[surface.contender], !better(candidate, than: current) { continue }
            pairLabel[surface.contender] = candidate
        }
        var labelled = contenders
        for (x, c) in contenders.enumerated() {
            if c.isCollocation {
                let p = collocationKeys[Int(c.id)]
                let key = table.keys[Int(p >> 32)] + " " + table.keys[Int(p & 0xFFFF_FFFF)]
                labelled[x].term = KeyTerm(label: pairLabel[Int32(x)]!.text, key: key, isCollocation: true, documentFrequency: c.documents,
                                           frequency: c.frequency, logLikelihood: collocations[p])
            } else {
                labelled[x].term = KeyTerm(label: wordLabel[c.id]!.text, key: table.keys[Int(c.id)], isCollocation: false,
                                           documentFrequency: c.documents, frequency: c.frequency, logLikelihood: nil)
            }
        }
        let order = labelled.indices.sorted { x, y in
            let a = labelled[x].term!, b = labelled[y].term!
            if a.documentFrequency != b.documentFrequency { return a.documentFrequency > b.documentFrequency }
            if a.frequency != b.frequency { return a.frequency > b.frequency }
            if a.label != b.label { return a.label.unicodeScalars.lexicographicallyPrecedes(b.label.unicodeScalars) }
            return a.key.unicodeScalars.lexicographicallyPrecedes(b.key.unicodeScalars)
        }
        return order.prefix(maxTerms).map { ($0, labelled[$0].term!) }
    }
}

extension CorpusTopics {
    /// The corpus's words: each distinct lower-cased token text (a *raw* word) that is not a
    /// stop word or a single letter, its counting key (the word without `'s`, stemmed when
    /// asked) and the distinct keys, in order of first appearance.
    struct WordTable {
        var index: [String: Int32] = [:]
        var raws: [String] = []
        var rawKey: [Int32] = []
        var keyIndex: [String: Int32] = [:]
        var keys: [String] = []

        /// The id of `raw`, added when new.
        mutating func add(_ raw: String, stemmer: SnowballStemmer?) -> Int32 {
            if let id = index[raw] { return id }
            let word = KeyTerms.withoutApostropheS(raw)
            let key = stemmer.map { s in word.unicodeScalars.contains { TokenizerRun.isCJK($0) } ? word : s.stem(word) } ?? word
            let k: Int32
            if let known = keyIndex[key] { k = known } else {
                k = Int32(keys.count)
                keyIndex[key] = k
                keys.append(key)
            }
            let id = Int32(raws.count)
            index[raw] = id
            raws.append(raw)
            rawKey.append(k)
            return id
        }
    }

    /// Occurrences and documents of a word pair.
    struct PairCount {
        var count: Int32 = 0
        var documents: Int32 = 0
        var lastDocument: Int32 = -1

        /// Counts one occurrence in document `d` (documents come in ascending order).
        mutating func add(in d: Int32) {
            count += 1
            if lastDocument != d {
                lastDocument = d
                documents += 1
            }
        }
    }

    /// Per term: documents and occurrences after compounding (words by key id, collocations by
    /// index); per raw word: uses as a single-word term (for labels).
    struct TermCounts {
        var wordDocuments: [Int]
        var wordFrequency: [Int]
        var collocationDocuments: [Int]
        var collocationFrequency: [Int]
        var rawSingles: [Int]
        /// The last document counted for each word and collocation (while counting).
        var lastWord: [Int32]
        var lastCollocation: [Int32]

        init(words: Int, collocations: Int, raws: Int) {
            wordDocuments = [Int](repeating: 0, count: words)
            wordFrequency = wordDocuments
            collocationDocuments = [Int](repeating: 0, count: collocations)
            collocationFrequency = collocationDocuments
            rawSingles = [Int](repeating: 0, count: raws)
            lastWord = [Int32](repeating: -1, count: words)
            lastCollocation = [Int32](repeating: -1, count: collocations)
        }

        mutating func add(_ o: TermCounts) {
            for k in wordDocuments.indices {
                wordDocuments[k] += o.wordDocuments[k]
                wordFrequency[k] += o.wordFrequency[k]
            }
            for k in collocationDocuments.indices {
                collocationDocuments[k] += o.collocationDocuments[k]
                collocationFrequency[k] += o.collocationFrequency[k]
            }
            for k in rawSingles.indices { rawSingles[k] += o.rawSingles[k] }
        }
    }

    /// A collocation contender's surface form: its two raw words.
    struct Surface: Hashable {
        var contender: Int32
        var first: Int32
        var second: Int32
    }

    /// Co-occurrence over comments of the contenders (ids index the contenders), and the
    /// surface forms of the collocation contenders.
    struct UnitCounts {
        var units = 0
        var frequency: [Int]
        var pairs: [UInt64: Int] = [:]
        var surfaces: [Surface: Int] = [:]

        init(topics: Int) { frequency = [Int](repeating: 0, count: topics) }

        mutating func add(_ o: UnitCounts) {
            units += o.units
            for k in frequency.indices { frequency[k] += o.frequency[k] }
            for (p, n) in o.pairs { pairs[p, default: 0] += n }
            for (s, n) in o.surfaces { surfaces[s, default: 0] += n }
        }
    }

    /// One chunk's kept tokens as entries: bit 31 set when the word directly follows the previous
    /// kept word (the pair rule of ``KeyTerms``), the word's id below.
    struct TokenizedChunk: Sendable {
        /// Distinct raw words of this chunk in order of first appearance (local ids).
        var words: [String] = []
        var entries: [UInt32] = []
        /// For each document, where its entries end.
        var documentEnd: [Int32] = []
        /// For each document, whether it is a comment (a co-occurrence unit) or a root post.
        var isComment: [Bool] = []

        static let follows: UInt32 = 1 << 31

        init(_ threads: ArraySlice<ThreadAnalysis>, options: TopicOptions) {
            var builder = Builder(stopwords: options.stopwords)
            let tokenizerOptions = options.tokenizer
            let tokenizer = Tokenizer(options: tokenizerOptions)
            func document(_ text: String, comment: Bool) {
                builder.startDocument()
                var text = text
                let ascii: Bool = text.withUTF8 { bytes in
                    guard ASCIITokenizer.isASCII(bytes) else { return false }
                    ASCIITokenizer.scan(bytes, options: tokenizerOptions) { w, sentence, position in builder.token(w, sentence, position, false) }
                    return true
                }
                if !ascii {
                    for t in tokenizer.scalarTokens(in: text) {
                        var raw = t.text
                        raw.withUTF8 { builder.token($0, t.sentence, t.position, t.isCJK) }
                    }
                }
                guard comment || builder.any else { return }
                documentEnd.append(Int32(builder.entries.count))
                isComment.append(comment)
            }
            for t in threads {
                if options.includeRoot { document(t.thread.root.text, comment: false) }
                let comments = t.comments
                for i in comments.indices { document(comments[i].text, comment: true) }
            }
            words = builder.words
            entries = builder.entries
        }

        /// The state of tokenizing one chunk: the words seen and the entries so far.
        struct Builder {
            let stopwords: Stopwords
            var local = ByteInterner(capacity: 4096) // value: local word id, or -1 for no word
            var words: [String] = []
            var entries: [UInt32] = []
            var any = false
            var previousKept = false, previousCJK = false
            var previousPosition: Int32 = -2, previousSentence: Int32 = -1

            init(stopwords: Stopwords) { self.stopwords = stopwords }

            mutating func startDocument() {
                any = false
                previousKept = false
                previousPosition = -2
            }

            mutating func token(_ raw: UnsafeBufferPointer<UInt8>, _ sentence: Int32, _ position: Int32, _ isCJK: Bool) {
                any = true
                let found = local.find(raw)
                let id: Int32
                if let known = found.id {
                    id = local.value(known)
                } else {
                    let text = String(decoding: raw, as: UTF8.self)
                    let word = KeyTerms.withoutApostropheS(text)
                    if !stopwords.contains(text), !stopwords.contains(word), isCJK || word.unicodeScalars.count >= 2 {
                        id = Int32(words.count)
                        words.append(text)
                    } else {
                        id = -1
                    }
                    local.add(raw, value: id, at: found)
                }
                if id >= 0 {
                    let follows = previousKept && position == previousPosition + 1 && sentence == previousSentence && !(isCJK && previousCJK)
                    entries.append(UInt32(id) | (follows ? TokenizedChunk.follows : 0))
                }
                previousKept = id >= 0
                previousCJK = isCJK
                previousPosition = position
                previousSentence = sentence
            }
        }

        /// Replaces local word ids by the corpus-wide ones.
        mutating func renumber(_ map: [Int32]) {
            for i in entries.indices {
                let e = entries[i]
                entries[i] = UInt32(map[Int(e & ~Self.follows)]) | (e & Self.follows)
            }
            words = []
        }

        /// Calls `body(d, range)` for each document.
        func forEachDocument(_ body: (Int, Range<Int>) -> Void) {
            var start = 0
            for d in documentEnd.indices {
                let end = Int(documentEnd[d])
                body(d, start..<end)
                start = end
            }
        }

        /// Calls `body(key, d)` for each candidate pair of key ids (packed first << 32 | second) in
        /// document `d`.
        func forEachPair(_ table: WordTable, _ body: (UInt64, Int) -> Void) {
            forEachDocument { d, range in
                for i in range where i > range.lowerBound && entries[i] & Self.follows != 0 {
                    let a = table.rawKey[Int(entries[i - 1] & ~Self.follows)], b = table.rawKey[Int(entries[i] & ~Self.follows)]
                    body(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)), d)
                }
            }
        }

        /// Walks a document's terms left to right, compounding collocations (``KeyTerms`` step 3):
        /// `body(collocation, i)` for the term starting at entry `i`, with the collocation's index
        /// or -1 for a single word.
        @inline(__always)
        func terms(in range: Range<Int>, _ table: WordTable, collocations: [UInt64: Int32], _ body: (Int32, Int) -> Void) {
            var i = range.lowerBound
            while i < range.upperBound {
                if i + 1 < range.upperBound, entries[i + 1] & Self.follows != 0 {
                    let a = table.rawKey[Int(entries[i] & ~Self.follows)], b = table.rawKey[Int(entries[i + 1] & ~Self.follows)]
                    if let c = collocations[UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))] {
                        body(c, i)
                        i += 2
                        continue
                    }
                }
                body(-1, i)
                i += 1
            }
        }

        /// Adds this chunk's terms to `c`; documents are numbered from `base`.
        func countTerms(into c: inout TermCounts, base: Int32, _ table: WordTable, collocations: [UInt64: Int32]) {
            forEachDocument { local, range in
                let d = base + Int32(local)
                terms(in: range, table, collocations: collocations) { collocation, i in
                    if collocation >= 0 {
                        let x = Int(collocation)
                        c.collocationFrequency[x] += 1
                        if c.lastCollocation[x] != d {
                            c.lastCollocation[x] = d
                            c.collocationDocuments[x] += 1
                        }
                    } else {
                        let ra = Int(entries[i] & ~Self.follows)
                        let a = Int(table.rawKey[ra])
                        c.wordFrequency[a] += 1
                        if c.lastWord[a] != d {
                            c.lastWord[a] = d
                            c.wordDocuments[a] += 1
                        }
                        c.rawSingles[ra] += 1
                    }
                }
            }
        }

        /// Adds this chunk's comments to the co-occurrence counts `part`, and the surface forms
        /// of the collocation contenders.
        func countUnits(into part: inout UnitCounts, _ table: WordTable, collocations: [UInt64: Int32],
                        topicOfWord: [Int32], topicOfCollocation: [Int32]) {
            var present: [Int32] = []
            forEachDocument { d, range in
                present.removeAll(keepingCapacity: true)
                terms(in: range, table, collocations: collocations) { collocation, i in
                    let topic: Int32
                    if collocation >= 0 {
                        topic = topicOfCollocation[Int(collocation)]
                        if topic >= 0 {
                            let surface = Surface(contender: topic, first: Int32(entries[i] & ~Self.follows), second: Int32(entries[i + 1] & ~Self.follows))
                            part.surfaces[surface, default: 0] += 1
                        }
                    } else {
                        topic = topicOfWord[Int(table.rawKey[Int(entries[i] & ~Self.follows)])]
                    }
                    if topic >= 0 { present.append(topic) }
                }
                guard isComment[d] else { return }
                part.units += 1
                guard !present.isEmpty else { return }
                present.sort()
                var previous: Int32 = -1
                var distinct = 0
                for t in present where t != previous {
                    present[distinct] = t
                    distinct += 1
                    previous = t
                }
                for x in 0..<distinct {
                    part.frequency[Int(present[x])] += 1
                    for y in (x + 1)..<distinct { part.pairs[TopicCooccurrence.key(present[x], present[y]), default: 0] += 1 }
                }
            }
        }
    }
}
