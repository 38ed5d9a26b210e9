import Dispatch
import Foundation
import Synchronization

/// The temporary and backup files a run has on disk, removed if the run is interrupted.
///
/// SIGINT, SIGTERM and SIGHUP are taken over (their default action would leave temporary files
/// behind; SIGINT and SIGHUP only when not already ignored): a dispatch source receives each, removes every registered file, puts back the
/// previous files a commit had moved aside, and exits with status 128 + the signal number.
/// ``AtomicWriter`` holds ``lock`` while it renames files into place, so an interruption waits
/// for the renaming to finish and never sees a half-committed folder.
enum TemporaryFiles {
    struct State: ~Copyable {
        /// Files to delete on interruption.
        var temporary: Set<String> = []
        /// Previous files moved aside, to put back on interruption: backup → original path.
        var backups: [String: String] = [:]
        var sources: [DispatchSourceSignal] = []
        var installed = false
        /// Set by an interruption: no temporary file is created any more.
        var interrupted = false
    }

    static let lock = Mutex(State())

    /// Installs the signal handlers (once; later calls do nothing).
    static func installHandlers() {
        lock.withLock { state in
            guard !state.installed else { return }
            state.installed = true
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                // A SIGINT or SIGHUP ignored when the run started (a background job, `nohup`)
                // stays ignored; SIGTERM, a request to stop, is always honoured.
                let previous = signal(sig, SIG_IGN)
                if sig != SIGTERM, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { interrupted(by: sig) }
                source.resume()
                state.sources.append(source)
            }
        }
    }

    /// Creates (truncates) the registered temporary file `path` for writing; -1 with `errno`
    /// set when that fails, or once the run is interrupted. Creating under the lock closes the
    /// window in which a writer could create a file just after the interruption removed the
    /// registered ones.
    static func create(_ path: String) -> Int32 {
        lock.withLock { state in
            guard !state.interrupted else {
                errno = EINTR
                return -1
            }
            return open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
    }

    static func register(_ paths: [String]) { lock.withLock { $0.temporary.formUnion(paths) } }
    static func unregister(_ paths: [String]) { lock.withLock { $0.temporary.subtract(paths) } }

    /// Cleans up and exits; runs on a dispatch queue, not in signal context.
    private static func interrupted(by sig: Int32) -> Never {
        lock.withLock { state in
            state.interrupted = true
            for path in state.temporary { unlink(path) }
            for (backup, original) in state.backups { rename(backup, original) }
        }
        FileHandle.standardError.write(Data("\nthreadnet: interrupted; the previous output is unchanged and no temporary file is left\n".utf8))
        _exit(128 + sig)
    }
}
