import Foundation

/// What one fuzz run exercises, named by `THREADNET_FUZZ_FORMAT`.
///
/// An input format's name (`wxr`, `csv`, …) runs that importer and the metrics
/// (``FuzzInput``); `detect` (or no name) lets detection choose. The other names check a
/// writer's escaping by a round trip through an independent parser (``WriterRoundTrip``) or run
/// a reader of the user's side files (``SideFileReaders``).
enum FuzzTarget: Hashable {
    case importer(InputFormatName?)
    /// `Escaping.xml` and `TextOutput.write(xml:)`, read back by libxml2.
    case xml
    /// `CSVOutput`, read back by CSV.swift.
    case csv
    /// `Escaping.dot`, laid out and rendered to SVG by libgvc, the SVG read back by libxml2.
    case dot
    /// `Escaping.markdown` and `Escaping.codeSpan`, rendered by cmark-gfm.
    case markdown
    /// The topic dictionary readers (YAML and LIWC `.dic`).
    case dictionary
    /// The alias file reader.
    case aliases
    /// The partial-result reader and a merge (`threadnet merge`).
    case partial
    /// The readers of a partial result's repairs and metrics entries (the merged report).
    case partialReport

    typealias InputFormatName = String

    init(_ name: String?) {
        switch name {
        case "xml-writer": self = .xml
        case "csv-writer": self = .csv
        case "dot-writer": self = .dot
        case "markdown-writer": self = .markdown
        case "dictionary": self = .dictionary
        case "aliases": self = .aliases
        case "partial": self = .partial
        case "partial-report": self = .partialReport
        case nil, "detect": self = .importer(nil)
        case let name?: self = .importer(name)
        }
    }

    static let current = FuzzTarget(ProcessInfo.processInfo.environment["THREADNET_FUZZ_FORMAT"])
}
