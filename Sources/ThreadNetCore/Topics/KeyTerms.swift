import Foundation

/// One automatic key term: a word or a two-word collocation, with its counts.
public struct KeyTerm: Hashable, Sendable {
    /// The label shown: the most frequent surface form (`illegal immigrants`, `taxes`).
    public var label: String
    /// The normalised form it is counted under (the stem when stemming), words joined by a space.
    public var key: String
    /// Whether it is a two-word collocation.
    public var isCollocation: Bool
    /// Documents (comments, and the root post) containing it.
    public var documentFrequency: Int
    /// Occurrences in all documents.
    public var frequency: Int
    /// Dunning's log-likelihood G² of the word pair (collocations only).
    public var logLikelihood: Double?

    public init(label: String, key: String, isCollocation: Bool, documentFrequency: Int, frequency: Int, logLikelihood: Double?) {
        self.label = label
        self.key = key
        self.isCollocation = isCollocation
        self.documentFrequency = documentFrequency
        self.frequency = frequency
        self.logLikelihood = logLikelihood
    }
}

/// Automatic key terms of a set of documents, and where they occur.
///
/// 1. **Words.** A token's `'s` ending (possessive or contraction) is removed first
///    (`patrick's` → `patrick`, `he's` → `he`). It counts as a word when it is not a stop
///    word and has two or more characters (a single CJK character counts). With stemming its key is the Snowball stem (Porter2 for English),
///    else its surface form; its label is the most frequent surface form (ties: the smaller).
/// 2. **Collocations.** Candidate pairs are two words that follow each other directly in one
///    sentence (``Token/isFollowed(by:)``; a stop word between them breaks the pair; two CJK
///    bigrams, which overlap, are never a pair). Over the *N* candidate pairs of all documents,
///    a pair (*a*, *b*) gets Dunning's (1993) log-likelihood ratio from its 2×2 table
///    O₁₁ = pairs *a b*, O₁₂ = pairs *a ¬b*, O₂₁ = pairs *¬a b*, O₂₂ = the rest:
///    G² = 2 Σᵢⱼ Oᵢⱼ ln(Oᵢⱼ / Eᵢⱼ), with Eᵢⱼ = (row i total)(column j total) / *N* and
///    0 · ln 0 = 0. A pair is a collocation when G² ≥ 3.84 (the χ²₁ critical value, p < 0.05),
///    O₁₁ > E₁₁ (attraction, not repulsion), and it occurs in at least the minimum number of
///    documents.
/// 3. **Compounding.** Each document is read left to right: where a collocation starts, its
///    two words count as the collocation and not as single words (as quanteda's
///    `tokens_compound`); `a b c` with collocations `a b` and `b c` gives `a b` and `c`.
/// 4. **Ranking.** Words and collocations together are ranked by document frequency (the
///    number of documents containing them after compounding), then frequency, then label and
///    key (ascending, for determinism); those below the minimum document frequency are
///    dropped, and the first *K* are the key terms.
///
/// Reference: T. Dunning, "Accurate methods for the statistics of surprise and coincidence",
/// Computational Linguistics 19(1), 1993.
///
/// - Complexity: O(*n* log *n*) for *n* tokens (hashing, then sorting the distinct terms).
public struct KeyTerms: Sendable {
    /// The key terms, best first; at most *K*.
    public var terms: [KeyTerm]
    /// For each document, the occurrences of the key terms (topic id = index in ``terms``),
    /// ordered by start token.
    public var matches: [[TopicMatch]]

    /// The χ²₁ critical value at p < 0.05, the G² a pair needs to be a collocation.
    public static let criticalValue = 3.84

    /// Finds the key terms of tokenized documents.
    ///
    /// - Parameters:
    ///   - documents: each document's tokens.
    ///   - stopwords: words left out.
    ///   - stem: whether words are counted under their Snowball stem.
    ///   - maxTerms: *K*, how many terms to keep.
    ///   - minDocumentFrequency: the fewest documents a term must occur in.
    ///   - stemLanguage: the Snowball stemmer used when `stem` is set (default `english`, Porter2).
    public init(documents: [[Token]], stopwords: Stopwords, stem: Bool, stemLanguage: String = "english", maxTerms: Int, minDocumentFrequency: Int) {
        let stemmer = stem ? SnowballStemmer(language: stemLanguage) ?? SnowballStemmer(language: "english") : nil
        // 1. Words: intern keys, remember surface forms.
        var keyID: [String: Int32] = [:]
        var keys: [String] = []
        var surfaces: [[String: Int]] = []
        var stemCache: [String: String] = [:]
        var wordKey: [[Int32]] = [] // per document, per token: key id or -1
        wordKey.reserveCapacity(documents.count)
        for tokens in documents {
            var row = [Int32](repeating: -1, count: tokens.count)
            for (i, t) in tokens.enumerated() {
                let word = Self.withoutApostropheS(t.text)
                guard !stopwords.contains(t.text), !stopwords.contains(word), t.isCJK || word.unicodeScalars.count >= 2 else { continue }
                let key: String
                if let stemmer, !t.isCJK {
                    if let s = stemCache[word] { key = s } else {
                        key = stemmer.stem(word)
                        stemCache[word] = key
                    }
                } else {
                    key = word
                }
                let id: Int32
                if let known = keyID[key] { id = known } else {
                    id = Int32(keys.count)
                    keyID[key] = id
                    keys.append(key)
                    surfaces.append([:])
                }
                surfaces[Int(id)][word, default: 0] += 1
                row[i] = id
            }
            wordKey.append(row)
        }

        // 2. Candidate pairs and their counts.
        func pack(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b)) }
        func isPair(_ d: Int, _ i: Int) -> Bool {
            let tokens = documents[d]
            return i + 1 < tokens.count && wordKey[d][i] >= 0 && wordKey[d][i + 1] >= 0
                && tokens[i].isFollowed(by: tokens[i + 1]) && !(tokens[i].isCJK && tokens[i + 1].isCJK)
        }
        var pairCount: [UInt64: Int] = [:]
        var pairDocs: [UInt64: Int] = [:]
        var pairLastDoc: [UInt64: Int] = [:]
        var firstCount: [Int32: Int] = [:]
        var secondCount: [Int32: Int] = [:]
        var totalPairs = 0
        for d in documents.indices {
            for i in documents[d].indices where isPair(d, i) {
                let a = wordKey[d][i], b = wordKey[d][i + 1]
                let p = pack(a, b)
                pairCount[p, default: 0] += 1
                firstCount[a, default: 0] += 1
                secondCount[b, default: 0] += 1
                totalPairs += 1
                if pairLastDoc[p] != d {
                    pairLastDoc[p] = d
                    pairDocs[p, default: 0] += 1
                }
            }
        }
        var collocationG2: [UInt64: Double] = [:]
        for (p, o11) in pairCount where o11 >= 1 && pairDocs[p, default: 0] >= minDocumentFrequency {
            let a = Int32(bitPattern: UInt32(truncatingIfNeeded: p >> 32)), b = Int32(bitPattern: UInt32(truncatingIfNeeded: p))
            let g2 = Self.logLikelihood(o11: o11, firstTotal: firstCount[a]!, secondTotal: secondCount[b]!, total: totalPairs)
            let e11 = Double(firstCount[a]!) * Double(secondCount[b]!) / Double(totalPairs)
            if g2 >= Self.criticalValue, Double(o11) > e11 { collocationG2[p] = g2 }
        }

        // 3. Compound and count terms: ids 0..<keys.count are words, then collocations.
        var termID: [UInt64: Int32] = [:] // words keyed as pack(-1, key)
        var termPair: [(UInt64, Bool)] = []
        var termSurfaces: [[String: Int]] = []
        var docFreq: [Int] = []
        var freq: [Int] = []
        var lastDoc: [Int] = []
        var occurrences: [[(term: Int32, start: Int32, end: Int32)]] = []
        occurrences.reserveCapacity(documents.count)
        for d in documents.indices {
            var list: [(term: Int32, start: Int32, end: Int32)] = []
            let tokens = documents[d]
            var i = 0
            while i < tokens.count {
                let a = wordKey[d][i]
                guard a >= 0 else {
                    i += 1
                    continue
                }
                let isColl = isPair(d, i) && collocationG2[pack(a, wordKey[d][i + 1])] != nil
                let key = isColl ? pack(a, wordKey[d][i + 1]) : pack(-1, a)
                let surface = isColl ? tokens[i].text + " " + tokens[i + 1].text : tokens[i].text
                let id: Int32
                if let known = termID[key] { id = known } else {
                    id = Int32(termPair.count)
                    termID[key] = id
                    termPair.append((key, isColl))
                    termSurfaces.append([:])
                    docFreq.append(0)
                    freq.append(0)
                    lastDoc.append(-1)
                }
                termSurfaces[Int(id)][surface, default: 0] += 1
                freq[Int(id)] += 1
                if lastDoc[Int(id)] != d {
                    lastDoc[Int(id)] = d
                    docFreq[Int(id)] += 1
                }
                let length = isColl ? 2 : 1
                list.append((id, Int32(i), Int32(i + length)))
                i += length
            }
            occurrences.append(list)
        }

        // 4. Rank.
        func label(_ id: Int) -> String {
            termSurfaces[id].max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
        }
        func keyText(_ id: Int) -> String {
            let (p, isColl) = termPair[id]
            let b = keys[Int(Int32(bitPattern: UInt32(truncatingIfNeeded: p)))]
            return isColl ? keys[Int(Int32(bitPattern: UInt32(truncatingIfNeeded: p >> 32)))] + " " + b : b
        }
        var candidates: [KeyTerm] = []
        var candidateIDs: [Int] = []
        for id in termPair.indices where docFreq[id] >= max(1, minDocumentFrequency) {
            let (p, isColl) = termPair[id]
            candidates.append(KeyTerm(label: label(id), key: keyText(id), isCollocation: isColl,
                                      documentFrequency: docFreq[id], frequency: freq[id],
                                      logLikelihood: isColl ? collocationG2[p] : nil))
            candidateIDs.append(id)
        }
        let order = candidates.indices.sorted { x, y in
            let a = candidates[x], b = candidates[y]
            if a.documentFrequency != b.documentFrequency { return a.documentFrequency > b.documentFrequency }
            if a.frequency != b.frequency { return a.frequency > b.frequency }
            if a.label != b.label { return a.label.unicodeScalars.lexicographicallyPrecedes(b.label.unicodeScalars) }
            return a.key.unicodeScalars.lexicographicallyPrecedes(b.key.unicodeScalars)
        }.prefix(max(0, maxTerms))
        var topic = [Int32](repeating: -1, count: termPair.count)
        var selected: [KeyTerm] = []
        for x in order {
            topic[candidateIDs[x]] = Int32(selected.count)
            selected.append(candidates[x])
        }
        terms = selected
        matches = occurrences.map { list in
            list.compactMap { o in topic[Int(o.term)] >= 0 ? TopicMatch(topic: topic[Int(o.term)], start: o.start, end: o.end) : nil }
        }
    }

    /// Dunning's G² for a word pair from its 2×2 table over all candidate pairs.
    ///
    /// - Parameters:
    ///   - o11: pairs *a b*.
    ///   - firstTotal: pairs starting with *a* (O₁₁ + O₁₂).
    ///   - secondTotal: pairs ending with *b* (O₁₁ + O₂₁).
    ///   - total: all candidate pairs, *N*.
    /// - Returns: G² = 2 Σ Oᵢⱼ ln(Oᵢⱼ / Eᵢⱼ), dimensionless, ≥ 0.
    /// - Complexity: O(1).
    public static func logLikelihood(o11: Int, firstTotal: Int, secondTotal: Int, total: Int) -> Double {
        let n = Double(total)
        let o = [Double(o11), Double(firstTotal - o11), Double(secondTotal - o11), Double(total - firstTotal - secondTotal + o11)]
        let rows = [Double(firstTotal), Double(total - firstTotal)]
        let cols = [Double(secondTotal), Double(total - secondTotal)]
        var sum = 0.0
        for (k, observed) in o.enumerated() where observed > 0 {
            let expected = rows[k / 2] * cols[k % 2] / n
            sum += observed * log(observed / expected)
        }
        return max(0, 2 * sum)
    }
}

extension KeyTerms {
    /// `word` without a final `'s` (`patrick's` → `patrick`); other words unchanged.
    static func withoutApostropheS(_ word: String) -> String {
        word.hasSuffix("'s") && word.unicodeScalars.count > 2 ? String(word.dropLast(2)) : word
    }
}
