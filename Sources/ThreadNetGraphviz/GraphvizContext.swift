import CGraphviz
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process-wide Graphviz context and the lock that serializes every libgvc call.
///
/// libgvc (and the cairo, pango and fontconfig code behind it) is not thread-safe, not even with
/// one context per thread, so there is exactly one `GVC_t`, created lazily by `gvContext()` on
/// first use and only ever touched while `lock` is held.
///
/// The lock is a POSIX mutex rather than `Synchronization.Mutex`: ThreadSanitizer intercepts
/// `pthread_mutex_lock`, so it sees the ordering the lock gives (with `Mutex`, whose futex it
/// does not model, every access under the lock was reported as a race).
enum GraphvizContext {
    /// The lazily created context. `OpaquePointer` because `GVC_t` is incomplete in gvc.h.
    /// Touched only while `lock` is held.
    nonisolated(unsafe) private static var gvc: OpaquePointer?

    /// The mutex, at a fixed address for the life of the process.
    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        m.initialize(to: pthread_mutex_t())
        pthread_mutex_init(m, nil)
        return m
    }()

    /// Runs `body` with the context while holding the lock, with Graphviz diagnostics captured by
    /// `DiagnosticsSink` from before the context is created until `body` returns.
    static func withLockedContext<Result: Sendable>(
        _ body: (OpaquePointer) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        let previous = DiagnosticsSink.begin()
        defer { DiagnosticsSink.end(restoring: previous) }
        if gvc == nil {
            gvc = gvContext()
        }
        guard let gvc else {
            throw GraphvizError(
                kind: .missingPlugins,
                message: "gvContext() failed; install libgraphviz-dev (apt-get install libgraphviz-dev)"
            )
        }
        return try body(gvc)
    }
}
