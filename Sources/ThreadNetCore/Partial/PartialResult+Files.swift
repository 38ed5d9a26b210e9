import Foundation

extension PartialResult {
    /// The files of the partial result (``PartialResult/fileNames``), each a streaming writer.
    public var files: [OutputFile] {
        let manifest = self.manifest, threads = self.threads, tally = self.tally, times = self.times
        return [
            OutputFile(path: "partial.json") { out in
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                out.write(String(decoding: (try? encoder.encode(manifest)) ?? Data(), as: UTF8.self))
                out.write("\n")
            },
            OutputFile(path: "threads.ndjson") { out in
                let json = JSONOutput(out)
                for t in threads {
                    json.object(inline: true) {
                        json.field("comments", t.comments)
                        json.field("id", t.id)
                        json.field("title", t.title)
                        json.field("values", array: { for v in t.values { json.value(v.flatMap { $0.isFinite ? $0 : nil }) } })
                    }
                }
            },
            OutputFile(path: "authors.ndjson") { out in
                let json = JSONOutput(out)
                for a in tally.authors {
                    json.object(inline: true) {
                        json.field("comments", a.comments)
                        json.field("firstLocal", a.firstLocal)
                        json.field("firstSeen", a.firstSeen)
                        json.field("firstThread", a.firstThread)
                        json.field("name", a.name)
                        json.field("repliesGiven", a.repliesGiven)
                        json.field("threads", a.threads)
                    }
                }
            },
            OutputFile(path: "replies.ndjson") { out in
                Self.writeReplies(tally, to: out)
            },
            OutputFile(path: "times.ndjson") { times.write(to: $0) },
        ]
    }

    /// `replies.ndjson`: one line per pair, sorted by (replier, replied-to) author index.
    static func writeReplies(_ tally: AuthorTally, to out: TextOutput) {
        let json = JSONOutput(out)
        for key in tally.replies.keys.sorted() {
            let r = tally.replies[key]!
            json.object(inline: true) {
                json.field("first", r.first)
                json.field("from", tally.authors[Int(key >> 32)].name)
                json.field("to", tally.authors[Int(key & 0xFFFF_FFFF)].name)
                json.field("weight", r.weight)
            }
        }
    }

    /// The default bound on each file of a partial result read whole (all but the row files,
    /// which are streamed): 4 GiB.
    public static let defaultMaxFileBytes = 4 << 30

    /// Reads the partial result in `folder`, checking its format and version.
    ///
    /// - Parameters:
    ///   - folder: the partial result's folder.
    ///   - maxFileBytes: the largest file read (`threadnet merge --max-partial-mib`).
    ///   - threadsOnly: read the manifest, threads and authors only (the author pairs and
    ///     pooled times left empty), as the topics rounds need them.
    /// - Throws: ``PartialError`` naming the file and line of anything missing or malformed.
    public static func read(folder: String, maxFileBytes: Int = defaultMaxFileBytes, threadsOnly: Bool = false) throws(PartialError) -> PartialResult {
        var files: [String: Data] = [:]
        for name in fileNames where !threadsOnly || !skippedForThreads.contains(name) {
            files[name] = try contents(folder + "/" + name, maxBytes: maxFileBytes)
        }
        return try parse(files, folder: folder, threadsOnly: threadsOnly)
    }

    /// The files ``read(folder:maxFileBytes:threadsOnly:)`` skips for `threadsOnly`.
    static let skippedForThreads: Set<String> = ["replies.ndjson", "times.ndjson"]

    /// Parses the files of a partial result (``fileNames`` → contents); `folder` names them in
    /// errors. With `threadsOnly`, `replies.ndjson` and `times.ndjson` are not needed and not read.
    ///
    /// - Complexity: O(size of the files).
    public static func parse(_ files: [String: Data], folder: String, threadsOnly: Bool = false) throws(PartialError) -> PartialResult {
        func data(_ name: String) throws(PartialError) -> Data {
            guard let d = files[name] else { throw PartialError(folder + "/" + name, "missing: a partial result has \(fileNames.joined(separator: ", "))") }
            return d
        }
        let manifestPath = folder + "/partial.json"
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: try data("partial.json"))
        } catch let error as PartialError {
            throw error
        } catch {
            throw PartialError(manifestPath, "not a ThreadNet partial result (\(reason(error)))")
        }
        guard manifest.format == formatName else {
            throw PartialError(manifestPath, "format is \"\(manifest.format)\", not \"\(formatName)\"")
        }
        guard manifest.version == version else {
            throw PartialError(manifestPath, "partial result version \(manifest.version); this ThreadNet reads version \(version): analyze the shard again with this version")
        }
        let threadsPath = folder + "/threads.ndjson", authorsPath = folder + "/authors.ndjson"
        let threads = try lines(try data("threads.ndjson"), threadsPath, as: ThreadRow.self, kind: "thread")
        guard threads.count == manifest.threads else {
            throw PartialError(threadsPath, "\(threads.count) threads, partial.json says \(manifest.threads): the partial result is incomplete")
        }
        for (k, t) in threads.enumerated() {
            if t.values.count != manifest.metrics.count {
                throw PartialError(threadsPath + ":\(k + 1)", "\(t.values.count) values, partial.json names \(manifest.metrics.count) metrics")
            }
            if t.comments < 0 { throw PartialError(threadsPath + ":\(k + 1)", "comments \(t.comments) is not a count") }
        }
        let authorRows = try lines(try data("authors.ndjson"), authorsPath, as: AuthorRow.self, kind: "author")
        var authors: [AuthorTally.Author] = []
        authors.reserveCapacity(authorRows.count)
        var seen = Set<String>()
        for (k, a) in authorRows.enumerated() {
            let at = authorsPath + ":\(k + 1)"
            guard seen.insert(a.name).inserted else { throw PartialError(at, "author \"\(a.name)\" appears twice") }
            guard a.firstThread >= 0, Int(a.firstThread) < threads.count else {
                throw PartialError(at, "firstThread \(a.firstThread) is not a thread of threads.ndjson (0..<\(threads.count))")
            }
            guard a.comments >= 0, a.threads >= 0, a.repliesGiven >= 0, a.firstLocal >= 0 else {
                throw PartialError(at, "comments, threads, repliesGiven and firstLocal are counts (0 or more)")
            }
            authors.append(AuthorTally.Author(name: a.name, comments: a.comments, threads: a.threads, repliesGiven: a.repliesGiven,
                                              firstSeen: a.firstSeen, firstThread: a.firstThread, firstLocal: a.firstLocal))
        }
        var tally = AuthorTally(authors: authors, replies: [:], threadCount: threads.count)
        var times = PooledTimes()
        // Without the pairs and times (read(folder:threadsOnly:)), the threads and authors only.
        guard !threadsOnly else {
            return PartialResult(manifest: manifest, threads: threads, tally: tally, times: times)
        }
        try addReplies(try data("replies.ndjson"), folder + "/replies.ndjson", into: &tally)
        let timesPath = folder + "/times.ndjson"
        for (k, line) in try lines(try data("times.ndjson"), timesPath, as: PooledTimes.Line.self, kind: "times").enumerated() {
            if let problem = times.add(line) { throw PartialError(timesPath + ":\(k + 1)", problem) }
        }
        guard times.times.count == manifest.comments else {
            throw PartialError(timesPath, "\(times.times.count) comment times, partial.json says \(manifest.comments) comments")
        }
        return PartialResult(manifest: manifest, threads: threads, tally: tally, times: times)
    }

    /// Adds the pairs of a `replies.ndjson` file to `tally`; every name must be an author of it.
    static func readReplies(_ path: String, into tally: inout AuthorTally) throws(PartialError) {
        try addReplies(try contents(path), path, into: &tally)
    }

    static func addReplies(_ data: Data, _ path: String, into tally: inout AuthorTally) throws(PartialError) {
        for (k, r) in try lines(data, path, as: ReplyRow.self, kind: "reply").enumerated() {
            guard let from = tally.index[r.from], let to = tally.index[r.to] else {
                throw PartialError(path + ":\(k + 1)", "author \"\(tally.index[r.from] == nil ? r.from : r.to)\" is in no authors.ndjson")
            }
            guard r.weight >= 0, r.weight.isFinite, r.weight <= 1e15 else { throw PartialError(path + ":\(k + 1)", "weight \(r.weight) is not a count") }
            tally.add(AuthorTally.Replies(weight: r.weight, first: r.first), to: Int64(from) << 32 | Int64(to))
        }
    }

    struct AuthorRow: Codable {
        var name: String
        var comments: Int32
        var threads: Int32
        var repliesGiven: Int32
        var firstSeen: Double?
        var firstThread: Int32
        var firstLocal: Int32
    }

    struct ReplyRow: Codable {
        var from: String
        var to: String
        var weight: Double
        var first: Double?
    }

    /// Refuses the file at `path`, naming its size, when it is larger than `maxBytes`
    /// (`--max-partial-mib`): a partial result's files are read whole.
    public static func checkSize(_ path: String, maxBytes: Int) throws(PartialError) {
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > maxBytes {
            throw PartialError(path, "\(Int(info.st_size) >> 20) MiB, above the bound of \(maxBytes >> 20) MiB a partial result's file is read with (raise it with --max-partial-mib)")
        }
    }

    /// The file at `path`, after ``checkSize(_:maxBytes:)``.
    static func contents(_ path: String, maxBytes: Int) throws(PartialError) -> Data {
        try checkSize(path, maxBytes: maxBytes)
        return try contents(path)
    }

    static func contents(_ path: String) throws(PartialError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PartialError(path, "cannot be read (missing, or not a file): a partial result has \(fileNames.joined(separator: ", "))")
        }
        return data
    }

    /// Every line of an NDJSON file (`path`, for errors) decoded as `T`, a `kind` line (for
    /// errors: "thread", "author", …); empty lines are skipped.
    static func lines<T: Decodable>(_ data: Data, _ path: String, as: T.Type, kind: String) throws(PartialError) -> [T] {
        let decoder = JSONDecoder()
        var out: [T] = []
        var line = 0
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            line += 1
            if end > start {
                do { out.append(try decoder.decode(T.self, from: data[start..<end])) } catch {
                    throw PartialError(path + ":\(line)", "not a valid \(kind) line (\(Self.reason(error)))")
                }
            }
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return out
    }

    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "no \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return "\"\(c.codingPath.map(\.stringValue).joined(separator: "."))\": \(c.debugDescription)"
        case DecodingError.dataCorrupted(let c): return c.debugDescription
        default: return "\(error)"
        }
    }
}
