/// A UTF-8 check that does not go through the standard library's generic validating
/// initializers (which look up type metadata at run time on every call): ASCII is skipped
/// eight bytes at a time, other sequences are checked by the rules of RFC 3629 (no overlong
/// forms, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    /// Whether `bytes` is well-formed UTF-8.
    ///
    /// - Complexity: O(*n*).
    /// - Parameter rejectingControls: also refuse bytes below U+0020 (as a JSON string must).
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, rejectingControls: Bool = false) -> Bool {
        firstInvalid(bytes, rejectingControls: rejectingControls) == nil
    }

    /// The offset of the first byte of the first invalid sequence (or refused control byte), or
    /// `nil` when `bytes` is well-formed, including a truncated sequence at the end.
    ///
    /// - Complexity: O(*n*).
    static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>, rejectingControls: Bool = false) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        // With controls refused, a word passes when no byte is ≥ 0x80 or < 0x20.
        let low: UInt64 = rejectingControls ? 0x2020_2020_2020_2020 : 0
        var i = 0
        while i < n {
            // Eight ASCII bytes at a time.
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                guard (word | (word &- low)) & 0x8080_8080_8080_8080 == 0 else { break }
                i += 8
            }
            guard i < n else { return nil }
            let b0 = base[i]
            if b0 < 0x80 {
                if rejectingControls, b0 < 0x20 { return i }
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let b1 = base[i + 1]
            guard b1 >= lower, b1 <= upper else { return i }
            for k in 2..<length where base[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// The text of `bytes` when it is well-formed UTF-8, else `nil`.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        isValid(bytes) ? String(decoding: bytes, as: UTF8.self) : nil
    }
}
