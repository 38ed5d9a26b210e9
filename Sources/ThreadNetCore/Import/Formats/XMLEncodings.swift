import Foundation

/// The character encodings an XML input may declare, and their conversion to UTF-8.
///
/// ThreadNet hands libxml2 UTF-8 only: a document declaring another encoding is converted
/// here first (with Foundation) and its declaration rewritten to `UTF-8`, so libxml2 never
/// switches encodings mid-stream (its push parser crashed on a declared `UTF-7`, found by
/// fuzzing). The encodings read are the ones exports are found in: UTF-8, US-ASCII,
/// ISO-8859-1, ISO-8859-2 and Windows-1250/1251/1252; any other (and EBCDIC, which libxml2
/// would detect by itself) is refused with a message saying how to convert the file.
enum XMLEncodings {
    /// Whether `name` (as declared, any case) means UTF-8.
    static func isUTF8(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower == "utf-8" || lower == "utf8"
    }

    /// Foundation's encoding for a declared name, or `nil` when ThreadNet does not read it.
    static func encoding(named name: String) -> String.Encoding? {
        switch name.lowercased() {
        case "utf-8", "utf8": .utf8
        case "us-ascii", "ascii": .ascii
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1": .isoLatin1
        case "iso-8859-2", "iso8859-2", "iso_8859-2", "latin2", "latin-2", "l2": .isoLatin2
        case "windows-1250", "cp1250": .windowsCP1250
        case "windows-1251", "cp1251": .windowsCP1251
        case "windows-1252", "cp1252": .windowsCP1252
        default: nil
        }
    }

    /// The names listed in messages.
    static let readable = "UTF-8, US-ASCII, ISO-8859-1, ISO-8859-2, Windows-1250, Windows-1251 and Windows-1252"

    /// `bytes` as UTF-8 with a UTF-8 declaration, plus the declared name when a conversion
    /// happened (for the finding); the input unchanged when it is already UTF-8 or declares
    /// nothing.
    ///
    /// - Throws: ``ImportError`` of kind `.encoding` for an encoding not read, or bytes that
    ///   are not valid in the declared one.
    /// - Complexity: O(n).
    static func utf8Document(_ bytes: [UInt8], file: String, formatName: String) throws(ImportError) -> (bytes: [UInt8], convertedFrom: String?) {
        if bytes.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) {
            // `<?xm` in EBCDIC, which libxml2 would detect and switch to on its own.
            throw ImportError(.encoding, at: SourceLocation(file: file, line: 1),
                              "the XML is EBCDIC-encoded; convert the \(formatName) file to UTF-8 (e.g. iconv -f IBM500 -t UTF-8) and try again")
        }
        guard let declared = XMLProlog.declaredEncoding(bytes) else { return (bytes, nil) }
        let shown = String(declared.name.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }.prefix(40))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]), !isUTF8(declared.name) {
            throw ImportError(.encoding, at: SourceLocation(file: file, line: 1),
                              "the file starts with a UTF-8 byte-order mark but its XML declaration says encoding=\"\(shown)\"; make the two agree (a \(formatName) file is normally UTF-8)")
        }
        guard let encoding = encoding(named: declared.name) else {
            throw ImportError(.encoding, at: SourceLocation(file: file, line: 1),
                              "the XML declares the encoding \"\(shown)\", which ThreadNet does not read (it reads \(readable)); convert the \(formatName) file to UTF-8 (e.g. iconv -f \(shown) -t UTF-8) and change the declaration to encoding=\"UTF-8\"")
        }
        if encoding == .utf8 { return (bytes, nil) }
        // Every encoding read is ASCII-compatible: the declaration and newlines keep their
        // bytes, so line numbers in later messages still match the file.
        guard let text = String(bytes: bytes, encoding: encoding) else {
            throw ImportError(.encoding, at: SourceLocation(file: file, line: 1),
                              "the XML declares the encoding \"\(shown)\" but holds bytes that are not valid in it; convert the \(formatName) file to UTF-8")
        }
        var utf8 = Array(text.utf8)
        // The declaration is ASCII and comes first, so its offsets are unchanged.
        utf8.replaceSubrange(declared.range, with: Array("UTF-8".utf8))
        return (utf8, declared.name)
    }
}
