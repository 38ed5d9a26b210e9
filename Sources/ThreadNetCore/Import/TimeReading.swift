import Foundation

/// The notes an importer adds about how it read times that leave something open: times
/// without a zone (read in UTC, or in `--timezone`) and all-numeric dates whose day and month
/// could be swapped (`03/01/2024`, read in the order `--date-order` or the separator says).
public enum TimeReading {
    /// - Parameters:
    ///   - zoneless: how many times carried no zone.
    ///   - ambiguous: lines (or records) of dates whose order is ambiguous, in input order.
    static func findings(zoneless: Int, ambiguous: [Int], file: String, reading: TimestampParser.Reading, records: Bool = false) -> [Finding] {
        var out: [Finding] = []
        if zoneless > 0 {
            let zone = reading.zone.map { "in \($0.identifier) (--timezone)" } ?? "as UTC (--timezone names another zone)"
            out.append(Finding(.note, at: SourceLocation(file: file),
                               "\(zoneless) time\(zoneless == 1 ? "" : "s") carr\(zoneless == 1 ? "ies" : "y") no time zone; read \(zone)"))
        }
        if let first = ambiguous.first {
            let order: String
            switch reading.order {
            case .mdy?: order = "month first (--date-order mdy)"
            case .dmy?: order = "day first (--date-order dmy)"
            case nil: order = "month first when written with /, day first with - or . (--date-order mdy|dmy to choose)"
            }
            let at = records ? SourceLocation(file: file, record: first) : SourceLocation(file: file, line: first)
            out.append(Finding(.note, at: at,
                               "\(ambiguous.count) date\(ambiguous.count == 1 ? "" : "s") such as 03/01/2024 could be read day first or month first; read \(order)"))
        }
        return out
    }

    /// `--timezone`: an IANA name (`Europe/Berlin`), `UTC`, or a fixed offset (`+02:00`, `-0530`).
    public static func zone(named name: String) -> TimeZone? {
        let t = name.trimmingCharacters(in: .whitespaces)
        if let zone = TimeZone(identifier: t) { return zone }
        let bytes = Array(t.utf8)
        guard let sign = bytes.first, sign == 0x2B || sign == 0x2D else { return nil }
        let digits = bytes.dropFirst().filter { $0 != 0x3A }
        guard digits.count == 4 || digits.count == 2, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let value = Int(String(decoding: digits, as: UTF8.self))!
        let (h, m) = digits.count == 4 ? (value / 100, value % 100) : (value, 0)
        guard h <= 14, m < 60 else { return nil }
        return TimeZone(secondsFromGMT: (sign == 0x2B ? 1 : -1) * (h * 3600 + m * 60))
    }
}
