import Foundation

/// Reads just enough of SVG and PNG files to compare them by structure, never by bytes
/// (SVG embeds the Graphviz version and font-dependent widths).
enum ImageStructure {
    /// The `<title>`s of the SVG's node groups, in document order.
    static func svgNodeTitles(_ svg: String) -> [String] {
        var titles: [String] = []
        var rest = svg[...]
        while let g = rest.range(of: "class=\"node\"") {
            rest = rest[g.upperBound...]
            guard let open = rest.range(of: "<title>"), let close = rest.range(of: "</title>", range: open.upperBound..<rest.endIndex) else { break }
            titles.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return titles
    }

    /// Number of edge groups in the SVG.
    static func svgEdgeCount(_ svg: String) -> Int {
        svg.components(separatedBy: "class=\"edge\"").count - 1
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Width and height from the PNG's IHDR chunk, or nil when it is not a PNG.
    static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 24, Array(bytes[0..<8]) == pngSignature, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func be32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }
}
