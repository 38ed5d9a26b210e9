/// Counts the words of a comment's text.
///
/// A word is a maximal run of letters and digits: Unicode scalars with the Alphabetic property
/// or of general category Nd, Nl or No (decimal, letter and other numbers). A combining mark
/// (categories Mn, Mc, Me) directly after a letter or digit continues the word, so a decomposed
/// `é` does not split one. A single apostrophe (U+0027 `'` or U+2019 `’`) between two letters or
/// digits is kept inside the word. Everything else separates words: `don't`, `buddy’s` and
/// `rock'n'roll` are one word each; `well-known`, `20/mo` and `$5.00` are two.
public enum WordCount {
    /// The number of words in `text`. Unit: words.
    ///
    /// ```swift
    /// WordCount.words(in: "Don't stop—it's 5.00!")   // Don't, stop, it's, 5, 00: 5
    /// ```
    ///
    /// - Complexity: O(*m*) for *m* Unicode scalars; ASCII takes no property lookups.
    public static func words(in text: String) -> Int {
        var text = text
        if let count = text.withUTF8({ asciiWords($0) }) { return count }
        // state 0: between words; 1: in a word; 2: in a word, just after an apostrophe.
        var state = 0
        var count = 0
        for scalar in text.unicodeScalars {
            switch kind(of: scalar) {
            case .wordCharacter:
                if state == 0 { count += 1 }
                state = 1
            case .apostrophe:
                state = state == 1 ? 2 : 0
            case .mark:
                if state != 1 { state = 0 }
            case .separator:
                state = 0
            }
        }
        return count
    }

    /// ``words(in:)`` of an all-ASCII text, read byte by byte; `nil` when a byte is not ASCII.
    private static func asciiWords(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var state = 0
        var count = 0
        return asciiClass.withUnsafeBufferPointer { table -> Int? in
        for b in bytes {
            switch table[Int(b)] {
            case 1:
                if state == 0 { count += 1 }
                state = 1
            case 2:
                state = state == 1 ? 2 : 0
            case 0:
                state = 0
            default:
                return nil
            }
        }
        return count
        }
    }

    /// Per byte: 1 letter or digit, 2 apostrophe, 0 other ASCII, 3 not ASCII.
    private static let asciiClass: [UInt8] = (0..<256).map { b in
        if b >= 0x80 { return 3 }
        let lower = b | 0x20
        if (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39) { return 1 }
        return b == 0x27 ? 2 : 0
    }

    private enum Kind { case wordCharacter, apostrophe, mark, separator }

    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        let v = scalar.value
        if v < 0x80 {
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) { return .wordCharacter }
            return v == 0x27 ? .apostrophe : .separator
        }
        if v == 0x2019 { return .apostrophe }
        let properties = scalar.properties
        if properties.isAlphabetic { return .wordCharacter }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return .wordCharacter
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        default: return .separator
        }
    }
}
