import Foundation
import Testing
@testable import ThreadNetCore

@Suite("Author identity: aliases, exclusions, the article's author")
struct AuthorIdentityTests {
    func thread(root: RootPost = RootPost()) -> CommentThread {
        let rows: [(String, String?, String)] = [
            ("1", nil, "Ann"), ("2", "1", "ann_k"), ("3", "2", "Bot"), ("4", nil, "Bob"), ("5", "4", "Ann"), ("6", nil, ""),
        ]
        return CommentThread(id: "t", title: "t", root: root, comments: rows.enumerated().map {
            ThreadComment(id: $1.0, parentID: $1.1, author: $1.2, text: "x", location: SourceLocation(file: "t", record: $0 + 1))
        })
    }

    func edges(_ a: ThreadAnalysis) -> [String] {
        a.network.edges.map { "\(a.network.names[Int($0.from)])->\(a.network.names[Int($0.to)]) \($0.weight)" }
    }

    /// Default: Ann, ann_k, Bot, Bob are four authors; comment 6 is unknown.
    /// Edges: ann_k→Ann (2→1), Bot→ann_k (3→2), Ann→Bob (5→4).
    @Test func defaultIdentity() {
        let a = ThreadAnalysis(thread: thread())
        #expect(a.network.names == ["Ann", "ann_k", "Bot", "Bob"])
        #expect(edges(a) == ["Ann->Bob 1", "ann_k->Ann 1", "Bot->ann_k 1"])
        #expect(Metrics.unknownAuthorComments(a) == 1 && Metrics.excludedAuthorComments(a) == 0)
    }

    /// ann_k = Ann and Bot excluded: authors Ann, Bob; 2→1 becomes the self-loop Ann→Ann;
    /// 3 (Bot) is no edge; Ann→Bob stays. Comment 3 is "excluded", not "unknown".
    @Test func aliasesAndExclusion() throws {
        let aliases = try AuthorIdentity.parseAliases("# people\nAnn = ann_k = Ann K.\n\n", file: "aliases.txt")
        #expect(aliases == ["ann_k": "Ann", "Ann K.": "Ann"])
        let a = ThreadAnalysis(thread: thread(), identity: AuthorIdentity(aliases: aliases, excluded: ["Bot"]))
        #expect(a.network.names == ["Ann", "Bob"])
        #expect(edges(a) == ["Ann->Ann 1", "Ann->Bob 1"])
        #expect(Metrics.selfReplies(a) == 1)
        #expect(Metrics.unknownAuthorComments(a) == 1 && Metrics.excludedAuthorComments(a) == 1)
        #expect(a.findings.contains { $0.message.contains("excluded authors") })
        // The tree is the same as without the identity rule.
        #expect(a.tree == ThreadAnalysis(thread: thread()).tree)
    }

    /// The article's author becomes node 0; top-level comments 1 (Ann), 4 (Bob) reply to them;
    /// comment 6 (unknown) does not.
    @Test func includeArticleAuthor() {
        let a = ThreadAnalysis(thread: thread(root: RootPost(author: "Editor")), identity: AuthorIdentity(includeArticleAuthor: true))
        #expect(a.network.names == ["Editor", "Ann", "ann_k", "Bot", "Bob"])
        #expect(a.network.rootAuthor == 0)
        #expect(edges(a) == ["Ann->Editor 1", "Ann->Bob 1", "ann_k->Ann 1", "Bot->ann_k 1", "Bob->Editor 1"])
        // An article without a byline adds nobody.
        let b = ThreadAnalysis(thread: thread(), identity: AuthorIdentity(includeArticleAuthor: true))
        #expect(b.network.count == 4 && b.network.rootAuthor == -1)
    }

    @Test func aliasFileErrorsNameTheLine() {
        #expect(throws: AuthorIdentity.AliasFileError.self) { try AuthorIdentity.parseAliases("Ann = A\nno separator here\n", file: "al.txt") }
        do {
            _ = try AuthorIdentity.parseAliases("Ann = A\nBob = A\n", file: "al.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "al.txt:2: \"A\" is already an alias of \"Ann\" (line 1)")
        }
        do {
            _ = try AuthorIdentity.parseAliases("x\n", file: "al.txt")
        } catch {
            #expect(error.description.hasPrefix("al.txt:1: expected `Canonical name = variant`"))
        }
    }
}
