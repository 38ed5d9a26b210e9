import Foundation

/// A byte-level look at the start of an XML document: the DOCTYPE and the root element, found
/// without parsing (cheap enough for format detection on the first 64 KiB).
enum XMLProlog {
    struct Doctype {
        /// 1-based line of `<!DOCTYPE`.
        var line: Int
        /// Whether it has more than a name: an internal subset or an external DTD.
        var hasDeclarations: Bool
    }

    struct Result {
        var doctype: Doctype?
        /// The root element's qualified name, when found.
        var rootName: String?
        /// The offset just after the root element's name (where attributes may be inserted).
        var rootNameEnd: Int?
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x3A || b >= 0x80
    }

    /// BOMs or NUL bytes of UTF-16/UTF-32 text at the start.
    static func looksLikeUTF16or32(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) { return true }
        return bytes.prefix(4).contains(0)
    }

    /// The 1-based number of the last line holding anything but white space.
    static func lastContentLine(_ bytes: [UInt8]) -> Int {
        var end = bytes.count
        while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
        return 1 + bytes[..<end].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Scans the prolog: skips a BOM, white space, up to a few stray bytes, processing
    /// instructions, comments and a DOCTYPE, and stops at the root element.
    static func scan(_ bytes: [UInt8], strayLimit: Int = 3) -> Result {
        var result = Result()
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var stray = 0
        func starts(_ s: String, at j: Int) -> Bool {
            let u = Array(s.utf8)
            guard j + u.count <= n else { return false }
            for k in 0..<u.count where bytes[j + k] != u[k] { return false }
            return true
        }
        func find(_ s: String, from j: Int) -> Int? {
            let u = Array(s.utf8)
            guard let first = u.first, n >= u.count else { return nil }
            var k = j
            while k + u.count <= n {
                if bytes[k] == first, starts(s, at: k) { return k }
                k += 1
            }
            return nil
        }
        func lineOf(_ j: Int) -> Int { 1 + bytes[..<min(j, n)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }

        while i < n {
            let b = bytes[i]
            if isSpace(b) { i += 1; continue }
            guard b == 0x3C else {
                // Stray text before the root: allowed only a little, and never JSON-looking.
                if b == 0x7B || b == 0x5B || b == 0x22 || stray >= strayLimit { return result }
                stray += 1; i += 1; continue
            }
            if starts("<?", at: i) {
                guard let end = find("?>", from: i + 2) else { return result }
                i = end + 2
            } else if starts("<!--", at: i) {
                guard let end = find("-->", from: i + 4) else { return result }
                i = end + 3
            } else if starts("<!DOCTYPE", at: i) || starts("<!doctype", at: i) {
                // Only `<!DOCTYPE name>` is accepted: an internal subset (`[…]`) or an external
                // DTD (`SYSTEM`/`PUBLIC`) is where entities come from, and no genuine export
                // has one. Deciding on what follows the name needs no look inside the subset,
                // so no comment, quote or `]` in it can hide a declaration.
                let start = i
                var j = i + 9
                while j < n, isSpace(bytes[j]) { j += 1 }
                while j < n, !isSpace(bytes[j]), bytes[j] != 0x3E, bytes[j] != 0x5B { j += 1 }
                while j < n, isSpace(bytes[j]) { j += 1 }
                let plain = j < n && bytes[j] == 0x3E
                result.doctype = Doctype(line: lineOf(start), hasDeclarations: !plain)
                if !plain { return result }
                i = j + 1
            } else if i + 1 < n, isNameStart(bytes[i + 1]) {
                var j = i + 1
                while j < n, !isSpace(bytes[j]), bytes[j] != 0x2F, bytes[j] != 0x3E { j += 1 }
                result.rootName = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                result.rootNameEnd = j
                return result
            } else {
                return result
            }
        }
        return result
    }

    /// Whether the XML declaration names no encoding or UTF-8.
    static func declaresUTF8(_ bytes: [UInt8]) -> Bool {
        guard let declared = declaredEncoding(bytes) else { return true }
        return XMLEncodings.isUTF8(declared.name)
    }

    /// The `encoding` pseudo-attribute of the XML declaration at the very start (after a
    /// UTF-8 BOM): its value as written and the byte range of the value (inside the quotes).
    /// `nil` when there is no declaration or it names no encoding.
    ///
    /// - Complexity: O(length of the declaration); at most 1 KiB is looked at.
    static func declaredEncoding(_ bytes: [UInt8]) -> (name: String, range: Range<Int>)? {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let limit = min(bytes.count, start + 1024)
        guard limit >= start + 6, Array(bytes[start..<(start + 5)]) == Array("<?xml".utf8), isSpace(bytes[start + 5]) else { return nil }
        // An unfinished declaration is still looked at: libxml2 acts on its encoding before
        // it finds the declaration broken.
        let end = bytes[start..<limit].firstIndex(of: 0x3E) ?? limit
        let keyword = Array("encoding".utf8)
        var i = start + 5
        while i + keyword.count <= end {
            if Array(bytes[i..<(i + keyword.count)]) == keyword, isSpace(bytes[i - 1]) {
                var j = i + keyword.count
                while j < end, isSpace(bytes[j]) { j += 1 }
                guard j < end, bytes[j] == 0x3D else { return nil }
                j += 1
                while j < end, isSpace(bytes[j]) { j += 1 }
                guard j < end, bytes[j] == 0x22 || bytes[j] == 0x27 else { return nil }
                let quote = bytes[j]
                guard let close = bytes[(j + 1)..<end].firstIndex(of: quote) else { return nil }
                return (String(decoding: bytes[(j + 1)..<close], as: UTF8.self), (j + 1)..<close)
            }
            i += 1
        }
        return nil
    }

    /// Whether the bytes of the 1-based `line` are valid UTF-8.
    static func lineIsValidUTF8(_ bytes: [UInt8], line: Int) -> Bool {
        var current = 1
        var start = 0
        var i = 0
        while i < bytes.count, current < line {
            if bytes[i] == 0x0A { current += 1; start = i + 1 }
            i += 1
        }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        return String(validating: bytes[start..<end], as: UTF8.self) != nil
    }

    /// Whether `needle` occurs in `bytes` (ASCII, case-sensitive).
    static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let u = Array(needle.utf8)
        guard let first = u.first, bytes.count >= u.count else { return false }
        var k = 0
        outer: while k + u.count <= bytes.count {
            if bytes[k] == first {
                for m in 1..<u.count where bytes[k + m] != u[m] { k += 1; continue outer }
                return true
            }
            k += 1
        }
        return false
    }
}
