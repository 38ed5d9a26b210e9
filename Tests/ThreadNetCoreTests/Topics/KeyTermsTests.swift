import Foundation
import Testing
@testable import ThreadNetCore

@Suite("Key terms")
struct KeyTermsTests {
    @Test("G² of a 2×2 table, computed by hand")
    func logLikelihood() {
        // (cheap, labor) below: O11 = 2, row = 2, column = 2, N = 5 → O12 = O21 = 0, O22 = 3;
        // E11 = 2·2/5 = 0.8, E22 = 3·3/5 = 1.8;
        // G² = 2 (2 ln(2/0.8) + 3 ln(3/1.8)) = 2 (1.832581 + 1.532477) = 6.730117.
        #expect(abs(KeyTerms.logLikelihood(o11: 2, firstTotal: 2, secondTotal: 2, total: 5) - 6.730117) < 1e-5)
        // (labor, costs): O11 = 2, row = 3, column = 2, N = 5 → O12 = 1, O21 = 0, O22 = 2;
        // E = 1.2, 1.8, 0.8, 1.2; G² = 2 (2 ln(2/1.2) + ln(1/1.8) + 2 ln(2/1.2))
        //    = 2 (4 · 0.510826 − 0.587787) = 2.911030.
        #expect(abs(KeyTerms.logLikelihood(o11: 2, firstTotal: 3, secondTotal: 2, total: 5) - 2.911030) < 1e-5)
    }

    @Test("a tiny corpus: collocation kept above 3.84, compounded, ranked by document frequency")
    func tinyCorpus() {
        // Documents: "cheap labor costs" | "cheap labor wins" | "labor costs" (no stop words).
        // Candidate pairs (N = 5): cheap-labor ×2, labor-costs ×2, labor-wins ×1.
        // cheap labor: G² = 6.73 ≥ 3.84, O11 = 2 > E11 = 0.8, in 2 documents → collocation.
        // labor costs: G² = 2.91 < 3.84 → not. labor wins: 1 document < 2 → not.
        // After compounding: d1 = [cheap labor] costs; d2 = [cheap labor] wins; d3 = labor costs.
        // Document frequencies: cheap labor 2, costs 2, labor 1, wins 1, cheap 0.
        // Minimum 2 → cheap labor (df 2, f 2), costs (df 2, f 2); tie broken by label.
        let docs = ["cheap labor costs", "cheap labor wins", "labor costs"].map { Tokenizer().tokens(in: $0) }
        let kt = KeyTerms(documents: docs, stopwords: .english, stem: false, maxTerms: 30, minDocumentFrequency: 2)
        #expect(kt.terms.map(\.label) == ["cheap labor", "costs"])
        #expect(kt.terms.map(\.documentFrequency) == [2, 2])
        #expect(kt.terms.map(\.isCollocation) == [true, false])
        #expect(abs((kt.terms[0].logLikelihood ?? 0) - 6.730117) < 1e-5)
        #expect(kt.terms[1].logLikelihood == nil)
        // Occurrences: d1 cheap labor (tokens 0–1) and costs (2); d2 cheap labor; d3 costs (1).
        #expect(kt.matches == [
            [TopicMatch(topic: 0, start: 0, end: 2), TopicMatch(topic: 1, start: 2, end: 3)],
            [TopicMatch(topic: 0, start: 0, end: 2)],
            [TopicMatch(topic: 1, start: 1, end: 2)],
        ])
        // K = 1 keeps the first; minimum 1 lets labor and wins in (df 1; labor f 1 = wins f 1 → by label).
        #expect(KeyTerms(documents: docs, stopwords: .english, stem: false, maxTerms: 1, minDocumentFrequency: 2).terms.map(\.label) == ["cheap labor"])
        let all = KeyTerms(documents: docs, stopwords: .english, stem: false, maxTerms: 30, minDocumentFrequency: 1)
        #expect(all.terms.map(\.label) == ["cheap labor", "costs", "labor", "wins"])
    }

    @Test("stop words and a sentence end break pairs; single letters are not terms")
    func pairsBreak() {
        // "cheap the labor" twice: `the` is a stop word, so no pair; "cheap. labor" twice: sentence end.
        let docs = ["cheap the labor x", "cheap. labor", "cheap the labor", "cheap. labor"].map { Tokenizer().tokens(in: $0) }
        let kt = KeyTerms(documents: docs, stopwords: .english, stem: false, maxTerms: 30, minDocumentFrequency: 2)
        #expect(kt.terms.map(\.label) == ["cheap", "labor"])
    }

    @Test("stemming counts forms together and labels with the most frequent surface form")
    func stemming() {
        // running/runs → run; dogs/dog → dog. Pairs (run, dog) ×2 make N = 2, every cell
        // but O11 empty: G² = 2 · 2 ln(2/2) = 0 → no collocation.
        // run: surfaces running 1, runs 1 → tie → "running"; dog: dog 1, dogs 1 → "dog".
        let docs = ["running dogs", "runs dog"].map { Tokenizer().tokens(in: $0) }
        let kt = KeyTerms(documents: docs, stopwords: .english, stem: true, maxTerms: 30, minDocumentFrequency: 2)
        #expect(kt.terms.map(\.label) == ["dog", "running"])
        #expect(kt.terms.map(\.key) == ["dog", "run"])
        let plain = KeyTerms(documents: docs, stopwords: .english, stem: false, maxTerms: 30, minDocumentFrequency: 2)
        #expect(plain.terms.isEmpty)
    }

    @Test("a final 's is dropped before counting: possessives join the word, contractions become stop words")
    func apostropheS() {
        // "Patrick's plan" + "Patrick plans": patrick in 2 documents (df 2); "he's" → "he", a
        // stop word; "plan" and "plans" stay apart without stemming (df 1 each, below the minimum).
        let docs = ["Patrick's plan, he's sure", "Patrick plans"].map { Tokenizer().tokens(in: $0) }
        let kt = KeyTerms(documents: docs, stopwords: .english, stem: false, maxTerms: 30, minDocumentFrequency: 2)
        #expect(kt.terms.map(\.label) == ["patrick"])
        #expect(kt.terms.first?.documentFrequency == 2)
    }
}
