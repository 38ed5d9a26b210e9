import Foundation
import Testing

/// A run keeps `manifest.json` and removes what an earlier run listed there and this run did not
/// write (the issue's case: `topics.png` of an earlier run kept and embedded), never a file
/// ThreadNet did not write.
@Suite("Output manifest and stale files")
struct OutputManifestTests {
    /// Every regular file below `folder` except `manifest.json`, relative path → size.
    static func sizes(_ folder: URL) throws -> [String: Int] {
        try AtomicOutputTests.snapshot(folder).filter { $0.key != "manifest.json" }.mapValues(\.count)
    }

    static func manifest(_ folder: URL) throws -> [String: Int] {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try #require(object["files"] as? [[String: Any]])
        var out: [String: Int] = [:]
        for f in files { out[try #require(f["path"] as? String)] = try #require(f["bytes"] as? Int) }
        return out
    }

    @Test func secondRunRemovesWhatItNoLongerWrites() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Six threads of 3–8 comments: with --detail 6 every thread gets a folder of diagrams.
        var lines = ""
        for k in 0..<6 {
            for j in 0..<(3 + k) {
                lines += "{\"id\":\"c\(k)_\(j)\",\"link_id\":\"t3_s\(k)\",\"parent_id\":\"\(j == 0 ? "t3_s\(k)" : "t1_c\(k)_\(j - 1)")\",\"author\":\"user\(j % 3)\",\"created_utc\":\(1_600_000_000 + 60 * j),\"body\":\"words about taxes \(j)\"}\n"
            }
        }
        let input = folder.appendingPathComponent("dump.ndjson")
        try lines.write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let first = try CommandLineTests.run(["analyze", input.path, "--detail", "6", "--out", out.path, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let written = try Self.sizes(out)
        #expect(try Self.manifest(out) == written, "the manifest lists every file written, with its size")
        #expect(written.keys.contains { $0.hasPrefix("threads/") && $0.hasSuffix(".png") })
        // Files the user put there, at the top and inside a thread folder ThreadNet made.
        let threadFolder = try #require(written.keys.first { $0.hasPrefix("threads/") && $0.hasSuffix("/reply-tree.png") }).split(separator: "/").dropLast().joined(separator: "/")
        try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
        try Data("mine".utf8).write(to: out.appendingPathComponent(threadFolder + "/my-notes.txt"))

        let second = try CommandLineTests.run(["analyze", input.path, "--detail", "1", "--no-images", "--out", out.path, "--quiet"])
        #expect(second.status == 0, "\(second.stderr)")
        let now = try Self.sizes(out)
        let listed = try Self.manifest(out)
        #expect(now.filter { $0.key != "notes.txt" && $0.key != threadFolder + "/my-notes.txt" } == listed)
        let drawings = now.keys.filter { $0.hasSuffix(".png") || ($0.hasSuffix(".svg") && now[$0.dropLast(4) + ".dot"] != nil) }
        #expect(drawings.isEmpty, "rendered diagrams of the first run are gone: \(drawings.sorted())")
        #expect(now["notes.txt"] == 4 && now[threadFolder + "/my-notes.txt"] == 4, "files ThreadNet did not write stay")
        #expect(listed.keys.filter { $0.hasPrefix("threads/") }.count < written.keys.filter { $0.hasPrefix("threads/") }.count)
        // Thread folders left empty are removed; the one holding the user's file stays.
        let threads = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("threads").path)
        let expectedFolders = Set(listed.keys.compactMap { $0.hasPrefix("threads/") ? $0.split(separator: "/")[1] : nil }.map(String.init))
            .union([String(threadFolder.split(separator: "/")[1])])
        #expect(Set(threads) == expectedFolders)
        #expect(AtomicOutputTests.hidden(try AtomicOutputTests.snapshot(out)).isEmpty)
    }

    /// A manifest naming files outside its folder (hand-edited or hostile) removes nothing there.
    @Test func manifestCannotReachOutsideItsFolder() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let victim = folder.appendingPathComponent("victim.txt")
        try Data("keep".utf8).write(to: victim)
        let manifest = #"{"files": [{"bytes": 4, "path": "../victim.txt"}, {"bytes": 4, "path": "\#(victim.path)"}], "threadnet": "0.1.0"}"#
        try Data(manifest.utf8).write(to: out.appendingPathComponent("manifest.json"))
        let run = try CommandLineTests.run(["analyze", HostileOptionsTests.seed, "--no-images", "--out", out.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: victim.path))
    }
}
