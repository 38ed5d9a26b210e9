import CZlib

/// Decompresses a gzip stream as it is read, with zlib's `inflate` (window bits 15 + 32:
/// gzip or zlib headers detected automatically). Concatenated gzip members, as `cat a.gz b.gz`
/// or parallel compressors write them, are read one after another as one stream.
///
/// A corrupt stream, or one that ends inside a member, throws ``ImportError/Kind/compression``
/// naming the file and the number of bytes decompressed until then. Memory is bounded by the
/// 32 KiB window and the buffers.
public final class GzipByteSource: ByteSource {
    private let base: ByteSource
    private let name: String
    /// zlib keeps a pointer back to the stream, so it lives at a stable address.
    private let stream: UnsafeMutablePointer<z_stream>
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var inMember = false
    private var membersStarted = 0
    private var finished = false
    /// Decompressed bytes delivered so far.
    public private(set) var decompressedOffset = 0

    private static let inputChunk = 64 * 1024

    /// Wraps `base`, which must start with a gzip member; `name` is what errors call the file.
    public init(_ base: ByteSource, name: String) throws(ImportError) {
        self.base = base
        self.name = name
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        if status != Z_OK {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw ImportError(.compression, at: SourceLocation(file: name), "cannot create a gzip decoder (zlib status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    private func failure(_ what: String) -> ImportError {
        ImportError(.compression, at: SourceLocation(file: name),
                    "\(what) (after \(decompressedOffset) decompressed bytes)")
    }

    /// Refills the input buffer; false at the end of the compressed data.
    private func refill() throws(ImportError) -> Bool {
        input = try base.read(upTo: Self.inputChunk)
        inputOffset = 0
        return !input.isEmpty
    }

    public func read(upTo maxCount: Int) throws(ImportError) -> [UInt8] {
        guard maxCount > 0, !finished else { return [] }
        var output = [UInt8](repeating: 0, count: maxCount)
        while true {
            if inputOffset >= input.count {
                if try !refill() {
                    finished = true
                    if inMember { throw failure("truncated gzip stream: it ends inside a member") }
                    return []
                }
            }
            if !inMember {
                // A new member starts (the first one, or one concatenated after the last).
                if membersStarted > 0, inflateReset(stream) != Z_OK {
                    finished = true
                    throw failure("cannot restart the gzip decoder")
                }
                membersStarted += 1
                inMember = true
            }
            var produced = 0
            let status: Int32 = input.withUnsafeMutableBytes { inBytes in
                output.withUnsafeMutableBytes { outBytes in
                    let inBase = inBytes.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.pointee.next_in = inBase + inputOffset
                    stream.pointee.avail_in = uInt(inBytes.count - inputOffset)
                    stream.pointee.next_out = outBytes.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.pointee.avail_out = uInt(outBytes.count)
                    let s = inflate(stream, Z_NO_FLUSH)
                    produced = outBytes.count - Int(stream.pointee.avail_out)
                    inputOffset = inBytes.count - Int(stream.pointee.avail_in)
                    return s
                }
            }
            switch status {
            case Z_STREAM_END:
                inMember = false
            case Z_OK, Z_BUF_ERROR:
                break
            default:
                finished = true
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw failure("corrupt gzip stream: \(detail)")
            }
            if produced > 0 {
                decompressedOffset += produced
                if produced < maxCount { output.removeSubrange(produced...) }
                return output
            }
        }
    }
}
