import Foundation
import Testing
@testable import ThreadNetCore

/// Language detection for key terms, and the options it sets.
@Suite("Topic language")
struct TopicLanguageTests {
    static let german = """
        Die Stadt hat gestern beschlossen, dass die neue Brücke über den Fluss erst im nächsten Jahr \
        gebaut wird. Viele Bürger sind damit nicht zufrieden, weil der Verkehr in der Innenstadt \
        schon jetzt sehr schlecht ist und die alte Brücke bald gesperrt werden muss.
        """
    static let spanish = """
        El ayuntamiento ha decidido que el nuevo puente sobre el río no se construirá hasta el año \
        que viene. Muchos vecinos no están contentos, porque el tráfico en el centro ya es muy malo y \
        el puente viejo tendrá que cerrarse pronto.
        """

    /// The German text: 51 words, of which die, hat, dass, die, über, den, im, wird, sind, damit,
    /// nicht, weil, der, in, der, ist, und, die, werden, muss … are German stop words.
    @Test func detectsGermanAndSpanish() {
        let d = TopicLanguage.detect([Self.german])
        #expect(d.language.name == "german" && d.decided && d.share > 0.3, "\(d)")
        let s = TopicLanguage.detect([Self.spanish])
        #expect(s.language.name == "spanish" && s.decided, "\(s)")
    }

    @Test func englishAndUndecided() throws {
        let seed = try analyzeText(String(contentsOf: Paths.seed, encoding: .utf8))
        let d = TopicLanguage.detect(seed.comments.map(\.text))
        #expect(d.language.name == "english" && d.decided && d.share > 0.3)
        // No words of a listed language: English by default, not decided.
        let cjk = TopicLanguage.detect(["移民政策的讨论非常激烈", "東京の天気"])
        #expect(cjk.language.name == "english" && !cjk.decided)
        #expect(!TopicLanguage.detect([String]()).decided)
    }

    /// German options: the German list, plus words the user added to the English default.
    @Test func optionsInALanguage() throws {
        let german = try #require(TopicLanguage.named("German"))
        var options = TopicOptions()
        options.stopwords = Stopwords.english.union(Stopwords(["brücke"]))
        let o = options.in(german)
        #expect(o.stemLanguage == "german" && o.stopwords.contains("und") && o.stopwords.contains("brücke") && !o.stopwords.contains("the"))
        #expect(options.in(.english).stopwords == options.stopwords)
        // Fixed language: no detection.
        options.language = german
        #expect(options.resolved(for: ["the cat"]).options.stemLanguage == "german")
    }

    /// A German thread's key terms leave German stop words out and stem with the German
    /// stemmer: "Brücke" (3×) is a key term, "die" and "der" are not.
    @Test func germanThreadKeyTerms() throws {
        let text = "Die Brücke ist alt.\n\nJa, die Brücke ist sehr alt und der Verkehr ist schlecht.\n\nDie Brücke muss der Stadt gehören, der Verkehr auch."
        let thread = ThreadAnalysis(thread: CommentThread(id: "t", title: "t", comments: text.components(separatedBy: "\n\n").enumerated().map { i, t in
            ThreadComment(id: "\(i)", author: "a\(i)", text: t, location: SourceLocation(file: "f", line: i + 1))
        }))
        var settings = TopicSettings()
        settings.options.stem = true
        let topics = ThreadTopics(thread, settings: settings)
        #expect(topics.language.language.name == "german")
        let keys = topics.keyTerms.cooccurrence.topics
        #expect(keys.contains("brücke") && keys.contains("verkehr") && !keys.contains("die") && !keys.contains("der"), "\(keys)")
    }
}
