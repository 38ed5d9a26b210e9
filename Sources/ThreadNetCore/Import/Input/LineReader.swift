#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the lines of a ``ByteSource`` one at a time, as bytes, with 1-based line numbers,
/// without loading the whole input.
///
/// Lines end at LF; a CR before the LF (CRLF) is dropped too. A last line without a newline
/// is still a line; an input ending with a newline has no empty line after it. A line longer
/// than the chunk size is assembled across chunks (memory grows with the longest line, not
/// with the file). A lone CR (classic Mac OS) is not a line break.
///
/// ```swift
/// let lines = LineReader(try input.open())
/// while let line = try lines.next() {
///     print(line.number, line.bytes.count)
/// }
/// ```
///
/// - Complexity: O(n) over the input; each byte is scanned once.
public final class LineReader {
    /// One line without its line break.
    public struct Line: Sendable, Hashable {
        /// 1-based line number.
        public var number: Int
        /// The line's bytes, without LF or CRLF.
        public var bytes: [UInt8]

        /// Whether the line holds only spaces and tabs (or nothing).
        public var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }

        /// The line as text, invalid UTF-8 repaired with U+FFFD (see ``TextDecoding`` for a
        /// checked decoding).
        public var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    private let source: ByteSource
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    /// Start of the unread part of `buffer`.
    private var start = 0
    /// Where to resume looking for LF (bytes before it, from `start`, hold none).
    private var scanFrom = 0
    private var atEnd = false
    /// The number of the last line returned (0 before the first).
    public private(set) var lineNumber = 0

    private let limits: InputLimits
    private let name: String

    /// Reads from `source` (called `name` in errors) in chunks of `chunkSize` bytes; a line
    /// longer than `limits.maxLineBytes` is an error.
    public init(_ source: ByteSource, name: String = "", limits: InputLimits = InputLimits(), chunkSize: Int = 256 * 1024) {
        self.source = source
        self.chunkSize = max(1, chunkSize)
        self.limits = limits
        self.name = name
    }

    /// The next line, or `nil` at the end of the input.
    public func next() throws(ImportError) -> Line? {
        while true {
            if let newline = findNewline() {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let bytes = Array(buffer[start..<end])
                start = newline + 1
                scanFrom = start
                lineNumber += 1
                return Line(number: lineNumber, bytes: bytes)
            }
            scanFrom = buffer.count
            try limits.checkLine(buffer.count - start, line: lineNumber + 1, file: name)
            if atEnd {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let bytes = Array(buffer[start..<end])
                start = buffer.count
                scanFrom = start
                lineNumber += 1
                return Line(number: lineNumber, bytes: bytes)
            }
            let chunk = try source.read(upTo: chunkSize)
            if chunk.isEmpty {
                atEnd = true
                continue
            }
            if start > 0 {
                buffer.removeSubrange(0..<start)
                scanFrom -= start
                start = 0
            }
            buffer.append(contentsOf: chunk)
        }
    }

    /// The index of the next LF at or after `scanFrom`, if the buffer holds one.
    private func findNewline() -> Int? {
        guard scanFrom < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { all -> Int? in
            guard let base = all.baseAddress else { return nil }
            guard let hit = memchr(base + scanFrom, 0x0A, all.count - scanFrom) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }
}
