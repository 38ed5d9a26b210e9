/// A legend drawn inside a diagram: Graphviz's HTML-like graph label, a table with the title,
/// a note (what is shown, what was reduced), then swatches with their meaning.
///
/// Every text is XML-escaped (``Escaping/xml(_:)``) on its way into the label, so author names
/// cannot break it.
struct DiagramLegend {
    /// One entry: a filled swatch (`color`), a line sample (`line`, drawn in `lineColor`) or
    /// text alone, then its meaning.
    struct Entry {
        var swatch: Swatch
        var text: String
    }

    enum Swatch {
        case fill(String)
        case line(String, color: String)
        case none
    }

    var title: String
    var notes: [String] = []
    var entries: [Entry] = []
    /// Entries per row of the table.
    var columns = 4

    mutating func add(_ swatch: Swatch, _ text: String) { entries.append(Entry(swatch: swatch, text: text)) }

    /// The `label=<…>` attribute value (without `label=`), for `fontsize` points of text.
    func html(fontSize: Double = 12) -> String {
        var out = "<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">"
        let span = max(1, min(columns, entries.count)) * 2
        out += "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"\(span)\"><FONT POINT-SIZE=\"\(fontSize + 2)\"><B>\(Escaping.xml(title))</B></FONT></TD></TR>"
        for note in notes {
            out += "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"\(span)\"><FONT POINT-SIZE=\"\(fontSize)\">\(Escaping.xml(note))</FONT></TD></TR>"
        }
        var i = 0
        while i < entries.count {
            out += "<TR>"
            for e in entries[i..<min(i + columns, entries.count)] {
                switch e.swatch {
                case .fill(let color):
                    out += "<TD BGCOLOR=\"\(color)\" BORDER=\"1\" COLOR=\"#888888\" WIDTH=\"\(Int(fontSize))\" HEIGHT=\"\(Int(fontSize * 0.8))\" FIXEDSIZE=\"TRUE\"></TD>"
                case .line(let sample, let color):
                    out += "<TD><FONT COLOR=\"\(color)\" POINT-SIZE=\"\(fontSize)\"><B>\(Escaping.xml(sample))</B></FONT></TD>"
                case .none:
                    out += "<TD></TD>"
                }
                out += "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"\(fontSize)\">\(Escaping.xml(e.text))</FONT></TD>"
            }
            out += "</TR>"
            i += columns
        }
        return out + "</TABLE>>"
    }

    /// Legend entries for the typed links present among `kinds` (``Palette/linkStyle(_:)``).
    mutating func addLinks<S: Sequence>(_ kinds: S, replies: Bool = true) where S.Element == CommentLink.Kind {
        if replies { add(.line("——", color: "#777777"), "reply") }
        let present = Set(kinds)
        for kind in CommentLink.Kind.allCases where present.contains(kind) {
            switch kind {
            case .mention: add(.line("– – –", color: Palette.linkColor(.mention)), "mention")
            case .quote: add(.line("– – –", color: Palette.linkColor(.quote)), "quote")
            case .reference: add(.line("· · · ·", color: Palette.linkColor(.reference)), "#number reference")
            }
        }
    }
}
