/// One word of a text after tokenization: normalised, with the sentence it belongs to.
///
/// `text` is lower-cased, with `’` and `ʼ` inside words written `'`. A run of CJK characters
/// gives one token per character bigram (``isCJK`` is then true). `position` counts every word
/// the tokenizer saw, dropped ones (URLs, e-mail addresses, numbers) included, so two tokens are
/// adjacent in the text exactly when their positions differ by one.
public struct Token: Hashable, Sendable {
    /// The normalised word (`won't`, `u.s`, `co-pays`, `移民`).
    public var text: String
    /// Index of the sentence within the text, from 0; sentences without words are not counted.
    public var sentence: Int32
    /// Index among all words of the text, dropped ones included.
    public var position: Int32
    /// Whether the token is a bigram (or single character) of a Han/Kana/Hangul run.
    public var isCJK: Bool

    public init(_ text: String, sentence: Int32 = 0, position: Int32 = 0, isCJK: Bool = false) {
        self.text = text
        self.sentence = sentence
        self.position = position
        self.isCJK = isCJK
    }

    /// Whether `next` follows this token directly: the next word position, in the same sentence.
    /// Commas, quotes, dashes and brackets between the two do not matter; a sentence end or a
    /// dropped word (URL, number) does.
    @inlinable
    public func isFollowed(by next: Token) -> Bool {
        next.position == position + 1 && next.sentence == sentence
    }
}
