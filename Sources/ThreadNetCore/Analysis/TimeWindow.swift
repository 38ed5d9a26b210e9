import Foundation

/// A window of time (`--since`, `--until`): only comments whose time falls in it are analyzed.
///
/// The window is half-open, `since` ≤ time < `until`, so consecutive windows (`..D` and
/// `D..`) split a thread without overlap. A bound written as a date (`2020-01-02`) is that
/// day's midnight; one without a zone is UTC. Comments without a time are left out whenever
/// a bound is set. A comment whose parent is left out is attached to its nearest ancestor in
/// the window, or to the root post, as the inclusion rule does; everything left out is
/// counted in a finding per thread.
public struct TimeWindow: Hashable, Sendable {
    /// The first instant kept; `nil` for no lower bound.
    public var since: Date?
    /// The first instant no longer kept; `nil` for no upper bound.
    public var until: Date?

    public init(since: Date? = nil, until: Date? = nil) {
        self.since = since
        self.until = until
    }

    /// Whether the window keeps every comment (no bound set).
    public var isUnbounded: Bool { since == nil && until == nil }

    /// Whether `time` falls in the window.
    public func contains(_ time: Date) -> Bool {
        (since.map { time >= $0 } ?? true) && (until.map { time < $0 } ?? true)
    }

    /// A bound as written on the command line: an ISO 8601 date (`2020-01-02`) or date and
    /// time (`2020-01-02T10:00`, `2020-01-02 10:00:00+02:00`); no zone means UTC.
    public static func bound(_ text: String) -> Date? {
        TimestampParser.iso8601(text.trimmed)
    }

    /// `SINCE..UNTIL` with either side empty (`2020-01-01..`, `..2020-01-02`); `nil` when
    /// the text is not of that form.
    public init?(range text: String) {
        guard let dots = text.range(of: "..") else { return nil }
        let a = String(text[..<dots.lowerBound]), b = String(text[dots.upperBound...])
        guard !(a.isEmpty && b.isEmpty) else { return nil }
        var window = TimeWindow()
        if !a.isEmpty { guard let d = Self.bound(a) else { return nil }; window.since = d }
        if !b.isEmpty { guard let d = Self.bound(b) else { return nil }; window.until = d }
        self = window
    }

    /// The window as the report's provenance lists it.
    public var descriptions: [String] {
        (since.map { ["--since \($0.iso8601UTC)"] } ?? []) + (until.map { ["--until \($0.iso8601UTC)"] } ?? [])
    }

    /// `corpus` with only the comments in the window; threads left with none are counted as
    /// empty. Each thread that lost comments gets an `.excluded` finding counting them (before
    /// the window, after it, without a time) and a note for the replies re-attached.
    ///
    /// - Complexity: O(*n*) expected for *n* comments.
    public func apply(to corpus: Corpus) -> Corpus {
        guard !isUnbounded else { return corpus }
        var out = corpus
        out.threads = []
        for var thread in corpus.threads {
            var before = 0, after = 0, untimed = 0
            var dropped: [String: String?] = [:]
            var kept: [Comment] = []
            kept.reserveCapacity(thread.comments.count)
            var first: SourceLocation?
            for c in thread.comments {
                if let t = c.timestamp, contains(t) {
                    kept.append(c)
                    continue
                }
                if let t = c.timestamp { if let since, t < since { before += 1 } else { after += 1 } } else { untimed += 1 }
                dropped[c.id] = c.parentID
                first = first ?? c.location
            }
            guard !dropped.isEmpty else { out.threads.append(thread); continue }
            var reattached = 0
            for i in kept.indices {
                guard let pid = kept[i].parentID, dropped[pid] != nil else { continue }
                kept[i].parentID = Comment.nearestKept(pid, leftOut: dropped)
                reattached += 1
            }
            var parts: [String] = []
            if before > 0, let since { parts.append("\(before) before \(since.iso8601UTC)") }
            if after > 0, let until { parts.append("\(after) at or after \(until.iso8601UTC)") }
            if untimed > 0 { parts.append("\(untimed) without a time") }
            let left = before + after + untimed
            thread.findings.append(Finding(.excluded, at: first ?? SourceLocation(file: ""),
                "\(left) comment\(left == 1 ? "" : "s") left out by the time window (\(descriptions.joined(separator: " "))): \(parts.joined(separator: ", "))"))
            if reattached > 0 {
                thread.findings.append(Finding(.note, at: first ?? SourceLocation(file: ""),
                    "\(reattached) comment\(reattached == 1 ? " replies" : "s reply") to a comment outside the time window; attached to the nearest ancestor inside it, or to the root post"))
            }
            thread.comments = kept
            if kept.isEmpty { out.emptyThreadCount += 1 } else { out.threads.append(thread) }
        }
        return out
    }
}
