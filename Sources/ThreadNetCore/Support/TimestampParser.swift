import Foundation

/// Reads the timestamp forms found in comment exports and pasted comment sections.
///
/// Every result is a UTC instant. Forms without a zone (WordPress `comment_date`, pasted
/// `March 3, 2011 at 10:15 am`) are read in ``Reading/zone`` (UTC unless `--timezone` says
/// otherwise); the importers say so in a finding.
///
/// Accepted forms:
/// - ISO 8601 / RFC 3339: `2015-08-03T14:06:17Z`, `2022-11-07T10:11:12.345+01:00`,
///   `2014-12-10 01:56:24` (no zone: UTC);
/// - Unix seconds as an integer, a float or a string of either (`1251763200`, `1706745600.0`);
/// - pasted dates: `March 3, 2011 at 10:15 am`, `3 March 2011 at 10:15`, `2011-03-03 at 10:15`,
///   `03/03/2011 at 10:15 AM` (month first), `Posted March 3, 2011 at 10:15 am | Permalink`.
///
/// Relative forms (`3 years ago`) have no reference instant and return `nil`.
public enum TimestampParser {
    /// The order of day and month in an all-numeric date (`03/01/2024`).
    public enum DateOrder: String, Sendable, CaseIterable { case mdy, dmy }

    /// How to read forms that leave something open: the time zone of a time written without
    /// one (`--timezone`, default UTC) and the order of an all-numeric date (`--date-order`;
    /// by default month first with `/`, day first with `-` and `.`, as the US and most of
    /// Europe write them).
    public struct Reading: Hashable, Sendable {
        public var zone: TimeZone?
        public var order: DateOrder?
        public init(zone: TimeZone? = nil, order: DateOrder? = nil) {
            self.zone = zone
            self.order = order
        }
        /// UTC, and the order by separator.
        public static let standard = Reading()
    }

    /// A timestamp as read, with what the importers report about it.
    public struct Parsed: Sendable {
        /// The instant; `nil` when the text is no supported form.
        public var date: Date?
        /// Whether the text said its zone: Unix seconds, or ISO 8601 ending in `Z` or an offset.
        public var hasZone: Bool
        /// Whether it is an all-numeric date whose first two numbers could both be the month
        /// (`03/01/2024`: March 1 or 3 January), so the order matters.
        public var ambiguousOrder: Bool
    }

    /// Reads any supported absolute form, once, saying whether it had a zone and whether its
    /// day and month could be swapped.
    public static func read(_ text: String, reading: Reading = .standard) -> Parsed {
        let t = text.trimmed
        if t.isEmpty { return Parsed(date: nil, hasZone: false, ambiguousOrder: false) }
        if let unix = unixSeconds(t) { return Parsed(date: unix, hasZone: true, ambiguousOrder: false) }
        if let (date, zoned) = isoScan(t) { return Parsed(date: zoned ? date : inZone(date, reading.zone), hasZone: zoned, ambiguousOrder: false) }
        let human = humanScan(t, reading: reading)
        return Parsed(date: human.date, hasZone: false, ambiguousOrder: human.ambiguousOrder)
    }

    /// Parses any supported absolute form; `nil` when the text is not one.
    public static func parse(_ text: String, reading: Reading = .standard) -> Date? {
        read(text, reading: reading).date
    }

    /// Whether `text` (a form ``parse(_:reading:)`` reads) says its own zone.
    public static func hasZone(_ text: String) -> Bool { read(text).hasZone }

    /// Whether `text` is a pasted date whose first two numbers could both be the month.
    public static func isAmbiguousOrder(_ text: String) -> Bool { humanScan(text, reading: .standard).ambiguousOrder }

    /// A wall-clock instant computed as UTC, moved to `zone` (the zone's offset at that time,
    /// daylight saving included).
    static func inZone(_ utc: Date, _ zone: TimeZone?) -> Date {
        guard let zone else { return utc }
        let guess = utc.addingTimeInterval(-Double(zone.secondsFromGMT(for: utc)))
        return utc.addingTimeInterval(-Double(zone.secondsFromGMT(for: guess)))
    }

    /// Unix seconds written as digits with an optional fraction; `nil` otherwise.
    /// Values before 1990 or after 2100 are rejected as implausible for comments.
    public static func unixSeconds(_ text: String) -> Date? {
        guard let first = text.utf8.first, (48...57).contains(first),
              text.utf8.allSatisfy({ (48...57).contains($0) || $0 == 46 }),
              let value = Double(text) else { return nil }
        return unixSeconds(value)
    }

    /// Unix seconds as a number; `nil` for values outside 1990–2100 or milliseconds
    /// (values above 1e11 are read as milliseconds).
    public static func unixSeconds(_ value: Double) -> Date? {
        var seconds = value
        if seconds > 1e11 { seconds /= 1000 }
        guard seconds >= 631_152_000, seconds < 4_102_444_800 else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// `YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|±HH[:]MM]` or a bare `YYYY-MM-DD`; without a zone,
    /// in `reading.zone` (UTC by default).
    public static func iso8601(_ text: String, reading: Reading = .standard) -> Date? {
        guard let (date, zoned) = isoScan(text) else { return nil }
        return zoned ? date : inZone(date, reading.zone)
    }

    /// The ISO 8601 instant as UTC wall-clock time when no zone is written, and whether one was.
    private static func isoScan(_ text: String) -> (date: Date, zoned: Bool)? {
        var s = Scanner(Array(text.utf8))
        guard let year = s.digits(4), s.take(45), let month = s.digits(2), s.take(45), let day = s.digits(2) else { return nil }
        var hour = 0, minute = 0, second = 0.0, offset = 0
        var zoned = false
        if !s.atEnd {
            guard s.take(84) || s.take(32) || s.take(116) else { return nil }
            guard let h = s.digits(2), s.take(58), let m = s.digits(2) else { return nil }
            hour = h; minute = m
            if s.take(58) {
                guard let sec = s.digits(2) else { return nil }
                second = Double(sec)
                if s.take(46) || s.take(44) {
                    var scale = 0.1
                    while let d = s.digit() { second += Double(d) * scale; scale /= 10 }
                }
            }
            if s.take(90) || s.take(122) {
                zoned = true
            } else if s.peek == 43 || s.peek == 45 {
                zoned = true
                let sign = s.take(43) ? 1 : (s.take(45) ? -1 : 1)
                guard let oh = s.digits(2) else { return nil }
                _ = s.take(58)
                let om = s.digits(2) ?? 0
                offset = sign * (oh * 3600 + om * 60)
            }
            guard s.atEnd else { return nil }
        }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset).map { ($0, zoned) }
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july",
                                 "august", "september", "october", "november", "december"]

    /// Pasted date lines: a month name or a numeric date, an optional `at`, a time with
    /// optional am/pm. Extra words (`Posted`, `| Permalink`, weekday names) are ignored.
    public static func humanDate(_ text: String, reading: Reading = .standard) -> Date? {
        humanScan(text, reading: reading).date
    }

    /// ``humanDate(_:reading:)`` and whether its numeric date's order is ambiguous.
    public static func humanScan(_ text: String, reading: Reading) -> (date: Date?, ambiguousOrder: Bool) {
        var ambiguous = false
        let lowered = text.lowercased()
        if lowered.hasSuffix(" ago") { return (nil, false) }
        var words: [Substring] = []
        for part in lowered.split(whereSeparator: { " ,|\t".contains($0) }) where !part.isEmpty { words.append(part) }
        var year: Int?, month: Int?, day: Int?, hour: Int?, minute = 0, second = 0, meridiem: Int?
        var unknownWords = 0
        for word in words {
            let w = word.hasSuffix(".") && word.count > 2 ? word.dropLast() : word
            if let m = months.firstIndex(where: { $0 == w || ($0.hasPrefix(w) && w.count >= 3) }) {
                month = m + 1
            } else if w.contains(":") {
                let parts = w.split(separator: ":").map { Int($0) }
                guard parts.count >= 2, let h = parts[0], let m = parts[1] else { return (nil, false) }
                hour = h; minute = m; second = parts.count > 2 ? (parts[2] ?? 0) : 0
            } else if w == "am" || w == "a.m." { meridiem = 0
            } else if w == "pm" || w == "p.m." { meridiem = 12
            } else if w.contains("-") || w.contains("/") || (w.contains(".") && w.count >= 8) {
                let sep: Character = w.contains("-") ? "-" : (w.contains("/") ? "/" : ".")
                let parts = w.split(separator: sep).map { Int($0) }
                guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { return (nil, false) }
                if (1...12).contains(a), (1...12).contains(b), a != b { ambiguous = true }
                if parts[0].map({ $0 > 31 }) == true { year = a; month = b; day = c }
                else if (reading.order ?? (sep == "/" ? .mdy : .dmy)) == .mdy { month = a; day = b; year = c }
                else { day = a; month = b; year = c }
            } else if let n = Int(w.filter(\.isNumber)), w.first?.isNumber == true {
                if n >= 1000 { year = n } else if day == nil { day = n } else { return (nil, false) }
            } else if ["at", "on", "posted", "permalink", "said", "says", "said:", "says:"].contains(String(w))
                        || ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains(String(w)) {
                continue
            } else {
                unknownWords += 1
            }
        }
        guard unknownWords == 0, let y = year, let mo = month, let d = day else { return (nil, false) }
        var h = hour ?? 0
        if let meridiem { h = h % 12 + meridiem }
        let date = make(year: y, month: mo, day: d, hour: h, minute: minute, second: Double(second), offset: 0).map { inZone($0, reading.zone) }
        return (date, date != nil && ambiguous)
    }

    /// Builds a UTC instant from civil fields, validating ranges.
    static func make(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, offset: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), second >= 0, second < 61, year > 0 else { return nil }
        // Days from civil (Howard Hinnant's algorithm), proleptic Gregorian.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 - offset) + second
        return Date(timeIntervalSince1970: seconds)
    }

    /// A tiny cursor over ASCII bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var i = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        var atEnd: Bool { i >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[i] }
        mutating func take(_ b: UInt8) -> Bool {
            if peek == b { i += 1; return true }
            return false
        }
        mutating func digit() -> Int? {
            guard let p = peek, (48...57).contains(p) else { return nil }
            i += 1
            return Int(p - 48)
        }
        mutating func digits(_ n: Int) -> Int? {
            var v = 0
            for _ in 0..<n { guard let d = digit() else { return nil }; v = v * 10 + d }
            return v
        }
    }
}

extension Date {
    /// `2011-03-03T10:15:00Z`: the form every writer uses.
    public var iso8601UTC: String {
        withISO8601UTC { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the 20 bytes of ``iso8601UTC`` (years 0–9999; others are clamped
    /// digit by digit), without allocating.
    func withISO8601UTC<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
        let t = Int(timeIntervalSince1970.rounded(.down))
        let days = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
        let secs = t - days * 86_400
        // Civil from days (Hinnant).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        var bytes: (UInt64, UInt64, UInt64) = (0, 0, 0)
        return withUnsafeMutableBytes(of: &bytes) { b in
            func put(_ v: Int, _ at: Int, _ width: Int) {
                var v = max(0, v)
                for k in stride(from: at + width - 1, through: at, by: -1) {
                    b[k] = 0x30 + UInt8(v % 10)
                    v /= 10
                }
            }
            put(y, 0, 4); b[4] = 0x2D; put(m, 5, 2); b[7] = 0x2D; put(d, 8, 2); b[10] = 0x54
            put(secs / 3600, 11, 2); b[13] = 0x3A; put(secs / 60 % 60, 14, 2); b[16] = 0x3A; put(secs % 60, 17, 2); b[19] = 0x5A
            return body(UnsafeRawBufferPointer(rebasing: b[0..<20]))
        }
    }
}
