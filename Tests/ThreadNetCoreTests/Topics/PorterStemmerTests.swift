import Testing
@testable import ThreadNetCore

@Suite("Porter2 stemmer")
struct PorterStemmerTests {
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
        #expect(PorterStemmer.stem(pair.0) == pair.1)
    }

    @Test("the algorithm's published exceptions and special prefixes")
    func exceptions() {
        // From the Porter2 definition (snowballstem.org/algorithms/english/stemmer.html):
        // exceptional forms, the invariant words, and the gener-/commun-/arsen- R1 rule.
        let pairs = [("skies", "sky"), ("dying", "die"), ("news", "news"), ("early", "earli"),
                     ("generously", "generous"), ("communism", "communism"), ("arsenal", "arsenal"),
                     ("succeeded", "succeed"), ("proceeding", "proceed"), ("herring", "herring")]
        for (word, stem) in pairs { #expect(PorterStemmer.stem(word) == stem, "\(word)") }
    }

    @Test("apostrophes, short words and non-ASCII words")
    func edges() {
        #expect(PorterStemmer.stem("visa's") == "visa")
        #expect(PorterStemmer.stem("'tis") == "tis")
        #expect(PorterStemmer.stem("is") == "is")
        #expect(PorterStemmer.stem("移民") == "移民")
        #expect(PorterStemmer.stem("co-pays") == "co-pays")
        #expect(PorterStemmer.stem("café") == "café")
    }
}
