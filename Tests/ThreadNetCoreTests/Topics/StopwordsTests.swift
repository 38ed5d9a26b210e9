import Foundation
import Testing
@testable import ThreadNetCore

@Suite("Stopwords")
struct StopwordsTests {
    /// The shipped list file is the source of truth: the embedded words are exactly its words
    /// (first word of each line, `|` starting a comment), so editing one without regenerating
    /// the other (scripts/topics/make-stopwords.py) fails here.
    @Test("the embedded list equals scripts/topics/snowball-english-stop.txt")
    func embeddedEqualsFile() throws {
        let text = try String(contentsOf: Paths.repository.appendingPathComponent("scripts/topics/snowball-english-stop.txt"), encoding: .utf8)
        let words = text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            let content = line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return content.split(whereSeparator: \.isWhitespace).first.map { String($0) }
        }
        #expect(Set(words) == Stopwords.snowballEnglish.words)
    }

    @Test("the Snowball list as published: 174 words, with its contractions; not `us`, `will`, `can`")
    func snowball() {
        // Counted in scripts/topics/snowball-english-stop.txt: 174 lines with a word before any `|`.
        #expect(Stopwords.snowballEnglish.words.count == 174)
        for w in ["i", "the", "won't", "he's", "let's", "cannot", "very", "ought"] {
            #expect(Stopwords.snowballEnglish.contains(w), "\(w)")
        }
        for w in ["us", "will", "can", "just", "immigration"] {
            #expect(!Stopwords.snowballEnglish.contains(w), "\(w)")
        }
    }

    @Test("the default adds the 53 words the Snowball file names in comments, and conversational words")
    func english() {
        // Commented out in the file: us; will shall can may might must; daren't needn't
        // oughtn't mightn't; and the 42 "commonest words" (one … long): 1 + 6 + 4 + 42 = 53.
        let snowballAndComments = Stopwords.snowballEnglish.words.union(Stopwords.english.words.filter { !Stopwords.conversationalWords.contains($0) })
        #expect(snowballAndComments.count == 174 + 53)
        // The conversational additions: verbs and fillers seen crowding the seed's key terms.
        for w in ["let", "tell", "think", "going", "yeah"] {
            #expect(Stopwords.english.contains(w) && !Stopwords.snowballEnglish.contains(w), "\(w)")
        }
        for w in ["us", "will", "can", "must", "needn't", "also", "get", "just", "like", "long"] {
            #expect(Stopwords.english.contains(w), "\(w)")
        }
        #expect(!Stopwords.english.contains("illegal"))
    }

    @Test("a user list: one word per line, # comments, blank lines, case and curly apostrophes normalised")
    func userList() throws {
        let list = Stopwords.parse("# extra words\nDeval\n\n  ma   # Massachusetts\nwon’t\r\nice\n")
        #expect(list.words == ["deval", "ma", "won't", "ice"])
        let merged = Stopwords.english.union(list)
        #expect(merged.contains("deval") && merged.contains("the"))

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stop-\(UUID().uuidString).txt")
        try "alpha\nbeta # comment\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try Stopwords(contentsOf: url).words == ["alpha", "beta"])
        #expect(throws: TopicInputError.self) { try Stopwords(contentsOf: url.appendingPathExtension("missing")) }
    }
}
