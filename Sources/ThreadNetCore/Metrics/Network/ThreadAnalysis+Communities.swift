extension ThreadAnalysis {
    /// The Leiden communities of this thread's reply graph (``Communities``), as
    /// ``ThreadMetrics`` reports them; computed anew on each call.
    ///
    /// - Complexity: that of ``Communities/init(_:seed:)``.
    public var communities: Communities { Communities(WeightedDigraph(replyEdgesOf: network)) }
}
