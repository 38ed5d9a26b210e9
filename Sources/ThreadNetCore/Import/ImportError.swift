/// An input that cannot be read at all: the error names the file, the line or record, and
/// what was expected.
///
/// Problems that leave the rest of the input usable are ``Finding``s instead.
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The file does not exist or cannot be opened.
        case unreadable
        /// The bytes are not text in a supported encoding (binary, invalid UTF-8, UTF-16).
        case encoding
        /// The content matches no supported format.
        case unknownFormat
        /// The content is malformed for its format (bad XML, JSON of the wrong shape).
        case malformed
        /// The input holds no comments at all.
        case empty
        /// A compressed stream is corrupt or truncated.
        case compression
    }

    public var kind: Kind
    public var location: SourceLocation
    public var message: String

    public init(_ kind: Kind, at location: SourceLocation, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// `file:line: message`.
    public var description: String { "\(location): \(message)" }
}
