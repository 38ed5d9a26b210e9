/// Writes JSON as it goes, into a ``TextOutput``: objects, arrays, keys and values in order,
/// indented two spaces per level, with no whole-document value in memory.
///
/// Keys are written in the order the caller gives; writers list them sorted so that the same
/// input gives the same bytes (debug builds check it). Objects and arrays can be written on
/// one line (`inline`), as can arrays of plain numbers (``numbers(_:)``), so that a file of
/// many small records stays short and greppable: one record per line. Doubles keep full precision (their shortest round-trip
/// form); infinite and NaN values become `null`.
///
/// ```swift
/// let json = JSONOutput(out)
/// json.object {
///     json.field("edges", 12)
///     json.field("nodes", 5)
/// }
/// // {
/// //   "edges": 12,
/// //   "nodes": 5
/// // }
/// ```
public final class JSONOutput {
    /// The text the JSON goes to.
    public let out: TextOutput
    private struct Level {
        var first = true
        var inline = false
        #if DEBUG
        var lastKey: String?
        #endif
    }
    /// Nesting state, behind a pointer so that the hot path pays no dynamic exclusivity check.
    private struct State {
        var levels: [Level] = []
        var afterKey = false
    }
    private let state: UnsafeMutablePointer<State>

    public init(_ out: TextOutput) {
        self.out = out
        state = .allocate(capacity: 1)
        state.initialize(to: State())
    }

    /// A writer whose first value goes in as if nested `depth` levels deep in other
    /// (non-inline) values, after their separator: a piece of a larger document written apart,
    /// spliced into it with ``raw(_:)``.
    public convenience init(_ out: TextOutput, nestedIn depth: Int) {
        self.init(out)
        state.pointee.levels = Array(repeating: Level(first: false), count: depth)
        state.pointee.afterKey = true
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    // MARK: Structure

    /// `{ … }` around what `body` writes; on one line when `inline` (or inside an inline value).
    public func object(inline: Bool = false, _ body: () -> Void) {
        beginValue()
        out.write(byte: 0x7B)
        state.pointee.levels.append(Level(inline: inline || (state.pointee.levels.last?.inline ?? false)))
        body()
        close(0x7D)
    }

    /// `[ … ]` around what `body` writes; on one line when `inline` (or inside an inline value).
    public func array(inline: Bool = false, _ body: () -> Void) {
        beginValue()
        out.write(byte: 0x5B)
        state.pointee.levels.append(Level(inline: inline || (state.pointee.levels.last?.inline ?? false)))
        body()
        close(0x5D)
    }

    /// Starts a member of the current object; its value follows.
    public func key(_ k: String) {
        precondition(!state.pointee.levels.isEmpty && !state.pointee.afterKey, "JSONOutput: a key outside an object")
        #if DEBUG
        let depth = state.pointee.levels.count - 1
        assert(state.pointee.levels[depth].lastKey.map { $0 < k } ?? true,
               "JSONOutput: key \"\(k)\" after \"\(state.pointee.levels[depth].lastKey ?? "")\": keys must be sorted")
        state.pointee.levels[depth].lastKey = k
        #endif
        separate()
        string(k)
        out.write(": " as StaticString)
        state.pointee.afterKey = true
    }

    // MARK: Values

    /// A string value, escaped as RFC 8259 requires.
    public func value(_ s: String) {
        beginValue()
        string(s)
    }

    /// An integer value.
    public func value<I: BinaryInteger>(_ n: I) {
        beginValue()
        out.write(n)
    }

    /// A real value in full precision; `null` when it is not finite.
    public func value(_ x: Double) {
        beginValue()
        out.write(x)
    }

    /// `true` or `false`.
    public func value(_ b: Bool) {
        beginValue()
        out.write(b ? "true" as StaticString : "false")
    }

    /// `null`.
    public func null() {
        beginValue()
        out.write("null" as StaticString)
    }

    /// A string value or `null`.
    public func value(_ s: String?) { if let s { value(s) } else { null() } }
    /// A real value or `null`.
    public func value(_ x: Double?) { if let x { value(x) } else { null() } }
    /// An integer value or `null`.
    public func value(_ n: Int?) { if let n { value(n) } else { null() } }

    /// An array of integers on one line: `[3, 1, 4]`.
    public func numbers<S: Sequence>(_ values: S) where S.Element: BinaryInteger {
        beginValue()
        out.write(byte: 0x5B)
        var first = true
        for v in values {
            if !first { out.write(", " as StaticString) }
            first = false
            out.write(v)
        }
        out.write(byte: 0x5D)
    }

    /// An array of strings on one line: `["a", "b"]`.
    public func strings<S: Sequence>(_ values: S) where S.Element == String {
        beginValue()
        out.write(byte: 0x5B)
        var first = true
        for v in values {
            if !first { out.write(", " as StaticString) }
            first = false
            string(v)
        }
        out.write(byte: 0x5D)
    }

    /// A value already written as JSON text for this position (by a writer made with
    /// ``init(_:nestedIn:)`` at this depth): the separator, then whatever `body` writes into ``out``.
    public func raw(_ body: (TextOutput) -> Void) {
        beginValue()
        body(out)
    }

    // MARK: Members

    public func field(_ k: String, _ s: String) { key(k); value(s) }
    public func field(_ k: String, _ s: String?) { key(k); value(s) }
    public func field<I: BinaryInteger>(_ k: String, _ n: I) { key(k); value(n) }
    public func field(_ k: String, _ x: Double) { key(k); value(x) }
    public func field(_ k: String, _ x: Double?) { key(k); value(x) }
    public func field(_ k: String, _ n: Int?) { key(k); value(n) }
    public func field(_ k: String, _ b: Bool) { key(k); value(b) }
    public func field(_ k: String, object body: () -> Void) { key(k); object(body) }
    public func field(_ k: String, array body: () -> Void) { key(k); array(body) }
    /// A member whose value is an object written on one line.
    public func field(_ k: String, inlineObject body: () -> Void) { key(k); object(inline: true, body) }
    /// A member whose value is an object of integer values on one line, keys in the order given.
    public func field(_ k: String, counts: [(String, Int)]) {
        key(k)
        object(inline: true) { for (name, n) in counts { field(name, n) } }
    }

    // MARK: Internals

    private func beginValue() {
        if state.pointee.afterKey {
            state.pointee.afterKey = false
            return
        }
        if !state.pointee.levels.isEmpty { separate() }
    }

    private func separate() {
        let depth = state.pointee.levels.count
        let inline = state.pointee.levels[depth - 1].inline
        if state.pointee.levels[depth - 1].first {
            state.pointee.levels[depth - 1].first = false
            if !inline { newline(depth) }
        } else if inline {
            out.write(", " as StaticString)
        } else {
            out.write(byte: 0x2C)
            newline(depth)
        }
    }

    private func close(_ bracket: UInt8) {
        let level = state.pointee.levels.removeLast()
        if !level.first, !level.inline { newline(state.pointee.levels.count) }
        out.write(byte: bracket)
        if state.pointee.levels.isEmpty { out.write(byte: 0x0A) }
    }

    private func newline(_ depth: Int) {
        out.write(byte: 0x0A)
        for _ in 0..<depth { out.write("  " as StaticString) }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// `"…"` with `"`, `\` and control characters escaped.
    private func string(_ s: String) {
        out.write(byte: 0x22)
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                if i > start { out.write(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<i]))) }
                switch b {
                case 0x22: out.write("\\\"" as StaticString)
                case 0x5C: out.write("\\\\" as StaticString)
                case 0x0A: out.write("\\n" as StaticString)
                case 0x0D: out.write("\\r" as StaticString)
                case 0x09: out.write("\\t" as StaticString)
                default:
                    out.write("\\u00" as StaticString)
                    out.write(byte: Self.hex[Int(b >> 4)])
                    out.write(byte: Self.hex[Int(b & 15)])
                }
                start = i + 1
            }
            if start < bytes.count { out.write(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...]))) }
        }
        out.write(byte: 0x22)
    }
}
