/// Where in an input something was found: a file and, when known, a line or a record number.
///
/// Lines and records are 1-based. A text format reports lines; a record-oriented format
/// (one JSON object per line, one CSV row, one XML element) reports the record number and,
/// where the parser knows it, the line too.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The input's file name as the user gave it (not a full path unless they gave one).
    public var file: String
    /// 1-based line number, when known.
    public var line: Int?
    /// 1-based record number (JSON object, CSV row, XML element), when known.
    public var record: Int?

    public init(file: String, line: Int? = nil, record: Int? = nil) {
        self.file = file
        self.line = line
        self.record = record
    }

    /// `file:line`, `file: record N` or `file`.
    public var description: String {
        if let line { return record.map { "\(file):\(line) (record \($0))" } ?? "\(file):\(line)" }
        if let record { return "\(file): record \(record)" }
        return file
    }

    /// The location with the file's last path component only (`thread.json`, never
    /// `/home/…/thread.json`): what report.md and metrics.json show, so the same input gives
    /// the same report whether it was named by a relative or an absolute path (the
    /// provenance's input name is the same base name). Errors on the terminal keep the path
    /// as given.
    public var reported: SourceLocation {
        guard let slash = file.lastIndex(of: "/") else { return self }
        var copy = self
        copy.file = String(file[file.index(after: slash)...])
        return copy
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line ?? 0, a.record ?? 0) < (b.file, b.line ?? 0, b.record ?? 0)
    }
}
