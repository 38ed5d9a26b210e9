extension JSONSupport {
    /// Cheap looks at the first bytes of a JSON input, for format detection.
    ///
    /// Key searches match `"key"` followed by optional whitespace and `:`, so a key name that
    /// occurs inside a string value (where its quotes are escaped) does not count.
    ///
    /// - Complexity: each query is O(*n*) in the length of the head; nothing is allocated
    ///   except by ``firstRecord()``, which parses one object.
    struct Head {
        let bytes: [UInt8]
        /// The index of the first byte that is not whitespace or a byte order mark.
        let start: Int

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var i = 0
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
            while i < bytes.count, JSONSupport.isBlank(bytes[i]) { i += 1 }
            start = i
        }

        /// The first significant byte: `{` (0x7B) or `[` (0x5B) for JSON documents.
        var first: UInt8? { start < bytes.count ? bytes[start] : nil }
        var startsWithObject: Bool { first == 0x7B }
        var startsWithArray: Bool { first == 0x5B }

        /// The index just after `"key"` and the `:` that follows it, for every occurrence.
        private func valueStart(ofKey key: String, from: Int = 0) -> Int? {
            let needle = Swift.Array(("\"" + key + "\"").utf8)
            let n = bytes.count, m = needle.count
            guard m > 0 else { return nil }
            var i = max(from, start)
            while i + m <= n {
                if bytes[i] == needle[0] {
                    var k = 1
                    while k < m, bytes[i + k] == needle[k] { k += 1 }
                    if k == m {
                        var j = i + m
                        while j < n, JSONSupport.isBlank(bytes[j]) { j += 1 }
                        if j < n, bytes[j] == 0x3A {
                            j += 1
                            while j < n, JSONSupport.isBlank(bytes[j]) { j += 1 }
                            return j
                        }
                    }
                }
                i += 1
            }
            return nil
        }

        /// Whether `"key":` occurs anywhere in the head.
        func hasKey(_ key: String) -> Bool { valueStart(ofKey: key) != nil }

        /// Whether `"key": "value"` occurs anywhere in the head.
        func hasKey(_ key: String, stringValue value: String) -> Bool {
            let expected = Swift.Array(("\"" + value + "\"").utf8)
            var from = 0
            while let j = valueStart(ofKey: key, from: from) {
                if j + expected.count <= bytes.count, bytes[j..<(j + expected.count)].elementsEqual(expected) { return true }
                from = j
            }
            return false
        }

        /// The first key of the top-level object (`{"ancestors": …` gives `ancestors`).
        var firstKey: String? {
            guard startsWithObject else { return nil }
            var i = start + 1
            while i < bytes.count, JSONSupport.isBlank(bytes[i]) { i += 1 }
            guard i < bytes.count, bytes[i] == 0x22 else { return nil }
            var j = i + 1
            while j < bytes.count, bytes[j] != 0x22, bytes[j] != 0x5C { j += 1 }
            guard j < bytes.count, bytes[j] == 0x22 else { return nil }
            return String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
        }

        /// The first record, parsed: the top-level object of an NDJSON line or a small document,
        /// or the first element of a top-level array. `nil` when it does not end inside the head
        /// or is not an object.
        func firstRecord() -> [String: Any]? {
            var i = start
            if startsWithArray {
                i += 1
                while i < bytes.count, JSONSupport.isBlank(bytes[i]) { i += 1 }
            }
            guard i < bytes.count, bytes[i] == 0x7B, let end = endOfValue(from: i) else { return nil }
            return JSONSupport.parseValue(bytes[i..<end]) as? [String: Any]
        }

        /// The index after the object or array starting at `from`, tracking strings and escapes.
        private func endOfValue(from: Int) -> Int? {
            var depth = 0
            var inString = false
            var i = from
            while i < bytes.count {
                let b = bytes[i]
                if inString {
                    if b == 0x5C { i += 2; continue }
                    if b == 0x22 { inString = false }
                } else {
                    switch b {
                    case 0x22: inString = true
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D:
                        depth -= 1
                        if depth == 0 { return i + 1 }
                    default: break
                    }
                }
                i += 1
            }
            return nil
        }
    }
}
