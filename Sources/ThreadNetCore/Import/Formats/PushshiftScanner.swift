/// Reads the fields of one Pushshift comment line straight from its bytes, without building
/// a dictionary of every value: the fast path of ``PushshiftImporter``.
///
/// The scanner walks the top-level object once, decoding only the strings it needs (`id`,
/// `parent_id`, `link_id`, `author`, `body`) with every JSON escape (`\uXXXX` and surrogate
/// pairs included) and checking UTF-8, reading `created_utc` (or `created`) as a number, and
/// skipping every other value after checking its syntax (nested objects and arrays
/// included). Whenever a line could mean something the fast path does not model — a
/// submission (`title`), a repeated key, an escaped key, a non-string id, a timestamp that is
/// a string, `true` or out of range, invalid UTF-8, anything that is not valid JSON — it
/// returns `nil` and the importer parses the line with the full JSON parser, so both paths
/// give the same comment, the same findings and the same errors.
///
/// - Complexity: O(*L*) for a line of *L* bytes; one allocation per string kept.
enum PushshiftScanner {
    /// What a comment line holds, as the importer reads it.
    struct Fields {
        var id: String
        var parent: String?
        var link: String?
        /// `nil` when absent or null.
        var author: String?
        /// `""` when absent or null.
        var body: String = ""
        /// `created_utc` (or else `created`) when it is a number or a string.
        var created: Stamp?
        /// `score` when an integer.
        var score: Int?
        /// `edited` is `true` or a time (it is `false` for a comment never edited).
        var edited = false
    }

    /// The fields of `line`, or `nil` when the full parser must read it.
    static func scan(_ line: UnsafeBufferPointer<UInt8>) -> Fields? {
        var s = Cursor(bytes: line)
        s.skipSpace()
        guard s.take(0x7B) else { return nil }  // {
        var id: String?, parent: String??, link: String??, author: String??, body: String??
        var createdUTC: Stamp??, created: Stamp??
        var score: Int??, edited: Bool?
        s.skipSpace()
        if !s.take(0x7D) {
            while true {
                s.skipSpace()
                guard let key = s.plainKey() else { return nil }
                s.skipSpace()
                guard s.take(0x3A) else { return nil }  // :
                s.skipSpace()
                switch key {
                case .id:
                    guard id == nil, let v = s.string() else { return nil }
                    id = v
                case .parentID:
                    guard parent == nil, let v = s.stringOrNull() else { return nil }
                    parent = .some(v)
                case .linkID:
                    guard link == nil, let v = s.stringOrNull() else { return nil }
                    link = .some(v)
                case .author:
                    guard author == nil, let v = s.stringOrNull() else { return nil }
                    author = .some(v)
                case .body:
                    guard body == nil, let v = s.stringOrNull() else { return nil }
                    body = .some(v)
                case .createdUTC:
                    guard createdUTC == nil, let v = s.stamp() else { return nil }
                    createdUTC = .some(v)
                case .created:
                    guard created == nil, let v = s.stamp() else { return nil }
                    created = .some(v)
                case .score:
                    guard score == nil, let v = s.integerOrNull() else { return nil }
                    score = .some(v)
                case .edited:
                    guard edited == nil else { return nil }
                    if s.literal("false") || s.literal("null") { edited = false }
                    else if s.literal("true") { edited = true }
                    else if let v = s.numberOrNull(), v != nil { edited = true }
                    else { return nil }
                case .title:
                    return nil  // a submission: the full parser reads it
                case .other:
                    guard s.skipValue(depth: 0) else { return nil }
                }
                s.skipSpace()
                if s.take(0x2C) { continue }  // ,
                guard s.take(0x7D) else { return nil }  // }
                break
            }
        }
        s.skipSpace()
        guard s.atEnd, let id else { return nil }
        var fields = Fields(id: id)
        fields.parent = parent ?? nil
        fields.link = link ?? nil
        fields.author = author ?? nil
        fields.body = (body ?? nil) ?? ""
        fields.score = score ?? nil
        fields.edited = edited ?? false
        // As the full path: `created_utc` when present and not null, else `created`.
        if let utc = createdUTC, let value = utc {
            fields.created = value
        } else if let value = created ?? nil {
            fields.created = value
        }
        return fields
    }

    /// A timestamp as written: Unix seconds, or a string (2009–2012 dumps).
    enum Stamp { case seconds(Double), text(String) }

    /// The keys the importer reads.
    enum Key { case id, parentID, linkID, author, body, createdUTC, created, title, score, edited, other }

    /// A position in a line's bytes.
    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        var atEnd: Bool { i >= bytes.count }

        @inline(__always) mutating func skipSpace() {
            while i < bytes.count {
                let c = bytes[i]
                guard c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D else { return }
                i += 1
            }
        }

        @inline(__always) mutating func take(_ c: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == c else { return false }
            i += 1
            return true
        }

        /// A key without escapes; `nil` (fall back) for an escaped or malformed one.
        mutating func plainKey() -> Key? {
            guard take(0x22) else { return nil }
            let start = i
            while i < bytes.count, bytes[i] != 0x22 {
                if bytes[i] == 0x5C || bytes[i] < 0x20 { return nil }
                i += 1
            }
            guard i < bytes.count else { return nil }
            let key = UnsafeBufferPointer(rebasing: bytes[start..<i])
            i += 1
            guard UTF8Validation.isValid(key) else { return nil }
            return Self.key(key)
        }

        static func key(_ k: UnsafeBufferPointer<UInt8>) -> Key {
            func equals(_ s: StaticString) -> Bool {
                s.utf8CodeUnitCount == k.count && memcmp(s.utf8Start, k.baseAddress!, k.count) == 0
            }
            switch k.count {
            case 2: return equals("id") ? .id : .other
            case 4: return equals("body") ? .body : .other
            case 5: return equals("title") ? .title : equals("score") ? .score : .other
            case 6: return equals("author") ? .author : equals("edited") ? .edited : .other
            case 7: return equals("link_id") ? .linkID : equals("created") ? .created : .other
            case 9: return equals("parent_id") ? .parentID : .other
            case 11: return equals("created_utc") ? .createdUTC : .other
            default: return .other
            }
        }

        /// A string value, decoded; `nil` when the value is not a string or not valid.
        mutating func string() -> String? {
            guard take(0x22) else { return nil }
            let start = i
            // Most strings have no escape: the closing quote is the next quote, found with
            // memchr, when no backslash comes before it.
            let base = bytes.baseAddress!
            if let quote = memchr(base + start, 0x22, bytes.count - start) {
                let end = base.distance(to: quote.assumingMemoryBound(to: UInt8.self))
                if memchr(base + start, 0x5C, end - start) == nil {
                    let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    i = end + 1
                    // Control characters are not allowed raw in a JSON string.
                    guard UTF8Validation.isValid(raw, rejectingControls: true) else { return nil }
                    return String(decoding: raw, as: UTF8.self)
                }
            }
            var escaped = false
            while i < bytes.count {
                let c = bytes[i]
                if c == 0x22 { break }
                if c < 0x20 { return nil }
                if c == 0x5C {
                    escaped = true
                    i += 2
                    continue
                }
                i += 1
            }
            guard i < bytes.count else { return nil }
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<i])
            i += 1
            return escaped ? Self.unescape(raw) : UTF8Validation.string(raw)
        }

        /// A string, or `nil` inside for JSON `null`; outer `nil` for anything else.
        mutating func stringOrNull() -> String?? {
            if i < bytes.count, bytes[i] == 0x6E { return literal("null") ? .some(nil) : nil }
            return string().map { .some($0) }
        }

        /// A number (as a double), or `nil` inside for `null`; outer `nil` for anything else.
        mutating func numberOrNull() -> Double?? {
            if i < bytes.count, bytes[i] == 0x6E { return literal("null") ? .some(nil) : nil }
            let start = i
            guard skipNumber() else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            guard let value = Double(text), value.isFinite else { return nil }
            return .some(value)
        }

        /// An integer of at most 15 digits, read in place, or `nil` inside for `null`; outer
        /// `nil` for anything else (a fraction or exponent goes to the full parser).
        mutating func integerOrNull() -> Int?? {
            if i < bytes.count, bytes[i] == 0x6E { return literal("null") ? .some(nil) : nil }
            let negative = take(0x2D)
            var value = 0, count = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                value = value * 10 + Int(bytes[i] - 0x30)
                count += 1
                i += 1
            }
            guard count > 0, count <= 15, !(count > 1 && bytes[i - count] == 0x30) else { return nil }
            if i < bytes.count, bytes[i] == 0x2E || bytes[i] | 0x20 == 0x65 { return nil }
            return .some(negative ? -value : value)
        }

        /// A number or a string, or `nil` inside for `null`; outer `nil` for anything else.
        mutating func stamp() -> Stamp?? {
            if i < bytes.count, bytes[i] == 0x22 { return string().map { .some(.text($0)) } }
            return numberOrNull().map { $0.map { .seconds($0) } }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= bytes.count, memcmp(word.utf8Start, bytes.baseAddress! + i, n) == 0 else { return false }
            i += n
            return true
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        mutating func skipNumber() -> Bool {
            _ = take(0x2D)
            guard i < bytes.count else { return false }
            if bytes[i] == 0x30 {
                i += 1
            } else {
                guard digits() > 0 else { return false }
            }
            if take(0x2E) { guard digits() > 0 else { return false } }
            if i < bytes.count, bytes[i] | 0x20 == 0x65 {
                i += 1
                if !take(0x2B) { _ = take(0x2D) }
                guard digits() > 0 else { return false }
            }
            return true
        }

        private mutating func digits() -> Int {
            let start = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i - start
        }

        /// Skips any JSON value, checking its syntax; nesting deeper than 512 falls back.
        mutating func skipValue(depth: Int) -> Bool {
            guard depth < 512, i < bytes.count else { return false }
            switch bytes[i] {
            case 0x22: return string() != nil
            case 0x7B:
                i += 1
                skipSpace()
                if take(0x7D) { return true }
                while true {
                    skipSpace()
                    guard string() != nil else { return false }
                    skipSpace()
                    guard take(0x3A) else { return false }
                    skipSpace()
                    guard skipValue(depth: depth + 1) else { return false }
                    skipSpace()
                    if take(0x2C) { continue }
                    return take(0x7D)
                }
            case 0x5B:
                i += 1
                skipSpace()
                if take(0x5D) { return true }
                while true {
                    skipSpace()
                    guard skipValue(depth: depth + 1) else { return false }
                    skipSpace()
                    if take(0x2C) { continue }
                    return take(0x5D)
                }
            case 0x74: return literal("true")
            case 0x66: return literal("false")
            case 0x6E: return literal("null")
            default:
                let start = i
                guard skipNumber() else { return false }
                // A number too large for a double is an error to the full parser.
                let digits = UnsafeBufferPointer(rebasing: bytes[start..<i])
                guard digits.count > 300 || digits.contains(where: { $0 | 0x20 == 0x65 }) else { return true }
                return Double(String(decoding: digits, as: UTF8.self))?.isFinite ?? false
            }
        }

        /// Decodes the escapes of a string's raw bytes; `nil` for a bad escape, a lone
        /// surrogate or invalid UTF-8.
        static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
            // The raw bytes between escapes must be UTF-8; escapes decode to UTF-8 themselves.
            guard UTF8Validation.isValid(raw) else { return nil }
            // Decoded text is never longer than its escaped form.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: raw.count) { out -> String? in
                var o = 0
                var k = 0
                func hex4(_ at: Int) -> UInt32? {
                    guard at + 4 <= raw.count else { return nil }
                    var v: UInt32 = 0
                    for j in at..<(at + 4) {
                        let c = raw[j]
                        let d: UInt8
                        switch c {
                        case 0x30...0x39: d = c - 0x30
                        case 0x41...0x46: d = c - 0x41 + 10
                        case 0x61...0x66: d = c - 0x61 + 10
                        default: return nil
                        }
                        v = v << 4 | UInt32(d)
                    }
                    return v
                }
                while k < raw.count {
                    let c = raw[k]
                    guard c == 0x5C else { out[o] = c; o += 1; k += 1; continue }
                    guard k + 1 < raw.count else { return nil }
                    let e = raw[k + 1]
                    k += 2
                    switch e {
                    case 0x22, 0x5C, 0x2F: out[o] = e; o += 1
                    case 0x62: out[o] = 0x08; o += 1
                    case 0x66: out[o] = 0x0C; o += 1
                    case 0x6E: out[o] = 0x0A; o += 1
                    case 0x72: out[o] = 0x0D; o += 1
                    case 0x74: out[o] = 0x09; o += 1
                    case 0x75:
                        guard var scalar = hex4(k) else { return nil }
                        k += 4
                        if scalar >= 0xD800 && scalar < 0xDC00 {
                            guard k + 6 <= raw.count, raw[k] == 0x5C, raw[k + 1] == 0x75, let low = hex4(k + 2),
                                  low >= 0xDC00, low < 0xE000 else { return nil }
                            k += 6
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if scalar >= 0xDC00 && scalar < 0xE000 {
                            return nil
                        }
                        guard let u = Unicode.Scalar(scalar) else { return nil }
                        for byte in UTF8.encode(u)! { out[o] = byte; o += 1 }
                    default: return nil
                    }
                }
                return String(decoding: UnsafeBufferPointer(rebasing: out[0..<o]), as: UTF8.self)
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
