import Foundation
import ThreadNetCore
import ThreadNetGraphviz

extension AtomicWriter {
    /// Queues `documents` and `diagrams` under `folder`; with `images`, each DOT diagram is also
    /// rendered to SVG and PNG beside itself. Graphviz warnings go to stderr; a failed render is
    /// a CLI error naming the diagram (and nothing is written, since nothing is committed yet).
    mutating func add(documents: [ReportBundle.File], diagrams: [ReportBundle.File], under folder: String, images: Bool) throws {
        for file in documents { add(folder + "/" + file.path, text: file.contents) }
        if images { try Graphviz.checkPluginsOrExplain() }
        for diagram in diagrams {
            add(folder + "/" + diagram.path, text: diagram.contents)
            guard images else { continue }
            do {
                let result = try Graphviz.render(dot: diagram.contents, formats: [.svg, .png])
                for w in result.warnings { FileHandle.standardError.write(Data("threadnet: warning: \(diagram.path): \(w)\n".utf8)) }
                let base = folder + "/" + String(diagram.path.dropLast(4))
                for r in result.renderings { add(base + "." + r.format.rawValue, r.data) }
            } catch {
                throw CLIError("\(diagram.path): \(error.description)")
            }
        }
    }
}
