import Foundation
import Testing
@testable import ThreadNetCore

/// The ASCII fast path must give exactly the tokens of the general scalar-walking rules: checked
/// on every line of the text fixtures and on random texts built from the characters the rules
/// treat specially.
@Suite("ASCII tokenizer")
struct ASCIITokenizerTests {
    static let allOptions = [
        Tokenizer.Options(), Tokenizer.Options(keepNumbers: true), Tokenizer.Options(keepURLs: true),
        Tokenizer.Options(keepNumbers: true, keepURLs: true),
    ]

    func expectSame(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for options in Self.allOptions {
            let tokenizer = Tokenizer(options: options)
            let fast = tokenizer.tokens(in: text), general = tokenizer.scalarTokens(in: text)
            #expect(fast == general, "\(text.debugDescription) with \(options)", sourceLocation: sourceLocation)
        }
    }

    @Test("hand-picked cases of every rule")
    func rules() {
        let cases = [
            "", " ", "a", "I.", "U.S. policy. Next", "Mr. Smith said so. Then", "J.C.A. was here", "u.s.a",
            "don't 'quoted' justsayin' he's", "co-pays in-state x-y-z dash - alone --", "6.00 1,000 3rd 97k 20/mo",
            "See https://example.org/a?b=1. Mail me@example.com, www.example.org! www. (http://x.y) \"www.q.com\"",
            "a@b c@d.e x@.y @foo bar@ baz@qux.com.", "line one\nline two\r\nthree;four?five!six",
            "Dr. No. St. Louis vs. them. Messrs. A and B", "e.g. i.e. etc. a.b.c.d", "H W h w hello world http",
            "...!!!???;;;", "end.", "x.\n\n.y", "A1.B2 a.1 1.a", "wow...really?!", "tab\there\u{0B}vt\u{0C}ff",
        ]
        for text in cases { expectSame(text) }
    }

    @Test("every ASCII line of the text fixtures and the seed")
    func fixtures() throws {
        var lines = 0
        let files = [Paths.seed] + (try FileManager.default.contentsOfDirectory(at: Paths.fixture("json"), includingPropertiesForKeys: nil))
        for file in files where ["txt", "json", "csv"].contains(file.pathExtension) {
            let text = try String(contentsOf: file, encoding: .utf8)
            for line in text.split(separator: "\n") where line.utf8.allSatisfy({ $0 < 0x80 }) {
                expectSame(String(line))
                lines += 1
            }
        }
        #expect(lines > 1000)
    }

    @Test("random texts over the characters the rules treat specially")
    func random() {
        let alphabet = Array("aAbZz09 .,;:!?'\"-()[]{}<>@/\n\r\twWhH".unicodeScalars)
        let words = ["http://", "https://", "www.", "mr", "Dr", "u", "s", "e", "x", "12", "3.5", "ab@cd.ef", "vs"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(next() % 40) {
                if next() % 4 == 0 { text += words[next() % words.count] } else { text.unicodeScalars.append(alphabet[next() % alphabet.count]) }
            }
            expectSame(text)
        }
    }

    @Test("ASCII detection, eight bytes at a time and in the tail")
    func detection() {
        for text in ["", "abc", "abcdefgh", "abcdefghé", "éabcdefgh", "abcdefghijklmnop", "abcdefghijklmnoé"] {
            var copy = text
            let detected = copy.withUTF8 { ASCIITokenizer.isASCII($0) }
            #expect(detected == text.unicodeScalars.allSatisfy(\.isASCII), "\(text)")
        }
    }
}
