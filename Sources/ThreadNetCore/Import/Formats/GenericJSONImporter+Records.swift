import Foundation

/// The record loop of ``GenericJSONImporter``: objects to flat records, field names resolved
/// as objects come.
struct GenericJSONRecords {
    let name: String
    let limits: InputLimits
    var names: FlatFieldNames
    var collector: FlatThreadCollector
    var keysSeen: Set<String> = []
    var records = 0
    var sawThreadField = false

    init(input: InputSource, options: ImportOptions) {
        name = input.name
        limits = input.limits
        names = FlatFieldNames(mapping: options.columns)
        collector = FlatThreadCollector(input: input, options: options, format: .json)
    }

    /// A whole JSON array.
    mutating func readArray(_ bytes: [UInt8]) throws(ImportError) {
        let value: Any
        switch JSONValues.parse(bytes) {
        case .success(let v): value = v
        case .failure(let reason):
            throw ImportError(.malformed, at: SourceLocation(file: name), "the JSON array cannot be parsed: \(reason.text)")
        }
        guard let array = value as? [Any] else {
            throw ImportError(.malformed, at: SourceLocation(file: name), "expected a JSON array of comment objects; found \(JSONValues.describe(value))")
        }
        for element in array {
            records += 1
            let location = SourceLocation(file: name, record: records)
            guard let object = element as? [String: Any] else {
                collector.skip(location, "element \(records) is not an object (\(JSONValues.describe(element)))")
                continue
            }
            take(object, at: location, describe: "element \(records)")
        }
    }

    /// NDJSON, line by line.
    mutating func readLines(_ source: ByteSource) throws(ImportError) {
        let lines = LineReader(source, name: name, limits: limits)
        while let line = try lines.next() {
            if line.isBlank { continue }
            records += 1
            let location = SourceLocation(file: name, line: line.number, record: records)
            switch JSONValues.parse(line.bytes) {
            case .failure(let reason):
                collector.skip(location, "line \(line.number): \(reason.text)")
            case .success(let value):
                guard let object = value as? [String: Any] else {
                    collector.skip(location, "line \(line.number) is not a JSON object (\(JSONValues.describe(value)))")
                    continue
                }
                take(object, at: location, describe: "line \(line.number)")
            }
        }
    }

    mutating func take(_ object: [String: Any], at location: SourceLocation, describe: String) {
        if !names.isComplete {
            let fresh = object.keys.filter { !keysSeen.contains($0) }
            if !fresh.isEmpty {
                keysSeen.formUnion(fresh)
                names.resolve(available: object.keys.sorted())
            }
        }
        func value(_ key: String?) -> Any? { key.flatMap { object[$0] } }
        if names[.thread] != nil { sawThreadField = true }
        let record = FlatRecord(
            id: JSONValues.string(value(names[.id])),
            parent: JSONValues.string(value(names[.parent])),
            author: Self.author(value(names[.author])),
            time: value(names[.time]),
            text: JSONValues.string(value(names[.text])),
            thread: JSONValues.string(value(names[.thread])),
            deleted: JSONValues.bool(value(names.deleted)),
            dead: JSONValues.bool(value(names.dead)),
            score: JSONValues.string(value(names[.score])))
        collector.add(record, at: location, describe: describe)
    }

    /// An author given as text, or as an object with a name.
    static func author(_ value: Any?) -> String? {
        if let object = value as? [String: Any] {
            for key in ["name", "username", "display_name", "login", "acct"] {
                if let name = JSONValues.string(object[key]), !name.isEmpty { return name }
            }
            return nil
        }
        return JSONValues.string(value)
    }

    func finish() throws(ImportError) -> Corpus {
        let found = keysSeen.sorted()
        let missing = names.missingExplicit(available: found)
        if collector.kept == 0 {
            if records > 0, !found.isEmpty {
                if !missing.isEmpty { throw FlatFieldNames.missingError(file: name, what: "field", missing: missing, found: found) }
                if names[.id] == nil { throw FlatFieldNames.noIDError(file: name, what: "field", found: found) }
            }
            if let bad = collector.firstBad {
                throw ImportError(.malformed, at: bad.location, "no readable comment object: \(bad.reason) (expected a JSON array of comment objects or one JSON object per line)")
            }
            throw ImportError(.empty, at: SourceLocation(file: name), "no comments (expected a JSON array of comment objects or one object per line)")
        }
        var corpus = collector.corpus(hasThreadField: sawThreadField)
        if !missing.isEmpty {
            let list = missing.map { "\($0.0.option) \"\($0.1)\"" }.joined(separator: ", ")
            corpus.findings.insert(Finding(.note, at: SourceLocation(file: name), "\(list) not found in any object; fields found: \(found.joined(separator: ", "))"), at: 0)
        }
        if names[.parent] == nil {
            corpus.findings.insert(Finding(.note, at: SourceLocation(file: name), "no parent field (tried \(ColumnMapping.Defaults.parent.joined(separator: ", "))): every comment is top level; name it with --parent"), at: 0)
        }
        return corpus
    }
}
