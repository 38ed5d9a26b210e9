import Foundation

extension PartialTopics {
    /// What kind of thing a count line counts (the first string of its key), with how many
    /// strings follow in the key and how many integers it holds.
    public enum Kind: UInt8, Sendable, CaseIterable {
        /// Round 1: all candidate pairs. `["t"]` → pairs.
        case total = 0x74 // t
        /// Round 1: `["w", key]` → [pairs starting with it, pairs ending with it]; round 2:
        /// [documents, occurrences] after compounding.
        case word = 0x77 // w
        /// Round 1: `["p", first, second]` → [occurrences, documents].
        case pair = 0x70 // p
        /// Round 2: `["c", first, second]` → [documents, occurrences].
        case collocation = 0x63 // c
        /// Round 2: `["r", key, raw]` → [uses as a single-word term].
        case raw = 0x72 // r
        /// Round 3: `["u"]` → [comments].
        case units = 0x75 // u
        /// Round 3: `["f", contender]` → [comments holding it].
        case frequency = 0x66 // f
        /// Round 3: `["q", contender, contender]` → [comments holding both].
        case cooccurrence = 0x71 // q
        /// Round 3: `["s", contender, first raw, second raw]` → [uses of that surface form].
        case surface = 0x73 // s

        /// Strings after the kind's letter.
        var strings: Int {
            switch self {
            case .total, .units: 0
            case .word, .frequency: 1
            case .pair, .collocation, .raw, .cooccurrence: 2
            case .surface: 3
            }
        }

        /// Integers of a line.
        var integers: Int {
            switch self {
            case .word, .pair, .collocation: 2
            default: 1
            }
        }

        var letter: String { String(UnicodeScalar(rawValue)) }
    }

    /// A round's counts, summed over the shards: keys (their strings interned) and one or two
    /// integers each.
    ///
    /// - Complexity: O(1) expected per line added; memory O(distinct strings' bytes + keys).
    public struct Counts: Sendable {
        /// The round counted (1, 2 or 3).
        public var round: Int
        /// The digest of the round file the counts answer.
        public var context: String
        var strings = ByteInterner(capacity: 1 << 12)
        var values: [Key: Value] = [:]

        /// A key: its kind and up to three interned strings (-1 for none).
        struct Key: Hashable, Sendable {
            var kind: Kind
            var a: Int32 = -1
            var b: Int32 = -1
            var c: Int32 = -1

            /// One word into the hasher (millions of keys are hashed per file).
            func hash(into hasher: inout Hasher) {
                let x = UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
                hasher.combine(x &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(UInt32(bitPattern: c)) << 8 ^ UInt64(kind.rawValue))
            }
        }

        /// A key's integers (the second 0 for kinds with one).
        public struct Value: Sendable, Equatable {
            public var first: Int
            public var second: Int
        }

        public init(round: Int, context: String) {
            self.round = round
            self.context = context
        }

        /// Lines held.
        public var count: Int { values.count }

        /// The id of `s`, interned if new.
        mutating func intern(_ s: UnsafeBufferPointer<UInt8>) -> Int32 {
            let found = strings.find(s)
            return found.id ?? strings.add(s, value: 0, at: found)
        }

        /// The id of `s`, or nil when no key holds it.
        func id(_ s: String) -> Int32? {
            var s = s
            return s.withUTF8 { strings.find($0).id }
        }

        /// The string of id `id`.
        func string(_ id: Int32) -> String { strings.string(id) }

        /// Adds `value` to `key`.
        mutating func add(_ key: Key, _ value: Value) {
            if let i = values.index(forKey: key) {
                values.values[i].first += value.first
                values.values[i].second += value.second
            } else {
                values[key] = value
            }
        }

        /// The integers of the key of `kind` and `strings`, nil when never counted.
        public func value(_ kind: Kind, _ strings: String...) -> Value? {
            var ids: [Int32] = []
            for s in strings {
                guard let id = id(s) else { return nil }
                ids.append(id)
            }
            return values[Key(kind: kind, a: ids.count > 0 ? ids[0] : -1, b: ids.count > 1 ? ids[1] : -1, c: ids.count > 2 ? ids[2] : -1)]
        }

        /// Adds the lines of a count file; `path` names it in errors.
        ///
        /// - Throws: ``PartialError`` naming the line of anything malformed, or when its header
        ///   answers another round or round file than the counts so far.
        public mutating func add(file data: Data, path: String) throws(PartialError) {
            let header = try Self.header(data, path: path)
            guard header.round == round, header.context == context else {
                throw PartialError(path, "answers round \(header.round) of round file \(header.context), not round \(round) of \(context) as the counts before it")
            }
            var failure: PartialError?
            let needed = values.count + data.count / 48  // a pair line is about 40 bytes
            if values.capacity < needed { values.reserveCapacity(max(needed, 2 * values.capacity)) }
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                do throws(PartialError) { try addLines(raw.bindMemory(to: UInt8.self), path: path) } catch { failure = error }
            }
            if let failure { throw failure }
        }

        /// Adds the lines after the header of a count file's bytes.
        private mutating func addLines(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(PartialError) {
            do {
                var line = 0, start = 0
                var ints: [Int] = []
                var ranges: [Range<Int>] = []
                while start < bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                    line += 1
                    defer { start = end + 1 }
                    if line == 1 || end == start { continue }
                    let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    func bad(_ what: String) -> PartialError {
                        PartialError(path + ":\(line)", "not a count line (\(what)): {\"k\": [kind, strings…], \"n\": [counts from 0 to 2^50]}")
                    }
                    ints.removeAll(keepingCapacity: true)
                    ranges.removeAll(keepingCapacity: true)
                    // Escaped strings (or any other spelling of the line) go through the JSON
                    // decoder and are laid out plainly, as the scanner finds them.
                    var plain: [UInt8]?
                    if !CountLine.scan(text, strings: &ranges, integers: &ints) {
                        struct Line: Decodable { var k: [String]; var n: [Int] }
                        guard let l = try? JSONDecoder().decode(Line.self, from: Data(text)) else { throw bad("not {\"k\", \"n\"}") }
                        var bytes: [UInt8] = []
                        ranges.removeAll(keepingCapacity: true)  // what the scanner found before it gave up
                        for s in l.k {
                            ranges.append(bytes.count..<(bytes.count + s.utf8.count))
                            bytes += s.utf8
                        }
                        plain = bytes
                        ints = l.n
                    }
                    let made = plain.map { p in p.withUnsafeBufferPointer { key($0, ranges) } } ?? key(text, ranges)
                    guard let key = made.key else { throw bad(made.problem) }
                    guard ints.count == key.kind.integers else { throw bad("\(key.kind.letter) takes \(key.kind.integers) counts") }
                    guard ints.allSatisfy({ $0 >= 0 && $0 <= Self.maxCount }) else { throw bad("a count outside 0 to 2^50") }
                    add(key, Value(first: ints[0], second: ints.count > 1 ? ints[1] : 0))
                }
            }
        }

        /// The key of a line's strings (`text[ranges]`, the kind's letter first), its strings
        /// interned; or what is wrong with them.
        private mutating func key(_ text: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) -> (key: Key?, problem: String) {
            guard let first = ranges.first, first.count == 1, let kind = Kind(rawValue: text[first.lowerBound]) else { return (nil, "unknown kind") }
            guard ranges.count == 1 + kind.strings else { return (nil, "\(kind.letter) takes \(kind.strings) strings") }
            var key = Key(kind: kind)
            for (k, r) in ranges.dropFirst().enumerated() {
                let id = intern(UnsafeBufferPointer(rebasing: text[r]))
                if k == 0 { key.a = id } else if k == 1 { key.b = id } else { key.c = id }
            }
            return (key, "")
        }

        /// The largest count read (2^50): sums of many stay far from overflow.
        public static let maxCount = 1 << 50

        /// A count file's header: round, context and the shard's input digest (empty when summed
        /// over shards or not recorded).
        public static func header(_ data: Data, path: String) throws(PartialError) -> (round: Int, context: String, input: String) {
            struct Header: Decodable { var round: Int; var context: String; var input: String? }
            let end = data.firstIndex(of: 0x0A) ?? data.endIndex
            guard let h = try? JSONDecoder().decode(Header.self, from: data[data.startIndex..<end]) else {
                throw PartialError(path + ":1", "no header ({\"context\", \"round\"}): not a ThreadNet topic count file")
            }
            return (h.round, h.context, h.input ?? "")
        }

        /// Sums count files of one round (each shard's, or one already summed elsewhere).
        ///
        /// - Throws: ``PartialError`` when they answer different rounds or round files, or a
        ///   line is malformed.
        public static func sum(_ files: [(data: Data, path: String)]) throws(PartialError) -> Counts {
            guard let first = files.first else { throw PartialError("", "no topic counts") }
            let header = try header(first.data, path: first.path)
            var counts = Counts(round: header.round, context: header.context)
            for file in files { try counts.add(file: file.data, path: file.path) }
            return counts
        }
    }

    /// The fast path of reading a count line written as ThreadNet and Python's `json.dumps`
    /// write it: `{"k": ["…", …], "n": [digits, …]}` with unescaped strings; anything else is
    /// left to the JSON decoder.
    struct CountLine {
        let s: UnsafeBufferPointer<UInt8>
        var i = 0

        /// Fills `strings` with the byte ranges of the key's strings and `integers` with the
        /// counts; false when the line is not in the plain form.
        static func scan(_ s: UnsafeBufferPointer<UInt8>, strings: inout [Range<Int>], integers: inout [Int]) -> Bool {
            var line = CountLine(s: s)
            return line.scan(strings: &strings, integers: &integers)
        }

        mutating func scan(strings: inout [Range<Int>], integers: inout [Int]) -> Bool {
            guard expect(0x7B), field(0x6B) else { return false }
            repeat {
                guard let r = string() else { return false }
                strings.append(r)
            } while expect(0x2C)
            guard expect(0x5D), expect(0x2C), field(0x6E) else { return false }
            repeat {
                skip()
                var n = 0, digits = 0
                while i < s.count, s[i] >= 0x30, s[i] <= 0x39, digits < 17 {
                    n = n * 10 + Int(s[i] - 0x30)
                    digits += 1
                    i += 1
                }
                guard digits > 0, digits < 17 else { return false }
                integers.append(n)
            } while expect(0x2C)
            guard expect(0x5D), expect(0x7D) else { return false }
            skip()
            return i == s.count
        }

        mutating func skip() { while i < s.count, s[i] == 0x20 || s[i] == 0x09 || s[i] == 0x0D { i += 1 } }

        mutating func expect(_ c: UInt8) -> Bool {
            skip()
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }

        /// A string without escapes or control characters: the range of its bytes.
        mutating func string() -> Range<Int>? {
            guard expect(0x22) else { return nil }
            let start = i
            while i < s.count, s[i] != 0x22 {
                if s[i] == 0x5C || s[i] < 0x20 { return nil }
                i += 1
            }
            guard i < s.count else { return nil }
            i += 1
            return start..<(i - 1)
        }

        /// `"name": [` for a one-letter name.
        mutating func field(_ name: UInt8) -> Bool {
            guard let r = string(), r.count == 1, s[r.lowerBound] == name else { return false }
            return expect(0x3A) && expect(0x5B)
        }
    }
}
