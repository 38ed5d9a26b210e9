import Foundation
import Testing
@testable import ThreadNetCore

@Suite("Topic units")
struct TopicUnitsTests {
    // Text: "alpha beta gamma. delta alpha" → tokens alpha₀ beta₁ gamma₂ | delta₃ alpha₄ (two sentences).
    // Topics: A = alpha, G = gamma, P = "beta gamma", D = "gamma delta" (crosses the full stop: never matches).
    // Matches: A at 0, P at 1–2, G at 2, A at 4.
    let dictionary = TopicDictionary([("A", ["alpha"]), ("G", ["gamma"]), ("P", ["beta gamma"]), ("D", ["gamma delta"])])
    let text = "alpha beta gamma. delta alpha"

    func incidence(_ unit: TopicIncidence.Unit, root: String = "") -> TopicIncidence {
        topicAnalysis([text, ""], root: root).topicIncidence(TopicOptions(dictionary: dictionary, unit: unit))
    }

    @Test("comment units: one per comment, empty comments included; counts kept")
    func comment() {
        let inc = incidence(.comment)
        #expect(inc.topics == ["A", "G", "P", "D"])
        #expect(inc.unitComment == [0, 1])
        #expect(unitMaps(inc) == [["A": 2, "G": 1, "P": 1], [:]])
        #expect(inc.unitStart == [0, 3, 3])
        #expect(inc.unitTopics == [0, 1, 2])
        #expect(inc.unitCounts == [2, 1, 1])
        #expect(inc.unit == .comment)
    }

    @Test("the root post comes first as comment -1 when it has words")
    func root() {
        let inc = incidence(.comment, root: "Gamma rays.")
        #expect(inc.unitComment == [-1, 0, 1])
        #expect(unitMaps(inc)[0] == ["G": 1])
        #expect(incidence(.comment, root: "  ").unitComment == [0, 1])
    }

    @Test("sentence units: one per sentence with words")
    func sentence() {
        let inc = incidence(.sentence)
        // Sentence 1: alpha beta gamma → A, G, P. Sentence 2: delta alpha → A. The empty comment has none.
        #expect(inc.unitComment == [0, 0])
        #expect(unitMaps(inc) == [["A": 1, "G": 1, "P": 1], ["A": 1]])
    }

    @Test("window units: k tokens sliding by one; a match counts when all its tokens are inside")
    func window() {
        // window:2 over 5 tokens → 4 windows: [alpha beta] [beta gamma] [gamma delta] [delta alpha].
        let inc = incidence(.window(2))
        #expect(inc.unitComment == [0, 0, 0, 0])
        #expect(unitMaps(inc) == [["A": 1], ["G": 1, "P": 1], ["G": 1], ["A": 1]])
        // window:1: P (two tokens) fits in no window.
        #expect(unitMaps(incidence(.window(1))) == [["A": 1], [:], ["G": 1], [:], ["A": 1]])
        // A window longer than the text: one window holding everything.
        #expect(unitMaps(incidence(.window(10))) == [["A": 2, "G": 1, "P": 1]])
    }

    @Test("--unit syntax and its errors")
    func parse() throws {
        #expect(try TopicOptions.parseUnit("comment") == .comment)
        #expect(try TopicOptions.parseUnit("Sentence") == .sentence)
        #expect(try TopicOptions.parseUnit("window:5") == .window(5))
        #expect(TopicIncidence.Unit.window(5).optionText == "window:5")
        for bad in ["window", "window:0", "window:x", "window:-2", "paragraph", "", "window:1000001", "window:2147483648",
                    "window:99999999999999999999"] {
            #expect(throws: TopicInputError.self, "\(bad)") { try TopicOptions.parseUnit(bad) }
        }
        #expect(try TopicOptions.parseUnit("window:1000000") == .window(1_000_000))
    }

    /// A window wider than any text (given through the API, past the option's bound) counts
    /// like a window as long as the comment, instead of overflowing the word positions (the
    /// probe's `--unit window:2147483648` crash).
    @Test func hugeWindowThroughTheAPI() throws {
        let analysis = try analyzeText(String(contentsOf: Paths.seed, encoding: .utf8))
        let huge = TopicExtractor.incidence(of: analysis, options: TopicOptions(unit: .window(Int.max), minDocumentFrequency: 1))
        let whole = TopicExtractor.incidence(of: analysis, options: TopicOptions(unit: .window(100_000), minDocumentFrequency: 1))
        #expect(huge.unitCount == whole.unitCount && huge.unitTopics == whole.unitTopics)
        #expect(huge.unitCount > 0)
    }
}
