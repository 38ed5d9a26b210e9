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
            if relative.hasSuffix(".md") || relative.hasSuffix(".expected.json") { continue }
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

/// The importer-level facts the fixture-count scripts compute, counted from a thread.
struct ThreadFacts: Equatable, CustomStringConvertible {
    var comments = 0, topLevel = 0, replies = 0, orphans = 0, authors = 0, deleted = 0

    init(_ thread: CommentThread) {
        let ids = Set(thread.comments.map(\.id))
        comments = thread.comments.count
        for c in thread.comments {
            if let p = c.parentID { if ids.contains(p) { replies += 1 } else { orphans += 1 } } else { topLevel += 1 }
            if !c.status.isDisjoint(with: [.deleted, .removed]) { deleted += 1 }
        }
        authors = Set(thread.comments.map(\.author).filter { !$0.isEmpty }).count
    }

    init(_ corpus: Corpus) {
        var all = Set<String>()
        for t in corpus.threads {
            let f = ThreadFacts(t)
            comments += f.comments; topLevel += f.topLevel; replies += f.replies
            orphans += f.orphans; deleted += f.deleted
            all.formUnion(t.comments.map(\.author).filter { !$0.isEmpty })
        }
        authors = all.count
    }

    /// The same keys read from an expected.json block.
    init(expected block: [String: Any]) {
        comments = block["comments"] as? Int ?? -1
        topLevel = block["topLevel"] as? Int ?? -1
        replies = block["replies"] as? Int ?? -1
        orphans = block["orphans"] as? Int ?? -1
        authors = block["authors"] as? Int ?? -1
        deleted = block["deleted"] as? Int ?? -1
    }

    var description: String {
        "comments \(comments), topLevel \(topLevel), replies \(replies), orphans \(orphans), authors \(authors), deleted \(deleted)"
    }
}
