/// Passes another source's bytes through, counting them into a ``RunProgress``.
final class CountingByteSource: ByteSource {
    private let source: ByteSource
    private let progress: RunProgress

    init(_ source: ByteSource, progress: RunProgress) {
        self.source = source
        self.progress = progress
    }

    func read(upTo maxCount: Int) throws(ImportError) -> [UInt8] {
        let chunk = try source.read(upTo: maxCount)
        progress.advance(chunk.count)
        return chunk
    }
}
