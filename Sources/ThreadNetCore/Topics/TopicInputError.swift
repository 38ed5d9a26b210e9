/// A problem with a topic dictionary or stop word file, or with a topic option.
///
/// Names the file and, where known, the 1-based line, so the command line can point at it.
public struct TopicInputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file the problem is in; empty for an option given on the command line.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// What is wrong, in a sentence.
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, or fewer parts when they are unknown.
    public var description: String {
        var parts: [String] = []
        if !file.isEmpty { parts.append(file) }
        if let line { parts.append(String(line)) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }
}
