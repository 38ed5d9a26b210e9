import Foundation
import Testing
@testable import ThreadNetCore

/// What partial results hold for the merged report (``PartialReport``): the repairs, read back
/// with their threads, and the threads' items of metrics.json, read back one at a time.
@Suite("Partial results: report and metrics entries")
struct PartialReportTests {
    static func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("threadnet-entries-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A repair of the input and two of thread 1, as `analyze --partial` writes them.
    @Test func repairsAreReadBackByThread() throws {
        let text = """
            {"file": "a.ndjson", "kind": "malformedRecord", "line": 3, "message": "not JSON", "record": 3}
            {"file": "a.ndjson", "kind": "orphanReply", "line": 7, "message": "parent t1_x not found", "record": null, "thread": 1}
            {"file": "a.ndjson", "kind": "unknownAuthor", "line": null, "message": "1 comment", "record": 9, "thread": 1}

            """
        let repairs = try PartialReport.repairs(Data(text.utf8), path: "p/repairs.ndjson", threads: 2)
        #expect(repairs.input == [Finding(.malformedRecord, at: SourceLocation(file: "a.ndjson", line: 3, record: 3), "not JSON")])
        #expect(repairs.threads[0] == nil)
        #expect(repairs.threads[1]?.map(\.kind) == [.orphanReply, .unknownAuthor])
        #expect(repairs.threads[1]?[1].location.description == "a.ndjson: record 9")
    }

    /// A line naming an unknown kind, a thread the partial does not have, or a line 0 is refused with its line.
    @Test(arguments: [
        (#"{"file": "a", "kind": "nonsense", "message": "m"}"#, "unknown repair kind"),
        (#"{"file": "a", "kind": "note", "message": "m", "thread": 2}"#, "thread 2 is not a line"),
        (#"{"file": "a", "kind": "note", "message": "m", "thread": -1}"#, "thread -1"),
        (#"{"file": "a", "kind": "note", "line": 0, "message": "m"}"#, "counted from 1"),
        (#"{"file": "a", "message": "m"}"#, "not a valid repair line"),
    ])
    func damagedRepairsAreRefused(_ line: String, _ message: String) {
        let text = #"{"file": "a", "kind": "note", "message": "fine"}"# + "\n" + line + "\n"
        do {
            _ = try PartialReport.repairs(Data(text.utf8), path: "p/repairs.ndjson", threads: 2)
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.location == "p/repairs.ndjson:2" && error.message.contains(message), "\(error)")
        }
    }

    /// Items indented for depth 2 are read one at a time, whatever the buffer boundaries; a
    /// closing brace deeper in an item does not end it.
    @Test func entriesAreReadOneAtATime() throws {
        let items = (0..<3000).map { k in
            "{\n      \"id\": \"t\(k)\",\n      \"nested\": {\n        \"a\": [\n          1\n        ]\n      }\n    }"
        }
        let path = try Self.temporaryFile(items.map { $0 + "\n" }.joined())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try #require(PartialReport.EntryReader(path: path))
        var read: [String] = []
        while let item = reader.next() { read.append(String(decoding: item, as: UTF8.self)) }
        #expect(read == items)
        #expect(reader.count == 3000 && !reader.hasMore)
        // Text after the last item is noticed.
        let trailing = try Self.temporaryFile(items[0] + "\n" + "{\n      \"id\": \"cut")
        defer { try? FileManager.default.removeItem(atPath: trailing) }
        let cut = try #require(PartialReport.EntryReader(path: trailing))
        #expect(cut.next() != nil && cut.next() == nil && cut.hasMore)
    }

    /// An item written apart with ``MetricsJSON/threadEntry(_:detailed:topics:to:)`` and spliced
    /// with ``JSONOutput/raw(_:)`` gives the bytes of the same item written in place.
    @Test func splicedItemsEqualItemsWrittenInPlace() throws {
        let corpus = try Importers.read(InputSource(path: Paths.fixture("xml/isso-disqus.xml").path))
        let analysis = CorpusAnalysis(corpus: corpus, policy: .all)
        let metrics = ThreadMetrics.computeAll(analysis.threads)
        let whole = MetricsJSON.write(analysis, metrics: metrics, provenance: Provenance(input: "x", sha256: "", format: "xml", options: []))
        let items = metrics.map { m in TextOutput.text { MetricsJSON.threadEntry(m, detailed: true, topics: nil, to: $0) } }
        #expect(items.count == 3)
        #expect(whole.hasSuffix("\"threads\": [\n    " + items.joined(separator: ",\n    ") + "\n  ]\n}\n"))
        let item = items[0]
        let spliced = TextOutput.text { out in
            let json = JSONOutput(out)
            json.object { json.field("threads", array: { json.raw { $0.write(item) }; json.raw { $0.write(item) } }) }
        }
        #expect(spliced == "{\n  \"threads\": [\n    " + item + ",\n    " + item + "\n  ]\n}\n")
    }
}
