/// A source of input bytes read in chunks: a file, a decompressing stream, or memory.
///
/// Importers of large formats (NDJSON, CSV) pull chunks from a `ByteSource` so that memory
/// stays proportional to one record, not to the file.
public protocol ByteSource: AnyObject {
    /// Reads up to `maxCount` bytes. An empty result means the end of the input.
    func read(upTo maxCount: Int) throws(ImportError) -> [UInt8]
}

extension ByteSource {
    /// Reads everything that is left.
    public func readToEnd(chunkSize: Int = 1 << 20) throws(ImportError) -> [UInt8] {
        var all: [UInt8] = []
        while true {
            let chunk = try read(upTo: chunkSize)
            if chunk.isEmpty { return all }
            all.append(contentsOf: chunk)
        }
    }
}

/// Bytes already in memory, served in chunks.
public final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public func read(upTo maxCount: Int) throws(ImportError) -> [UInt8] {
        let end = min(bytes.count, offset + maxCount)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}
