import CZstd

/// Decompresses a zstd stream (one or more frames) as it is read, with libzstd's streaming API.
///
/// The decoder accepts windows up to 2 GiB (`ZSTD_d_windowLogMax` = 31): the Pushshift and
/// Arctic-shift monthly dumps are written with `zstd --long=31`, and a default decoder refuses
/// them ("Frame requires too much memory"). Memory is the compressed input buffer, the
/// caller's output chunk and the window actually used (at most the data decoded so far).
///
/// A corrupt stream, or one that ends inside a frame, throws ``ImportError/Kind/compression``
/// naming the file and the number of bytes decompressed until then.
public final class ZstdByteSource: ByteSource {
    private let base: ByteSource
    private let name: String
    private let context: OpaquePointer
    private var input: [UInt8] = []
    private var inputOffset = 0
    /// The last hint from `ZSTD_decompressStream`: 0 when a frame has just been completed.
    private var frameHint = 0
    /// Whether the last call filled the whole output buffer (more may be waiting inside).
    private var outputWasFull = false
    private var sawInput = false
    private var finished = false
    /// Decompressed bytes delivered so far.
    public private(set) var decompressedOffset = 0

    /// The largest window accepted, as a power of two.
    public static let windowLogMax: Int32 = 31

    /// Wraps `base`, which must start with a zstd frame; `name` is what errors call the file.
    public init(_ base: ByteSource, name: String) throws(ImportError) {
        guard let context = ZSTD_createDCtx() else {
            throw ImportError(.compression, at: SourceLocation(file: name), "cannot create a zstd decoder")
        }
        let set = ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, Self.windowLogMax)
        if ZSTD_isError(set) != 0 {
            ZSTD_freeDCtx(context)
            throw ImportError(.compression, at: SourceLocation(file: name), "cannot configure the zstd decoder: \(Self.errorName(set))")
        }
        self.base = base
        self.name = name
        self.context = context
    }

    deinit { ZSTD_freeDCtx(context) }

    private static func errorName(_ code: Int) -> String {
        guard let cString = ZSTD_getErrorName(code) else { return "error \(code)" }
        return String(cString: cString)
    }

    private func failure(_ what: String) -> ImportError {
        ImportError(.compression, at: SourceLocation(file: name),
                    "corrupt zstd stream: \(what) (after \(decompressedOffset) decompressed bytes)")
    }

    public func read(upTo maxCount: Int) throws(ImportError) -> [UInt8] {
        guard maxCount > 0, !finished else { return [] }
        var output = [UInt8](repeating: 0, count: maxCount)
        while true {
            if inputOffset >= input.count && !outputWasFull {
                input = try base.read(upTo: ZSTD_DStreamInSize())
                inputOffset = 0
                if input.isEmpty {
                    finished = true
                    if frameHint != 0 || !sawInput {
                        throw ImportError(.compression, at: SourceLocation(file: name),
                                          "truncated zstd stream: it ends inside a frame (after \(decompressedOffset) decompressed bytes)")
                    }
                    return []
                }
                sawInput = true
            }
            var produced = 0
            var consumed = inputOffset
            let result: Int = input.withUnsafeBytes { inBytes in
                output.withUnsafeMutableBytes { outBytes in
                    var inBuffer = ZSTD_inBuffer(src: inBytes.baseAddress, size: inBytes.count, pos: inputOffset)
                    var outBuffer = ZSTD_outBuffer(dst: outBytes.baseAddress, size: outBytes.count, pos: 0)
                    let r = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
                    produced = outBuffer.pos
                    consumed = inBuffer.pos
                    return r
                }
            }
            if ZSTD_isError(result) != 0 { finished = true; throw failure(Self.errorName(result)) }
            // A call that neither consumed nor produced (asked again after a frame ended exactly
            // at the end of the output buffer) reports the next frame's header size: not a sign
            // that the stream is truncated, so the last real hint stays.
            if produced > 0 || consumed != inputOffset { frameHint = result }
            inputOffset = consumed
            outputWasFull = produced == maxCount
            if produced > 0 {
                decompressedOffset += produced
                if produced < maxCount { output.removeSubrange(produced...) }
                return output
            }
        }
    }
}
