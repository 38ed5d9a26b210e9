import Foundation
import ThreadNetCore

/// The fuzz harness: one input through the target `THREADNET_FUZZ_FORMAT` names
/// (``FuzzTarget``). For an importer: the input read in that format (else by detection), then
/// the analysis and every per-thread metric; each must return or throw `ImportError`: a crash, a
/// hang or a sanitizer report is a defect. Writers are checked by round trips
/// (``WriterRoundTrip``), side files by their readers (``SideFileReaders``). Bounds are small so that the fuzzer explores inputs, not large allocations.
///
/// Built two ways: with `-sanitize=fuzzer,address -DFUZZING` (scripts/fuzz.sh) it is a
/// libFuzzer target; otherwise an executable that replays the files it is given (crash inputs
/// that a fuzzer found, for debugging).
enum FuzzInput {
    static let format: InputFormat? = if case .importer(let name?) = FuzzTarget.current { InputFormat(rawValue: name) } else { nil }

    /// Runs the target `THREADNET_FUZZ_FORMAT` names (``FuzzTarget``) on one input.
    static func run(_ bytes: [UInt8]) {
        switch FuzzTarget.current {
        case .importer: importer(bytes)
        case .xml: WriterRoundTrip.xml(bytes)
        case .csv: WriterRoundTrip.csv(bytes)
        case .dot: WriterRoundTrip.dot(bytes)
        case .markdown: WriterRoundTrip.markdown(bytes)
        case .dictionary: SideFileReaders.dictionary(bytes)
        case .aliases: SideFileReaders.aliases(bytes)
        case .partial: SideFileReaders.partial(bytes)
        case .partialReport: SideFileReaders.partialReport(bytes)
        }
    }

    static func importer(_ bytes: [UInt8]) {
        let options = ImportOptions(format: format, limits: InputLimits(maxExpansion: 50, expansionFloor: 8 << 20, maxLineBytes: 1 << 20))
        guard let corpus = try? Importers.read(InputSource(name: "fuzz", bytes: bytes), options: options) else { return }
        let analysis = CorpusAnalysis(corpus: corpus)
        _ = ThreadMetrics.computeAll(analysis.threads)
    }
}

#if FUZZING
/// libFuzzer's driver, for a program with its own entry point.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable target's entry point under this name.
@_cdecl("threadnet_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        FuzzInput.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
}
#else
@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            FuzzInput.run(Array(FileManager.default.contents(atPath: path) ?? Data()))
            print("ok \(path)")
        }
    }
}
#endif
