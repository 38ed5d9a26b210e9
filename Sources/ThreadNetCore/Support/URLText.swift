import Foundation

/// Building web addresses from ids found in the data.
enum URLText {
    /// Characters kept as they are in a query value or fragment: RFC 3986 unreserved
    /// characters (letters, digits, `-._~`); everything else is percent-encoded, so an id
    /// cannot end a query value (`&`, `#`) or smuggle in a new one.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `text` percent-encoded for use as a query value or a fragment.
    static func component(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
