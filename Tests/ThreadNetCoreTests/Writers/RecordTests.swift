import Foundation
import Testing
@testable import ThreadNetCore

/// The full record in `comments.csv`: the root post's row, score, permalink, edited flag and
/// text, against `scripts/reference/record_reference.py` (the raw fixture JSON read with
/// Python's json module).
@Suite("Full record in comments.csv")
struct RecordTests {
    /// RFC 4180 rows (quoted fields may hold commas, quotes and line breaks).
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(field); field = ""
            } else if c == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.append(c) }
        }
        return rows
    }

    @Test("comments.csv holds the root post, scores, permalinks, edits and text", arguments: [
        "reddit-3hahrw-thread", "mastodon-context-109294719267373593", "youtube-commentthreads", "hn-algolia-item17-fraction",
    ])
    func record(stem: String) throws {
        let corpus = try Importers.read(InputSource(path: Paths.fixture("json/\(stem).json").path))
        let analysis = CorpusAnalysis(corpus: corpus, policy: .all)
        let expected = try Paths.expected("json/\(stem).record.json")
        let metrics = ThreadMetrics.computeAll(analysis.threads)
        let text = TextOutput.text { CSVWriter.writeComments(metrics, threadColumn: true, to: $0) }
        let table = Self.rows(text)
        let header = table[0]
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name), "\(name)") }
        let id = try column("id"), depth = try column("depth"), score = try column("score"), status = try column("status")
        let permalink = try column("permalink"), body = try column("text")
        #expect(header.last == "text")
        let posts = table.dropFirst().filter { $0[depth] == "0" }
        let comments = table.dropFirst().filter { $0[depth] != "0" }
        #expect(posts.count == analysis.threads.count)
        #expect(posts.allSatisfy { $0[status] == "post" })
        #expect(comments.count == expected["comments"] as! Int)
        let scores = comments.compactMap { Int($0[score]) }
        #expect(scores.count == expected["scored"] as! Int)
        #expect(scores.reduce(0, +) == expected["scoreSum"] as! Int)
        #expect(comments.count { $0[status].split(separator: ";").contains("edited") } == expected["edited"] as! Int)
        #expect(posts.first.flatMap { Int($0[score]) } == expected["postScore"] as? Int)
        let byID = Dictionary(comments.map { ($0[id], $0) }, uniquingKeysWith: { a, _ in a })
        for sample in try #require(expected["samples"] as? [[String: Any]]) {
            let row = try #require(byID[sample["id"] as! String])
            #expect(Int(row[score]) == sample["score"] as? Int)
            #expect(row[permalink] == sample["permalink"] as? String)
            // A text starting with = + - @ gets a leading ' against spreadsheet formulas (`--raw-csv` keeps it as is).
            if let t = sample["text"] as? String { #expect(row[body] == (CSVOutput.looksLikeFormula(t) ? "'" + t : t)) }
        }
    }

    @Test("Reddit: the thread URL is the discussion's permalink; the linked address is kept apart")
    func redditPermalink() throws {
        let corpus = try Importers.read(InputSource(path: Paths.fixture("json/reddit-3hahrw-thread.json").path))
        let root = try #require(corpus.threads.first).root
        #expect(root.threadURL == "https://www.reddit.com/r/funny/comments/3hahrw/ba_dum_tsss/")
        #expect(root.url == "http://i.imgur.com/eoF76hj.gifv")
        #expect(root.score == 11702)
    }
}
