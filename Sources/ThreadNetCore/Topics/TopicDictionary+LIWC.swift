extension TopicDictionary {
    /// Parses a LIWC-style `.dic` dictionary.
    ///
    /// ```
    /// %
    /// 1	crime
    /// 2	welfare
    /// %
    /// crim*	1
    /// food stamps	2
    /// ```
    /// A header between two `%` lines gives each category a number and a name; then each line
    /// is a term (a word or phrase, globs allowed), a tab, and the numbers of its categories
    /// separated by tabs or spaces. Without a tab, the trailing numbers are the categories and
    /// the words before them the term. Topics are the categories in header order.
    /// - Throws: ``TopicInputError`` with the line: a missing `%` header, a malformed or
    ///   repeated category, a term without categories, an unknown category number, or
    ///   LIWC2007's conditional syntax (`02 134/125`), which is not supported.
    /// - Complexity: O(*n*) in the size of the file.
    public static func parseLIWC(_ text: String, file: String) throws(TopicInputError) -> TopicDictionary {
        var lines: [Substring] = []
        text.enumerateLinesKeepingEmpty { lines.append($0) }
        var i = 0
        while i < lines.count, lines[i].trimmed.isEmpty { i += 1 }
        guard i < lines.count, lines[i].trimmed == "%" else {
            throw TopicInputError(file: file, line: i < lines.count ? i + 1 : nil, message: "a LIWC dictionary starts with a line holding only %")
        }
        i += 1
        var names: [String] = []
        var index: [Int: Int] = [:]
        while true {
            guard i < lines.count else {
                throw TopicInputError(file: file, line: lines.count, message: "the category header is not closed by a line holding only %")
            }
            let line = lines[i].trimmed
            i += 1
            if line == "%" { break }
            if line.isEmpty { continue }
            let fields = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 2, let number = Int(fields[0]), !fields[1].trimmed.isEmpty else {
                throw TopicInputError(file: file, line: i, message: "a category line is a number and a name: \"\(line)\"")
            }
            guard index[number] == nil else {
                throw TopicInputError(file: file, line: i, message: "category \(number) is defined twice")
            }
            guard !names.contains(fields[1].trimmed) else {
                throw TopicInputError(file: file, line: i, message: "category \"\(fields[1].trimmed)\" is defined twice")
            }
            index[number] = names.count
            names.append(fields[1].trimmed)
        }
        var terms = Array(repeating: [String](), count: names.count)
        while i < lines.count {
            let raw = lines[i]
            i += 1
            if raw.trimmed.isEmpty { continue }
            var term: String
            var ids: [Substring]
            if raw.contains("\t") {
                let fields = raw.split(separator: "\t").map { $0.trimmed }.filter { !$0.isEmpty }
                term = fields.first ?? ""
                ids = fields.dropFirst().flatMap { $0.split(separator: " ") }
            } else {
                var words = raw.split(separator: " ")
                ids = []
                while let last = words.last, words.count > 1, last.allSatisfy(\.isNumber) {
                    ids.insert(last, at: 0)
                    words.removeLast()
                }
                term = words.joined(separator: " ")
            }
            term = term.trimmed
            guard !term.isEmpty, TermPattern(term) != nil else {
                throw TopicInputError(file: file, line: i, message: "a term line is a word or phrase, a tab, and category numbers")
            }
            guard !ids.isEmpty else {
                throw TopicInputError(file: file, line: i, message: "term \"\(term)\" has no category")
            }
            for id in ids {
                guard let number = Int(id) else {
                    throw TopicInputError(file: file, line: i, message: "term \"\(term)\": category \"\(id)\" is not a number (LIWC2007 conditional categories are not supported)")
                }
                guard let topic = index[number] else {
                    throw TopicInputError(file: file, line: i, message: "term \"\(term)\": category \(number) is not in the header")
                }
                terms[topic].append(term)
            }
        }
        return TopicDictionary(zip(names, terms).map { ($0, $1) })
    }
}

extension String {
    /// Calls `body` with each line, empty ones included, split at `\n`, `\r\n` or `\r`.
    func enumerateLinesKeepingEmpty(_ body: (Substring) -> Void) {
        var start = startIndex
        var i = startIndex
        while i < endIndex {
            let c = self[i]
            if c == "\n" || c == "\r\n" || c == "\r" {
                body(self[start..<i])
                i = index(after: i)
                start = i
            } else {
                i = index(after: i)
            }
        }
        if start < endIndex { body(self[start..<endIndex]) }
    }
}
