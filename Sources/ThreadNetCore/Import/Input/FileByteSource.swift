#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read in chunks with `fread`.
public final class FileByteSource: ByteSource {
    private let file: UnsafeMutablePointer<FILE>
    private let name: String

    /// Opens `path`; `name` is what errors call the file.
    public init(path: String, name: String) throws(ImportError) {
        var isDirectory = false
        if let handle = fopen(path, "rb") {
            var info = stat()
            if fstat(fileno(handle), &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { isDirectory = true }
            if !isDirectory {
                self.file = handle
                self.name = name
                return
            }
            fclose(handle)
        }
        let reason = isDirectory ? "is a directory" : String(cString: strerror(errno))
        throw ImportError(.unreadable, at: SourceLocation(file: name), "cannot read the file: \(reason)")
    }

    deinit { fclose(file) }

    public func read(upTo maxCount: Int) throws(ImportError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maxCount)
        let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, maxCount, file) }
        if n < maxCount, ferror(file) != 0 {
            throw ImportError(.unreadable, at: SourceLocation(file: name), "read error: \(String(cString: strerror(errno)))")
        }
        buffer.removeSubrange(n...)
        return buffer
    }
}
