import Foundation

/// One input as the user named it: a file on disk or bytes in memory (tests, stdin).
///
/// Opening it yields a ``ByteSource``; compressed files (`.gz`, `.zst`) are decompressed as a
/// stream, recognized by their magic bytes.
public struct InputSource: Sendable {
    /// The name used in findings and errors (the path as the user typed it).
    public var name: String
    /// Where the bytes are: a file path, or bytes already in memory.
    public var storage: Storage
    /// Counts the raw bytes read through ``openRaw()``, when set.
    public var progress: RunProgress?
    /// Bounds on decompression and line length (``Importers/read(_:options:progress:)`` sets
    /// them from the import options).
    public var limits = InputLimits()

    public enum Storage: Sendable {
        case file(path: String)
        case memory([UInt8])
    }

    /// An input read from a file.
    public init(path: String) {
        self.name = path
        self.storage = .file(path: path)
    }

    /// An input held in memory, named `name` in findings.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.storage = .memory(bytes)
    }

    /// An input held in memory, UTF-8 encoded.
    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The file name without directories, for default output folder names.
    public var baseName: String { (name as NSString).lastPathComponent }

    /// Opens the raw (still compressed) bytes.
    public func openRaw() throws(ImportError) -> ByteSource {
        let source: ByteSource
        switch storage {
        case .memory(let bytes): source = MemoryByteSource(bytes)
        case .file(let path): source = try FileByteSource(path: path, name: name)
        }
        return progress.map { CountingByteSource(source, progress: $0) } ?? source
    }

    /// The size of the raw input in bytes, when known (a regular file or memory).
    public var byteCount: Int? {
        switch storage {
        case .memory(let bytes): return bytes.count
        case .file(let path):
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return Int(info.st_size)
        }
    }

    /// The same input, with the raw bytes read counted by `progress`.
    public func counting(_ progress: RunProgress) -> InputSource {
        var copy = self
        copy.progress = progress
        return copy
    }

    /// Opens the input, decompressing `.gz` and `.zst` streams by their magic bytes.
    public func open() throws(ImportError) -> ByteSource {
        let raw = RawByteCounter(try openRaw())
        let source = try Decompression.wrap(raw, name: name)
        guard source !== raw, !(source is PushbackByteSource) else { return source }
        return ExpansionBound(source, raw: raw, knownSize: byteCount, limits: limits, name: name)
    }

    /// The whole decompressed input.
    public func readAll() throws(ImportError) -> [UInt8] {
        try open().readToEnd()
    }

    /// The first `count` decompressed bytes (or fewer), for format detection.
    public func head(_ count: Int = 64 * 1024) throws(ImportError) -> [UInt8] {
        let source = try open()
        var out: [UInt8] = []
        while out.count < count {
            let chunk = try source.read(upTo: count - out.count)
            if chunk.isEmpty { break }
            out.append(contentsOf: chunk)
        }
        return out
    }
}
