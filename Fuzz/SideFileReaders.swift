import Foundation
import ThreadNetCore

/// The readers of files a user hands ThreadNet beside the input: topic dictionaries (YAML and
/// LIWC `.dic`) and alias files. Each must return or throw its typed error; a crash, a hang or
/// a sanitizer report is a defect. A parsed alias map is checked for what the reader promises:
/// no variant maps to itself, and no canonical name is itself a variant of another.
enum SideFileReaders {
    static func dictionary(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        for format in [TopicDictionary.Format.yaml, .liwc] {
            guard let dictionary = try? TopicDictionary.parse(text, file: "fuzz", format: format) else { continue }
            precondition(dictionary.topics.count == dictionary.terms.count, "topics and term lists differ in number")
            // Match the dictionary against its own terms' text: globs meet the words they were written for.
            var matcher = DictionaryMatcher(dictionary)
            let sample = dictionary.terms.joined().prefix(256).map(\.source).joined(separator: " ")
            _ = matcher.matches(in: Tokenizer().tokens(in: sample + " " + text.prefix(4096)))
        }
    }

    static func aliases(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let map = try? AuthorIdentity.parseAliases(text, file: "fuzz.txt") else { return }
        for (variant, canonical) in map {
            precondition(variant != canonical, "alias maps \(variant) to itself")
            precondition(map[canonical] == nil, "canonical name \(canonical) is itself a variant")
        }
        let identity = AuthorIdentity(aliases: map)
        for variant in map.keys.prefix(64) { _ = identity.resolve(variant) }
    }

    /// A partial result (`threadnet merge`'s input): its five files (``PartialResult/fileNames``)
    /// and optionally `folders.ndjson`, `topics-sample.ndjson` and the three topic count files,
    /// separated by NUL bytes. Each must parse or throw its typed error (a folder index only
    /// with safe relative paths); a parsed partial is merged and its files written, and the
    /// topic rounds are computed from its sample and counts (or refused with an error).
    static func partial(_ bytes: [UInt8]) {
        let parts = bytes.split(separator: 0, maxSplits: PartialResult.fileNames.count + 4, omittingEmptySubsequences: false).map { Data($0) }
        guard parts.count >= PartialResult.fileNames.count else { return }
        if parts.count > PartialResult.fileNames.count, let folders = try? PartialFolders.parse(parts[PartialResult.fileNames.count], path: "fuzz") {
            for e in folders.values {
                precondition(e.folder.hasPrefix("threads/") && !e.folder.contains("/../") && !e.files.contains { $0.contains("/") }, "an unsafe folder passed")
            }
        }
        let files = Dictionary(uniqueKeysWithValues: zip(PartialResult.fileNames, parts))
        guard let partial = try? PartialResult.parse(files, folder: "fuzz"), let merged = try? MergedCorpus([partial]) else { return }
        precondition(merged.threads.count == partial.threads.count, "a merge of one partial lost threads")
        for file in merged.documents + merged.diagrams { _ = file.contents }
        let topicParts = parts.dropFirst(PartialResult.fileNames.count + 1)
        guard let sample = topicParts.first, let merge = try? PartialTopics.Merge(merged, samples: [sample], names: ["fuzz"]) else { return }
        let counts = topicParts.dropFirst().compactMap { try? PartialTopics.Counts.sum([($0, "fuzz")]) }
        for n in PartialTopics.rounds {
            if let round = try? merge.round(n, counts: counts) {
                precondition((try? TopicRound.read(round.encoded, path: "fuzz")) == round, "a round file does not read back")
            }
        }
        if let topics = try? merge.topics(counts: counts) {
            precondition(topics.terms.count <= merge.settings.maxTerms, "more key terms than asked for")
            let files = ReportBundle.corpusTopicFiles(topics)
            for file in files.documents + [files.diagram] { _ = file.contents }
        }
    }

    /// A partial result's `repairs.ndjson`, then after a NUL byte its `metrics-threads.json`:
    /// the repairs parse (every thread within the partial's 8) or throw their typed error; the
    /// entries are read one at a time, each ending at its closing line, none longer than the file.
    static func partialReport(_ bytes: [UInt8]) {
        let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false).map { Data($0) }
        if let repairs = try? PartialReport.repairs(parts[0], path: "fuzz", threads: 8) {
            precondition(repairs.threads.keys.allSatisfy { (0..<8).contains($0) }, "a repair of a thread the partial does not have")
        }
        guard parts.count > 1 else { return }
        let path = NSTemporaryDirectory() + "threadnet-fuzz-entries-\(getpid())"
        guard FileManager.default.createFile(atPath: path, contents: parts[1]) else { return }
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let reader = PartialReport.EntryReader(path: path) else { return }
        var total = 0
        while let entry = reader.next() {
            total += entry.count + 1
            precondition(entry.last == 0x7D && total <= parts[1].count, "an entry that does not end with its brace, or longer than the file")
        }
        _ = reader.hasMore
    }
}
