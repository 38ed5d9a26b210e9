/// Turns input bytes into text, and says precisely why when it cannot.
///
/// Accepted: UTF-8 (a leading byte-order mark is removed, with a note), and UTF-16 little or
/// big endian when the file starts with a byte-order mark (decoded, with a note). Rejected with
/// ``ImportError/Kind/encoding``: binary content (a NUL byte in the first 8 KiB and no UTF-16
/// byte-order mark) and invalid UTF-8, named by line and byte column.
///
/// ```swift
/// let (text, findings) = try TextDecoding.decode(try input.readAll(), name: input.name)
/// ```
public enum TextDecoding {
    /// How much of the start is checked for NUL bytes.
    public static let binaryProbeLength = 8 * 1024

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let utf16LEBOM: [UInt8] = [0xFF, 0xFE]
    static let utf16BEBOM: [UInt8] = [0xFE, 0xFF]

    /// Decodes a whole input.
    ///
    /// - Returns: the text and `.note` findings for a removed byte-order mark or a UTF-16
    ///   decoding.
    /// - Throws: ``ImportError/Kind/encoding`` for binary content, invalid UTF-8 (naming the
    ///   line and the byte column of the first invalid sequence) or invalid UTF-16.
    /// - Complexity: O(n).
    public static func decode(_ bytes: [UInt8], name: String) throws(ImportError) -> (text: String, findings: [Finding]) {
        let file = SourceLocation(file: name)
        if bytes.starts(with: utf16LEBOM) || bytes.starts(with: utf16BEBOM) {
            let littleEndian = bytes.starts(with: utf16LEBOM)
            let text = try decodeUTF16(bytes.dropFirst(2), littleEndian: littleEndian, name: name)
            return (text, [Finding(.note, at: file, "decoded from UTF-16 \(littleEndian ? "LE" : "BE") (byte-order mark)")])
        }
        var findings: [Finding] = []
        var body = bytes[...]
        if bytes.starts(with: utf8BOM) {
            body = bytes.dropFirst(3)
            findings.append(Finding(.note, at: file, "UTF-8 byte-order mark removed"))
        }
        try rejectBinary(body.prefix(binaryProbeLength), name: name)
        return (try decodeUTF8(body, name: name, firstLine: 1), findings)
    }

    /// Decodes one line (or one multi-line record) of a line-oriented input: NDJSON, CSV.
    ///
    /// No byte-order mark or binary check here (see ``textSource(_:name:)`` for the start of a
    /// stream). A caller that can skip the line turns the error into a finding:
    /// `Finding(.malformedRecord, at: error.location, error.message)`.
    ///
    /// - Parameter line: the 1-based number of the line the bytes start on.
    /// - Throws: ``ImportError/Kind/encoding`` naming the line and byte column of the first
    ///   invalid UTF-8 sequence (counting line breaks inside a multi-line record).
    public static func decodeLine(_ bytes: some Collection<UInt8>, name: String, line: Int) throws(ImportError) -> String {
        try decodeUTF8(bytes, name: name, firstLine: line)
    }

    /// Prepares a stream for line-by-line reading: removes a UTF-8 byte-order mark, rejects
    /// binary content, and converts a UTF-16 input (recognized by its byte-order mark) to UTF-8.
    ///
    /// A UTF-16 input is decoded whole in memory (such files are small in practice); a UTF-8
    /// one stays a stream.
    public static func textSource(_ source: ByteSource, name: String) throws(ImportError) -> (source: ByteSource, findings: [Finding]) {
        let file = SourceLocation(file: name)
        let head = try PushbackByteSource.readPrefix(source, count: binaryProbeLength)
        if head.starts(with: utf16LEBOM) || head.starts(with: utf16BEBOM) {
            let all = head + (try source.readToEnd())
            let (text, findings) = try decode(all, name: name)
            return (MemoryByteSource(Array(text.utf8)), findings)
        }
        if head.starts(with: utf8BOM) {
            try rejectBinary(head.dropFirst(3), name: name)
            return (PushbackByteSource(source, pushedBack: Array(head.dropFirst(3))),
                    [Finding(.note, at: file, "UTF-8 byte-order mark removed")])
        }
        try rejectBinary(head[...], name: name)
        return (PushbackByteSource(source, pushedBack: head), [])
    }

    /// Throws when `probe` holds a NUL byte.
    static func rejectBinary(_ probe: ArraySlice<UInt8>, name: String) throws(ImportError) {
        guard let nul = probe.firstIndex(of: 0) else { return }
        let offset = nul - probe.startIndex
        // UTF-16 without a byte-order mark shows NULs in every other byte of ASCII text.
        let sample = probe.prefix(512)
        let nuls = sample.filter { $0 == 0 }.count
        let hint = nuls * 3 >= sample.count ? " (it may be UTF-16 without a byte-order mark; save it as UTF-8)" : ""
        throw ImportError(.encoding, at: SourceLocation(file: name),
                          "binary file, not text: NUL byte at offset \(offset)\(hint)")
    }

    /// Decodes UTF-8, or throws naming the first invalid sequence's line and byte column.
    static func decodeUTF8(_ bytes: some Collection<UInt8>, name: String, firstLine: Int) throws(ImportError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let array = Array(bytes)
        let offset = firstInvalidUTF8(array) ?? 0
        var line = firstLine
        var lineStart = 0
        for i in 0..<offset where array[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let column = offset - lineStart + 1
        let byte = offset < array.count ? array[offset] : 0
        let hex = String(byte, radix: 16, uppercase: true)
        throw ImportError(.encoding, at: SourceLocation(file: name, line: line),
                          "invalid UTF-8 at line \(line), byte column \(column) (byte 0x\(hex.count == 1 ? "0" + hex : hex)); expected UTF-8 text")
    }

    /// The offset of the first byte of the first invalid UTF-8 sequence, or `nil` when all is
    /// valid. Follows the Unicode well-formedness table: no overlong forms, no surrogates,
    /// nothing above U+10FFFF, no truncated sequence at the end.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalid($0) }
    }

    /// Decodes UTF-16 code units (no byte-order mark), or throws at the first unpaired surrogate.
    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool, name: String) throws(ImportError) -> String {
        let file = SourceLocation(file: name)
        guard bytes.count % 2 == 0 else {
            throw ImportError(.encoding, at: file, "invalid UTF-16: odd number of bytes (\(bytes.count + 2) with the byte-order mark)")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var unitOffset = 0
        var line = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                unitOffset += scalar.value > 0xFFFF ? 2 : 1
                if scalar == "\n" { line += 1 }
            case .emptyInput:
                break loop
            case .error:
                throw ImportError(.encoding, at: SourceLocation(file: name, line: line),
                                  "invalid UTF-16 at line \(line): unpaired surrogate at byte \(2 + unitOffset * 2)")
            }
        }
        return String(scalars)
    }
}
