import Foundation

/// Shared reading helpers for the nested-JSON importers (Reddit, Hacker News, Mastodon,
/// Discourse, YouTube).
///
/// Input is parsed with Foundation's `JSONSerialization`; values are then read through
/// ``JSONSupport/Node``, ``JSONSupport/Object`` and ``JSONSupport/Array``, which know their
/// JSON path (`$[1].data.children[3]`) so that a value of the wrong shape throws an
/// ``ImportError`` naming the file, the path, what was expected and what was found.
///
/// Limits: `JSONSerialization` refuses documents nested deeper than 512 arrays and objects.
/// That is about 100 levels of Reddit replies (five JSON levels per reply) and about 250 levels
/// of Hacker News Algolia `children`; deeper files fail with a ``ImportError/Kind/malformed``
/// error that says so. The importers themselves walk nesting with explicit stacks and never
/// recurse over depth.
enum JSONSupport {
    /// The deepest nesting of arrays and objects Foundation's parser accepts.
    static let parserDepthLimit = 512

    /// Reads and parses the whole of `input` as one JSON document, as the root ``Node`` whose
    /// paths name the input in errors.
    static func document(_ input: InputSource) throws(ImportError) -> Node {
        let bytes = try input.readAll()
        return Node(root: try parse(bytes, file: input.name), paths: Paths(file: input.name))
    }

    /// Parses a whole JSON document (a leading UTF-8 byte order mark is allowed).
    ///
    /// - Throws: ``ImportError/Kind/empty`` for an empty or blank file,
    ///   ``ImportError/Kind/encoding`` for invalid UTF-8, and ``ImportError/Kind/malformed``
    ///   with the line and column of the problem for anything else.
    static func parse(_ bytes: [UInt8], file: String) throws(ImportError) -> Any {
        guard bytes.contains(where: { !Self.isBlank($0) }) else {
            throw ImportError(.empty, at: SourceLocation(file: file), "the file is empty: expected JSON")
        }
        do {
            return try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw parseError(error, bytes: bytes, file: file)
        }
    }

    /// Parses one value (an NDJSON line); `nil` when it is not valid JSON.
    static func parseValue(_ bytes: ArraySlice<UInt8>) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    /// Turns a `JSONSerialization` error into an ``ImportError`` with a line and column.
    static func parseError(_ error: any Error, bytes: [UInt8], file: String) -> ImportError {
        let debug = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            ?? "\(error)"
        if debug.hasPrefix("Unexpected end of file") {
            let (line, _) = lineAndColumn(bytes, offset: bytes.count)
            return ImportError(.malformed, at: SourceLocation(file: file, line: line),
                               "the JSON ends before it is complete (a truncated file?): expected more after line \(line)")
        }
        guard let offset = characterOffset(in: debug) else {
            return ImportError(.malformed, at: SourceLocation(file: file), "invalid JSON: \(debug)")
        }
        let (line, column) = lineAndColumn(bytes, offset: offset)
        let place = "line \(line), column \(column) (byte \(offset))"
        if debug.hasPrefix("Invalid UTF-8") {
            return ImportError(.encoding, at: SourceLocation(file: file, line: line),
                               "not valid UTF-8 at \(place): JSON must be UTF-8 text")
        }
        if debug.hasPrefix("Too many nested") {
            return ImportError(.malformed, at: SourceLocation(file: file, line: line),
                               "JSON nested deeper than \(parserDepthLimit) arrays and objects at \(place), beyond what the JSON parser accepts")
        }
        var reason = debug
        if let range = reason.range(of: " around character") { reason = String(reason[..<range.lowerBound]) }
        if reason.hasSuffix(".") { reason.removeLast() }
        return ImportError(.malformed, at: SourceLocation(file: file, line: line), "invalid JSON at \(place): \(reason)")
    }

    /// The number after "character" in Foundation's messages ("… around character 21.").
    static func characterOffset(in message: String) -> Int? {
        guard let range = message.range(of: "character ") else { return nil }
        let digits = message[range.upperBound...].prefix(while: \.isNumber)
        return Int(digits)
    }

    /// 1-based line and column (in bytes) of a byte offset.
    static func lineAndColumn(_ bytes: [UInt8], offset: Int) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        let end = min(max(offset, 0), bytes.count)
        var i = 0
        while i < end {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        return (line, end - lineStart + 1)
    }

    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// What a `JSONSerialization` value is.
    enum Kind { case object, array, string, number, boolean, null, other }

    /// Classifies a value. Swift collection and string casts come first on purpose: on Linux,
    /// casting an `[String: Any]` or `[Any]` to a class (`is NSNull`, `as? NSNumber`) bridges
    /// the whole subtree to `NSDictionary`/`NSArray`, recursively, which is slow (O(subtree)
    /// per check) and overflows the stack on deep nesting.
    static func kind(of value: Any) -> Kind {
        if value is [String: Any] { return .object }
        if value is [Any] { return .array }
        if value is String { return .string }
        if let n = value as? NSNumber { return isBoolean(n) ? .boolean : .number }
        if value is NSNull { return .null }
        return .other
    }

    /// The value as a number (not a boolean), without bridging collections.
    static func number(_ value: Any) -> NSNumber? {
        if value is [String: Any] || value is [Any] || value is String { return nil }
        guard let n = value as? NSNumber, !isBoolean(n) else { return nil }
        return n
    }

    /// Whether the value is JSON `null`, without bridging collections.
    static func isNull(_ value: Any) -> Bool { kind(of: value) == .null }

    /// A short description of a JSON value's type for error messages.
    static func describe(_ value: Any) -> String {
        switch kind(of: value) {
        case .null: return "null"
        case .string: return (value as? String)?.isEmpty == true ? "an empty string" : "a string"
        case .array: return "an array"
        case .object: return "an object"
        case .boolean: return "a boolean"
        case .number: return "a number"
        case .other: return "a value of type \(type(of: value))"
        }
    }

    /// Whether an `NSNumber` from `JSONSerialization` was `true`/`false` in the text.
    static func isBoolean(_ n: NSNumber) -> Bool {
        let code = n.objCType
        return code[0] == 0x63 && code[1] == 0 // "c": JSONSerialization's booleans
    }
}

// MARK: - Paths

extension JSONSupport {
    /// The JSON paths of values visited during one import, stored as a flat parent table so that
    /// deep nesting costs neither recursion nor long chains of objects.
    final class Paths {
        enum Component { case root, key(String), index(Int) }

        let file: String
        private var parents: [Int32] = [-1]
        private var components: [Component] = [.root]

        init(file: String) { self.file = file }

        /// The root value, `$`.
        static let root: Int32 = 0

        func child(of parent: Int32, _ component: Component) -> Int32 {
            parents.append(parent)
            components.append(component)
            return Int32(parents.count - 1)
        }

        /// `$[1].data.children[3]`; keys that are not plain identifiers are written `["a b"]`.
        func describe(_ id: Int32) -> String {
            var parts: [String] = []
            var current = id
            while current >= 0 {
                switch components[Int(current)] {
                case .root: parts.append("$")
                case .index(let i): parts.append("[\(i)]")
                case .key(let k):
                    let plain = !k.isEmpty && k.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || (0x30...0x39).contains($0) || $0 == 0x5F }
                    parts.append(plain ? ".\(k)" : "[\"\(k)\"]")
                }
                current = parents[Int(current)]
            }
            return parts.reversed().joined()
        }
    }
}

// MARK: - Typed values

extension JSONSupport {
    /// Any JSON value together with its path.
    struct Node {
        let value: Any
        let path: Int32
        let paths: Paths

        /// The document's root value.
        init(root value: Any, paths: Paths) {
            self.value = value
            self.path = Paths.root
            self.paths = paths
        }

        init(_ value: Any, path: Int32, paths: Paths) {
            self.value = value
            self.path = path
            self.paths = paths
        }

        var isNull: Bool { JSONSupport.isNull(value) }
        var pathDescription: String { paths.describe(path) }

        /// An error at this value: "`$[1].data`: expected an object, found an array".
        func error(expected: String, record: Int? = nil) -> ImportError {
            ImportError(.malformed, at: SourceLocation(file: paths.file, record: record),
                        "\(pathDescription): expected \(expected), found \(JSONSupport.describe(value))")
        }

        func object(_ expected: String = "an object", record: Int? = nil) throws(ImportError) -> Object {
            guard let dict = value as? [String: Any] else { throw error(expected: expected, record: record) }
            return Object(dict: dict, path: path, paths: paths)
        }

        func array(_ expected: String = "an array", record: Int? = nil) throws(ImportError) -> JSONSupport.Array {
            guard let items = value as? [Any] else { throw error(expected: expected, record: record) }
            return JSONSupport.Array(items: items, path: path, paths: paths)
        }

        /// The value as an object, or `nil` when it is anything else.
        var asObject: Object? {
            (value as? [String: Any]).map { Object(dict: $0, path: path, paths: paths) }
        }

        /// The value as an array, or `nil` when it is anything else.
        var asArray: JSONSupport.Array? {
            (value as? [Any]).map { JSONSupport.Array(items: $0, path: path, paths: paths) }
        }

        /// A string as is; a number as its decimal text; `nil` otherwise.
        var scalarText: String? { JSONSupport.scalarText(value) }
    }

    /// A JSON object with its path.
    struct Object {
        let dict: [String: Any]
        let path: Int32
        let paths: Paths

        var pathDescription: String { paths.describe(path) }

        func has(_ key: String) -> Bool { dict[key] != nil }

        /// The value under `key` (including `null`), or `nil` when the key is absent.
        subscript(key: String) -> Node? {
            guard let value = dict[key] else { return nil }
            return Node(value, path: paths.child(of: path, .key(key)), paths: paths)
        }

        /// An error about the value under `key`, or about its absence.
        func error(_ key: String, expected: String, record: Int? = nil) -> ImportError {
            if let node = self[key] { return node.error(expected: expected, record: record) }
            return ImportError(.malformed, at: SourceLocation(file: paths.file, record: record),
                               "\(pathDescription): expected a key \"\(key)\" holding \(expected), found no such key")
        }

        /// A string; `nil` when absent or `null`; other types are an error.
        func string(_ key: String, record: Int? = nil) throws(ImportError) -> String? {
            guard let value = dict[key] else { return nil }
            if let s = value as? String { return s }
            if JSONSupport.isNull(value) { return nil }
            throw error(key, expected: "a string", record: record)
        }

        /// A string or a number as text (ids come as both); `nil` when absent or `null`.
        func id(_ key: String, record: Int? = nil) throws(ImportError) -> String? {
            guard let value = dict[key] else { return nil }
            guard let text = JSONSupport.scalarText(value) else {
                if JSONSupport.isNull(value) { return nil }
                throw error(key, expected: "a string or a number", record: record)
            }
            return text
        }

        /// Like ``id(_:record:)`` but the key must be present and not `null` or empty.
        func requiredID(_ key: String, record: Int? = nil) throws(ImportError) -> String {
            guard let text = try id(key, record: record), !text.isEmpty else {
                throw error(key, expected: "an id (a string or a number)", record: record)
            }
            return text
        }

        /// A number, or a string holding one; `nil` when absent, `null` or not numeric.
        func double(_ key: String) -> Double? {
            guard let value = dict[key] else { return nil }
            if let s = value as? String { return Double(s) }
            return JSONSupport.number(value)?.doubleValue
        }

        /// An integer; `nil` when absent, `null` or not an integral number.
        func int(_ key: String) -> Int? {
            guard let value = dict[key] else { return nil }
            if let s = value as? String { return Int(s) }
            guard let d = JSONSupport.number(value)?.doubleValue else { return nil }
            return d == d.rounded() && abs(d) < 9e15 ? Int(d) : nil
        }

        /// `true` only for JSON `true` (or a non-zero number); absent and `null` are `false`.
        func flag(_ key: String) -> Bool {
            guard let value = dict[key] else { return false }
            switch JSONSupport.kind(of: value) {
            case .boolean, .number: return (value as? NSNumber)?.boolValue ?? false
            case .string: return (value as? String).map { $0 == "true" || $0 == "1" } ?? false
            default: return false
            }
        }

        /// An object; `nil` when absent or `null`; other types are an error.
        func object(_ key: String, record: Int? = nil) throws(ImportError) -> Object? {
            guard let node = self[key], !node.isNull else { return nil }
            return try node.object(record: record)
        }

        /// An array; `nil` when absent or `null`; other types are an error.
        func array(_ key: String, record: Int? = nil) throws(ImportError) -> JSONSupport.Array? {
            guard let node = self[key], !node.isNull else { return nil }
            return try node.array(record: record)
        }

        func requiredObject(_ key: String, record: Int? = nil) throws(ImportError) -> Object {
            guard let value = try object(key, record: record) else { throw error(key, expected: "an object", record: record) }
            return value
        }

        func requiredArray(_ key: String, record: Int? = nil) throws(ImportError) -> JSONSupport.Array {
            guard let value = try array(key, record: record) else { throw error(key, expected: "an array", record: record) }
            return value
        }
    }

    /// A JSON array with its path.
    struct Array {
        let items: [Any]
        let path: Int32
        let paths: Paths

        var count: Int { items.count }
        var isEmpty: Bool { items.isEmpty }
        var pathDescription: String { paths.describe(path) }

        subscript(index: Int) -> Node {
            Node(items[index], path: paths.child(of: path, .index(index)), paths: paths)
        }
    }

    /// A string as is, an integral number without a fraction, another number as `Double`
    /// prints it; `nil` for other types and booleans.
    static func scalarText(_ value: Any) -> String? {
        if let s = value as? String { return s }
        guard let n = number(value) else { return nil }
        let d = n.doubleValue
        if d == d.rounded(), abs(d) < 9e15 { return String(Int64(d)) }
        return n.stringValue
    }
}

// MARK: - Timestamps

extension JSONSupport {
    /// Reads a timestamp field that may be Unix seconds (number or digits) or ISO 8601.
    ///
    /// Returns `nil` without a finding when the key is absent, `null` or empty; appends a
    /// ``Finding/Kind/badTimestamp`` finding and returns `nil` when a value is present but
    /// unreadable.
    static func timestamp(_ object: Object, _ key: String, at location: SourceLocation,
                          findings: inout [Finding]) -> Date? {
        guard let value = object.dict[key], !isNull(value) else { return nil }
        if let s = value as? String {
            if s.isEmpty { return nil }
            if let date = TimestampParser.parse(s) { return date }
        } else if let n = number(value), let date = TimestampParser.unixSeconds(n.doubleValue) {
            return date
        }
        findings.append(Finding(.badTimestamp, at: location,
                                "\(object.pathDescription).\(key): cannot read \(describeValue(value)) as a timestamp; the comment is kept without one"))
        return nil
    }

    /// The value itself for short strings and numbers, else its type.
    static func describeValue(_ value: Any) -> String {
        if let s = value as? String { return s.count <= 40 ? "\"\(s)\"" : "a \(s.count)-character string" }
        if let n = number(value) { return n.stringValue }
        return describe(value)
    }
}

// MARK: - Text

extension JSONSupport {
    /// An author name by the conventions: entity-decoded and trimmed; `[deleted]`, `null`
    /// and absence give the empty string.
    static func author(_ raw: String?) -> String {
        guard let raw else { return "" }
        let name = HTMLText.decodeEntities(raw).trimmed
        return name == "[deleted]" ? "" : name
    }

    /// Plain text of an HTML body and the raw body when it differs.
    static func htmlBody(_ raw: String?) -> (text: String, raw: String?) {
        guard let raw, !raw.isEmpty else { return ("", nil) }
        let text = HTMLText.plainText(raw)
        return (text, text == raw ? nil : raw)
    }

    /// The first line of `text`, cut at about `limit` characters, for titles.
    static func titleSnippet(_ text: String, limit: Int = 80) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        guard line.count > limit else { return line }
        return String(line.prefix(limit)).trimmingCharacters(in: .whitespaces) + "…"
    }
}
