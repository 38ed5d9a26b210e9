import Foundation
@testable import ThreadNetCore

/// Locates the fixtures of Tests/ThreadNetCoreTests/Fixtures/stream/ relative to this file.
enum StreamFixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Input
        .deletingLastPathComponent()  // Import
        .deletingLastPathComponent()  // ThreadNetCoreTests
        .appendingPathComponent("Fixtures/stream")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// The `<stem>.expected.json` written by scripts/fixture-counts/<stem>.py.
    static func expected(_ stem: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(stem).expected.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The shared sample files, read-only, for detection tests: `shared/fixtures` beside the
    /// repository (as CI lays it out), else `/work/shared/fixtures`.
    static let shared: URL = {
        let root = folder.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let beside = root.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
        return FileManager.default.fileExists(atPath: beside.path) ? beside : URL(fileURLWithPath: "/work/shared/fixtures")
    }()

    /// Every file of the shared folder and of the sibling fixture folders (json, xml, text),
    /// without notes, scripts and expected counts: inputs that belong to other importers.
    static func otherFixtureFiles() -> [URL] {
        var urls: [URL] = []
        let fm = FileManager.default
        let roots = [shared, folder.deletingLastPathComponent().appendingPathComponent("json"),
                     folder.deletingLastPathComponent().appendingPathComponent("xml"),
                     folder.deletingLastPathComponent().appendingPathComponent("text")]
        for root in roots {
            guard let names = try? fm.contentsOfDirectory(atPath: root.path) else { continue }
            for name in names.sorted() where !name.hasSuffix(".md") && !name.hasSuffix(".py") && !name.hasSuffix(".expected.json") {
                urls.append(root.appendingPathComponent(name))
            }
        }
        return urls
    }

    /// The first 64 KiB (decompressed) of a file, as the detector sees them.
    static func head(of url: URL) throws -> [UInt8] {
        try InputSource(path: url.path).head()
    }
}

/// Reads a whole source with reads of `size` bytes.
func drain(_ source: ByteSource, size: Int) throws -> [UInt8] {
    var all: [UInt8] = []
    while true {
        let chunk = try source.read(upTo: size)
        if chunk.isEmpty { return all }
        all.append(contentsOf: chunk)
    }
}

/// The error a throwing closure throws, as an ImportError.
func importError(_ body: () throws -> Void) -> ImportError? {
    do { try body() } catch let error as ImportError { return error } catch { return nil }
    return nil
}
