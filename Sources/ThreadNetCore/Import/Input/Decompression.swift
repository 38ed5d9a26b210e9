/// Recognizes compressed streams by their magic bytes and wraps them in a decompressor.
///
/// - zstd (`28 B5 2F FD`): ``ZstdByteSource``, accepting windows up to 2 GiB (`--long=31`, as
///   the Pushshift and Arctic-shift dumps use);
/// - gzip (`1F 8B`): ``GzipByteSource``, concatenated members included;
/// - anything else: the source itself.
///
/// The sniffed bytes are not lost: they are pushed back in front of the stream.
public enum Decompression {
    /// The magic number of a zstd frame.
    public static let zstdMagic: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]
    /// The magic number of a gzip member.
    public static let gzipMagic: [UInt8] = [0x1F, 0x8B]

    /// Returns `source` itself (behind a pushback of the sniffed bytes) when it is not
    /// compressed, else a decompressing source. `name` is what errors call the file.
    public static func wrap(_ source: ByteSource, name: String) throws(ImportError) -> ByteSource {
        let head = try PushbackByteSource.readPrefix(source, count: 4)
        let whole = PushbackByteSource(source, pushedBack: head)
        if head.starts(with: zstdMagic) { return try ZstdByteSource(whole, name: name) }
        if head.starts(with: gzipMagic) { return try GzipByteSource(whole, name: name) }
        return whole
    }
}
