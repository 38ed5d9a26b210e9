import Testing
@testable import ThreadNetCore

/// The Snowball stemmers from libstemmer: English (Porter2) checked on the same Snowball sample
/// vocabulary the hand-written Porter2 it replaced was tested on, German and French on the
/// samples of snowballstem.org/algorithms/german and /french.
@Suite("Snowball stemmers")
struct SnowballStemmerTests {
    static func english(_ word: String) -> String { SnowballStemmer(language: "english")!.stem(word) }

    /// Word → stem pairs copied from the Snowball project's sample data for the English
    /// (Porter2) stemmer: snowballstem/snowball-data, english/diffs.txt (vocabulary beside
    /// the reference output). See scripts/topics/PROVENANCE.md.
    static let snowballPairs: [(String, String)] = [
        ("abandonment", "abandon"), ("abasement", "abas"), ("abbreviation", "abbrevi"), ("abed", "abe"),
        ("abeyance", "abey"), ("abhorrence", "abhorr"), ("abilities", "abil"), ("abnormally", "abnorm"),
        ("aboriginally", "aborigin"), ("abrolhos", "abrolho"), ("absorption", "absorpt"), ("academy", "academi"),
        ("accidentally", "accident"), ("accompaniment", "accompani"), ("accountabilities", "account"),
        ("acquittal", "acquitt"), ("adas", "ada"), ("added", "ad"), ("adding", "ad"), ("adds", "add"),
        ("administrative", "administr"), ("admiralty", "admiralti"),
        ("consigning", "consign"), ("consistency", "consist"), ("consolation", "consol"),
        ("consolatory", "consolatori"), ("consolingly", "consol"), ("conspiracy", "conspiraci"),
        ("constitutionally", "constitut"), ("contemporaneousness", "contemporan"), ("continental", "continent"),
        ("contrivance", "contriv"), ("controlled", "control"), ("conveyancer", "conveyanc"),
        ("cooing", "coo"), ("coolly", "coolli"), ("copies", "copi"), ("coping", "cope"), ("corps", "corp"),
        ("corpses", "corps"), ("corruption", "corrupt"), ("cosily", "cosili"), ("costliest", "costliest"),
        ("cosy", "cosi"), ("cookery", "cookeri"), ("contumely", "contum"),
    ]

    @Test("matches the Snowball sample output", arguments: snowballPairs)
    func snowballSample(_ pair: (String, String)) {
        #expect(Self.english(pair.0) == pair.1)
    }

    @Test("the algorithm's published exceptions and special prefixes")
    func exceptions() {
        // From the Porter2 definition (snowballstem.org/algorithms/english/stemmer.html):
        // exceptional forms, the invariant words, and the gener-/commun-/arsen- R1 rule.
        let pairs = [("skies", "sky"), ("dying", "die"), ("news", "news"), ("early", "earli"),
                     ("generously", "generous"), ("communism", "communism"), ("arsenal", "arsenal"),
                     ("succeeded", "succeed"), ("proceeding", "proceed"), ("herring", "herring")]
        for (word, stem) in pairs { #expect(Self.english(word) == stem, "\(word)") }
    }

    @Test("apostrophes, short words and words with other characters")
    func edges() {
        #expect(Self.english("visa's") == "visa")
        #expect(Self.english("'tis") == "tis")
        #expect(Self.english("is") == "is")
        #expect(Self.english("café") == "café")
        // Snowball stems the last part of a hyphenated word (the hand-written Porter2 left it).
        #expect(Self.english("co-pays") == "co-pay")
        #expect(Self.english("") == "")
    }

    @Test("German and French, as the Snowball samples")
    func otherLanguages() throws {
        let german = try #require(SnowballStemmer(language: "german"))
        for (w, s) in [("aufeinander", "aufeinand"), ("aufeinanderfolgenden", "aufeinanderfolg"), ("aufenthaltes", "aufenthalt"),
                       ("auferlegten", "auferlegt"), ("aufeinanderschlügen", "aufeinanderschlug")] {
            #expect(german.stem(w) == s, "\(w)")
        }
        let french = try #require(SnowballStemmer(language: "french"))
        #expect(french.stem("continuellement") == "continuel" && french.stem("continuité") == "continu")
        #expect(SnowballStemmer(language: "klingon") == nil)
        // Every language with a stop list has a stemmer.
        for l in TopicLanguage.all { #expect(SnowballStemmer(language: l.name) != nil, "\(l.name)") }
    }

    /// A CJK word is never stemmed in key terms (the stemmers know no CJK).
    @Test func cjkKeyTermsAreNotStemmed() {
        let tokens = Tokenizer().tokens(in: "移民 移民 running runs")
        let k = KeyTerms(documents: [tokens, tokens], stopwords: .none, stem: true, maxTerms: 10, minDocumentFrequency: 2)
        #expect(Set(k.terms.map(\.key)).isSuperset(of: ["run"]))
        #expect(k.terms.contains { $0.key.contains("移") })
    }
}
