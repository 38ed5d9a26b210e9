import Testing
@testable import ThreadNetCore

@Suite("Tokenizer")
struct TokenizerTests {
    func words(_ text: String, _ options: Tokenizer.Options = Tokenizer.Options()) -> [String] {
        Tokenizer(options: options).tokens(in: text).map(\.text)
    }

    func sentences(_ text: String) -> [Int32] {
        Tokenizer().tokens(in: text).map(\.sentence)
    }

    @Test("lower-cases words; straight and curly apostrophes inside words are kept as '")
    func apostrophes() {
        #expect(words("He WON’T go; he's sure") == ["he", "won't", "go", "he's", "sure"])
        #expect(words("DOB’s and illegal's") == ["dob's", "and", "illegal's"])
        // Leading and trailing apostrophes are quotes: 'justsayin'' → justsayin.
        #expect(words("'quoted' justsayin' ‘single’") == ["quoted", "justsayin", "single"])
        // The modifier letter apostrophe (U+02BC) is normalised too.
        #expect(words("donʼt") == ["don't"])
    }

    @Test("curly and straight double quotes, dashes and brackets separate words; hyphens between letters join")
    func quotesAndDashes() {
        #expect(words("“non-criminal,” she said") == ["non-criminal", "she", "said"])
        #expect(words("punishment–This guy—a JOKE -- really") == ["punishment", "this", "guy", "a", "joke", "really"])
        #expect(words("in-state co-pays (clean-up) x-y-z") == ["in-state", "co-pays", "clean-up", "x-y-z"])
        #expect(words("dash - alone") == ["dash", "alone"])
    }

    @Test("URLs, e-mail addresses and numbers are dropped by default, kept on request")
    func droppedTokens() {
        let text = "See https://example.org/a?b=1. Mail me@example.com or www.example.org, pay $97k 3rd 6.00/hour 20/mo"
        #expect(words(text) == ["see", "mail", "or", "pay", "hour", "mo"])
        #expect(words(text, Tokenizer.Options(keepNumbers: true, keepURLs: true))
            == ["see", "https://example.org/a?b=1", "mail", "me@example.com", "or", "www.example.org", "pay",
                "97k", "3rd", "6.00", "hour", "20", "mo"])
        // Words with a digit inside, not first, are words.
        #expect(words("Section8 housing") == ["section8", "housing"])
        // An @mention is not an e-mail address.
        #expect(words("@Paul you are") == ["paul", "you", "are"])
    }

    @Test("dotted acronyms are one word without the final dot and do not end the sentence")
    func acronyms() {
        let tokens = Tokenizer().tokens(in: "in the U.S. Department. J.C.A. says")
        #expect(tokens.map(\.text) == ["in", "the", "u.s", "department", "j.c.a", "says"])
        #expect(tokens.map(\.sentence) == [0, 0, 0, 0, 1, 1])
    }

    @Test("sentence ends: . ! ? … ; line breaks; not after titles; runs of marks count once")
    func sentenceIndex() {
        // gov deval won | really | yes | no | fine | next line: "Gov. Deval" keeps one sentence;
        // "?!" and "…." end one sentence each; ";" ends one; a blank line ends one.
        #expect(sentences("Gov. Deval won. Really?! Yes…. No; fine\n\nnext line") == [0, 0, 0, 1, 2, 3, 4, 5, 5])
        // A dropped number takes a position: "a 20 b" are not adjacent.
        let t = Tokenizer().tokens(in: "a 20 b")
        #expect(t.map(\.position) == [0, 2])
        #expect(!t[0].isFollowed(by: t[1]))
        // A comma does not break adjacency; a full stop does.
        let u = Tokenizer().tokens(in: "secure, “communities”. program")
        #expect(u[0].isFollowed(by: u[1]))
        #expect(!u[1].isFollowed(by: u[2]))
    }

    @Test("Han, Kana and Hangul runs become character bigrams; a one-character run stays one token")
    func cjk() {
        let tokens = Tokenizer().tokens(in: "移民政策很重要。我")
        // 移民政策很重要 (7 characters) → 6 bigrams; 。 ends the sentence; 我 alone → 1 token.
        #expect(tokens.map(\.text) == ["移民", "民政", "政策", "策很", "很重", "重要", "我"])
        #expect(tokens.map(\.sentence) == [0, 0, 0, 0, 0, 0, 1])
        #expect(tokens.allSatisfy { $0.isCJK })
        #expect(words("カタカナ") == ["カタ", "タカ", "カナ"])
        #expect(words("한국어") == ["한국", "국어"])
    }

    @Test("mixed scripts: Latin words and CJK runs split at the script change")
    func mixedScripts() {
        let tokens = Tokenizer().tokens(in: "Hello世界 ICE移民局, ok")
        #expect(tokens.map(\.text) == ["hello", "世界", "ice", "移民", "民局", "ok"])
        #expect(tokens.map(\.isCJK) == [false, true, false, true, true, false])
    }

    @Test("empty and punctuation-only text gives no tokens")
    func empty() {
        #expect(words("").isEmpty)
        #expect(words(" ... !!! — ").isEmpty)
    }
}
