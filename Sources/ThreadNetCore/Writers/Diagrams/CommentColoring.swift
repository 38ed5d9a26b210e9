import Foundation

/// The colour of each comment in a reply-tree picture under one ``DiagramOptions/ColorEncoding``,
/// with the legend entries that explain it (only the values present in the thread).
struct CommentColoring {
    let encoding: DiagramOptions.ColorEncoding
    /// Colour per comment, ``ThreadAnalysis/comments`` order.
    let colors: [String]
    /// Swatch colour and meaning, in legend order.
    let legend: [(color: String, text: String)]

    /// - Parameters:
    ///   - authorColors: colour per author for `.author` (repeat posters, or shared across a
    ///     comparison); every other author gets `other`.
    ///   - other: the colour of authors without one of their own (white boxes or grey dots).
    init(_ a: ThreadAnalysis, encoding: DiagramOptions.ColorEncoding, authorColors: [String: String], other: String) {
        self.encoding = encoding
        let n = a.comments.count
        var colors = [String](repeating: other, count: n)
        var legend: [(String, String)] = []
        switch encoding {
        case .author:
            var count: [String: Int] = [:]
            for i in 0..<n {
                let id = a.network.commentAuthor[i]
                guard id >= 0 else { continue }
                let name = a.network.names[Int(id)]
                if let c = authorColors[name] { colors[i] = c; count[name, default: 0] += 1 }
            }
            let coloured = count.keys.sorted { (count[$1]!, $0) < (count[$0]!, $1) }
            for name in coloured { legend.append((authorColors[name]!, "\(Escaping.excerpt(name, limit: 24)) (\(count[name]!))")) }
            let others = n - count.values.reduce(0, +)
            if others > 0 { legend.append((other, "other authors (\(others) comment\(others == 1 ? "" : "s"))")) }
        case .depth:
            var present = Set<Int>()
            for i in 0..<n {
                let k = min(Int(a.tree.depth[i]), Palette.depthColors.count) - 1
                colors[i] = Palette.depthColors[k]
                present.insert(k)
            }
            for k in present.sorted() {
                legend.append((Palette.depthColors[k], k == Palette.depthColors.count - 1 ? "depth \(k + 1)+" : "depth \(k + 1)"))
            }
        case .time:
            let origin = a.thread.root.timestamp ?? a.comments.compactMap(\.timestamp).min()
            var present = Set<Int>(), unknown = false
            for i in 0..<n {
                guard let t = a.comments[i].timestamp, let origin else { colors[i] = Palette.unknown; unknown = true; continue }
                let elapsed = t.timeIntervalSince(origin)
                let k = Palette.timeBins.firstIndex { elapsed < $0.limit } ?? Palette.timeBins.count - 1
                colors[i] = Palette.timeColors[k]
                present.insert(k)
            }
            for k in present.sorted() { legend.append((Palette.timeColors[k], Palette.timeBins[k].text)) }
            if unknown { legend.append((Palette.unknown, "time not given")) }
        case .community:
            let (communities, ofAuthor, ranked) = Self.communityColors(a)
            var count: [Int32: Int] = [:]
            for i in 0..<n {
                let id = a.network.commentAuthor[i]
                guard id >= 0, let color = ofAuthor[Int(id)] else { continue }
                colors[i] = color
                count[communities.membership[Int(id)], default: 0] += 1
            }
            for (k, c) in ranked.enumerated() where count[c] != nil {
                legend.append((Palette.fills[k], "community \(c) (\(communities.sizes[Int(c)]) authors, \(count[c]!) comments)"))
            }
            let others = n - count.values.reduce(0, +)
            if others > 0 { legend.append((other, "smaller communities, unknown authors (\(others) comments)")) }
        case .score:
            var present = Set<Int>(), unknown = false
            for i in 0..<n {
                guard let s = a.comments[i].score else { colors[i] = Palette.unknown; unknown = true; continue }
                let k = Palette.scoreBins.lastIndex { s >= $0.floor } ?? 0
                colors[i] = Palette.scoreColors[k]
                present.insert(k)
            }
            for k in present.sorted() { legend.append((Palette.scoreColors[k], "score " + Palette.scoreBins[k].text)) }
            if unknown { legend.append((Palette.unknown, "score not given")) }
        }
        self.colors = colors
        self.legend = legend
    }

    /// Colour per author id for the largest communities of `a` (up to ``Palette/fills``.count
    /// of those with 2 or more authors, most authors first, ties by number), and those
    /// communities in colour order.
    static func communityColors(_ a: ThreadAnalysis) -> (communities: Communities, ofAuthor: [Int: String], ranked: [Int32]) {
        let c = a.communities
        let ranked = c.sizes.indices.filter { c.sizes[$0] >= 2 }
            .sorted { (c.sizes[$1], $0) < (c.sizes[$0], $1) }.prefix(Palette.fills.count).map(Int32.init)
        let colorOf = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($0.element, Palette.fills[$0.offset]) })
        var ofAuthor: [Int: String] = [:]
        for (author, community) in c.membership.enumerated() { if let color = colorOf[community] { ofAuthor[author] = color } }
        return (c, ofAuthor, ranked)
    }

    /// What the colours say, for the legend's note.
    var meaning: String {
        switch encoding {
        case .author: "colour: author (most comments first)"
        case .depth: "colour: reply depth"
        case .time: "colour: time since the post"
        case .score: "colour: score"
        case .community: "colour: the author's community (Leiden)"
        }
    }
}
