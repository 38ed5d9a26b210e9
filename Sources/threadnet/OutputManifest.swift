import Foundation
import ThreadNetCore

/// `manifest.json`: the files one run wrote into its output folder, so that the next run into
/// the same folder can remove what it does not write again (a `topics.png` from an earlier run
/// with `--topics`) and never touch a file ThreadNet did not write.
///
/// ```json
/// {
///   "files": [
///     {"bytes": 1234, "path": "authors.csv"},
///     {"bytes": 56789, "path": "threads/t3_abc/reply-tree.png"}
///   ],
///   "threadnet": "0.1.0"
/// }
/// ```
///
/// Paths are relative to the folder, `/`-separated, sorted by byte order; the manifest does not
/// list itself. No time stamp: the same run gives the same manifest.
struct OutputManifest: Equatable {
    static let fileName = "manifest.json"

    /// Relative path → size in bytes.
    var files: [String: Int]

    /// The manifest's JSON text (files sorted by path, keys sorted).
    var json: String {
        TextOutput.text { out in
            let json = JSONOutput(out)
            json.object {
                json.field("files", array: {
                    for path in files.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                        json.object(inline: true) {
                            json.field("bytes", files[path]!)
                            json.field("path", path)
                        }
                    }
                })
                json.field("threadnet", ThreadNetVersion.current)
            }
            out.write("\n")
        }
    }

    /// The manifest in `folder`, or nil when there is none or it cannot be read as one. Paths
    /// that are absolute, empty or climb out of the folder (`..`) are left out: a manifest
    /// names only files inside its own folder.
    static func read(in folder: String) -> OutputManifest? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let entries = object["files"] as? [[String: Any]] else { return nil }
        var files: [String: Int] = [:]
        for entry in entries {
            guard let path = entry["path"] as? String, isInside(path) else { continue }
            files[path] = entry["bytes"] as? Int ?? 0
        }
        return OutputManifest(files: files)
    }

    /// Whether `path` names something inside its folder: relative, no empty, `.` or `..` part.
    static func isInside(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/")
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
