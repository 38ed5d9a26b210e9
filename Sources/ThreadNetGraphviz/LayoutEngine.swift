/// A Graphviz layout engine that ThreadNet knows how to ask for.
///
/// The raw value is the engine name libgvc expects (`gvLayout(gvc, g, "sfdp")`). `dot` draws
/// layered hierarchies and is slow on big graphs (~15 s at 10,000 nodes); `sfdp` is the
/// scalable force-directed engine for large networks.
public enum LayoutEngine: String, CaseIterable, Sendable {
    /// Layered (hierarchical) drawing of directed graphs.
    case dot
    /// Scalable multilevel force-directed placement; the choice for large graphs.
    case sfdp
    /// Radial layout around a root node.
    case twopi
    /// Spring model (stress majorization).
    case neato
    /// Circular layout, one circle per biconnected component.
    case circo
    /// Force-directed placement (Fruchterman–Reingold).
    case fdp
}
