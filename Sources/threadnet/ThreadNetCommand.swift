import ArgumentParser

/// `threadnet`: turns discussion threads into reply trees, author networks, metrics and
/// diagrams.
@main
struct ThreadNetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threadnet",
        abstract: "Turn online discussion threads into networks you can measure, compare and look at.",
        discussion: """
            Reads a comment thread (pasted comment text, WordPress WXR, Disqus XML, Reddit JSON, \
            Pushshift NDJSON, Hacker News, Mastodon, Discourse, YouTube, CSV or JSON; .gz and .zst \
            are read as streams) and writes a Markdown report, metrics.json and reply-tree / \
            author-network diagrams as DOT, SVG and PNG.
            """,
        version: "0.1.0",
        subcommands: [Analyze.self, Compare.self, Merge.self, Render.self],
        defaultSubcommand: nil
    )
}
