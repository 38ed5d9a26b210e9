import Foundation

/// Writes a set of files so that a failed run leaves no half-written file: every file is
/// first written in full to a temporary name beside its destination, and only when all
/// are written are they renamed into place.
struct AtomicWriter {
    private enum Contents {
        case bytes([UInt8])
        case text(String)
    }

    private var pending: [(path: String, contents: Contents)] = []

    mutating func add(_ path: String, _ data: [UInt8]) { pending.append((path, .bytes(data))) }
    /// Text is kept as it is and written from its own UTF-8 storage, without a copy.
    mutating func add(_ path: String, text: String) { pending.append((path, .text(text))) }

    /// Writes everything, or nothing.
    func commit() throws {
        let fm = FileManager.default
        var temps: [(temp: String, final: String)] = []
        do {
            for (path, contents) in pending {
                let dir = (path as NSString).deletingLastPathComponent
                if !dir.isEmpty { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
                let temp = (dir.isEmpty ? "" : dir + "/") + ".\((path as NSString).lastPathComponent).tmp-\(getpid())"
                temps.append((temp, path))
                try Self.write(contents, to: temp)
            }
            for (temp, final) in temps {
                if rename(temp, final) != 0 { throw CLIError("cannot move \(temp) to \(final): \(String(cString: strerror(errno)))") }
            }
        } catch {
            for (temp, _) in temps { try? fm.removeItem(atPath: temp) }
            throw error
        }
    }

    private static func write(_ contents: Contents, to path: String) throws {
        guard let file = fopen(path, "wb") else { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
        var ok: Bool
        switch contents {
        case .bytes(let bytes):
            ok = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) == $0.count }
        case .text(var text):
            ok = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) == $0.count }
        }
        ok = fclose(file) == 0 && ok
        if !ok { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
    }
}
