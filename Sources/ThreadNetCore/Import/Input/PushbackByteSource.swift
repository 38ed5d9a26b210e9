/// A ``ByteSource`` that serves some bytes already taken from another source before the rest
/// of that source: used to sniff magic numbers and byte-order marks without losing them.
///
/// ```swift
/// let raw = try input.openRaw()
/// let head = try raw.read(upTo: 4)
/// let source = PushbackByteSource(raw, pushedBack: head) // reads head again, then the rest
/// ```
///
/// - Complexity: O(1) extra memory beyond the pushed-back bytes.
public final class PushbackByteSource: ByteSource {
    private let base: ByteSource
    private var pending: [UInt8]
    private var pendingOffset = 0

    /// Wraps `base`; `pushedBack` is served first, then `base` from where it stands.
    public init(_ base: ByteSource, pushedBack: [UInt8]) {
        self.base = base
        self.pending = pushedBack
    }

    /// Reads up to `count` bytes from `source`, looping over short reads, so that a source
    /// that serves small chunks still yields a full prefix. Returns fewer only at the end.
    public static func readPrefix(_ source: ByteSource, count: Int) throws(ImportError) -> [UInt8] {
        var out: [UInt8] = []
        while out.count < count {
            let chunk = try source.read(upTo: count - out.count)
            if chunk.isEmpty { break }
            out.append(contentsOf: chunk)
        }
        return out
    }

    public func read(upTo maxCount: Int) throws(ImportError) -> [UInt8] {
        guard maxCount > 0 else { return [] }
        if pendingOffset < pending.count {
            let end = min(pending.count, pendingOffset + maxCount)
            let out = Array(pending[pendingOffset..<end])
            pendingOffset = end
            if pendingOffset == pending.count { pending = []; pendingOffset = 0 }
            return out
        }
        return try base.read(upTo: maxCount)
    }
}
