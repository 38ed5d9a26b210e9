import Testing
@testable import ThreadNetCore

/// The hand-written UTF-8 check agrees with the standard library's on every sequence tried.
@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    static func valid(_ bytes: [UInt8], controls: Bool = false) -> Bool {
        bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0, rejectingControls: controls) }
    }

    @Test func knownSequences() {
        #expect(Self.valid(Array("plain ascii, long enough to use whole words".utf8)))
        #expect(Self.valid(Array("é – 漢字 🙂".utf8)))
        #expect(!Self.valid([0xC3, 0x28]))                 // bad continuation
        #expect(!Self.valid([0xC0, 0xAF]))                 // overlong
        #expect(!Self.valid([0xED, 0xA0, 0x80]))           // surrogate
        #expect(!Self.valid([0xF4, 0x90, 0x80, 0x80]))     // above U+10FFFF
        #expect(!Self.valid([0xF0, 0x9F, 0x98]))           // truncated
        #expect(Self.valid(Array("tab\there".utf8)) && !Self.valid(Array("tab\there".utf8), controls: true))
        #expect(!Self.valid(Array("0123456789abcdef\u{01}0123456789".utf8), controls: true))
        #expect(Self.valid(Array("0123456789abcdef 0123456789".utf8), controls: true))
    }

    @Test func randomSequencesAgreeWithTheStandardLibrary() {
        var rng = SplitMix64(seed: 77)
        let alphabet: [UInt8] = [0x41, 0x7A, 0x20, 0x01, 0x7F, 0x80, 0xBF, 0xC2, 0xC0, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x90, 0x8F]
        for _ in 0..<50_000 {
            let count = Int(rng.next() % 24)
            let bytes = (0..<count).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(Self.valid(bytes) == expected, "\(bytes)")
            #expect(Self.valid(bytes, controls: true) == (expected && !bytes.contains { $0 < 0x20 }), "\(bytes)")
        }
    }
}
