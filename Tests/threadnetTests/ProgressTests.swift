import Foundation
import Testing
import ThreadNetCore

/// Progress on stderr: shown while a run lasts when stderr is a terminal, never otherwise, and
/// never with `--quiet`.
@Suite("Progress")
struct ProgressTests {
    /// A Pushshift-style dump of `comments` comments in 200 threads.
    static func dump(_ comments: Int, in folder: URL) throws -> URL {
        var text = ""
        text.reserveCapacity(comments * 120)
        for n in 0..<comments {
            let thread = n % 200
            let parent = n < 200 ? "t3_t\(thread)" : "t1_c\(n - 200)"
            text += "{\"id\":\"c\(n)\",\"link_id\":\"t3_t\(thread)\",\"parent_id\":\"\(parent)\",\"author\":\"u\(n % 501)\",\"created_utc\":\(1_600_000_000 + n),\"body\":\"comment number \(n) says something\"}\n"
        }
        let url = folder.appendingPathComponent("dump.ndjson")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// `threadnet` under a pseudo-terminal (`script`), progress shown from the start.
    static func runOnTerminal(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let command = ([CommandLineTests.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qefc", command, "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["THREADNET_PROGRESS_AFTER"] = "0"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a pseudo-terminal"))
    func shownOnATerminalUnlessQuiet() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // About a second per run in a debug build: several ticks of the display (every 0.25 s).
        let input = try Self.dump(8_000, in: folder)
        let shown = try Self.runOnTerminal(["analyze", input.path, "--out", folder.appendingPathComponent("a").path, "--no-images"])
        #expect(shown.status == 0)
        // A progress line names a phase and ends in the elapsed time; lines are redrawn in place.
        #expect(shown.output.contains("\r\u{1B}[Kthreadnet: "), "\(shown.output.suffix(400))")
        #expect(shown.output.contains(" elapsed"))
        let quiet = try Self.runOnTerminal(["analyze", input.path, "--out", folder.appendingPathComponent("b").path, "--no-images", "--quiet"])
        #expect(quiet.status == 0)
        #expect(!quiet.output.contains("elapsed"))
        #expect(quiet.output.contains("wrote "))
    }

    @Test func nothingWhenStderrIsNotATerminal() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Self.dump(8_000, in: folder)
        // Progress would be shown from the start on a terminal.
        let run = try CommandLineTests.run(["analyze", input.path, "--out", folder.appendingPathComponent("a").path, "--no-images"],
                                           environment: ["THREADNET_PROGRESS_AFTER": "0"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    /// The line a watcher sees, from a snapshot.
    @Test func lines() {
        let start = ContinuousClock.now
        let bytes = RunProgress.Snapshot(phase: "reading", done: 120_500_000, total: 332_100_000, unit: "bytes", started: start)
        #expect(bytes.line(at: start + .seconds(2)) == "reading 120.5 MB of 332.1 MB (36%), 60.3 MB/s")
        let items = RunProgress.Snapshot(phase: "metrics", done: 1_200, total: 50_000, unit: "threads", started: start)
        #expect(items.line(at: start + .milliseconds(100)) == "metrics 1200 of 50000 threads")
        #expect(items.line(at: start + .seconds(4)) == "metrics 1200 of 50000 threads, 300/s")
        #expect(RunProgress.Snapshot(phase: "corpus network", done: 0, total: nil, unit: "", started: start).line(at: start + .seconds(1)) == "corpus network")
        let progress = RunProgress()
        progress.begin("analysis", total: 3, unit: "threads")
        progress.advance(); progress.advance()
        #expect(progress.snapshot()?.done == 2 && progress.snapshot()?.phase == "analysis")
        progress.begin("writing", total: 5, unit: "files")
        progress.end()
        #expect(progress.snapshot() == nil)
        #expect(progress.phases.map(\.phase) == ["analysis", "writing"])
        #expect(RunProgress.silent.snapshot() == nil)
    }
}
