import Foundation
import Testing
@testable import ThreadNetCore

/// Damaged input never crashes an importer: every fixture, truncated and with bytes flipped,
/// inserted or deleted (deterministic pseudo-random mutations), either imports or throws an
/// `ImportError` that names the file.
@Suite("Damaged input")
struct MutationTests {
    /// SplitMix64: the same mutations on every run.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    static let fixtures = FixtureReferenceTests.fixtures.map(\.0).filter { !$0.hasSuffix(".zst") } + ["../../../seeds/000_dd0249cc5e7d2567.txt"]

    static func mutate(_ bytes: [UInt8], _ rng: inout Random) -> [UInt8] {
        var out = bytes
        let interesting: [UInt8] = Array("{}[]<>\"'\\,:\n\r\0&;#-.0123456789".utf8) + [0xFF, 0xC3, 0x80, 0xE2]
        for _ in 0..<(1 + rng.below(4)) {
            guard !out.isEmpty else { break }
            let at = rng.below(out.count)
            switch rng.below(5) {
            case 0: out = Array(out.prefix(at))                              // truncate
            case 1: out[at] = interesting[rng.below(interesting.count)]      // flip
            case 2: out.insert(interesting[rng.below(interesting.count)], at: at)
            case 3: out.remove(at: at)
            default:                                                          // duplicate a slice
                let length = min(out.count - at, 1 + rng.below(200))
                out.insert(contentsOf: out[at..<at + length], at: at)
            }
        }
        return out
    }

    /// Mutants per fixture (the fuzz targets, scripts/fuzz.sh, go much further).
    static let rounds = 100

    @Test(arguments: fixtures)
    func mutatedFixturesDoNotCrash(_ path: String) throws {
        let rounds = Self.rounds
        let original = try [UInt8](Data(contentsOf: Paths.fixture(path)))
        var rng = Random(state: UInt64(truncatingIfNeeded: path.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
        var imported = 0, rejected = 0
        for round in 0..<rounds {
            let name = "mutant-\(round)-" + (path as NSString).lastPathComponent
            let input = InputSource(name: name, bytes: Self.mutate(original, &rng))
            do throws(ImportError) {
                let corpus = try Importers.read(input)
                _ = CorpusAnalysis(corpus: corpus)
                imported += 1
            } catch {
                #expect(error.description.hasPrefix(name), "\(error)")
                rejected += 1
            }
        }
        #expect(imported + rejected == rounds)
    }
}
