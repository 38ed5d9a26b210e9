import Foundation
import Synchronization

/// Writes RFC 4180 rows into a ``TextOutput`` field by field, without building a row in
/// memory.
///
/// A field holding a comma, a quote, CR or LF is quoted with its quotes doubled (as
/// ``Escaping/csv(_:)``); every row ends in `"\n"`. Reals keep full precision (their
/// shortest round-trip form); an undefined real is an empty field.
///
/// A text field a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
/// CR, and not a number) gets a leading `'`, as OWASP recommends against CSV injection
/// (`=HYPERLINK(…)` in an author name), unless ``neutralizesFormulas`` is turned off
/// (`--raw-csv`). Numbers, and text that reads as a number (`-0.5`), are written as they are.
///
/// ```swift
/// let csv = CSVOutput(out)
/// csv.header(["from", "to", "weight"])
/// csv.field("Ann"); csv.field("Bob, Jr."); csv.field(2); csv.endRow()
/// // from,to,weight
/// // Ann,"Bob, Jr.",2
/// ```
public struct CSVOutput {
    /// The text the rows go to.
    public let out: TextOutput
    private var atRowStart = true

    public init(_ out: TextOutput) { self.out = out }

    /// A whole row of text fields.
    public mutating func row(_ fields: [String]) {
        for f in fields { field(f) }
        endRow()
    }

    /// The header row.
    public mutating func header(_ names: [String]) { row(names) }

    /// Whether text fields that start like a formula get a leading `'` (default true; the
    /// command line's `--raw-csv` turns it off for the whole run).
    public static let neutralizesFormulas = Atomic<Bool>(true)

    /// Whether `s` would be run as a formula by a spreadsheet: it starts with `=`, `@`, tab or
    /// CR, or with `+` or `-` without being a number.
    public static func looksLikeFormula(_ s: String) -> Bool {
        guard let first = s.utf8.first else { return false }
        switch first {
        case 0x3D, 0x40, 0x09, 0x0D: return true
        case 0x2B, 0x2D: return Double(s) == nil
        default: return false
        }
    }

    /// A text field, quoted when needed (and neutralised when it looks like a formula).
    public mutating func field(_ s: String) {
        separate()
        var s = Self.neutralizesFormulas.load(ordering: .relaxed) && Self.looksLikeFormula(s) ? "'" + s : s
        s.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
                out.write(UnsafeRawBufferPointer(bytes))
                return
            }
            out.write(byte: 0x22)
            var start = 0
            for (i, b) in bytes.enumerated() where b == 0x22 {
                out.write(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...i])))
                out.write(byte: 0x22)
                start = i + 1
            }
            if start < bytes.count { out.write(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...]))) }
            out.write(byte: 0x22)
        }
    }

    /// An integer field.
    public mutating func field<I: BinaryInteger>(_ n: I) {
        separate()
        out.write(n)
    }

    /// An integer field; empty when `nil`.
    public mutating func field(_ n: Int?) {
        separate()
        if let n { out.write(n) }
    }

    /// A text field as ``field(_:)-(String)``; empty when `nil`.
    public mutating func field(_ s: String?) {
        if let s { field(s) } else { separate() }
    }

    /// A real field in full precision; empty when `nil` or not finite.
    public mutating func field(_ x: Double?) {
        separate()
        if let x, x.isFinite { out.write(x) }
    }

    /// A time as ``Foundation/Date/iso8601UTC``; empty when `nil`.
    public mutating func field(_ date: Date?) {
        separate()
        if let date { out.write(iso8601UTC: date) }
    }

    /// An empty field.
    public mutating func empty() { separate() }

    /// Ends the row.
    public mutating func endRow() {
        out.write(byte: 0x0A)
        atRowStart = true
    }

    private mutating func separate() {
        if atRowStart { atRowStart = false } else { out.write(byte: 0x2C) }
    }
}
