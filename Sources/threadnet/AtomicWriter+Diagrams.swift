import Foundation
import ThreadNetCore
import ThreadNetGraphviz

extension AtomicWriter {
    /// Queues `documents` and `diagrams` under `folder`; with `images`, each DOT diagram is also
    /// rendered to SVG and PNG beside itself. Graphviz warnings go to stderr; a failed render is
    /// a CLI error naming the diagram (and nothing is written, since nothing is committed yet).
    ///
    /// With `timings`, each diagram's layout and rendering time goes to stderr
    /// (`threadnet:   render PATH: 0.123 s`, read by `bench/pictures.py`).
    ///
    /// A diagram beyond `limits` (too many nodes) keeps its DOT file but gets no images, with
    /// a note on stderr: the run never hangs on a picture.
    ///
    /// Returns the SVG text of every diagram drawn, by its path relative to `folder`
    /// (`threads/x/reply-tree.svg`), for report.html.
    @discardableResult
    mutating func add(documents: [OutputFile], diagrams: [OutputFile], under folder: String, images: Bool,
                      limits: RenderLimits = RenderLimits(), progress: RunProgress = .silent, timings: Bool = false) throws -> [String: String] {
        var svgs: [String: String] = [:]
        for file in documents { add(folder + "/" + file.path, writer: file.write) }
        if images { try Graphviz.checkPluginsOrExplain() }
        progress.begin(images ? "drawing" : "diagrams", total: diagrams.count, unit: "diagrams")
        defer { progress.end() }
        for diagram in diagrams {
            let dot = diagram.contents
            add(folder + "/" + diagram.path, text: dot)
            defer { progress.advance() }
            guard images else { continue }
            do {
                let start = ContinuousClock.now
                let result = try Graphviz.render(dot: dot, formats: [.svg, .png], limits: limits)
                if timings {
                    let d = ContinuousClock.now - start
                    let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
                    FileHandle.standardError.write(Data("threadnet:   render \(diagram.path): \(String(format: "%.3f", seconds)) s\n".utf8))
                }
                for w in result.warnings { FileHandle.standardError.write(Data("threadnet: warning: \(diagram.path): \(w)\n".utf8)) }
                let base = folder + "/" + String(diagram.path.dropLast(4))
                for r in result.renderings { add(base + "." + r.format.rawValue, r.data) }
                if let svg = result.data(for: .svg) { svgs[String(diagram.path.dropLast(4)) + ".svg"] = String(decoding: svg, as: UTF8.self) }
            } catch where error.kind == .limit {
                FileHandle.standardError.write(Data("threadnet: note: \(diagram.path): \(error.message); its SVG and PNG say so instead of drawing it (the DOT file is written)\n".utf8))
                // A small picture in its place keeps the report's image links whole and says why.
                let base = folder + "/" + String(diagram.path.dropLast(4))
                let name = (diagram.path as NSString).lastPathComponent
                let note = "Not drawn: \(error.message.components(separatedBy: ";").first ?? error.message).\nThe full diagram is in \(name); render it with threadnet render \(name) --max-diagram-nodes N."
                let placeholder = "digraph { graph [label=\"\(Escaping.dot(note))\", fontname=\"DejaVu Sans\", fontsize=14, pad=0.3]; node [shape=none, label=\"\"]; }"
                if let picture = try? Graphviz.render(dot: placeholder, formats: [.svg, .png]) {
                    for r in picture.renderings { add(base + "." + r.format.rawValue, r.data) }
                }
            } catch {
                throw CLIError("\(diagram.path): \(error.description)")
            }
        }
        return svgs
    }
}
