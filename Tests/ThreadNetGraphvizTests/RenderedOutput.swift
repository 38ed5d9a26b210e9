/// Small readers for rendered bytes, so tests check structure rather than exact text.
enum RenderedOutput {
    /// The SVG text of `bytes`.
    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The `<title>` of every `class="node"` group, in document order.
    static func nodeTitles(svg: String) -> [String] {
        svg.split(separator: #"class="node""#, omittingEmptySubsequences: false).dropFirst().map { group in
            guard let open = group.firstRange(of: "<title>"), let close = group.firstRange(of: "</title>") else { return "" }
            return String(group[open.upperBound..<close.lowerBound])
        }
    }

    /// The number of `class="edge"` groups.
    static func edgeCount(svg: String) -> Int {
        svg.split(separator: #"class="edge""#, omittingEmptySubsequences: false).count - 1
    }

    /// The `width` and `height` of the root `<svg>` element in points.
    static func svgSize(svg: String) -> (width: Double, height: Double)? {
        func attribute(_ name: String) -> Double? {
            guard let start = svg.firstRange(of: " \(name)=\"") else { return nil }
            let rest = svg[start.upperBound...]
            guard let end = rest.firstRange(of: "pt\"") else { return nil }
            return Double(rest[..<end.lowerBound])
        }
        guard let width = attribute("width"), let height = attribute("height") else { return nil }
        return (width, height)
    }

    /// The 8-byte PNG signature.
    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Width and height from the IHDR chunk that must follow the signature.
    static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 24, Array(bytes[0..<8]) == pngSignature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            return nil
        }
        func bigEndian(_ offset: Int) -> Int {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        return (bigEndian(16), bigEndian(20))
    }
}
