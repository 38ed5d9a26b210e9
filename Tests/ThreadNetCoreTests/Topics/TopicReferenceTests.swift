import Foundation
import Testing
@testable import ThreadNetCore

/// ThreadNet's measures against scripts/reference/cooccurrence_reference.py (plain Python),
/// which recomputed them from the same incidences; both files are committed under
/// Fixtures/topics/. Regenerate: `THREADNET_REGENERATE=1 swift test --filter
/// TopicReferenceTests`, then `python3 scripts/reference/cooccurrence_reference.py`.
@Suite("Topic measures against the Python reference")
struct TopicReferenceTests {
    static let inputs: [(String, TopicIncidence)] = [
        ("hand", handIncidence),
        ("synthetic-200x20", syntheticIncidence(seed: 20_250_101, units: 200, topicCount: 20)),
        ("dense-40x6", syntheticIncidence(seed: 42, units: 40, topicCount: 6, articleUnits: 0)),
    ]

    struct IncidenceFile: Codable, Equatable {
        var topics: [String], unitComment: [Int32], unitStart: [Int32], unitTopics: [Int32], unitCounts: [Int32]
    }

    static func file(_ name: String, _ suffix: String) -> URL { Paths.fixture("topics/\(name).\(suffix).json") }

    /// The committed incidence is what the generator makes (rewritten with THREADNET_REGENERATE=1).
    @Test(arguments: inputs.map(\.0))
    func incidenceFileIsCurrent(_ name: String) throws {
        let inc = try #require(Self.inputs.first { $0.0 == name }?.1)
        let value = IncidenceFile(topics: inc.topics, unitComment: inc.unitComment, unitStart: inc.unitStart,
                                  unitTopics: inc.unitTopics, unitCounts: inc.unitCounts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value) + Data("\n".utf8)
        if ProcessInfo.processInfo.environment["THREADNET_REGENERATE"] == "1" {
            try data.write(to: Self.file(name, "incidence"))
        }
        let stored = try JSONDecoder().decode(IncidenceFile.self, from: Data(contentsOf: Self.file(name, "incidence")))
        #expect(stored == value)
    }

    @Test(arguments: inputs.map(\.0))
    func measuresMatchReference(_ name: String) throws {
        let inc = try #require(Self.inputs.first { $0.0 == name }?.1)
        let net = TopicCooccurrence(inc)
        let ref = try Paths.expected("topics/\(name).measures.json")
        #expect(net.unitCount == ref["units"] as? Int)
        #expect(net.documentFrequency == ref["documentFrequency"] as? [Int])
        let pairs = try #require(ref["pairs"] as? [[String: Any]])
        #expect(net.pairs.count == pairs.count)
        if name == "synthetic-200x20" { #expect(pairs.count > 100) }
        for (p, r) in zip(net.pairs, pairs) {
            #expect(Int(p.first) == r["first"] as? Int && Int(p.second) == r["second"] as? Int)
            for m in TopicMeasure.allCases {
                let expected = try #require((r[m.rawValue] as? NSNumber)?.doubleValue, "\(m.rawValue)")
                let actual = p.value(m)
                // Relative 1e-12, with an absolute floor of 1e-12 near 0 (G² near independence
                // is a difference of nearly equal sums, PMI the logarithm of a ratio near 1);
                // p-values (down to 6e-14 here) are compared relatively only.
                let floor = m == .pValue ? 0 : 1e-12
                #expect(abs(actual - expected) <= 1e-12 * abs(expected) + floor,
                        "\(name) \(p.first)–\(p.second) \(m.rawValue): \(actual) vs \(expected)")
            }
        }
    }
}
