import CGraphviz

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The plugin names libgvc has registered, by API kind.
enum PluginList {
    /// The distinct type names registered for `kind` ("layout", "render", "device", ...), e.g.
    /// ["dot", "sfdp", ...] for "layout". Call only while holding `GraphvizContext`'s lock.
    static func names(_ gvc: OpaquePointer, kind: String) -> Set<String> {
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, kind, &count, nil) else { return [] }
        defer { free(list) }
        var names = Set<String>()
        for index in 0..<Int(count) {
            guard let name = list[index] else { continue }
            names.insert(String(cString: name))
            free(name)
        }
        return names
    }
}
