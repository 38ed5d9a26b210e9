import Foundation
import Testing
@testable import ThreadNetCore

/// Fixture access shared by the XML importer tests (Disqus, WXR): a suite conforms and names
/// its importer.
protocol XMLImporterTestSupport {
    associatedtype Importer: ThreadImporter
    static var importer: Importer { get }
}

extension XMLImporterTestSupport {
    static var fixtures: URL { Paths.fixtures.appendingPathComponent("xml") }

    static func fixture(_ name: String) -> InputSource {
        InputSource(path: fixtures.appendingPathComponent(name).path)
    }

    /// The `<stem>.expected.json` written by `scripts/fixture-counts/<stem>.py`.
    static func expected(_ stem: String) throws -> [String: Any] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("\(stem).expected.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func read(_ text: String, name: String = "test.xml") throws(ImportError) -> Corpus {
        try importer.read(InputSource(name: name, text: text), options: ImportOptions())
    }

    /// Reads and returns the error, failing the test when none is thrown.
    static func error(_ text: String, name: String = "bad.xml") -> ImportError? {
        do {
            _ = try read(text, name: name)
            Issue.record("expected an ImportError")
            return nil
        } catch {
            return error
        }
    }

    /// Every file of the shared samples and of all fixture folders, notes and `own` left out:
    /// inputs detection must turn down.
    static func otherFixtureFiles(excluding own: [String]) -> [URL] {
        var files: [URL] = []
        let shared = URL(fileURLWithPath: "/work/shared/fixtures")
        let all = fixtures.deletingLastPathComponent()
        for folder in [shared, all] {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where !url.hasDirectoryPath && url.pathExtension != "md" {
                if own.contains(url.lastPathComponent) { continue }
                files.append(url)
            }
        }
        return files
    }
}
