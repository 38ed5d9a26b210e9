import Foundation

/// Runs python3 for the tests that check outputs with reference tools (networkx, igraph,
/// jsonschema), and says whether those are installed.
enum PythonTool {
    /// Whether `python3 -c "import MODULES"` succeeds.
    static func canImport(_ modules: String) -> Bool {
        (try? run(["-c", "import \(modules)"]).status) == 0
    }

    /// Runs `python3 ARGUMENTS` and returns its exit status and its output (stdout and stderr).
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }
}
