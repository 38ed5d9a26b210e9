import Testing
@testable import ThreadNetCore

@Suite("TextDecoding")
struct TextDecodingTests {
    @Test("plain UTF-8 decodes without findings")
    func plain() throws {
        let (text, findings) = try TextDecoding.decode(Array("héllo\nwörld".utf8), name: "a.txt")
        #expect(text == "héllo\nwörld")
        #expect(findings.isEmpty)
    }

    @Test("a UTF-8 byte-order mark is removed with a note")
    func bom() throws {
        let (text, findings) = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("id,parent".utf8), name: "a.csv")
        #expect(text == "id,parent")
        #expect(findings.map(\.kind) == [.note])
        #expect(findings.first?.location.file == "a.csv")
    }

    @Test("UTF-16 LE and BE with a byte-order mark are decoded with a note")
    func utf16() throws {
        let text = "Zürich 😀\nline two"
        let units = Array(text.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (bytes, label) in [(le, "LE"), (be, "BE")] {
            let (decoded, findings) = try TextDecoding.decode(bytes, name: "u16.txt")
            #expect(decoded == text)
            #expect(findings.count == 1)
            #expect(findings.first?.kind == .note)
            #expect(findings.first?.message.contains("decoded from UTF-16 \(label)") == true)
        }
    }

    @Test("invalid UTF-16 is an encoding error")
    func badUTF16() {
        let odd: [UInt8] = [0xFF, 0xFE, 0x41]
        #expect(importError { _ = try TextDecoding.decode(odd, name: "o") }?.kind == .encoding)
        let lone: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00]  // A, lone high surrogate, A
        #expect(importError { _ = try TextDecoding.decode(lone, name: "o") }?.kind == .encoding)
    }

    @Test("NUL bytes without a UTF-16 mark: binary file, not text")
    func binary() {
        let bytes: [UInt8] = Array("PK".utf8) + [3, 4, 0, 0, 8, 0]
        let error = importError { _ = try TextDecoding.decode(bytes, name: "x.zip") }
        #expect(error?.kind == .encoding)
        #expect(error?.message.contains("binary file, not text") == true)
        #expect(error?.location.file == "x.zip")
        // UTF-16 without BOM gets a hint.
        let noBOM: [UInt8] = Array("hello".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(importError { _ = try TextDecoding.decode(noBOM, name: "u") }?.message.contains("UTF-16") == true)
    }

    @Test("a NUL after the first 8 KiB is not taken as binary (it is valid UTF-8)")
    func lateNUL() throws {
        let bytes = [UInt8](repeating: 0x61, count: 9000) + [0]
        #expect(try TextDecoding.decode(bytes, name: "a").text.utf8.count == 9001)
    }

    @Test("invalid UTF-8 names the line and the byte column")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("first\nsecond ok\r\nab".utf8) + [0xC3, 0x28] + Array(" rest\n".utf8)
        let error = importError { _ = try TextDecoding.decode(bytes, name: "bad.txt") }
        #expect(error?.kind == .encoding)
        #expect(error?.location == SourceLocation(file: "bad.txt", line: 3))
        #expect(error?.message.contains("line 3, byte column 3") == true)
        #expect(error?.message.contains("0xC3") == true)
    }

    @Test("Latin-1 text is rejected as invalid UTF-8")
    func latin1() {
        let bytes: [UInt8] = [0x63, 0x61, 0x66, 0xE9]  // "café" in Latin-1
        let error = importError { _ = try TextDecoding.decode(bytes, name: "l1") }
        #expect(error?.message.contains("line 1, byte column 4") == true)
    }

    @Test("the validator rejects overlong forms, surrogates, out-of-range and truncated sequences")
    func validator() {
        #expect(TextDecoding.firstInvalidUTF8(Array("aé€😀".utf8)) == nil)
        #expect(TextDecoding.firstInvalidUTF8([0x61, 0xC0, 0xAF]) == 1)        // overlong '/'
        #expect(TextDecoding.firstInvalidUTF8([0xE0, 0x80, 0xAF]) == 0)        // overlong 3-byte
        #expect(TextDecoding.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)        // surrogate D800
        #expect(TextDecoding.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]) == 0)  // above U+10FFFF
        #expect(TextDecoding.firstInvalidUTF8([0x61, 0x62, 0xE2, 0x82]) == 2)  // truncated at end
        #expect(TextDecoding.firstInvalidUTF8([0xE2, 0x28, 0xA1]) == 0)        // bad continuation
        #expect(TextDecoding.firstInvalidUTF8([0x80]) == 0)                    // lone continuation
    }

    @Test("decodeLine counts from the given line, also inside a multi-line record")
    func perLine() throws {
        #expect(try TextDecoding.decodeLine(Array("{\"a\":1}".utf8), name: "d.ndjson", line: 7) == "{\"a\":1}")
        let bytes: [UInt8] = Array("x,\"multi\nline ".utf8) + [0xFF] + Array("\"".utf8)
        let error = importError { _ = try TextDecoding.decodeLine(bytes, name: "d.csv", line: 10) }
        #expect(error?.location == SourceLocation(file: "d.csv", line: 11))
        #expect(error?.message.contains("line 11, byte column 6") == true)
        // The caller can turn it into a finding.
        let finding = error.map { Finding(.malformedRecord, at: $0.location, $0.message) }
        #expect(finding?.kind == .malformedRecord)
    }

    @Test("textSource strips a BOM, converts UTF-16 and refuses binary")
    func textSource() throws {
        let (s1, f1) = try TextDecoding.textSource(MemoryByteSource([0xEF, 0xBB, 0xBF] + Array("a\nb".utf8)), name: "n")
        #expect(try s1.readToEnd() == Array("a\nb".utf8))
        #expect(f1.map(\.kind) == [.note])
        let le: [UInt8] = [0xFF, 0xFE] + Array("ab\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (s2, f2) = try TextDecoding.textSource(MemoryByteSource(le), name: "n")
        #expect(try s2.readToEnd() == Array("ab\n".utf8))
        #expect(f2.first?.message.contains("UTF-16") == true)
        let (s3, f3) = try TextDecoding.textSource(MemoryByteSource(Array("plain".utf8)), name: "n")
        #expect(try s3.readToEnd() == Array("plain".utf8))
        #expect(f3.isEmpty)
        #expect(importError { _ = try TextDecoding.textSource(MemoryByteSource([1, 0, 2]), name: "n") }?.kind == .encoding)
    }
}
