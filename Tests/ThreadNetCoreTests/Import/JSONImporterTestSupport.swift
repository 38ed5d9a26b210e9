import Foundation
import Testing
@testable import ThreadNetCore

/// Fixture access and fact counting shared by the nested-JSON importer tests.
enum JSONFixture {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let folder = testsFolder.appendingPathComponent("Fixtures/json")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func input(_ name: String) -> InputSource { InputSource(path: path(name)) }

    /// The `<stem>.expected.json` written by `scripts/fixture-counts/<stem>.py`.
    static func expected(_ stem: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(stem).expected.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Every fixture file of every test folder (other engineers' too), for detection tests.
    static func allFixtureFiles() -> [String] {
        let root = testsFolder.appendingPathComponent("Fixtures").resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let full = root.appendingPathComponent(relative).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            // Reference outputs (.expected.json counts, .network.json measures) are not inputs.
            if relative.hasSuffix(".md") || relative.hasSuffix(".expected.json") || relative.hasSuffix(".network.json") || relative.hasSuffix(".time.json") || relative.hasSuffix(".record.json") || relative.hasSuffix(".community.json") { continue }
            files.append(full)
        }
        return files.sorted()
    }

    /// The decompressed head of a fixture as detection sees it.
    static func head(_ path: String) throws -> [UInt8] {
        try InputSource(path: path).head()
    }

    /// Reads an in-memory document.
    static func read<I: ThreadImporter>(_ importer: I, _ text: String, name: String = "test.json",
                                        options: ImportOptions = ImportOptions()) throws(ImportError) -> Corpus {
        try importer.read(InputSource(name: name, text: text), options: options)
    }

    /// The error an in-memory document throws, if any.
    static func error<I: ThreadImporter>(_ importer: I, _ text: String, name: String = "test.json") -> ImportError? {
        do {
            _ = try importer.read(InputSource(name: name, text: text), options: ImportOptions())
            return nil
        } catch {
            return error
        }
    }
}
