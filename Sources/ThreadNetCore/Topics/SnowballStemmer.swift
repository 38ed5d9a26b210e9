import CStemmer

/// A Snowball stemmer (snowballstem.org) for one language, from the C library libstemmer:
/// `SnowballStemmer(language: "english")` is Porter2, `"german"`, `"french"`, … the others.
///
/// One instance is not safe to share between threads (the C stemmer keeps its working buffer):
/// give each task its own. Words are stemmed as UTF-8; the input should be lower case, as the
/// tokenizer makes it.
///
/// ```swift
/// let stemmer = SnowballStemmer(language: "english")!
/// stemmer.stem("consolingly")   // "consol"
/// ```
public final class SnowballStemmer {
    private let stemmer: OpaquePointer
    /// The Snowball algorithm name.
    public let language: String

    /// The stemmer of `language` (a Snowball algorithm name, ``languages``); nil when libstemmer
    /// has none.
    public init?(language: String) {
        guard let s = sb_stemmer_new(language, "UTF_8") else { return nil }
        stemmer = s
        self.language = language
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of `word`; the word itself when it is empty or the library fails.
    ///
    /// - Complexity: O(*m*) for a word of *m* bytes.
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress, bytes.count > 0,
                  let out = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else { return String(decoding: bytes, as: UTF8.self) }
            let n = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: out, count: n), as: UTF8.self)
        }
    }

    /// Every algorithm name libstemmer knows (including aliases such as `porter`).
    public static var languages: [String] {
        guard var p = sb_stemmer_list() else { return [] }
        var out: [String] = []
        while let name = p.pointee {
            out.append(String(cString: name))
            p += 1
        }
        return out
    }
}
