import Foundation

/// The "Time" section of `report.md` (per thread) and `corpus.md` (pooled): the time metrics
/// of ``Metrics/timeScalars`` on a ``TimeProfile``, with durations in readable units.
enum TimeMarkdown {
    /// A duration in seconds as a reader takes it in: seconds below a minute, minutes below an
    /// hour, hours below two days, days beyond (3 significant digits; exact values are in
    /// metrics.json).
    static func duration(_ seconds: Double) -> String {
        let a = abs(seconds)
        let sign = seconds < 0 ? "−" : ""
        func g(_ x: Double) -> String { MarkdownReport.significant(x) }
        if a < 60 { return sign + g(a) + " s" }
        if a < 3600 { return sign + g(a / 60) + " min" }
        if a < 172_800 { return sign + g(a / 3600) + " h" }
        return sign + g(a / 86_400) + " d"
    }

    /// A time as `2015-08-18 14:00 UTC`.
    static func time(_ t: Double) -> String {
        let iso = Date(timeIntervalSince1970: t).iso8601UTC
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    /// The section body: the metric table, the times, and reply latency by depth.
    /// `chart` is the timeline drawn at `timeline` (the profile's own when `nil`).
    static func section(_ t: TimeProfile, title: String, level h: String, pooled: Bool, timeline: String? = nil, chart: TimeProfile.Timeline? = nil,
                        latency: String? = nil, into md: inout MarkdownText) {
        md.line("\(h) \(title)")
        md.blank()
        guard let first = t.firstComment, let last = t.lastComment else {
            md.line("No comment has a time, so there are no time measures.")
            md.blank()
            return
        }
        var intro = "\(t.timedComments) comments with a time, from \(time(first)) to \(time(last))"
        if t.untimedComments > 0 { intro += " (\(t.untimedComments) without a time are left out)" }
        if let post = t.postTime { intro += "; the post is from \(time(post))" }
        if let peak = t.peakHourStart { intro += "; the busiest hour began at \(time(peak))" }
        intro += pooled ? ". Every comment and reply of every thread pooled; times are UTC, durations exact in metrics.json." : ". Times are UTC; durations exact in metrics.json."
        md.line(intro)
        md.blank()
        md.table(["Measure", "Value", "Unit"], align: "|:---|---:|:---|", Metrics.timeScalars.compactMap { s in
            if pooled, s.definition.id == "timeToFirstComment" { return nil }
            let value = s.timeValue!(t)
            let shown = s.definition.unit == "seconds" ? value.map(duration) ?? "n/a" : MarkdownReport.format(value, s)
            return [Escaping.markdown(s.definition.name), shown, s.definition.unit == "seconds" ? "duration" : Escaping.markdown(s.definition.unit)]
        })
        md.blank()
        if let timeline, let tl = chart ?? t.timeline {
            md.line("![Comments over time, \(TimeMarkdown.duration(tl.binSeconds)) bins, stacked by depth](\(timeline))")
            md.blank()
        }
        if let latency, t.timedReplies > t.negativeLatencies {
            md.line("![Reply latency: the time from a comment to each direct reply, in bins from under a minute to over a week](\(latency))")
            md.blank()
        }
        if t.negativeLatencies > 0 {
            md.line("\(t.negativeLatencies) replies are timed before the comment they answer; they are left out of the latency figures.")
            md.blank()
        }
        if t.latencyByDepth.count > 1 {
            md.line("Reply latency by depth of the reply (2 = a reply to a top-level comment):")
            md.blank()
            let rows = t.latencyByDepth.prefix(12).map { ["\($0.depth)", "\($0.replies)", duration($0.median)] }
            md.table(["Depth", "Timed replies", "Median latency"], align: "|---:|---:|---:|", rows)
            if t.latencyByDepth.count > 12 { md.line("(\(t.latencyByDepth.count - 12) deeper levels in metrics.json.)") }
            md.blank()
        }
    }
}
