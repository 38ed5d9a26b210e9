/// Reads a ``ByteSource`` in large blocks and hands out the complete lines of each block at
/// once, so that the lines can be parsed in parallel: the bulk form of ``LineReader``.
///
/// Lines end at LF; a CR before the LF is dropped. A last line without a newline is still a
/// line. A line longer than a block is assembled across blocks (memory grows with the longest
/// line, never with the file).
///
/// - Complexity: O(n) over the input; each byte is scanned once for newlines (`memchr`).
final class LineBatches {
    /// The lines of one block: their bytes are `bytes[ranges[k]]`, numbered from `firstLine`.
    struct Batch {
        var bytes: [UInt8]
        var ranges: [Range<Int>]
        /// The 1-based number of the batch's first line.
        var firstLine: Int
    }

    private let source: ByteSource
    private let blockSize: Int
    private let limits: InputLimits
    private let name: String
    private var carry: [UInt8] = []
    private var atEnd = false
    private var nextLine = 1

    /// Reads `source` (called `name` in errors) in blocks of `blockSize` bytes; a line longer
    /// than `limits.maxLineBytes` is an error.
    init(_ source: ByteSource, name: String, limits: InputLimits = InputLimits(), blockSize: Int = 8 << 20) {
        self.source = source
        self.blockSize = blockSize
        self.limits = limits
        self.name = name
    }

    /// The most lines in one batch: a block of blank lines (a file of newlines) is cut into
    /// batches of this many, so the per-line work of a batch stays bounded.
    static let maxLinesPerBatch = 1 << 18

    /// The next batch of complete lines, or `nil` at the end of the input.
    func next() throws(ImportError) -> Batch? {
        // Lines held back from an earlier block that had more than `maxLinesPerBatch`.
        if let newline = carry.lastIndex(of: 0x0A) {
            var bytes = carry
            carry = Array(bytes[(newline + 1)...])
            bytes.removeSubrange((newline + 1)...)
            return try batch(bytes)
        }
        while !atEnd {
            let chunk = try source.read(upTo: blockSize)
            if chunk.isEmpty {
                atEnd = true
                break
            }
            var bytes = carry
            bytes.append(contentsOf: chunk)
            guard let lastNewline = bytes.lastIndex(of: 0x0A) else {
                try limits.checkLine(bytes.count, line: nextLine, file: name)
                carry = bytes
                continue
            }
            carry = Array(bytes[(lastNewline + 1)...])
            bytes.removeSubrange((lastNewline + 1)...)
            return try batch(bytes)
        }
        guard !carry.isEmpty else { return nil }
        let bytes = carry
        carry = []
        return try batch(bytes)
    }

    private func batch(_ block: [UInt8]) throws(ImportError) -> Batch {
        var bytes = block
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(min(bytes.count / 128, Self.maxLinesPerBatch))
        var cut: Int?
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            var start = 0
            while start < b.count {
                if ranges.count == Self.maxLinesPerBatch {
                    cut = start
                    return
                }
                let end: Int
                if let hit = memchr(base + start, 0x0A, b.count - start) {
                    end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                } else {
                    end = b.count
                }
                ranges.append(start..<(end > start && b[end - 1] == 0x0D ? end - 1 : end))
                start = end + 1
            }
        }
        if let cut {
            // Keep the lines past the bound for the next batch, in front of what was carried.
            carry = Array(bytes[cut...]) + carry
            bytes.removeSubrange(cut...)
        }
        if bytes.count > limits.maxLineBytes, let long = ranges.firstIndex(where: { $0.count > limits.maxLineBytes }) {
            try limits.checkLine(ranges[long].count, line: nextLine + long, file: name)
        }
        let first = nextLine
        nextLine += ranges.count
        return Batch(bytes: bytes, ranges: ranges, firstLine: first)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
