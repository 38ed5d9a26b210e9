import Foundation
import Testing
import ThreadNetCore

/// `schemas/metrics.schema.json` (JSON Schema 2020-12): metrics.json of a single thread, a
/// multi-thread corpus and the seed validate against it (Python's jsonschema), and it lists
/// every metric of the catalog in its group, so the schema cannot fall behind the code.
@Suite("metrics.json schema")
struct MetricsSchemaTests {
    static let schema = ReportsGoldenTests.repository.appendingPathComponent("schemas/metrics.schema.json")

    static let available = PythonTool.canImport("jsonschema")

    @Test func everyCatalogMetricIsInTheSchema() throws {
        let object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: Self.schema)) as? [String: Any])
        func properties(_ path: [String]) -> Set<String> {
            var node: Any? = object
            for key in path { node = (node as? [String: Any])?[key] }
            return Set(((node as? [String: Any])?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
        }
        let thread = ["properties", "threads", "items", "properties"]
        let groups: [(ScalarMetric.Group, [String])] = [
            (.shape, thread + ["shape"]), (.participation, thread + ["participation"]), (.network, thread + ["network"]),
            (.time, thread + ["time"]), (.network, ["properties", "corpus", "properties", "network"]),
            (.time, ["properties", "corpus", "properties", "time"]),
        ]
        for (group, path) in groups {
            let listed = properties(path)
            for s in Metrics.scalars(in: group) {
                #expect(listed.contains(s.definition.id), "\(s.definition.id) missing at \(path.joined(separator: "/"))")
            }
        }
        #expect(properties(["$defs", "counts"]).count == 12)
    }

    @Test(.enabled(if: available, "python3 with jsonschema is not installed (scripts/install-deps.sh installs it)"), arguments: [
        "Tests/ThreadNetCoreTests/Fixtures/json/reddit-3hahrw-thread.json",
        "Tests/ThreadNetCoreTests/Fixtures/xml/isso-disqus.xml",
        "Tests/ThreadNetCoreTests/Fixtures/stream/pushshift-sample.ndjson.zst",
    ])
    func outputsValidate(input: String) throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandLineTests.run(["analyze", ReportsGoldenTests.repository.appendingPathComponent(input).path, "--out", folder.path, "--no-images", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        for file in [folder.appendingPathComponent("metrics.json"), ReportsGoldenTests.reportFolder.appendingPathComponent("metrics.json")] {
            let (status, text) = try PythonTool.run(["-c", """
                import json, sys, jsonschema
                v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
                errors = list(v.iter_errors(json.load(open(sys.argv[2]))))
                for e in errors[:5]: print(e.message[:200], "at", "/".join(map(str, e.absolute_path)))
                sys.exit(1 if errors else 0)
                """, Self.schema.path, file.path])
            #expect(status == 0, "\(file.path): \(text)")
        }
    }
}
