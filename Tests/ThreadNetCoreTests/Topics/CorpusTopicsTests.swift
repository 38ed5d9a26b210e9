import Foundation
import Testing
@testable import ThreadNetCore

/// Corpus-wide key terms and their co-occurrence: counted by hand on a small corpus, and equal
/// to the one-thread definitions (``KeyTerms``, ``TopicCooccurrence``) run on all documents at
/// once for real fixtures, whatever the chunking.
@Suite("Corpus-wide topics")
struct CorpusTopicsTests {
    static func thread(_ id: String, root: String = "", _ texts: [String]) -> CommentThread {
        CommentThread(id: id, title: id, root: RootPost(text: root), comments: texts.enumerated().map { k, text in
            ThreadComment(id: "\(id)\(k)", parentID: nil, author: "a\(k)", text: text,
                          location: ThreadNetCore.SourceLocation(file: id, record: k + 1))
        })
    }

    /// Thread a: "Climate change hurts." / "Climate change again, climate policy."
    /// Thread b: "Tax policy and climate change." / "!!!" / "Climate change!"
    ///
    /// Candidate pairs (stop words `again`, `and` break them): climate→change in 4 comments,
    /// change→hurts, climate→policy, tax→policy once each; N = 7. For climate change
    /// O = (4, 1, 0, 2), E = (20/7, 15/7, 8/7, 6/7): G² = 4.557 ≥ 3.84, in 4 ≥ 2 comments, so a
    /// collocation. After compounding: "climate change" in 4 comments, policy in 2, the rest in 1
    /// (below the minimum of 2). Units: 5 comments; the two terms share comments 2 and 3.
    @Test func byHand() throws {
        let corpus = CorpusAnalysis(corpus: Corpus(format: .json, threads: [
            Self.thread("a", ["Climate change hurts.", "Climate change again, climate policy."]),
            Self.thread("b", ["Tax policy and climate change.", "!!!", "Climate change!"]),
        ]))
        for chunks in [1, 2] {
            let t = CorpusTopics(corpus.threads, options: TopicOptions(), chunks: chunks)
            #expect(t.terms.map(\.label) == ["climate change", "policy"])
            #expect(t.terms.map(\.documentFrequency) == [4, 2])
            #expect(t.terms.map(\.isCollocation) == [true, false])
            let g2 = 2 * (4 * log(4 / (20.0 / 7)) + 1 * log(1 / (15.0 / 7)) + 2 * log(2 / (6.0 / 7)))
            #expect(abs(try #require(t.terms.first?.logLikelihood) - g2) < 1e-12)
            #expect(t.cooccurrence.unitCount == 5)
            #expect(t.cooccurrence.documentFrequency == [4, 2])
            #expect(t.cooccurrence.pairs.map { [$0.first, $0.second, Int32($0.count)] } == [[0, 1, 2]])
        }
    }

    /// The one-thread computation over all documents of all threads at once.
    static func reference(_ threads: [ThreadAnalysis], options: TopicOptions) -> (terms: [KeyTerm], network: TopicCooccurrence) {
        var documents: [[Token]] = []
        var owners: [Int32] = []
        for t in threads {
            let (docs, own) = TopicExtractor.tokenize(t, options: options)
            documents += docs
            owners += own.map { $0 < 0 ? -1 : Int32(owners.count) }
        }
        let keyTerms = KeyTerms(documents: documents, stopwords: options.stopwords, stem: options.stem,
                                maxTerms: options.maxTerms, minDocumentFrequency: options.minDocumentFrequency)
        let incidence = TopicExtractor.build(unit: .comment, topics: keyTerms.terms.map(\.label), documents: documents,
                                             owners: owners, matches: keyTerms.matches)
        return (keyTerms.terms, TopicCooccurrence(incidence))
    }

    @Test(arguments: [
        TopicOptions(),
        TopicOptions(maxTerms: 200, minDocumentFrequency: 1),
        TopicOptions(stem: true, maxTerms: 80, minDocumentFrequency: 3),
        TopicOptions(includeRoot: false),
    ])
    func equalsTheThreadDefinitionOverAllDocuments(options: TopicOptions) throws {
        var threads: [CommentThread] = []
        for file in ["json/reddit-3hahrw-thread.json", "json/hn-algolia-item17-fraction.json", "json/mastodon-context-109294719267373593.json",
                     "json/discourse-topic57-discourse_api.json", "json/youtube-commentthreads.json"] {
            threads += try Importers.read(InputSource(path: Paths.fixture(file).path)).threads
        }
        threads += try Importers.read(InputSource(path: Paths.seed.path)).threads
        // Non-ASCII text: CJK bigrams, accents, curly apostrophes.
        threads.append(Self.thread("cjk", root: "移民政策の議論", ["移民政策について。Café politics", "移民政策 café politics’s fate", "政策 migration"]))
        let corpus = CorpusAnalysis(corpus: Corpus(format: .json, threads: threads))
        let expected = Self.reference(corpus.threads, options: options)
        #expect(expected.terms.count >= 20)
        for chunks in [1, 3, 16] {
            let t = CorpusTopics(corpus.threads, options: options, chunks: chunks)
            #expect(t.terms == expected.terms, "chunks \(chunks)")
            #expect(t.cooccurrence == expected.network, "chunks \(chunks)")
        }
    }
}
