import Yams

extension TopicDictionary {
    /// Parses a quanteda YAML dictionary.
    ///
    /// The document is a mapping from topic names to either a list of terms, a single term, or
    /// another such mapping (nested topics, named `parent/child`):
    /// ```yaml
    /// immigration:
    ///   enforcement: [secure communities, deport*]
    /// crime:
    ///   - crime*
    /// ```
    /// - Throws: ``TopicInputError`` with the line of the offending entry: YAML syntax errors,
    ///   a non-mapping document, a topic without terms, a term that is not text, a duplicate topic.
    /// - Complexity: O(*n*) in the size of the file; nesting is walked with an explicit stack.
    public static func parseYAML(_ text: String, file: String) throws(TopicInputError) -> TopicDictionary {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.inputError(error, file: file)
        } catch {
            throw TopicInputError(file: file, line: nil, message: "not valid YAML: \(error)")
        }
        guard let root, case .mapping(let top) = root else {
            throw TopicInputError(file: file, line: root?.mark?.line, message: "a topic dictionary must be a mapping from topic names to lists of terms")
        }
        var entries: [(topic: String, terms: [String])] = []
        var seen = Set<String>()
        // Depth-first, in file order: a stack of mapping entries still to visit.
        var stack: [(prefix: String, key: Node, value: Node)] = top.reversed().map { ("", $0.key, $0.value) }
        while let (prefix, key, value) = stack.popLast() {
            guard case .scalar(let keyScalar) = key, !keyScalar.string.trimmed.isEmpty else {
                throw TopicInputError(file: file, line: key.mark?.line, message: "a topic name must be non-empty text")
            }
            let name = prefix.isEmpty ? keyScalar.string.trimmed : prefix + "/" + keyScalar.string.trimmed
            switch value {
            case .mapping(let children):
                if children.isEmpty {
                    throw TopicInputError(file: file, line: value.mark?.line ?? key.mark?.line, message: "topic \"\(name)\" has no terms")
                }
                stack.append(contentsOf: children.reversed().map { (name, $0.key, $0.value) })
                continue
            case .sequence(let items):
                var terms: [String] = []
                for item in items {
                    guard case .scalar(let term) = item, TermPattern(term.string) != nil else {
                        throw TopicInputError(file: file, line: item.mark?.line, message: "topic \"\(name)\": each term must be a non-empty word or phrase")
                    }
                    terms.append(term.string)
                }
                if terms.isEmpty {
                    throw TopicInputError(file: file, line: key.mark?.line, message: "topic \"\(name)\" has no terms")
                }
                guard seen.insert(name).inserted else {
                    throw TopicInputError(file: file, line: key.mark?.line, message: "topic \"\(name)\" is defined twice")
                }
                entries.append((name, terms))
            case .scalar(let term):
                guard TermPattern(term.string) != nil, value.null == nil else {
                    throw TopicInputError(file: file, line: key.mark?.line, message: "topic \"\(name)\" has no terms")
                }
                guard seen.insert(name).inserted else {
                    throw TopicInputError(file: file, line: key.mark?.line, message: "topic \"\(name)\" is defined twice")
                }
                entries.append((name, [term.string]))
            case .alias:
                throw TopicInputError(file: file, line: value.mark?.line, message: "topic \"\(name)\": YAML aliases are not supported")
            }
        }
        return TopicDictionary(entries)
    }

    static func inputError(_ error: YamlError, file: String) -> TopicInputError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return TopicInputError(file: file, line: mark.line, message: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return TopicInputError(file: file, line: context.mark.line, message: "topic defined twice: \(duplicates.joined(separator: ", "))")
        default:
            return TopicInputError(file: file, line: nil, message: "not valid YAML: \(error)")
        }
    }
}
