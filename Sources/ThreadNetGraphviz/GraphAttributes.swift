import CGraphviz

/// Reading and writing root-graph attributes through libcgraph's `char *` API.
///
/// Call only while holding `GraphvizContext`'s lock.
enum GraphAttributes {
    /// True when the graph declares the graph attribute `name`.
    static func isDeclared(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String) -> Bool {
        var cName = Array(name.utf8CString)
        return cName.withUnsafeMutableBufferPointer { agattr(graph, AGRAPH, $0.baseAddress, nil) } != nil
    }

    /// The graph's value for `name`, or nil when the attribute is not declared.
    static func value(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String) -> String? {
        var cName = Array(name.utf8CString)
        let value = cName.withUnsafeMutableBufferPointer { agget(graph, $0.baseAddress) }
        return value.map { String(cString: $0) }
    }

    /// Sets the already-declared graph attribute `name` to `value`.
    static func set(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
        var cName = Array(name.utf8CString)
        var cValue = Array(value.utf8CString)
        cName.withUnsafeMutableBufferPointer { namePointer in
            cValue.withUnsafeMutableBufferPointer { valuePointer in
                _ = agset(graph, namePointer.baseAddress, valuePointer.baseAddress)
            }
        }
    }

    /// Declares the graph attribute `name` (default empty) when it is not declared yet.
    static func declare(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String) {
        guard !isDeclared(graph, name) else { return }
        var cName = Array(name.utf8CString)
        var empty = Array("".utf8CString)
        cName.withUnsafeMutableBufferPointer { namePointer in
            empty.withUnsafeMutableBufferPointer { _ = agattr(graph, AGRAPH, namePointer.baseAddress, $0.baseAddress) }
        }
    }
}
