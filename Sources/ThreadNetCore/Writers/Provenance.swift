import CCrypto
import Foundation

/// Where a report came from: the input, its digest, the ThreadNet version and the options.
///
/// No wall-clock time: the same input and options give byte-identical reports.
public struct Provenance: Hashable, Sendable, Codable {
    /// The input's file name (without directories).
    public var input: String
    /// SHA-256 of the input's bytes as stored (before decompression), lowercase hex.
    public var sha256: String
    /// The input format read.
    public var format: String
    /// ThreadNet's version.
    public var version: String
    /// The options that shape the analysis, as `name=value`, sorted.
    public var options: [String]

    public init(input: String, sha256: String, format: String, version: String = ThreadNetVersion.current, options: [String]) {
        self.input = input
        self.sha256 = sha256
        self.format = format
        self.version = version
        self.options = options.sorted()
    }

    /// SHA-256 of everything `source` yields, lowercase hex, reading in chunks.
    public static func sha256(of source: ByteSource) throws(ImportError) -> String {
        guard let context = EVP_MD_CTX_new() else { fatalError("libcrypto: EVP_MD_CTX_new failed") }
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        while true {
            let chunk = try source.read(upTo: 1 << 20)
            if chunk.isEmpty { break }
            chunk.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(Int(length) * 2)
        for byte in digest.prefix(Int(length)) {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Provenance {
    /// The options that shaped an analysis, as `name=value` entries (only those set).
    public static func options(_ options: ImportOptions, policy: InclusionPolicy, extra: [String] = []) -> [String] {
        var out = ["keep=\(policy.rawValue)"] + extra
        if let f = options.format { out.append("format=\(f.rawValue)") }
        if let t = options.title { out.append("title=\(t)") }
        if let t = options.threadID { out.append("thread=\(t)") }
        let c = options.columns
        for (k, v) in [("id", c.id), ("parent", c.parent), ("author", c.author), ("time", c.time), ("text", c.text), ("thread-column", c.thread)] {
            if let v { out.append("\(k)=\(v)") }
        }
        if let zone = options.reading.zone { out.append("timezone=\(zone.identifier)") }
        if let order = options.reading.order { out.append("date-order=\(order.rawValue)") }
        return out
    }
}
