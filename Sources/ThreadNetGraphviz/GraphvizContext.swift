import CGraphviz
import Synchronization

/// The process-wide Graphviz context and the lock that serializes every libgvc call.
///
/// libgvc (and the cairo, pango and fontconfig code behind it) is not thread-safe, not even with
/// one context per thread, so there is exactly one `GVC_t`, created lazily by `gvContext()` on
/// first use and only ever touched while `lock` is held.
enum GraphvizContext {
    /// The lazily created context. `OpaquePointer` because `GVC_t` is incomplete in gvc.h.
    private struct State {
        var gvc: OpaquePointer?
    }

    private static let lock = Mutex(State())

    /// Runs `body` with the context while holding the lock, with Graphviz diagnostics captured by
    /// `DiagnosticsSink` from before the context is created until `body` returns.
    static func withLockedContext<Result: Sendable>(
        _ body: (OpaquePointer) throws(GraphvizError) -> Result
    ) throws(GraphvizError) -> Result {
        try lock.withLock { (state: inout State) throws(GraphvizError) -> Result in
            let previous = DiagnosticsSink.begin()
            defer { DiagnosticsSink.end(restoring: previous) }
            if state.gvc == nil {
                state.gvc = gvContext()
            }
            guard let gvc = state.gvc else {
                throw GraphvizError(
                    kind: .missingPlugins,
                    message: "gvContext() failed; install libgraphviz-dev (apt-get install libgraphviz-dev)"
                )
            }
            return try body(gvc)
        }
    }
}
