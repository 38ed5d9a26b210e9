import Foundation

/// Reads generic JSON comments: a JSON array of flat comment objects, or NDJSON (one object
/// per line), with fields mapped by name like the CSV importer (see ``ColumnMapping`` and
/// ``CSVImporter``): `--id`, `--parent`, `--author`, `--time`, `--text`, `--thread`, else the
/// usual names (`id`, `parent_id`, `in_reply_to_id`, `author`, `username`, `created_at`,
/// `text`, `content`, `thread_id`, …), case-insensitively.
///
/// - Values may be strings or numbers (`"123"` and `123` are the same id); `null` parents,
///   `0`, the thread id and `t3_…` are top level; `deleted: true` (HN) marks a deleted comment
///   with no author, `dead: true` a removed one; an author given as an object is read from its
///   `name`, `username`, `display_name` or `login`; text is turned from HTML into plain text.
/// - Field names are resolved from the objects as they come (an optional field such as the
///   parent may be absent from the first objects).
/// - An element or line that is not an object, or has no id, is skipped with a
///   `.malformedRecord` finding; if nothing is readable the import fails naming the first bad
///   record. A whole-file object holding exactly one array of objects (`{"comments": […]}`)
///   is read as that array.
/// - NDJSON is read line by line; an array is parsed whole.
///
/// **Detection priority: last.** Many specific formats are also "JSON objects with an id and
/// a parent" (Hacker News Firebase items, Pushshift lines, Mastodon statuses). ``detect(head:fileName:)``
/// refuses their telltale shapes, but the format registry must still try this importer only
/// after every more specific one (``detectionPriority`` is the lowest).
public struct GenericJSONImporter: ThreadImporter {
    public init() {}

    public var format: InputFormat { .json }

    /// Lower runs later: this importer is a fallback and must be tried after the specific
    /// JSON importers.
    public static let detectionPriority = -100

    /// Keys that mark another format's objects: Reddit/YouTube `kind`, nested trees
    /// (`children`, `replies`), HN Firebase `kids`, Discourse `post_number`, Mastodon
    /// `account`, YouTube `snippet`.
    static let foreignKeys: Set<String> = ["kind", "children", "replies", "kids", "post_number", "account", "snippet"]

    /// Yes for a JSON array whose first element is a flat object with an id-like and a
    /// parent-like key, or NDJSON whose first lines are flat objects with an id-like key, one
    /// of them with a parent-like key; no for shapes of the specific formats.
    public func detect(head: [UInt8], fileName: String) -> Bool {
        var body = head[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let start = body.firstIndex(where: { !Self.isSpace($0) }) else { return false }
        if body[start] == UInt8(ascii: "[") {
            var objects: [[String: Any]] = []
            var index = body.index(after: start)
            while objects.count < 3, let (object, next) = Self.nextArrayElement(body, from: index) {
                guard let object else { return false }
                objects.append(object)
                index = next
            }
            return Self.looksGeneric(objects)
        }
        guard body[start] == UInt8(ascii: "{") else { return false }
        let lastIsCut = head.count >= 64 * 1024 && head.last != 0x0A
        let lines = body[start...].split(separator: 0x0A).filter { !$0.allSatisfy(Self.isSpace) }
        var objects: [[String: Any]] = []
        for (i, line) in lines.prefix(8).enumerated() {
            if i == lines.count - 1 && lastIsCut && i > 0 { break }
            guard case .success(let value) = JSONValues.parse(Array(line)), let object = value as? [String: Any] else {
                if i == 0 { return false }
                continue
            }
            objects.append(object)
        }
        return Self.looksGeneric(objects)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Whether sampled objects are flat comments with an id and (somewhere) a parent, and
    /// show none of the specific formats' shapes.
    static func looksGeneric(_ objects: [[String: Any]]) -> Bool {
        guard !objects.isEmpty else { return false }
        let idNames = Set(ColumnMapping.Defaults.id), parentNames = Set(ColumnMapping.Defaults.parent)
        var sawParent = false
        for object in objects {
            let keys = Set(object.keys.map { $0.lowercased() })
            guard keys.isDisjoint(with: foreignKeys), !keys.isDisjoint(with: idNames) else { return false }
            if keys.contains("link_id") && keys.contains("parent_id") { return false }  // Pushshift
            if keys.contains("by") && keys.contains("type") { return false }             // HN Firebase
            if !keys.isDisjoint(with: parentNames) { sawParent = true }
        }
        return sawParent
    }

    /// The next element of a JSON array in `bytes` from `index`: `(object or nil if the element
    /// is not an object, index after it)`, or `nil` at the end of the array or of the head.
    static func nextArrayElement(_ bytes: ArraySlice<UInt8>, from index: Int) -> ([String: Any]?, Int)? {
        var i = index
        while i < bytes.endIndex, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: ",") { i += 1 }
        guard i < bytes.endIndex, bytes[i] != UInt8(ascii: "]") else { return nil }
        guard bytes[i] == UInt8(ascii: "{") else { return (nil, i + 1) }
        var depth = 0, inString = false, escaped = false
        var j = i
        while j < bytes.endIndex {
            let b = bytes[j]
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                depth += 1
            } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 {
                    guard case .success(let value) = JSONValues.parse(Array(bytes[i...j])) else { return (nil, j + 1) }
                    return (value as? [String: Any], j + 1)
                }
            }
            j += 1
        }
        return nil  // the element runs past the head
    }

    public func read(_ input: InputSource, options: ImportOptions) throws(ImportError) -> Corpus {
        let name = input.name
        var (source, encodingFindings) = try TextDecoding.textSource(try input.open(), name: name)
        var reader = GenericJSONRecords(input: input, options: options)
        switch try Self.shape(of: source) {
        case .empty:
            throw ImportError(.empty, at: SourceLocation(file: name), "the file is empty (expected a JSON array of comment objects or one object per line)")
        case .other(let byte):
            throw ImportError(.malformed, at: SourceLocation(file: name, line: 1),
                              "expected a JSON array of comment objects or one JSON object per line; the file starts with \"\(String(decoding: [byte], as: UTF8.self))\"")
        case .array:
            (source, encodingFindings) = try TextDecoding.textSource(try input.open(), name: name)
            try reader.readArray(try source.readToEnd())
        case .lines:
            (source, encodingFindings) = try TextDecoding.textSource(try input.open(), name: name)
            try reader.readLines(source)
        case .multilineObject:
            // One object spread over many lines: a wrapper holding the array, or not ours.
            if let array = try Self.singleArray(in: input, name: name) {
                try reader.readArray(array)
            } else {
                (source, encodingFindings) = try TextDecoding.textSource(try input.open(), name: name)
                try reader.readLines(source)
            }
        }
        var corpus = try reader.finish()
        corpus.findings = encodingFindings + corpus.findings
        return corpus
    }

    enum Shape { case empty, array, lines, multilineObject, other(UInt8) }

    /// Looks at the first non-blank line: `[` is an array, a complete object is NDJSON, an
    /// incomplete `{` is one object over many lines.
    static func shape(of source: ByteSource) throws(ImportError) -> Shape {
        let lines = LineReader(source)
        while let line = try lines.next() {
            guard let first = line.bytes.first(where: { !isSpace($0) }) else { continue }
            if first == UInt8(ascii: "[") { return .array }
            guard first == UInt8(ascii: "{") else { return .other(first) }
            if case .success(let value) = JSONValues.parse(line.bytes), value is [String: Any] { return .lines }
            return .multilineObject
        }
        return .empty
    }

    /// When the whole file is one JSON object with exactly one array-of-objects value, that
    /// array (re-serialized); else `nil`.
    static func singleArray(in input: InputSource, name: String) throws(ImportError) -> [UInt8]? {
        let bytes = try TextDecoding.textSource(try input.open(), name: name).source.readToEnd()
        guard case .success(let value) = JSONValues.parse(bytes), let object = value as? [String: Any] else { return nil }
        let arrays = object.filter { ($0.value as? [Any])?.first is [String: Any] }
        guard arrays.count == 1, let array = arrays.first?.value,
              let data = try? JSONSerialization.data(withJSONObject: array) else { return nil }
        return Array(data)
    }
}
