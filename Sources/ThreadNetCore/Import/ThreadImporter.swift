/// Reads one input format into a ``Corpus``.
///
/// Importers keep every record they can read, flag what they repaired or skipped as
/// ``Finding``s, and throw ``ImportError`` only when the input cannot be read at all.
public protocol ThreadImporter: Sendable {
    /// The format this importer reads.
    var format: InputFormat { get }
    /// Whether the first bytes of the (decompressed) input look like this format.
    /// `fileName` may help break ties but content decides.
    func detect(head: [UInt8], fileName: String) -> Bool
    /// Reads the whole input.
    func read(_ input: InputSource, options: ImportOptions) throws(ImportError) -> Corpus
}
