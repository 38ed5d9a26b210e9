import Foundation
import Testing
@testable import ThreadNetCore

/// The detailed threads' folders of partial results (``PartialFolders``) and the rules they
/// share with ``ReportBundle``: which threads are detailed and what their folders are called.
@Suite("Partial results: thread folders")
struct PartialFoldersTests {
    /// Most comments first, ties by corpus order; at most `detail`.
    @Test func detailedThreads() {
        #expect(ReportBundle.detailed([5, 9, 9, 1, 9], detail: 2) == [1, 2])
        #expect(ReportBundle.detailed([5, 9, 9, 1, 9], detail: 10) == [1, 2, 4, 0, 3])
        #expect(ReportBundle.detailed([3], detail: 0).isEmpty)
    }

    /// A name taken by an earlier thread gets -2, -3, … in the order given.
    @Test func folderNamesAreUnique() {
        #expect(ReportBundle.folderNames(["t1", "t1", "t2", "t1"]) == ["t1", "t1-2", "t2", "t1-3"])
    }

    @Test func indexLinesAreReadBack() throws {
        let line = #"{"files": ["reply-tree.dot", "comments.csv"], "folder": "threads/t3_a/", "thread": 4}"#
        let parsed = try PartialFolders.parse(Data((line + "\n").utf8), path: "p/folders.ndjson")
        #expect(parsed == [4: PartialFolders.Entry(thread: 4, folder: "threads/t3_a/", files: ["reply-tree.dot", "comments.csv"])])
    }

    /// Anything a merge would write outside the thread's folder is refused, with its line.
    @Test(arguments: ["threads/", "threads//", "threads/../", "threads/a/b/", "threads/.hidden/", "other/a/", "threads/a"])
    func unsafeFoldersAreRefused(_ folder: String) {
        let text = #"{"files": ["x.csv"], "folder": "threads/ok/", "thread": 0}"# + "\n"
            + #"{"files": ["x.csv"], "folder": "\#(folder)", "thread": 1}"# + "\n"
        #expect(throws: PartialError.self) { try PartialFolders.parse(Data(text.utf8), path: "p/folders.ndjson") }
        do { _ = try PartialFolders.parse(Data(text.utf8), path: "p/folders.ndjson") } catch { #expect(error.location == "p/folders.ndjson:2") }
    }

    @Test(arguments: ["", "a/b.csv", "../x.csv", ".x.csv"])
    func unsafeFileNamesAreRefused(_ name: String) {
        let text = #"{"files": ["\#(name)"], "folder": "threads/ok/", "thread": 0}"#
        #expect(throws: PartialError.self) { try PartialFolders.parse(Data(text.utf8), path: "f") }
    }
}
