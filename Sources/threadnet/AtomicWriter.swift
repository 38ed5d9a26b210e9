import Foundation
import ThreadNetCore

/// Writes a set of files all or nothing: every file is first written in full to a temporary
/// name beside its destination (`.NAME.tmp-PID`), and only when all are written are they
/// renamed into place, each previous file first moved aside (`.NAME.bak-PID`). If a rename
/// fails (a folder where a file goes, a full disk), every file already moved is put back, so
/// the folder holds the previous run's files exactly; the backups are removed once all files
/// are in place. An interrupted run (SIGINT, SIGTERM, SIGHUP) removes its temporary files and
/// leaves the previous output as it was (``TemporaryFiles``); a failed one also removes the
/// folders it created, when they are empty.
///
/// With a manifest folder (``init(manifestIn:)``), the commit also writes the folder's
/// ``OutputManifest`` and removes the files an earlier run's manifest lists that this run did
/// not write, in the same all-or-nothing swap (a failure puts them back too), then the folders
/// they leave empty. Files no manifest lists are never touched.
///
/// Files given as writers (``OutputFile``) stream into their temporary file as they are
/// produced, several at once (one per core); the order of the files does not change their
/// bytes.
struct AtomicWriter {
    private enum Contents {
        case bytes([UInt8])
        case text(String)
        case stream(@Sendable (TextOutput) -> Void)
        /// A writer that may fail: its message fails the commit, which then writes nothing.
        case failable(@Sendable (TextOutput) -> String?)
    }

    private var pending: [(path: String, contents: Contents)] = []
    /// The output folder whose manifest the commit keeps, if any.
    private let manifestFolder: String?

    /// A writer; with `folder`, the commit keeps `folder/manifest.json` and removes stale files.
    init(manifestIn folder: String? = nil) { manifestFolder = folder }

    mutating func add(_ path: String, _ data: [UInt8]) { pending.append((path, .bytes(data))) }
    /// Text is kept as it is and written from its own UTF-8 storage, without a copy.
    mutating func add(_ path: String, text: String) { pending.append((path, .text(text))) }
    /// The writer runs when the files are committed, straight into the temporary file.
    mutating func add(_ path: String, writer: @escaping @Sendable (TextOutput) -> Void) { pending.append((path, .stream(writer))) }
    /// A writer that returns an error message when it cannot write its file; then nothing is committed.
    mutating func add(_ path: String, failableWriter: @escaping @Sendable (TextOutput) -> String?) { pending.append((path, .failable(failableWriter))) }

    /// Writes everything, or nothing; `progress` counts the files written.
    func commit(progress: RunProgress = .silent, timings: Bool = false) throws {
        let fm = FileManager.default
        let pid = getpid()
        func sibling(_ path: String, _ suffix: String) -> String {
            let dir = Self.parent(of: path)
            return (dir.isEmpty ? "" : dir + "/") + ".\(path.split(separator: "/").last ?? "").\(suffix)-\(pid)"
        }
        let temps = pending.map { (temp: sibling($0.path, "tmp"), final: $0.path) }
        TemporaryFiles.installHandlers()
        TemporaryFiles.register(temps.map(\.temp))
        defer { TemporaryFiles.unregister(temps.map(\.temp)) }
        progress.begin("writing", total: pending.count, unit: "files")
        defer { progress.end() }
        // The folders this commit creates, removed again (when empty) if it fails.
        var created: [String] = []
        do {
            for dir in Set(pending.map { Self.parent(of: $0.path) }).sorted() where !dir.isEmpty {
                var missing = dir
                while !missing.isEmpty, missing != "/", !fm.fileExists(atPath: missing) {
                    created.append(missing)
                    missing = Self.parent(of: missing)
                }
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            }
            // Largest first, so that a long file does not start last.
            let order = pending.indices.sorted { Self.weight(pending[$0].contents) > Self.weight(pending[$1].contents) }
            let failures = Parallel.map(order) { i -> String? in
                defer { progress.advance() }
                let start = ContinuousClock.now
                defer {
                    if timings {
                        let d = ContinuousClock.now - start
                        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
                        if seconds > 0.05 { FileHandle.standardError.write(Data("threadnet:   \(pending[i].path): \(String(format: "%.3f", seconds)) s\n".utf8)) }
                    }
                }
                return Self.write(pending[i].contents, to: temps[i].temp)
            }
            if let failure = failures.compactMap({ $0 }).first { throw CLIError(failure) }
            var all = temps
            var stale: [String] = []
            if let folder = manifestFolder {
                let prefix = folder + "/" // as add(documents:diagrams:under:) joins them
                var files: [String: Int] = [:]
                for (temp, final) in temps where final.hasPrefix(prefix) {
                    var info = stat()
                    files[String(final.dropFirst(prefix.count))] = stat(temp, &info) == 0 ? Int(info.st_size) : 0
                }
                let manifest = prefix + OutputManifest.fileName
                files[OutputManifest.fileName] = nil
                let temp = sibling(manifest, "tmp")
                TemporaryFiles.register([temp])
                defer { TemporaryFiles.unregister([temp]) }
                if let failure = Self.write(.text(OutputManifest(files: files).json), to: temp) { throw CLIError(failure) }
                all.append((temp, manifest))
                let previous = OutputManifest.read(in: folder)?.files.keys.sorted() ?? []
                stale = previous.filter { files[$0] == nil && $0 != OutputManifest.fileName }.map { prefix + $0 }
            }
            // Runs writing into the same folder at once take turns to swap their files in, so
            // the folder always holds one run's files, never a mix.
            let folder = pending.first.map { Self.parent(of: $0.path) } ?? "."
            let lock = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
            if lock >= 0 { flock(lock, LOCK_EX) }
            defer { if lock >= 0 { close(lock) } }
            try Self.swapIn(all, removing: stale, backup: { sibling($0, "bak") })
            Self.removeEmptyFolders(above: stale, upTo: manifestFolder)
        } catch {
            for (temp, _) in temps { unlink(temp) }
            if let folder = manifestFolder { unlink(sibling(folder + "/" + OutputManifest.fileName, "tmp")) }
            for dir in Set(created).sorted(by: { $0.count > $1.count }) { rmdir(dir) }
            throw error
        }
    }

    /// Renames every temporary file into place, moving each previous file aside first, and moves
    /// the `removing` files (stale ones, regular files only) aside; on the first failure puts
    /// everything back. The moved-aside files are deleted once all is in place. Holds
    /// ``TemporaryFiles/lock`` throughout, so an interruption waits for the folder to be whole
    /// again.
    private static func swapIn(_ temps: [(temp: String, final: String)], removing: [String] = [], backup name: (String) -> String) throws {
        try TemporaryFiles.lock.withLock { state in
            var done: [(final: String, backup: String?)] = []
            func rollBack() {
                for (final, backup) in done.reversed() {
                    if let backup {
                        rename(backup, final)
                        state.backups[backup] = nil
                    } else {
                        unlink(final)
                    }
                }
            }
            for (temp, final) in temps {
                var backup: String?
                var info = stat()
                if lstat(final, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
                    let b = name(final)
                    guard rename(final, b) == 0 else {
                        let reason = String(cString: strerror(errno))
                        rollBack()
                        throw CLIError("cannot replace \(final): \(reason); the previous output is unchanged")
                    }
                    state.backups[b] = final
                    backup = b
                }
                guard rename(temp, final) == 0 else {
                    let reason = String(cString: strerror(errno))
                    if let backup {
                        rename(backup, final)
                        state.backups[backup] = nil
                    }
                    rollBack()
                    throw CLIError("cannot write \(final): \(reason); the previous output is unchanged")
                }
                done.append((final, backup))
            }
            for final in removing {
                var info = stat()
                guard lstat(final, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                let b = name(final)
                guard rename(final, b) == 0 else {
                    let reason = String(cString: strerror(errno))
                    rollBack()
                    throw CLIError("cannot remove the stale file \(final): \(reason); the previous output is unchanged")
                }
                state.backups[b] = final
                done.append((final, b))
            }
            for case let (_, backup?) in done {
                unlink(backup)
                state.backups[backup] = nil
            }
        }
    }

    /// The folder part of `path` (`a/b` for `a/b/c`, `""` for `c`, `/` for `/c`). Not
    /// `NSString.deletingLastPathComponent`, which traps on a one-character relative path
    /// (`--out n`) in this Foundation.
    static func parent(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Removes the folders that held `files` and are now empty, deepest first, never `top`
    /// itself or anything above it.
    private static func removeEmptyFolders(above files: [String], upTo top: String?) {
        guard let top else { return }
        let prefix = top + "/"
        var folders = Set<String>()
        for file in files {
            var dir = Self.parent(of: file)
            while dir.hasPrefix(prefix), dir.count > prefix.count {
                folders.insert(dir)
                dir = Self.parent(of: dir)
            }
        }
        for dir in folders.sorted(by: { $0.count > $1.count }) { rmdir(dir) }
    }

    /// Streamed files are the large ones (CSV, JSON): start them first.
    private static func weight(_ contents: Contents) -> Int {
        switch contents {
        case .stream, .failable: Int.max
        case .bytes(let b): b.count
        case .text(let t): t.utf8.count
        }
    }

    /// Writes one file; the error message when it fails.
    private static func write(_ contents: Contents, to path: String) -> String? {
        let fd = TemporaryFiles.create(path)
        guard fd >= 0 else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
        let out = TextOutput.file(descriptor: fd)
        switch contents {
        case .bytes(let bytes): out.write(bytes: bytes)
        case .text(let text): out.write(text)
        case .stream(let writer): writer(out)
        case .failable(let writer):
            if let message = writer(out) {
                _ = out.close()
                return message
            }
        }
        let error = out.close()
        return error == 0 ? nil : "cannot write \(path): \(String(cString: strerror(error)))"
    }
}
