import CSV
import Foundation

/// Reads a generic CSV of comments: a header row, then one comment per row.
///
/// - Columns are mapped by name (see ``ColumnMapping``): the names given with `--id`,
///   `--parent`, `--author`, `--time`, `--text`, `--thread`, else the usual header names
///   (`id`, `comment_id`, `parent_id`, `parent`, `author`, `by`, `time`, `created_utc`, `text`,
///   `body`, …), case-insensitively. Only the id column is required; without a parent column
///   every comment is top level, without a thread column the file is one thread named after
///   the file (or `--title`).
/// - Hacker News item CSVs (`id,by,time,parent,text,kids,deleted`) read as they are: `deleted`
///   `True` marks a deleted comment with no author, a `dead` column marks removed ones, and the
///   HTML text is turned into plain text.
/// - An empty parent, `0`, the thread's own id or a Reddit post id (`t3_…`) means top level;
///   `t1_x` means `x`. Ids written as floats by spreadsheets (`123.0`) are read as `123`.
/// - RFC 4180 quoting, with line breaks inside quoted fields and `""` for a quote, is parsed
///   by CSV.swift record by record; this importer counts lines itself so that every finding
///   names the line where its record starts. A quote never closed is an error naming the line
///   where it opened. A row whose field count differs from the header's is skipped with a
///   `.malformedRecord` finding. Invalid UTF-8 is an error naming line and column.
/// - Threads (with a thread column) are sorted by id, numerically when ids are numbers;
///   comments keep file order.
///
/// Lines ending in a lone CR (classic Mac OS) are not supported.
public struct CSVImporter: ThreadImporter {
    public init() {}

    public var format: InputFormat { .csv }

    /// Yes when the first line is a comma-separated header of short names (at least two) that
    /// includes an id-like column (`id`, `comment_id`, … or a name ending in `id`).
    public func detect(head: [UInt8], fileName: String) -> Bool {
        var body = head[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        while let first = body.first, first == 0x0A || first == 0x0D || first == 0x20 { body = body.dropFirst() }
        guard let end = body.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? (head.count < 64 * 1024 ? body.endIndex : nil),
              let line = String(validating: body[body.startIndex..<end], as: UTF8.self) else { return false }
        guard let first = line.first, !"{[<".contains(first) else { return false }
        let names = line.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        guard names.count >= 2 else { return false }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_-. "))
        for name in names where name.count > 64 || name.unicodeScalars.contains(where: { !allowed.contains($0) }) {
            return false
        }
        return names.contains { name in
            let lower = name.lowercased()
            if ColumnMapping.Defaults.id.contains(lower) { return true }
            // `video_id`, `commentId`, `tweet-id`: one token ending in "id".
            return lower.hasSuffix("id") && lower.count <= 24 && !lower.contains(" ")
                && (lower.hasSuffix("_id") || lower.hasSuffix("-id") || name.hasSuffix("Id") || name.hasSuffix("ID"))
        }
    }

    public func read(_ input: InputSource, options: ImportOptions) throws(ImportError) -> Corpus {
        let name = input.name
        let (source, encodingFindings) = try TextDecoding.textSource(try input.open(), name: name)
        var scanner = CSVRecordScanner(source, name: name, limits: input.limits)
        guard let headerRecord = try scanner.next() else {
            throw ImportError(.empty, at: SourceLocation(file: name), "the file is empty (expected a header row, then one comment per row)")
        }
        let header = try Self.fields(of: headerRecord, name: name).map { $0.trimmingCharacters(in: .whitespaces) }
        let headerLocation = SourceLocation(file: name, line: headerRecord.line)
        var names = FlatFieldNames(mapping: options.columns)
        names.resolve(available: header)
        let missing = names.missingExplicit(available: header)
        if !missing.isEmpty {
            throw FlatFieldNames.missingError(file: name, what: "column", missing: missing, found: header, at: headerLocation)
        }
        guard names[.id] != nil else {
            throw FlatFieldNames.noIDError(file: name, what: "column", found: header, at: headerLocation)
        }
        var index: [String: Int] = [:]
        for (i, column) in header.enumerated() where index[column] == nil { index[column] = i }
        func column(_ name: String?) -> Int? { name.flatMap { index[$0] } }
        let idColumn = column(names[.id]), parentColumn = column(names[.parent]), authorColumn = column(names[.author])
        let timeColumn = column(names[.time]), textColumn = column(names[.text]), threadColumn = column(names[.thread])
        let deletedColumn = column(names.deleted), deadColumn = column(names.dead), scoreColumn = column(names[.score])

        var collector = FlatThreadCollector(input: input, options: options, format: .csv)
        if names[.parent] == nil {
            collector.fileFindings.append(Finding(.note, at: headerLocation,
                                                  "no parent column (tried \(ColumnMapping.Defaults.parent.joined(separator: ", "))): every comment is top level; name it with --parent"))
        }
        var rows = 0
        while let record = try scanner.next() {
            rows += 1
            let location = SourceLocation(file: name, line: record.line, record: rows)
            let fields = try Self.fields(of: record, name: name)
            guard fields.count == header.count else {
                collector.skip(location, "row \(rows) (line \(record.line)) has \(fields.count) field(s), the header has \(header.count)")
                continue
            }
            func value(_ i: Int?) -> String? { i.map { fields[$0] } }
            let flat = FlatRecord(id: value(idColumn), parent: value(parentColumn), author: value(authorColumn),
                                  time: value(timeColumn), text: value(textColumn), thread: value(threadColumn),
                                  deleted: JSONValues.bool(value(deletedColumn)), dead: JSONValues.bool(value(deadColumn)),
                                  score: value(scoreColumn))
            collector.add(flat, at: location, describe: "row \(rows) (line \(record.line))")
        }
        guard collector.kept > 0 else {
            if let bad = collector.firstBad {
                throw ImportError(.malformed, at: bad.location, "no readable row: \(bad.reason)")
            }
            throw ImportError(.empty, at: headerLocation, "the file has a header but no rows (expected one comment per row)")
        }
        var corpus = collector.corpus(hasThreadField: threadColumn != nil)
        corpus.findings = encodingFindings + corpus.findings
        return corpus
    }

    /// The fields of one record, parsed by CSV.swift.
    static func fields(of record: CSVRecordScanner.Record, name: String) throws(ImportError) -> [String] {
        let text = try TextDecoding.decodeLine(record.bytes, name: name, line: record.line)
        do {
            let reader = try CSVReader(string: text, hasHeaderRow: false)
            return reader.next() ?? [""]
        } catch {
            throw ImportError(.malformed, at: SourceLocation(file: name, line: record.line), "cannot parse the CSV record: \(error)")
        }
    }
}
