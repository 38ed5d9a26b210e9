/// What a metric means: the one place its name, definition and unit are written.
///
/// The report's glossary, the JSON field names and the CSV headers all come from these.
public struct MetricDefinition: Hashable, Sendable {
    /// The JSON field name (`repliesReceived`), stable across versions.
    public var id: String
    /// The name shown in reports.
    public var name: String
    /// The definition, in one or two sentences, precise enough to recompute the value.
    public var definition: String
    /// The unit (`comments`, `authors`, `levels`, `fraction`).
    public var unit: String
    /// Whether the metric has one value per thread, per comment, per author, per topic or per
    /// pair of topics.
    public var scope: Scope
    /// Where the definition comes from (a paper, or the reference library whose convention it
    /// follows), when it is not ThreadNet's own.
    public var source: String?

    public enum Scope: String, Sendable { case thread, comment, author, topic, pair }

    public init(id: String, name: String, definition: String, unit: String, scope: Scope, source: String? = nil) {
        self.id = id
        self.name = name
        self.definition = definition
        self.unit = unit
        self.scope = scope
        self.source = source
    }
}

/// A metric: its definition together with the function that computes it from an analysis.
public struct Metric<Value: Sendable>: Sendable {
    public let definition: MetricDefinition
    public let compute: @Sendable (ThreadAnalysis) -> Value

    public init(_ id: String, _ name: String, unit: String, scope: MetricDefinition.Scope = .thread,
                _ definition: String, compute: @escaping @Sendable (ThreadAnalysis) -> Value) {
        self.definition = MetricDefinition(id: id, name: name, definition: definition, unit: unit, scope: scope)
        self.compute = compute
    }

    /// Computes the metric for `analysis`.
    public func callAsFunction(_ analysis: ThreadAnalysis) -> Value { compute(analysis) }
}
