extension Substring {
    /// The text without leading and trailing white space and newlines (Unicode `White_Space`,
    /// which includes the no-break space, as `CharacterSet.whitespacesAndNewlines` does).
    ///
    /// Foundation's `trimmingCharacters(in:)` is slow on Linux; this returns at once when the
    /// text starts and ends with a visible ASCII character, as nearly all names and ids do.
    var trimmed: String {
        if let first = utf8.first, let last = utf8.last,
           first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return String(self) }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}

extension String {
    /// See ``Substring/trimmed``; returns the string itself, without a copy, when there is
    /// nothing to trim.
    var trimmed: String {
        if let first = utf8.first, let last = utf8.last,
           first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        return self[...].trimmed
    }

    /// Whether the UTF-8 of the string holds `byte` (a `memchr` over contiguous storage).
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { b in
            guard let base = b.baseAddress else { return false }
            return memchr(base, Int32(byte), b.count) != nil
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
