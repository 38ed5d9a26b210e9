import Foundation
import Testing
@testable import ThreadNetCore

/// Reading the topic count files of ``PartialTopics`` (the rounds of the corpus-wide topics
/// across shards): sums by key, the plain and the escaped spelling of a line alike, and
/// malformed lines named by file and line.
@Suite("Topic count files")
struct PartialTopicsTests {
    static func file(_ lines: [String], round: Int = 1, context: String = "abc") -> Data {
        Data(([#"{"context": "\#(context)", "round": \#(round)}"#] + lines).joined(separator: "\n").utf8 + [0x0A])
    }

    @Test func linesAddUpByKeyAcrossFiles() throws {
        let a = Self.file([#"{"k": ["t"], "n": [5]}"#, #"{"k": ["w", "climate"], "n": [2, 0]}"#, #"{"k": ["p", "climate", "change"], "n": [2, 2]}"#])
        // The same keys spelled otherwise: escapes, no spaces, another key order.
        let b = Self.file([#"{"n":[3],"k":["t"]}"#, #"{"k":["w","clim\u0061te"],"n":[1,1]}"#, #"{"k": ["p", "climate", "change"], "n": [1, 1]}"#,
                           #"{"k": ["p", "say \"no\"", "ünïcode"], "n": [1, 1]}"#, ""])
        var counts = PartialTopics.Counts(round: 1, context: "abc")
        try counts.add(file: a, path: "a")
        try counts.add(file: b, path: "b")
        #expect(counts.count == 4)
        #expect(counts.value(.total) == .init(first: 8, second: 0))
        #expect(counts.value(.word, "climate") == .init(first: 3, second: 1))
        #expect(counts.value(.pair, "climate", "change") == .init(first: 3, second: 3))
        #expect(counts.value(.pair, "say \"no\"", "ünïcode") == .init(first: 1, second: 1))
        #expect(counts.value(.pair, "change", "climate") == nil)
    }

    @Test func malformedLinesAreNamed() throws {
        let cases: [(String, String)] = [
            (#"{"k": ["x", "a"], "n": [1]}"#, "unknown kind"),
            (#"{"k": ["w"], "n": [1, 1]}"#, "w takes 1 strings"),
            (#"{"k": ["p", "a", "b"], "n": [1]}"#, "p takes 2 counts"),
            (#"{"k": ["t"], "n": [-1]}"#, "outside 0 to 2^50"),
            (#"{"k": ["t"], "n": [2000000000000000]}"#, "outside 0 to 2^50"),
            (#"{"k": ["t"] "n": [1]}"#, "not {\"k\", \"n\"}"),
        ]
        for (line, reason) in cases {
            var counts = PartialTopics.Counts(round: 1, context: "abc")
            #expect {
                try counts.add(file: Self.file([#"{"k": ["t"], "n": [1]}"#, line]), path: "shard/topics-1.ndjson")
            } throws: { error in
                let e = error as? PartialError
                return e?.location == "shard/topics-1.ndjson:3" && e?.message.contains(reason) == true
            }
        }
        // Counts of another round file, or no header.
        var counts = PartialTopics.Counts(round: 1, context: "abc")
        #expect(throws: PartialError.self) { try counts.add(file: Self.file([], context: "other"), path: "x") }
        #expect(throws: PartialError.self) { try counts.add(file: Self.file([], round: 2), path: "x") }
        #expect(throws: PartialError.self) { try counts.add(file: Data(#"{"k": ["t"], "n": [1]}"#.utf8), path: "x") }
    }

    /// A round file reads back as written, and its digest changes with any byte.
    @Test func roundFilesReadBack() throws {
        let round = TopicRound(format: TopicRound.formatName, version: 1, round: 3, options: ["keep=default"], language: "german",
                               minDocuments: 2, collocations: [["klima", "wandel"]], contenders: [["w", "stadt"], ["c", "klima", "wandel"]])
        #expect(try TopicRound.read(round.encoded, path: "r") == round)
        var other = round
        other.contenders.removeLast()
        #expect(TopicRound.digest(of: round.encoded) != TopicRound.digest(of: other.encoded))
        other = round
        other.language = "klingon"
        #expect(throws: PartialError.self) { try TopicRound.read(other.encoded, path: "r") }
        other = round
        other.contenders = [["w"]]
        #expect(throws: PartialError.self) { try TopicRound.read(other.encoded, path: "r") }
    }
}
