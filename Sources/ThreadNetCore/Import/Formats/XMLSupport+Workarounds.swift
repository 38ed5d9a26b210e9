/// Rewrites of an XML document that keep its meaning and line numbers but steer clear of
/// defects in the XML stack below ThreadNet.
enum XMLWorkarounds {
    /// Gives every processing instruction without data (`<?target?>`) one character of data
    /// (`<?target _?>`): corelibs Foundation's `XMLParser` passes libxml2's NULL data to
    /// `strlen` and crashes (found by the fuzzer). ThreadNet reads no processing instruction,
    /// so the data is never seen; nothing else changes, and no line break is added.
    ///
    /// A small lexer finds the instructions as libxml2 does: outside comments, CDATA sections,
    /// quoted attribute values and the DOCTYPE.
    ///
    /// - Complexity: O(n); copies only when an instruction needs data.
    static func fillEmptyProcessingInstructions(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8]?
        var copied = 0
        let n = bytes.count
        var i = 0
        func starts(_ s: [UInt8], at k: Int) -> Bool {
            k + s.count <= n && bytes[k..<(k + s.count)].elementsEqual(s)
        }
        func find(_ s: [UInt8], from k: Int) -> Int? {
            var j = k
            while j + s.count <= n {
                if bytes[j] == s[0], starts(s, at: j) { return j }
                j += 1
            }
            return nil
        }
        let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
        let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
        while i < n {
            guard bytes[i] == 0x3C else { i += 1; continue }   // <
            if starts(commentOpen, at: i) {
                guard let end = find(commentClose, from: i + 4) else { break }
                i = end + 3
            } else if starts(cdataOpen, at: i) {
                guard let end = find(cdataClose, from: i + 9) else { break }
                i = end + 3
            } else if i + 1 < n, bytes[i + 1] == 0x3F {     // <?
                var j = i + 2
                while j < n, !XMLProlog.isSpace(bytes[j]), bytes[j] != 0x3F { j += 1 }
                if j + 1 < n, bytes[j] == 0x3F, bytes[j + 1] == 0x3E, j > i + 2 {   // <?target?>
                    if out == nil { out = []; out!.reserveCapacity(n + 16) }
                    out!.append(contentsOf: bytes[copied..<j])
                    out!.append(contentsOf: [0x20, 0x5F])
                    copied = j
                }
                guard let end = find([0x3F, 0x3E], from: i + 2) else { break }
                i = end + 2
            } else if i + 1 < n, bytes[i + 1] == 0x21 {     // <!DOCTYPE or other declaration
                // A DOCTYPE with a subset is refused before parsing; skip to its '>'.
                while i < n, bytes[i] != 0x3E { i += 1 }
                i += 1
            } else {
                // A tag: skip to its '>', stepping over quoted attribute values.
                i += 1
                var quote: UInt8 = 0
                while i < n {
                    let b = bytes[i]
                    if quote != 0 { if b == quote { quote = 0 } }
                    else if b == 0x22 || b == 0x27 { quote = b }
                    else if b == 0x3E { break }
                    i += 1
                }
                i += 1
            }
        }
        guard var result = out else { return bytes }
        result.append(contentsOf: bytes[copied...])
        return result
    }
}
