/// Something the importer or the analysis noticed and, where it could, repaired.
///
/// Findings are values: the core never prints them. The report's "Data quality" section and
/// `metrics.json`'s `repairs` array list every finding with its location.
public struct Finding: Hashable, Sendable {
    /// What kind of problem was found. The raw value is the stable name used in JSON.
    public enum Kind: String, CaseIterable, Sendable, Comparable {
        /// A reply whose parent is not in the input; attached to the thread's root.
        case orphanReply
        /// Two comments of one thread share an id; both are kept, references go to the first.
        case duplicateID
        /// Comments whose parent links form a loop; the loop is broken at one comment.
        case parentCycle
        /// A comment that names itself as parent; attached to the thread's root.
        case selfParent
        /// A pasted-text header indented inconsistently with its neighbours.
        case indentation
        /// A deleted or removed comment kept as a placeholder so its replies keep their place.
        case deletedPlaceholder
        /// A comment with a deleted, empty or anonymous author, counted in the "unknown" bucket.
        case unknownAuthor
        /// A timestamp that could not be read; the comment is kept without one.
        case badTimestamp
        /// A record that could not be read and was skipped; the rest of the file was analyzed.
        case malformedRecord
        /// The input needed a structural repair to be read (an undeclared XML namespace prefix).
        case malformedInput
        /// Comments the input says exist but does not contain (Reddit `more` stubs, pagination).
        case missingComments
        /// Comments left out of the analysis by the inclusion rule (spam, pending, pingbacks).
        case excluded
        /// Anything else worth telling the reader.
        case note

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind
    public var location: SourceLocation
    public var message: String

    public init(_ kind: Kind, at location: SourceLocation, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }
}
