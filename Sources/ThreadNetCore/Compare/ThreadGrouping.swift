import Foundation

/// Ways to split compared threads into groups (``GroupComparison``) other than naming each
/// group's inputs: by the month a thread started, or by a list that assigns thread ids to
/// groups.
public enum ThreadGrouping {
    /// The month a thread started, `YYYY-MM` in UTC: the month of its post's time, else of its
    /// earliest comment time; nil when neither has a time.
    public static func month(_ t: ThreadAnalysis) -> String? {
        guard let start = t.thread.root.timestamp ?? t.comments.lazy.compactMap(\.timestamp).min() else { return nil }
        let c = calendar.dateComponents([.year, .month], from: start)
        guard let y = c.year, let m = c.month else { return nil }
        return String(format: "%04d-%02d", y, m)
    }

    /// The group name of threads without a time under ``month(_:)``.
    public static let undated = "undated"

    /// Groups by ``month(_:)``, in month order, threads without a time last as ``undated``.
    ///
    /// - Complexity: O(*c* + *t* log *t*) for *c* comments and *t* threads.
    public static func byMonth(_ threads: [ThreadAnalysis]) -> [GroupComparison.Group] {
        var members: [String: [Int]] = [:]
        for (k, t) in threads.enumerated() { members[month(t) ?? undated, default: []].append(k) }
        return members.keys.sorted { ($0 == undated ? 1 : 0, $0) < ($1 == undated ? 1 : 0, $1) }
            .map { GroupComparison.Group(name: $0, threads: members[$0]!) }
    }

    /// A list's problem, with the line it is on.
    public struct ListError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Reads a grouping list: CSV lines `thread,group` (a first line `thread,group` is a
    /// header; blank lines and lines starting with `#` are skipped; fields may be quoted as in
    /// RFC 4180). Thread ids match with or without Reddit's `t3_` prefix.
    ///
    /// - Returns: thread id (without `t3_`) → group name, and the groups in first-seen order.
    /// - Throws: ``ListError`` naming the file and line of a line without two fields, an empty
    ///   field, or a thread listed twice.
    public static func parseList(_ text: String, file: String) throws -> (assignment: [String: String], order: [String]) {
        var assignment: [String: String] = [:]
        var order: [String] = []
        var seen = Set<String>()
        for (n, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = csvFields(line).map { $0.trimmingCharacters(in: .whitespaces) }
            if n == 0, fields.map({ $0.lowercased() }) == ["thread", "group"] { continue }
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw ListError(description: "\(file):\(n + 1): expected two fields, thread,group, got \(fields.count == 2 ? "an empty field" : "\(fields.count) field\(fields.count == 1 ? "" : "s")")")
            }
            let id = bare(fields[0])
            if assignment[id] != nil {
                throw ListError(description: "\(file):\(n + 1): thread \(fields[0]) is listed twice")
            }
            assignment[id] = fields[1]
            if seen.insert(fields[1]).inserted { order.append(fields[1]) }
        }
        if assignment.isEmpty { throw ListError(description: "\(file): no thread,group lines") }
        return (assignment, order)
    }

    /// Groups by a list from ``parseList(_:file:)``, in the list's group order; threads the
    /// list does not name are left out (their indices returned).
    public static func byList(_ threads: [ThreadAnalysis], assignment: [String: String], order: [String]) -> (groups: [GroupComparison.Group], unlisted: [Int]) {
        var members: [String: [Int]] = [:]
        var unlisted: [Int] = []
        for (k, t) in threads.enumerated() {
            if let g = assignment[bare(t.thread.id)] { members[g, default: []].append(k) } else { unlisted.append(k) }
        }
        return (order.compactMap { g in members[g].map { GroupComparison.Group(name: g, threads: $0) } }, unlisted)
    }

    /// A thread id without Reddit's `t3_` prefix.
    static func bare(_ id: String) -> String { id.hasPrefix("t3_") ? String(id.dropFirst(3)) : id }

    /// The fields of one CSV line (quotes as RFC 4180; no line breaks inside fields).
    static func csvFields(_ line: Substring) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let following = chars.next()
                    if following == "\"" { field.append("\"") } else { quoted = false; pending = following }
                } else { field.append(c) }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()
}
