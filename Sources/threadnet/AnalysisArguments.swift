import ArgumentParser
import Foundation
import ThreadNetCore
import ThreadNetGraphviz

/// Options that shape the analysis after import: inclusion and author identity.
struct AnalysisArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Merge author name variants: a UTF-8 file with one author per line, `Canonical name = variant = variant`.", valueName: "file"))
    var alias: String?

    @Option(name: .customLong("exclude-author"), help: ArgumentHelp("Leave this author out of the author network (repeatable); their comments stay in the reply tree.", valueName: "name"))
    var excludeAuthor: [String] = []

    @Flag(name: .customLong("include-article-author"), help: "Make the article's author a node; top-level comments become replies to them.")
    var includeArticleAuthor = false

    @Option(help: ArgumentHelp("Analyze only comments from this time on: an ISO 8601 date or date and time (2020-01-01, 2020-01-01T12:00:00+02:00; no zone means UTC). Comments without a time are left out.", valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("Analyze only comments before this time (exclusive: --until 2020-01-02 stops at midnight UTC starting that day), same forms as --since.", valueName: "time"))
    var until: String?

    /// The time window from `--since` and `--until`.
    func window() throws -> TimeWindow {
        var window = TimeWindow()
        if let since {
            guard let d = TimeWindow.bound(since) else { throw ValidationError("--since: \"\(since)\" is not an ISO 8601 date or date and time (2020-01-01, 2020-01-01T12:00:00Z)") }
            window.since = d
        }
        if let until {
            guard let d = TimeWindow.bound(until) else { throw ValidationError("--until: \"\(until)\" is not an ISO 8601 date or date and time (2020-01-02, 2020-01-02T00:00:00Z)") }
            window.until = d
        }
        if let a = window.since, let b = window.until, a >= b {
            throw ValidationError("--since must be before --until (the window keeps since ≤ time < until)")
        }
        return window
    }

    @Option(help: ArgumentHelp("Topic dictionary: quanteda YAML (.yaml/.yml) or LIWC-style .dic. Automatic key terms are found either way.", valueName: "file"))
    var topics: String?

    @Option(help: ArgumentHelp("Extra stop words for key terms: one per line, # comments.", valueName: "file"))
    var stopwords: String?

    @Flag(help: "Count automatic key terms by their Snowball stem (Porter2 for English; the --language's stemmer otherwise).")
    var stem = false

    @Option(help: ArgumentHelp("The language of the text, for key terms' stop words and --stem: auto (detected per thread from its stop words) or a Snowball language: \(TopicLanguage.all.map(\.name).joined(separator: ", ")).", valueName: "auto|NAME"))
    var language: String = "auto"

    @Option(help: ArgumentHelp("Co-occurrence unit: comment, sentence or window:K (K words).", valueName: "unit"))
    var unit: String = "comment"

    @Option(help: ArgumentHelp("Which topic pairs the diagram draws: top:K[:MEASURE], min:MEASURE=X or max:MEASURE=X (measures: count, jaccard, cosine, inclusion, association, pmi, npmi, g2, p).", valueName: "rule"))
    var edges: String = "top:60"

    @Option(name: .customLong("min-count"), help: ArgumentHelp("Draw only topic pairs that share at least this many units.", valueName: "n"))
    var minCount: Int = EdgeSelection.defaultMinCount

    @Option(name: .customLong("key-terms"), help: ArgumentHelp("How many automatic key terms become topics.", valueName: "k"))
    var keyTerms: Int = 30

    @Option(name: .customLong("min-comments"), help: ArgumentHelp("The fewest comments (documents) an automatic key term must occur in.", valueName: "n"))
    var minComments: Int = 2

    @Option(name: .customLong("max-diagram-nodes"), help: ArgumentHelp("Draw no picture of a diagram with more nodes than this (its DOT file is still written): laying out tens of thousands of nodes takes minutes.", valueName: "N"))
    var maxDiagramNodes: Int = RenderLimits().maxNodes

    /// The rendering bounds from the flags.
    var renderLimits: RenderLimits { RenderLimits(maxNodes: maxDiagramNodes, maxEdges: 4 * maxDiagramNodes) }

    @Option(help: ArgumentHelp("What the reply tree's colours say: author (the most active authors, as in the author network), depth, time (since the post), score, or community (the author's Leiden community; the author network is coloured so too).", valueName: "author|depth|time|score|community"))
    var color: DiagramOptions.ColorEncoding = .author

    @Flag(name: .customLong("raw-csv"), help: "Write CSV text exactly as in the input, without the leading ' that keeps spreadsheets from running cells starting with = + - @ as formulas.")
    var rawCSV = false

    /// The topic settings from the flags; errors name the file and line.
    func topicSettings() throws -> TopicSettings {
        var options = TopicOptions(maxTerms: keyTerms, minDocumentFrequency: minComments)
        guard keyTerms >= 1 else { throw ValidationError("--key-terms must be at least 1") }
        guard minComments >= 1 else { throw ValidationError("--min-comments must be at least 1") }
        if language.lowercased() != "auto" {
            guard let l = TopicLanguage.named(language) else {
                throw ValidationError("--language \(language): expected auto or one of \(TopicLanguage.all.map(\.name).joined(separator: ", "))")
            }
            options.language = l
        }
        do {
            options.unit = try TopicOptions.parseUnit(unit)
            options.stem = stem
            if let topics { options.dictionary = try TopicDictionary(contentsOf: URL(fileURLWithPath: topics)) }
            if let stopwords { options.stopwords = Stopwords.english.union(try Stopwords(contentsOf: URL(fileURLWithPath: stopwords))) }
        } catch {
            throw CLIError(error.description)
        }
        let selection: EdgeSelection
        do { selection = try EdgeSelection(parsing: edges, minCount: minCount) } catch { throw CLIError("--edges: \(error.description)") }
        return TopicSettings(options: options, dictionaryName: topics.map { ($0 as NSString).lastPathComponent }, selection: selection)
    }

    /// The analysis settings, with `policy` from the import options.
    func analysisOptions(policy: InclusionPolicy) throws -> AnalysisOptions {
        var aliases: [String: String] = [:]
        if let alias {
            do { aliases = try AuthorIdentity.loadAliases(path: alias) } catch { throw CLIError(error.description) }
        }
        let identity = AuthorIdentity(aliases: aliases, excluded: Set(excludeAuthor.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }), includeArticleAuthor: includeArticleAuthor)
        var options = AnalysisOptions(policy: policy, identity: identity, topics: try topicSettings(), window: try window())
        options.diagrams.color = color
        return options
    }
}

extension DiagramOptions.ColorEncoding: ExpressibleByArgument {}
