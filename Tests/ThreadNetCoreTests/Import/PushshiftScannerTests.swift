import Foundation
import Testing
@testable import ThreadNetCore

/// The byte scanner of ``PushshiftScanner`` is a fast path: on every line it accepts, it must
/// give exactly the comment (and thread) the full JSON parser gives; on every line it does not
/// model it must decline (and the importer parses the line fully).
@Suite("Pushshift byte scanner")
struct PushshiftScannerTests {
    /// The comment of `line` by the full parser's path, or `nil` when that path skips it or
    /// makes a finding (a case the scanner must leave to it).
    static func full(_ line: [UInt8], at location: ThreadNetCore.SourceLocation) -> (ThreadComment, String)? {
        var state = PushshiftReadState(name: location.file)
        state.take(line: LineReader.Line(number: location.line ?? 0, bytes: line), record: location.record ?? 0)
        guard state.fileFindings.isEmpty, state.threads.count == 1, let (id, parts) = state.threads.first,
              parts.comments.count == 1, parts.findings.isEmpty else { return nil }
        return (parts.comments[0], id)
    }

    /// The scanner's comment of `line`, or `nil` when it declines.
    static func fast(_ line: [UInt8], at location: ThreadNetCore.SourceLocation) -> (ThreadComment, String)? {
        line.withUnsafeBufferPointer { b in
            PushshiftScanner.scan(b).flatMap { PushshiftReadState.comment(fields: $0, at: location) }
        }
    }

    /// Checks one line: when the scanner accepts it, the full parser gives the same comment.
    static func check(_ line: [UInt8], _ label: String) -> Bool? {
        let location = ThreadNetCore.SourceLocation(file: "t.ndjson", line: 1, record: 1)
        guard let (comment, thread) = fast(line, at: location) else { return nil }
        let reference = full(line, at: location)
        #expect(reference?.0 == comment && reference?.1 == thread,
                "\(label): scanner \(comment) in \(thread) vs full parser \(String(describing: reference))")
        return true
    }

    static let cases: [String] = [
        #"{"id":"a1","parent_id":"t3_x","link_id":"t3_x","author":"Ann","created_utc":1600000000,"body":"plain"}"#,
        #"{"id":"a2","parent_id":"t1_a1","link_id":"t3_x","author":"Bob","created_utc":"1600000001","body":"string time"}"#,
        #"{"id":"a3","parent_id":"t1_a1","link_id":"t3_x","author":"Bob","created_utc":1600000001.5,"body":"float time"}"#,
        #"{"id":"a4","parent_id":"t1_a1","link_id":"x","author":"[deleted]","created_utc":1.6e9,"body":"[deleted]"}"#,
        #"{"id":"a5","parent_id":"t1_a1","link_id":"t3_x","author":null,"body":"[removed]"}"#,
        #"{"id":"a6","parent_id":"t3_x","link_id":"t3_x","author":"Cy","body":"esc \" \\ \/ \b\f\n\r\t \u00e9 \u2014 \ud83d\ude00 end"}"#,
        #"{"id":"a7","parent_id":"t3_x","link_id":"t3_x","author":"D &amp; E","body":"a &gt; b &amp;amp; c"}"#,
        #"{"id":" a8 ","parent_id":" t1_a1 ","link_id":" t3_x ","author":"  F  ","body":"  padded  "}"#,
        #"{"id":"a9","parent_id":"t3_x","link_id":"t3_x","author":"G","body":"é – 漢字 🙂","nested":{"a":[1,2,{"b":null}],"c":"}"},"n":-0.5e-3,"t":true,"f":false}"#,
        #"  {"id":"b1","parent_id":"t3_y","link_id":"t3_y","author":"H","body":""}  "#,
        #"{"id":"b2","parent_id":"t3_y","author":"H","body":"no link id"}"#,
        #"{"id":"b3","parent_id":null,"link_id":"t3_y","author":"H","body":"null parent"}"#,
        #"{"id":"b4","link_id":"t3_y","author":"H","body":"no parent"}"#,
        #"{"id":"b5","parent_id":"t3_y","link_id":"t3_y","author":"H","created_utc":null,"created":1600000002,"body":"created"}"#,
        #"{"id":"b6","parent_id":"t3_y","link_id":"t3_y","author":"H","created_utc":"2020-05-01T10:00:00Z","body":"iso time"}"#,
        #"{}"#,
        #"{"id":"b7"}"#,
        #"{"id":7,"parent_id":"t3_y","link_id":"t3_y","body":"numeric id"}"#,
        #"{"id":"b8","parent_id":"t3_y","link_id":"t3_y","created_utc":"soon","body":"bad time"}"#,
        #"{"id":"b9","parent_id":"t3_y","link_id":"t3_y","body":"dup","body":"dup2"}"#,
        #"{"id":"c1","title":"A submission","subreddit":"s","selftext":"x"}"#,
        #"{"id":"c2","parent_id":"t3_y","link_id":"t3_y","body":"bad escape \x"}"#,
        #"{"id":"c3","parent_id":"t3_y","link_id":"t3_y","body":"lone \ud800 surrogate"}"#,
        #"{"id":"c4","parent_id":"t3_y","link_id":"t3_y","body":"trailing"} x"#,
        #"{"id":"c5","parent_id":"t3_y","link_id":"t3_y","body":"unterminated}"#,
        #"{"id":"c6","parent_id":"t3_y","link_id":"t3_y","n":01,"body":"bad number"}"#,
        #"["not","an","object"]"#,
    ]

    @Test func handMadeLines() {
        var accepted = 0
        for text in Self.cases where Self.check(Array(text.utf8), text) == true { accepted += 1 }
        // The ordinary comment lines are taken by the fast path (the point of it).
        #expect(accepted >= 12, "accepted \(accepted) of \(Self.cases.count)")
        // Lines the fast path must leave to the full parser.
        for text in [#"{"id":7,"parent_id":"t3_y","link_id":"t3_y","body":"numeric id"}"#,
                     #"{"id":"b9","parent_id":"t3_y","link_id":"t3_y","body":"dup","body":"dup2"}"#,
                     #"{"id":"c1","title":"A submission","subreddit":"s","selftext":"x"}"#,
                     #"{"id":"b8","parent_id":"t3_y","link_id":"t3_y","created_utc":"soon","body":"bad time"}"#] {
            #expect(Self.fast(Array(text.utf8), at: ThreadNetCore.SourceLocation(file: "t", line: 1)) == nil, "\(text)")
        }
    }

    @Test func invalidUTF8IsLeftToTheFullParser() {
        var line = Array(#"{"id":"d1","parent_id":"t3_y","link_id":"t3_y","body":"bad "#.utf8)
        line += [0xC3, 0x28]
        line += Array(#""}"#.utf8)
        #expect(Self.fast(line, at: ThreadNetCore.SourceLocation(file: "t", line: 1)) == nil)
    }

    /// Every fixture line, and thousands of deterministic mutations of them (bytes dropped,
    /// duplicated, replaced by JSON punctuation): wherever the scanner accepts, it agrees.
    @Test func fixtureLinesAndMutations() throws {
        let text = try String(contentsOf: URL(fileURLWithPath: StreamFixtures.path("pushshift-sample.ndjson")), encoding: .utf8)
        let lines = text.split(separator: "\n").map { Array($0.utf8) } + Self.cases.map { Array($0.utf8) }
        var accepted = 0
        for line in lines where Self.check(line, "fixture") == true { accepted += 1 }
        #expect(accepted >= 15)
        var rng = SplitMix64(seed: 42)
        let punctuation: [UInt8] = Array(#"{}[]",:\ 0-eE.tfnu"#.utf8) + [0x80, 0xFF]
        var mutated = 0
        for _ in 0..<4_000 {
            var line = lines[Int(rng.next() % UInt64(lines.count))]
            guard !line.isEmpty else { continue }
            let at = Int(rng.next() % UInt64(line.count))
            switch rng.next() % 3 {
            case 0: line.remove(at: at)
            case 1: line.insert(line[at], at: at)
            default: line[at] = punctuation[Int(rng.next() % UInt64(punctuation.count))]
            }
            if Self.check(line, "mutation of \(String(decoding: line, as: UTF8.self))") == true { mutated += 1 }
        }
        #expect(mutated > 500, "mutated lines the scanner took: \(mutated)")
    }
}
