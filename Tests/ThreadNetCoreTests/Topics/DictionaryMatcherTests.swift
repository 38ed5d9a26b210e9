import Testing
@testable import ThreadNetCore

@Suite("Dictionary matching")
struct DictionaryMatcherTests {
    /// Matches of a one-document text, as (topic name, matched words).
    func matches(_ entries: [(topic: String, terms: [String])], _ text: String) -> [String] {
        let dictionary = TopicDictionary(entries)
        var matcher = DictionaryMatcher(dictionary)
        let tokens = Tokenizer().tokens(in: text)
        return matcher.matches(in: tokens).map { m in
            dictionary.topics[Int(m.topic)] + ":" + tokens[Int(m.start)..<Int(m.end)].map(\.text).joined(separator: " ")
        }
    }

    @Test("globs: prefix, suffix, infix, ?; case-insensitive")
    func globs() {
        #expect(GlobMatch.matches(Array("immigra*".unicodeScalars), Array("immigrants".unicodeScalars)))
        #expect(GlobMatch.matches(Array("*crim*".unicodeScalars), Array("non-criminal".unicodeScalars)))
        #expect(GlobMatch.matches(Array("l?bo*r".unicodeScalars), Array("labour".unicodeScalars)))
        #expect(!GlobMatch.matches(Array("l?bo*r".unicodeScalars), Array("laboured".unicodeScalars)))
        #expect(!GlobMatch.matches(Array("deport*".unicodeScalars), Array("report".unicodeScalars)))
        #expect(GlobMatch.matches(Array("*".unicodeScalars), []))
        #expect(matches([("imm", ["Immigra*"]), ("crime", ["*criminal*"])],
                        "IMMIGRANTS and non-criminal immigration")
            == ["imm:immigrants", "crime:non-criminal", "imm:immigration"])
    }

    @Test("phrases match consecutive words across commas, quotes and dashes, not across a sentence end or a number")
    func phrases() {
        let d: [(topic: String, terms: [String])] = [("sc", ["secure communities"])]
        #expect(matches(d, "the “Secure” — Communities program") == ["sc:secure communities"])
        #expect(matches(d, "secure, communities") == ["sc:secure communities"])
        #expect(matches(d, "secure. Communities") == [])
        #expect(matches(d, "secure 20 communities") == [])
        #expect(matches(d, "secure the communities") == [])
        // A glob inside a phrase.
        #expect(matches([("w", ["work visa*"])], "a WORK visa’s cost") == ["w:work visa's"])
    }

    @Test("apostrophes: curly and straight forms match the same term")
    func apostrophes() {
        #expect(matches([("neg", ["won't", "don’t"])], "He won’t; they don't") == ["neg:won't", "neg:don't"])
    }

    @Test("within a topic the longest match wins and overlaps count once; topics overlap freely")
    func overlaps() {
        let d: [(topic: String, terms: [String])] = [
            ("illegal", ["illegal*", "illegal immigra*"]),
            ("immigration", ["immigra*"]),
        ]
        // "illegal immigrants": one illegal match (the phrase), one immigration match.
        #expect(matches(d, "illegal immigrants, illegals") == ["illegal:illegal immigrants", "immigration:immigrants", "illegal:illegals"])
    }

    @Test("CJK terms are cut into bigrams like the text")
    func cjk() {
        let d: [(topic: String, terms: [String])] = [("policy", ["移民政策"]), ("single", ["*民*"])]
        // 移民政策很重要 → 移民 民政 政策 策很 很重 重要: the phrase 移民 民政 政策 matches once;
        // *民* matches the bigrams 移民 and 民政.
        #expect(matches(d, "移民政策很重要") == ["policy:移民 民政 政策", "single:移民", "single:民政"])
    }
}
