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

extension ImageStructure {
    /// The canvas of a Graphviz SVG (its viewBox, in points) and every node shape's extreme
    /// points mapped onto it (the graph group's `scale(…) translate(…)` applied), so a test can
    /// check that nothing is drawn outside the picture.
    static func svgNodeExtents(_ svg: String) throws -> (width: Double, height: Double, points: [(x: Double, y: Double)]) {
        func numbers(_ s: Substring) -> [Double] {
            s.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
        }
        func attribute(_ name: String, in tag: Substring) -> Substring? {
            guard let r = tag.range(of: " \(name)=\"") else { return nil }
            let rest = tag[r.upperBound...]
            return rest[..<(rest.firstIndex(of: "\"") ?? rest.endIndex)]
        }
        guard let box = svg.range(of: "viewBox=\""), let graph = svg.range(of: "<g id=\"graph0\"") else { throw CocoaError(.fileReadCorruptFile) }
        let view = numbers(svg[box.upperBound...].prefix { $0 != "\"" })
        let transformTag = svg[graph.lowerBound...].prefix { $0 != ">" }
        let t = numbers(attribute("transform", in: transformTag) ?? "")
        // scale(s s) rotate(0) translate(tx ty)
        let scale = t.count >= 5 ? t[0] : 1, tx = t.count >= 5 ? t[3] : 0, ty = t.count >= 5 ? t[4] : 0
        var points: [(x: Double, y: Double)] = []
        for part in svg.components(separatedBy: "class=\"node\"").dropFirst() {
            let body = part[..<(part.range(of: "</g>")?.lowerBound ?? part.endIndex)]
            for line in body.split(separator: "\n") where line.hasPrefix("<ellipse") || line.hasPrefix("<polygon") {
                if line.hasPrefix("<ellipse"), let cx = attribute("cx", in: line).flatMap({ Double($0) }), let cy = attribute("cy", in: line).flatMap({ Double($0) }),
                   let rx = attribute("rx", in: line).flatMap({ Double($0) }), let ry = attribute("ry", in: line).flatMap({ Double($0) }) {
                    points += [(cx - rx, cy - ry), (cx + rx, cy + ry)]
                } else if let p = attribute("points", in: line) {
                    let v = numbers(p)
                    for k in stride(from: 0, to: v.count - 1, by: 2) { points.append((v[k], v[k + 1])) }
                }
            }
        }
        return (view[2], view[3], points.map { ((($0.x + tx) * scale), (($0.y + ty) * scale)) })
    }
}
