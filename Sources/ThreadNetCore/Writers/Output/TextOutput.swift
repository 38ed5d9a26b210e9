import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A destination for text that writers fill as they go: an open file or a growing buffer in
/// memory.
///
/// Writers append UTF-8 bytes, strings and numbers; the output keeps at most ``capacity``
/// bytes before handing them to the file, so a writer's memory does not grow with what it
/// writes. Writing never throws: the first failure of the file is remembered and reported by
/// ``close()``, so that a writer's loops stay plain.
///
/// ```swift
/// let out = TextOutput.memory()
/// out.write("weight,")
/// out.write(3)
/// out.write(byte: 0x0A)
/// out.text   // "weight,3\n"
/// ```
///
/// Not thread-safe: one writer fills one output.
public final class TextOutput {
    /// Bytes buffered before a file write.
    public static let capacity = 1 << 18

    /// The mutable state lives behind a pointer: writes are the hottest path of every writer,
    /// and a class's stored properties would pay a dynamic exclusivity check on each one.
    private struct State {
        var buffer: UnsafeMutablePointer<UInt8>
        var used = 0
        var capacity: Int
        var flushed = 0
        var failure: Int32 = 0
        /// The last two bytes handed to the file (0 when fewer).
        var tail: (UInt8, UInt8) = (0, 0)
    }

    private let fd: Int32?
    private let state: UnsafeMutablePointer<State>

    private init(fd: Int32?) {
        self.fd = fd
        state = .allocate(capacity: 1)
        let capacity = fd == nil ? 4096 : Self.capacity
        state.initialize(to: State(buffer: .allocate(capacity: capacity), capacity: capacity))
    }

    deinit {
        state.pointee.buffer.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// An output that keeps everything in memory (``bytes``, ``text``).
    public static func memory() -> TextOutput { TextOutput(fd: nil) }

    /// An output that writes to the open file descriptor `fd`; ``close()`` flushes and closes it.
    public static func file(descriptor fd: Int32) -> TextOutput { TextOutput(fd: fd) }

    /// What a memory output holds.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: state.pointee.buffer, count: state.pointee.used)) }

    /// What a memory output holds, as text.
    public var text: String { String(decoding: UnsafeBufferPointer(start: state.pointee.buffer, count: state.pointee.used), as: UTF8.self) }

    /// Bytes written so far (flushed or buffered).
    public var count: Int { state.pointee.flushed + state.pointee.used }

    /// The last two bytes written (0 when fewer), for writers that avoid doubled blank lines.
    public var lastBytes: (UInt8, UInt8) {
        let s = state.pointee
        switch s.used {
        case 0: return s.tail
        case 1: return (s.tail.1, s.buffer[0])
        default: return (s.buffer[s.used - 2], s.buffer[s.used - 1])
        }
    }

    /// Runs `body` on a fresh memory output and returns its text.
    public static func text(_ body: (TextOutput) -> Void) -> String {
        let out = memory()
        body(out)
        return out.text
    }

    // MARK: Writing

    /// Appends raw bytes.
    @inline(__always)
    public func write(_ raw: UnsafeRawBufferPointer) {
        let n = raw.count
        guard n > 0 else { return }
        if state.pointee.used + n > state.pointee.capacity { makeRoom(n) }
        if n > state.pointee.capacity {
            // Larger than the buffer: straight to the file (the buffer was just flushed).
            state.pointee.tail = (n >= 2 ? raw[n - 2] : state.pointee.tail.1, raw[n - 1])
            writeToFile(raw)
            state.pointee.flushed += n
            return
        }
        (state.pointee.buffer + state.pointee.used).update(from: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
        state.pointee.used += n
    }

    /// Appends bytes.
    public func write<C: Collection>(bytes: C) where C.Element == UInt8 {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ write(UnsafeRawBufferPointer($0)) }) { return done }
        let copy = Array(bytes)
        copy.withUnsafeBytes { write($0) }
    }

    /// Appends one byte.
    @inline(__always)
    public func write(byte: UInt8) {
        if state.pointee.used == state.pointee.capacity { makeRoom(1) }
        state.pointee.buffer[state.pointee.used] = byte
        state.pointee.used += 1
    }

    /// Appends a string's UTF-8.
    @inline(__always)
    public func write(_ s: String) {
        var s = s
        s.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Appends a substring's UTF-8.
    public func write(_ s: Substring) {
        var s = s
        s.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Appends a static string's UTF-8.
    @inline(__always)
    public func write(_ s: StaticString) {
        write(UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Appends an integer in decimal.
    public func write<I: BinaryInteger>(_ n: I) {
        if n == 0 { write(byte: 0x30); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes of scratch, enough for 64 bits
        var v = n.magnitude
        let negative = n < 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            var i = scratch.count
            while v != 0 {
                i -= 1
                scratch[i] = 0x30 + UInt8(truncatingIfNeeded: v % 10)
                v /= 10
            }
            if negative { i -= 1; scratch[i] = 0x2D }
            write(UnsafeRawBufferPointer(rebasing: scratch[i...]))
        }
    }

    /// Appends a double in its shortest form that reads back to the same value (`0.1`,
    /// `2.5e-07`), whole numbers below 10¹⁵ without a fraction (`3`); `null` for an infinite
    /// or NaN value, as JSON has no such numbers.
    public func write(_ x: Double) {
        guard x.isFinite else { write("null" as StaticString); return }
        if x == x.rounded(), abs(x) < 1e15 { write(Int64(x)); return }
        var sink = Sink(out: self)
        x.write(to: &sink)  // the standard library's shortest form, handed over as ASCII bytes
    }

    /// Receives the standard library's number formatting without building a `String`.
    private struct Sink: TextOutputStream {
        let out: TextOutput
        mutating func write(_ s: String) { out.write(s) }
        mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { out.write(UnsafeRawBufferPointer(buffer)) }
    }

    /// Appends a time as ``Foundation/Date/iso8601UTC`` (`2011-03-03T10:15:00Z`).
    public func write(iso8601UTC date: Date) {
        date.withISO8601UTC { write($0) }
    }

    /// Makes room for `n` more bytes: flushes a file output, grows a memory output.
    private func makeRoom(_ n: Int) {
        if fd != nil {
            flush()
            return
        }
        var capacity = state.pointee.capacity
        while state.pointee.used + n > capacity { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: state.pointee.buffer, count: state.pointee.used)
        state.pointee.buffer.deallocate()
        state.pointee.buffer = grown
        state.pointee.capacity = capacity
    }

    private func writeToFile(_ raw: UnsafeRawBufferPointer) {
        guard let fd, state.pointee.failure == 0 else { return }
        var offset = 0
        while offset < raw.count {
            let n = posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                state.pointee.failure = errno
                return
            }
            offset += n
        }
    }

    // MARK: Ending

    /// Hands the buffered bytes to the file (nothing for a memory output).
    public func flush() {
        guard fd != nil, state.pointee.used > 0 else { return }
        let used = state.pointee.used
        state.pointee.tail = (used >= 2 ? state.pointee.buffer[used - 2] : state.pointee.tail.1, state.pointee.buffer[used - 1])
        writeToFile(UnsafeRawBufferPointer(start: state.pointee.buffer, count: used))
        state.pointee.flushed += used
        state.pointee.used = 0
    }

    /// Flushes and closes the file.
    ///
    /// - Returns: `0`, or the `errno` of the first failed write or of closing.
    @discardableResult
    public func close() -> Int32 {
        flush()
        if let fd {
            if posixClose(fd) != 0, state.pointee.failure == 0 { state.pointee.failure = errno }
        }
        return state.pointee.failure
    }
}

#if canImport(Glibc)
private let posixWrite = Glibc.write
private let posixClose = Glibc.close
#elseif canImport(Darwin)
private let posixWrite = Darwin.write
private let posixClose = Darwin.close
#endif

extension TextOutput {
    /// Appends `s`: `out += "text"` reads like building a string.
    public static func += (out: TextOutput, s: String) { out.write(s) }
}
