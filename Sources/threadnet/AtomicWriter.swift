import Foundation

/// Writes a set of files so that a failed run leaves no half-written file: every file is
/// first written in full to a temporary name beside its destination, and only when all
/// are written are they renamed into place.
struct AtomicWriter {
    private var pending: [(path: String, data: [UInt8])] = []

    mutating func add(_ path: String, _ data: [UInt8]) { pending.append((path, data)) }
    mutating func add(_ path: String, text: String) { pending.append((path, Array(text.utf8))) }

    /// Writes everything, or nothing.
    func commit() throws {
        let fm = FileManager.default
        var temps: [(temp: String, final: String)] = []
        do {
            for (path, data) in pending {
                let dir = (path as NSString).deletingLastPathComponent
                if !dir.isEmpty { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
                let temp = (dir.isEmpty ? "" : dir + "/") + ".\((path as NSString).lastPathComponent).tmp-\(getpid())"
                guard fm.createFile(atPath: temp, contents: Data(data)) else {
                    throw CLIError("cannot write \(temp): \(String(cString: strerror(errno)))")
                }
                temps.append((temp, path))
            }
            for (temp, final) in temps {
                if rename(temp, final) != 0 { throw CLIError("cannot move \(temp) to \(final): \(String(cString: strerror(errno)))") }
            }
        } catch {
            for (temp, _) in temps { try? fm.removeItem(atPath: temp) }
            throw error
        }
    }
}
