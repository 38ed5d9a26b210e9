/// One element start as the XML importers see it. Names are taken as written (no namespace
/// processing), so importers match on ``localName`` whatever URI a prefix is bound to.
struct XMLElementStart {
    /// The name as written: `wp:comment`.
    var qualifiedName: String
    /// The part after the prefix: `comment`.
    var localName: String
    /// The prefix (`wp`), or `nil` for an unprefixed name.
    var prefix: String?
    /// Attributes by qualified name (`dsq:id`).
    var attributes: [String: String]
    /// 1-based line the parser reported for the start tag.
    var line: Int
    /// Nesting depth: 0 for the root element.
    var depth: Int

    init(qualifiedName: String, attributes: [String: String], line: Int, depth: Int) {
        self.qualifiedName = qualifiedName
        (prefix, localName) = XMLNames.split(qualifiedName)
        self.attributes = attributes
        self.line = line
        self.depth = depth
    }

    /// The value of the attribute whose local name is `local`. A prefixed attribute (`dsq:id`)
    /// wins over an unprefixed one (`id`); among several prefixed ones the smallest qualified
    /// name wins, so the choice never depends on dictionary order.
    func attribute(local: String) -> String? {
        var best: (key: String, value: String)?
        for (key, value) in attributes {
            let (prefix, name) = XMLNames.split(key)
            guard name == local, prefix != "xmlns" else { continue }
            if let current = best {
                let currentPrefixed = current.key.contains(":")
                let prefixed = prefix != nil
                if prefixed != currentPrefixed {
                    if prefixed { best = (key, value) }
                } else if key < current.key {
                    best = (key, value)
                }
            } else {
                best = (key, value)
            }
        }
        return best?.value
    }
}

/// Receives the elements of one XML document in document order.
protocol XMLEventHandler: AnyObject {
    /// An element starts.
    func didStart(_ element: XMLElementStart)
    /// An element ends; `text` is its own character data (text and CDATA sections directly
    /// inside it, concatenated, not trimmed).
    func didEnd(_ element: XMLElementStart, text: String)
}

/// Qualified-name helpers.
enum XMLNames {
    /// Splits `wp:comment` into (`wp`, `comment`); an unprefixed name gives (`nil`, name).
    static func split(_ name: String) -> (prefix: String?, local: String) {
        let utf8 = name.utf8
        guard let colon = utf8.lastIndex(of: 0x3A) else { return (nil, name) }
        return (String(name[..<colon]), String(name[utf8.index(after: colon)...]))
    }
}

/// White-space trimming without Foundation's `trimmingCharacters(in:)`, which is slow on
/// Linux (it bridges through `NSString`) and was the importers' hottest call.
enum XMLText {
    /// `text` without leading and trailing white space and newlines (Unicode `White_Space`,
    /// which includes the no-break space, as `CharacterSet.whitespacesAndNewlines` does).
    static func trim(_ text: String) -> String { text.trimmed }

    /// A display name or title: HTML entities decoded (exports leave `&raquo;`, `&#8217;` and
    /// `&nbsp;` in them), then trimmed; the empty string for `nil`.
    static func decodedName(_ text: String?) -> String {
        trim(HTMLText.decodeEntities(trim(text)))
    }

    /// ``trim(_:)`` of an optional: the empty string for `nil`.
    static func trim(_ text: String?) -> String {
        guard let text else { return "" }
        return trim(text)
    }
}
