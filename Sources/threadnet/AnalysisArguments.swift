import ArgumentParser
import Foundation
import ThreadNetCore

/// Options that shape the analysis after import: inclusion and author identity.
struct AnalysisArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Merge author name variants: a UTF-8 file with one author per line, `Canonical name = variant = variant`.", valueName: "file"))
    var alias: String?

    @Option(name: .customLong("exclude-author"), help: ArgumentHelp("Leave this author out of the author network (repeatable); their comments stay in the reply tree.", valueName: "name"))
    var excludeAuthor: [String] = []

    @Flag(name: .customLong("include-article-author"), help: "Make the article's author a node; top-level comments become replies to them.")
    var includeArticleAuthor = false

    /// The analysis settings, with `policy` from the import options.
    func analysisOptions(policy: InclusionPolicy) throws -> AnalysisOptions {
        var aliases: [String: String] = [:]
        if let alias {
            do { aliases = try AuthorIdentity.loadAliases(path: alias) } catch { throw CLIError(error.description) }
        }
        let identity = AuthorIdentity(aliases: aliases, excluded: Set(excludeAuthor.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }), includeArticleAuthor: includeArticleAuthor)
        return AnalysisOptions(policy: policy, identity: identity)
    }
}
