extension TextOutput {
    /// Appends `s` escaped for XML text or attribute content, as ``Escaping/xml(_:)``: `& < > " '`
    /// as entities, tab, LF and CR as character references, characters XML 1.0 forbids (controls other than tab, line feed and carriage
    /// return, U+FFFE, U+FFFF) dropped; written byte by byte, without building a string.
    ///
    /// - Complexity: O(*n*) for *n* UTF-8 bytes.
    public func write(xml s: String) {
        var s = s
        s.withUTF8 { b in
            var start = 0
            var i = 0
            while i < b.count {
                let c = b[i]
                var replacement: StaticString?
                var skip = 1
                switch c {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&apos;"
                case 0x09: replacement = "&#9;"
                case 0x0A: replacement = "&#10;"
                case 0x0D: replacement = "&#13;"
                case 0..<0x20: replacement = ""
                case 0xEF where i + 2 < b.count && b[i + 1] == 0xBF && (b[i + 2] == 0xBE || b[i + 2] == 0xBF):
                    replacement = ""
                    skip = 3
                default: break
                }
                if let replacement {
                    if i > start { write(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[start..<i]))) }
                    write(replacement)
                    i += skip
                    start = i
                } else {
                    i += 1
                }
            }
            if start < b.count { write(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[start...]))) }
        }
    }
}
