/// Bounds on what reading one input may cost, so that a small hostile file (a decompression
/// bomb, one gigantic line) fails fast with an error naming the bound instead of exhausting
/// memory or time. Each bound has a command-line option that raises it.
public struct InputLimits: Hashable, Sendable {
    /// Decompressed bytes allowed per byte of a compressed input (`--max-expansion`, default
    /// 100; real comment dumps compress 5–15×).
    public var maxExpansion: Int
    /// Decompressed bytes always allowed, whatever the ratio: 256 MiB.
    public var expansionFloor: Int
    /// The longest line of a line-based input (NDJSON, CSV), in bytes (`--max-line-mib`,
    /// default 64 MiB; a Reddit comment is at most about 40 KB).
    public var maxLineBytes: Int

    public init(maxExpansion: Int = 100, expansionFloor: Int = 256 << 20, maxLineBytes: Int = 64 << 20) {
        self.maxExpansion = maxExpansion
        self.expansionFloor = expansionFloor
        self.maxLineBytes = maxLineBytes
    }

    /// The decompressed bytes allowed for `compressed` input bytes.
    public func allowedExpansion(of compressed: Int) -> Int {
        let (product, overflow) = maxExpansion.multipliedReportingOverflow(by: max(0, compressed))
        return max(expansionFloor, overflow ? Int.max : product)
    }

    /// A line of `count` bytes (so far) at line `line` of `file`, when it is too long.
    func checkLine(_ count: Int, line: Int, file: String) throws(ImportError) {
        guard count > maxLineBytes else { return }
        throw ImportError(.malformed, at: SourceLocation(file: file, line: line),
                          "line \(line) is longer than \(maxLineBytes >> 20) MiB (at least \(count) bytes without a line break); if the file is genuine, raise the bound with --max-line-mib")
    }
}

/// Counts the raw bytes a decompressor consumes.
final class RawByteCounter: ByteSource {
    private let inner: ByteSource
    private(set) var count = 0

    init(_ inner: ByteSource) { self.inner = inner }

    func read(upTo maxCount: Int) throws(ImportError) -> [UInt8] {
        let chunk = try inner.read(upTo: maxCount)
        count += chunk.count
        return chunk
    }
}

/// Stops a decompressed stream that grows past ``InputLimits/allowedExpansion(of:)`` of the
/// compressed size (the file's size when known, else the compressed bytes read so far).
final class ExpansionBound: ByteSource {
    private let inner: ByteSource
    private let raw: RawByteCounter
    private let knownSize: Int?
    private let limits: InputLimits
    private let name: String
    private var produced = 0

    init(_ inner: ByteSource, raw: RawByteCounter, knownSize: Int?, limits: InputLimits, name: String) {
        self.inner = inner
        self.raw = raw
        self.knownSize = knownSize
        self.limits = limits
        self.name = name
    }

    func read(upTo maxCount: Int) throws(ImportError) -> [UInt8] {
        let chunk = try inner.read(upTo: maxCount)
        produced += chunk.count
        let compressed = knownSize ?? raw.count
        let allowed = limits.allowedExpansion(of: compressed)
        if produced > allowed {
            throw ImportError(.compression, at: SourceLocation(file: name),
                              "the compressed input expands past \(allowed >> 20) MiB (\(limits.maxExpansion)× its \(compressed) bytes, at least \(limits.expansionFloor >> 20) MiB): a decompression bomb, or an unusually repetitive file; if it is genuine, raise the bound with --max-expansion")
        }
        return chunk
    }
}
