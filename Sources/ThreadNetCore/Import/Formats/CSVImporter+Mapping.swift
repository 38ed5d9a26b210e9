import Foundation

/// Which column (CSV) or field (JSON) holds what, for the generic CSV and JSON importers.
///
/// A field named in ``ColumnMapping`` (`--id`, `--parent`, `--author`, `--time`, `--text`,
/// `--thread`, `--score`) is looked up by that name; otherwise the first of ``ColumnMapping/Defaults``
/// present is used. Names compare case-insensitively; a column is used for one field only.
/// Besides, columns `deleted` (HN: `True` marks a deleted comment) and `dead` (HN: removed) are
/// read when present.
struct FlatFieldNames {
    enum Field: String, CaseIterable {
        case id, parent, author, time, text, thread, score
        var option: String { "--\(rawValue)" }
        var defaults: [String] {
            switch self {
            case .id: ColumnMapping.Defaults.id
            case .parent: ColumnMapping.Defaults.parent
            case .author: ColumnMapping.Defaults.author
            case .time: ColumnMapping.Defaults.time
            case .text: ColumnMapping.Defaults.text
            case .thread: ColumnMapping.Defaults.thread
            case .score: ColumnMapping.Defaults.score
            }
        }
        func explicit(in mapping: ColumnMapping) -> String? {
            let name: String? = switch self {
            case .id: mapping.id
            case .parent: mapping.parent
            case .author: mapping.author
            case .time: mapping.time
            case .text: mapping.text
            case .thread: mapping.thread
            case .score: mapping.score
            }
            guard let name, !JSONValues.trim(name).isEmpty else { return nil }
            return JSONValues.trim(name)
        }
    }

    let mapping: ColumnMapping
    /// Field → the name as the source spells it.
    private(set) var resolved: [Field: String] = [:]
    private(set) var deleted: String?
    private(set) var dead: String?

    init(mapping: ColumnMapping) { self.mapping = mapping }

    subscript(field: Field) -> String? { resolved[field] }

    var isComplete: Bool { resolved.count == Field.allCases.count && deleted != nil && dead != nil }

    /// Resolves the fields not resolved yet against `available` names (in source order).
    mutating func resolve(available: [String]) {
        guard !isComplete else { return }
        var byLower: [String: String] = [:]
        for name in available where byLower[name.lowercased()] == nil { byLower[name.lowercased()] = name }
        var used = Set(resolved.values.map { $0.lowercased() })
        // Explicit names first, so that defaults never take a column the user named.
        for field in Field.allCases where resolved[field] == nil {
            guard let wanted = field.explicit(in: mapping) else { continue }
            if let actual = byLower[wanted.lowercased()] {
                resolved[field] = actual
                used.insert(actual.lowercased())
            }
        }
        let explicitNames = Set(Field.allCases.compactMap { $0.explicit(in: mapping)?.lowercased() })
        for field in Field.allCases where resolved[field] == nil && field.explicit(in: mapping) == nil {
            for candidate in field.defaults {
                let lower = candidate.lowercased()
                if let actual = byLower[lower], !used.contains(lower), !explicitNames.contains(lower) {
                    resolved[field] = actual
                    used.insert(lower)
                    break
                }
            }
        }
        if deleted == nil, let actual = byLower["deleted"], !used.contains("deleted") { deleted = actual }
        if dead == nil, let actual = byLower["dead"], !used.contains("dead") { dead = actual }
    }

    /// Options given explicitly whose names are not among `available`.
    func missingExplicit(available: [String]) -> [(Field, String)] {
        let lower = Set(available.map { $0.lowercased() })
        return Field.allCases.compactMap { field in
            guard let name = field.explicit(in: mapping), !lower.contains(name.lowercased()) else { return nil }
            return (field, name)
        }
    }

    /// The error for an input with no id column or field.
    static func noIDError(file: String, what: String, found: [String], at location: SourceLocation? = nil) -> ImportError {
        let list = found.isEmpty ? "none" : found.map { "\"\($0)\"" }.joined(separator: ", ")
        return ImportError(.malformed, at: location ?? SourceLocation(file: file),
                           "no id \(what): expected one named \(ColumnMapping.Defaults.id.joined(separator: ", ")); \(what)s found: \(list). Name the \(what)s with --id (and --parent, --author, --time, --text, --thread as needed)")
    }

    /// The error for an explicitly named column or field that is not there.
    static func missingError(file: String, what: String, missing: [(Field, String)], found: [String], at location: SourceLocation? = nil) -> ImportError {
        let named = missing.map { "\($0.0.option) \"\($0.1)\"" }.joined(separator: ", ")
        let list = found.isEmpty ? "none" : found.map { "\"\($0)\"" }.joined(separator: ", ")
        return ImportError(.malformed, at: location ?? SourceLocation(file: file),
                           "\(named) not found; \(what)s found: \(list)")
    }
}

/// One flat record (a CSV row, a JSON object) with its values looked up by role.
struct FlatRecord {
    var id: String?
    var parent: String?
    var author: String?
    var time: Any?
    var text: String?
    var thread: String?
    var deleted = false
    var dead = false
    /// The score column's value, as written.
    var score: String?
}

/// Gathers flat records into threads, applying the importer conventions: parents that mean
/// "top level", author and text clean-up, deleted flags, timestamps.
struct FlatThreadCollector {
    struct Parts {
        var comments: [Comment] = []
        var findings: [Finding] = []
    }

    let file: String
    /// The thread id (and title) used when there is no thread column: the file's base name.
    let defaultThreadID: String
    let title: String?
    let format: InputFormat
    var threads: [String: Parts] = [:]
    var fileFindings: [Finding] = []
    var kept = 0
    var firstBad: (location: SourceLocation, reason: String)?

    /// How to read dates, and what was read without a zone or in an ambiguous order.
    let reading: TimestampParser.Reading
    var zoneless = 0
    var ambiguous: [Int] = []

    init(input: InputSource, options: ImportOptions, format: InputFormat) {
        reading = options.reading
        file = input.name
        defaultThreadID = input.baseName
        title = options.title
        self.format = format
    }

    mutating func skip(_ location: SourceLocation, _ reason: String) {
        if firstBad == nil { firstBad = (location, reason) }
        fileFindings.append(Finding(.malformedRecord, at: location, "\(reason); skipped"))
    }

    /// Ids written by spreadsheets and pandas as floats (`123.0`) are read as integers.
    static func normalizedID(_ raw: String?) -> String? {
        guard var value = raw.map(JSONValues.trim), !value.isEmpty else { return nil }
        if value.hasSuffix(".0"), value.dropLast(2).allSatisfy(\.isASCII), !value.dropLast(2).isEmpty,
           value.dropLast(2).allSatisfy(\.isNumber) {
            value = String(value.dropLast(2))
        }
        if ["null", "none", "nan", "nil"].contains(value.lowercased()) { return nil }
        return value
    }

    mutating func add(_ record: FlatRecord, at location: SourceLocation, describe: String) {
        guard let id = Self.normalizedID(record.id) else {
            return skip(location, "\(describe) has no id")
        }
        let threadID = Self.normalizedID(record.thread) ?? defaultThreadID
        var parentID = Self.normalizedID(record.parent)
        if let parent = parentID {
            if parent == "0" || parent == threadID || parent.hasPrefix("t3_") || "t3_" + parent == threadID {
                parentID = nil
            } else if parent.hasPrefix("t1_"), !id.hasPrefix("t1_") {
                parentID = String(parent.dropFirst(3))
            }
        }
        var author = JSONValues.trim(HTMLText.decodeEntities(record.author ?? ""))
        if author == "[deleted]" { author = "" }
        var status: CommentStatus = []
        if record.deleted { status.insert(.deleted); author = "" }
        if record.dead { status.insert(.removed) }
        let raw = record.text ?? ""
        var text: String
        switch JSONValues.trim(raw) {
        case "[deleted]": status.insert(.deleted); text = ""
        case "[removed]": status.insert(.removed); text = ""
        default:
            text = raw.contains("<") || raw.contains("&") ? HTMLText.plainText(raw) : JSONValues.trim(raw)
        }
        let stamp = JSONValues.timestamp(record.time, reading: reading)
        if stamp.zoneless { zoneless += 1 }
        if stamp.ambiguousOrder { ambiguous.append(location.record ?? location.line ?? 0) }
        if stamp.date == nil, stamp.present {
            threads[threadID, default: Parts()].findings.append(Finding(.badTimestamp, at: location,
                                          "comment \(id): time \(JSONValues.describe(record.time)) is not a Unix time or ISO 8601 date; kept without a time"))
        }
        // Mutate in place: copying the parts out and back would copy the thread's comments.
        // An integer score (`12`, `12.0` as pandas writes it); anything else is no score.
        let score = record.score.map(JSONValues.trim).flatMap { Int($0) ?? Double($0).flatMap { $0 == $0.rounded() && abs($0) < 1e15 ? Int($0) : nil } }
        threads[threadID, default: Parts()].comments.append(
            Comment(id: id, parentID: parentID, author: author, timestamp: stamp.date, text: text,
                    rawText: text == raw ? nil : raw, status: status, location: location, score: score))
        kept += 1
    }

    /// Thread ids in order: numerically when both are integers, else by string.
    static func precedes(_ a: String, _ b: String) -> Bool {
        if let x = Int64(a), let y = Int64(b) { return x != y ? x < y : a < b }
        return a < b
    }

    func corpus(hasThreadField: Bool) -> Corpus {
        var result: [CommentThread] = []
        for key in threads.keys.sorted(by: Self.precedes) {
            guard let parts = threads[key], !parts.comments.isEmpty else { continue }
            let name = !hasThreadField || threads.count == 1 ? (title ?? key) : key
            result.append(CommentThread(id: key, title: name, root: RootPost(id: hasThreadField ? key : nil),
                                        comments: parts.comments, findings: parts.findings))
        }
        return Corpus(format: format, threads: result,
                      findings: fileFindings + TimeReading.findings(zoneless: zoneless, ambiguous: ambiguous, file: file, reading: reading, records: true))
    }
}
