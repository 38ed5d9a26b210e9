import Foundation
import Testing

/// Output is all or nothing: a failed commit puts the previous files back, and an interrupted
/// run leaves the previous output and no temporary file (the probe found 8 new and 5 old files
/// after a failed rename, and 159 MB of `.NAME.tmp-PID` files after SIGINT).
@Suite("Atomic output")
struct AtomicOutputTests {
    /// Every file below `folder` (relative path → bytes), hidden ones included.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        func walk(_ dir: URL, _ prefix: String) throws {
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
                let url = dir.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue { try walk(url, prefix + name + "/") } else { out[prefix + name] = try Data(contentsOf: url) }
            }
        }
        try walk(folder, "")
        return out
    }

    static func hidden(_ files: [String: Data]) -> [String] {
        files.keys.filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted()
    }

    /// A one-letter relative output folder (`--out n`) once trapped in Foundation's path code.
    @Test func oneLetterRelativeFolders() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandLineTests.run(["analyze", HostileOptionsTests.seed, "--no-images", "--quiet", "--out", "n"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("n/report.md").path))
        let nested = try CommandLineTests.run(["analyze", HostileOptionsTests.seed, "--no-images", "--quiet", "--out", "a/b"], in: folder)
        #expect(nested.status == 0 && FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/b/metrics.json").path), "\(nested.stderr)")
        #expect(Self.hidden(try Self.snapshot(folder)).isEmpty)
    }

    @Test func failedCommitPutsThePreviousOutputBack() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let first = try CommandLineTests.run(["analyze", HostileOptionsTests.seed, "--no-images", "--key-terms", "10", "--out", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        // A folder where topics.csv goes: its rename must fail, after others succeeded.
        try FileManager.default.removeItem(at: out.appendingPathComponent("topics.csv"))
        try FileManager.default.createDirectory(at: out.appendingPathComponent("topics.csv/inside"), withIntermediateDirectories: true)
        let before = try Self.snapshot(out)
        let second = try CommandLineTests.run(["analyze", HostileOptionsTests.seed, "--no-images", "--key-terms", "20", "--out", out.path])
        #expect(second.status != 0)
        #expect(second.stderr.contains("topics.csv") && second.stderr.contains("previous output is unchanged"), "\(second.stderr)")
        let after = try Self.snapshot(out)
        #expect(after == before, "changed: \(after.keys.filter { after[$0] != before[$0] }.sorted())")
        #expect(Self.hidden(after).isEmpty)
    }

    @Test func interruptedRunsLeaveThePreviousOutputAndNoTemporaryFile() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 200 threads, 12,000 comments: long enough to be interrupted at every stage.
        var lines = ""
        var n = 0
        for k in 0..<200 {
            var previous = "t3_s\(k)"
            for j in 0..<60 {
                n += 1
                lines += "{\"id\":\"c\(n)\",\"link_id\":\"t3_s\(k)\",\"parent_id\":\"\(previous)\",\"author\":\"user\(n % 97)\",\"created_utc\":\(1_600_000_000 + n),\"body\":\"policy words \(n % 13) about taxes and climate number \(j) again\"}\n"
                previous = j % 3 == 0 ? "t3_s\(k)" : "t1_c\(n)"
            }
        }
        let input = folder.appendingPathComponent("dump.ndjson")
        try lines.write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let first = try CommandLineTests.run(["analyze", input.path, "--no-images", "--key-terms", "10", "--out", out.path])
        #expect(first.status == 0, "\(first.stderr)")
        let previous = try Self.snapshot(out)
        // Interrupt at once (during the analysis), and while the temporary files are being
        // written (watched for, then SIGTERM at once).
        var caughtWriting = 0
        for attempt in 0..<8 {
            let process = Process()
            process.executableURL = CommandLineTests.executable
            process.arguments = ["analyze", input.path, "--no-images", "--key-terms", "20", "--out", out.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var sawTemporary = false
            if attempt > 0 {
                while process.isRunning, !sawTemporary {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
                    sawTemporary = names.contains { $0.hasPrefix(".") && $0.contains(".tmp-") }
                    if !sawTemporary { usleep(200) }
                }
            }
            process.terminate() // SIGTERM
            process.waitUntilExit()
            let now = try Self.snapshot(out)
            #expect(Self.hidden(now).isEmpty, "attempt \(attempt): \(Self.hidden(now))")
            #expect(Set(now.keys) == Set(previous.keys), "attempt \(attempt)")
            if process.terminationStatus == 128 + SIGTERM || process.terminationReason == .uncaughtSignal {
                #expect(now == previous, "attempt \(attempt): the previous output changed")
                if sawTemporary { caughtWriting += 1 }
            } else {
                // The run finished before the signal: all of its files are the new ones; restore.
                // (Had it been writing, the signal must have stopped it.)
                #expect(!sawTemporary, "attempt \(attempt): SIGTERM while writing did not stop the run")
                #expect(process.terminationStatus == 0)
                let report = String(decoding: now["report.md"] ?? Data(), as: UTF8.self)
                #expect(report.contains("--key-terms 20"))
                let again = try CommandLineTests.run(["analyze", input.path, "--no-images", "--key-terms", "10", "--out", out.path])
                #expect(again.status == 0)
            }
            if caughtWriting >= 2 { break }
        }
        #expect(caughtWriting >= 1, "no run was interrupted while writing")
    }
}
