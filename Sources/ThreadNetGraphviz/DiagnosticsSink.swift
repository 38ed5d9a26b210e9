import CGraphviz

/// Captures the errors and warnings libcgraph reports while one Graphviz job runs.
///
/// libcgraph reports through one process-wide C callback (`agseterrf`) that carries no context,
/// so the text lands in a process-wide buffer. That buffer is `nonisolated(unsafe)` and is only
/// touched while `GraphvizContext`'s lock is held: `begin` and `end` are called by
/// `GraphvizContext.withLockedContext`, and `current` by code running inside it.
enum DiagnosticsSink {
    /// What Graphviz reported, split into messages by level.
    struct Diagnostics {
        var errors: [String] = []
        var warnings: [String] = []
    }

    /// The chunks handed to the callback, in order. Guarded by `GraphvizContext`'s lock.
    nonisolated(unsafe) private static var chunks: [String] = []

    /// Clears the buffer and the error level, and routes every message (warnings included) to the
    /// capturing callback. Returns the callback that was installed before.
    static func begin() -> agusererrf? {
        chunks.removeAll(keepingCapacity: true)
        _ = agreseterrors()
        _ = agseterr(AGWARN)
        return agseterrf { text in
            if let text { DiagnosticsSink.chunks.append(String(cString: text)) }
            return 0
        }
    }

    /// Reinstalls `previous` and clears the buffer.
    static func end(restoring previous: agusererrf?) {
        _ = agseterrf(previous)
        chunks.removeAll()
    }

    /// True when libcgraph recorded an error-level message since `begin`.
    static var hasError: Bool {
        agerrors() >= Int32(AGERR.rawValue)
    }

    /// The messages captured so far, split by level.
    ///
    /// libcgraph's `userout` calls the callback three times per message: "Error" or "Warning",
    /// then ": ", then the formatted text; continuation messages (`AGPREV`) arrive as text alone
    /// and are appended to the message before them.
    static var current: Diagnostics {
        var result = Diagnostics()
        var level: String?
        var text = ""
        func flush() {
            let message = text.trimmingWhitespace()
            if !message.isEmpty {
                if level == "Error" { result.errors.append(message) } else { result.warnings.append(message) }
            }
            text = ""
        }
        var index = 0
        while index < chunks.count {
            let chunk = chunks[index]
            if chunk == "Error" || chunk == "Warning", index + 1 < chunks.count, chunks[index + 1] == ": " {
                flush()
                level = chunk
                index += 2
                continue
            }
            text += chunk
            index += 1
        }
        flush()
        return result
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
