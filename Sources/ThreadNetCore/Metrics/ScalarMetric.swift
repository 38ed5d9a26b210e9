/// A metric with one number per thread: the rows of comparison tables, the columns of
/// `comparison.csv` and the distributions of a corpus report.
public struct ScalarMetric: Sendable {
    /// Which part of the report a metric belongs to.
    public enum Group: String, CaseIterable, Sendable {
        case counts, shape, participation, network, time
    }

    /// Its id (a unique column name, the `metrics.json` field name where it has one), name, definition and unit.
    public let definition: MetricDefinition
    public let group: Group
    /// Whether the value is a count (shown without decimals).
    public let isCount: Bool
    /// The value for one thread; `nil` when undefined there (for example a ratio over no pairs).
    public let value: @Sendable (ThreadMetrics) -> Double?
    /// For an author-network metric, its value on any reply graph's measures (a thread's or
    /// the corpus-wide ``CorpusNetwork``'s).
    public let networkValue: (@Sendable (NetworkMeasures) -> Double)?
    /// For a time metric, its value on any ``TimeProfile`` (a thread's or the corpus's).
    public let timeValue: (@Sendable (TimeProfile) -> Double?)?

    /// - Parameter key: the column name when it differs from the definition's id (which may
    ///   be short inside a JSON group, as `max` inside `depth`).
    public init(_ definition: MetricDefinition, key: String? = nil, group: Group, isCount: Bool = false, value: @escaping @Sendable (ThreadMetrics) -> Double?) {
        var definition = definition
        if let key { definition.id = key }
        self.definition = definition
        self.group = group
        self.isCount = isCount
        self.value = value
        self.networkValue = nil
        self.timeValue = nil
    }

    /// Declares an author-network metric (group ``Group/network``) by its value on
    /// ``NetworkMeasures``, so that threads and the corpus-wide network share one definition.
    public init(_ id: String, _ name: String, unit: String, isCount: Bool = false, source: String? = nil,
                _ definition: String, network: @escaping @Sendable (NetworkMeasures) -> Double) {
        self.definition = MetricDefinition(id: id, name: name, definition: definition, unit: unit, scope: .thread, source: source)
        self.group = .network
        self.isCount = isCount
        self.value = { let v = network($0.network); return v.isFinite ? v : nil }
        self.networkValue = network
        self.timeValue = nil
    }

    /// Declares a time metric (group ``Group/time``) by its value on ``TimeProfile``, so that
    /// threads and the corpus share one definition.
    public init(_ id: String, _ name: String, unit: String, isCount: Bool = false, source: String? = nil,
                _ definition: String, time: @escaping @Sendable (TimeProfile) -> Double?) {
        self.definition = MetricDefinition(id: id, name: name, definition: definition, unit: unit, scope: .thread, source: source)
        self.group = .time
        self.isCount = isCount
        self.value = { time($0.time) }
        self.networkValue = nil
        self.timeValue = time
    }
}

extension ScalarMetric {
    /// Declares a per-thread metric: its id (JSON field), display name, unit, definition and
    /// source, with the function that reads it off a thread's ``ThreadMetrics``.
    public init(_ id: String, _ name: String, group: Group, unit: String, isCount: Bool = false, source: String? = nil,
                _ definition: String, value: @escaping @Sendable (ThreadMetrics) -> Double?) {
        self.init(MetricDefinition(id: id, name: name, definition: definition, unit: unit, scope: .thread, source: source),
                  group: group, isCount: isCount, value: value)
    }
}

extension Metrics {
    /// Every per-thread number, in report order: counts, then ``shapeScalars``,
    /// ``participationScalars``, ``networkScalars`` and ``timeScalars``.
    public static let scalars: [ScalarMetric] = countScalars + shapeScalars + participationScalars + networkScalars + timeScalars

    /// The counts of the summary table.
    public static let countScalars: [ScalarMetric] = [
        ScalarMetric(comments.definition, group: .counts, isCount: true) { Double(comments($0.analysis)) },
        ScalarMetric(topLevel.definition, group: .counts, isCount: true) { Double(topLevel($0.analysis)) },
        ScalarMetric(replies.definition, group: .counts, isCount: true) { Double(replies($0.analysis)) },
        ScalarMetric(authors.definition, group: .counts, isCount: true) { Double(authors($0.analysis)) },
        ScalarMetric(selfReplies.definition, group: .counts, isCount: true) { Double(selfReplies($0.analysis)) },
        ScalarMetric(mentions.definition, group: .counts, isCount: true) { Double(mentions($0.analysis)) },
        ScalarMetric(quotes.definition, group: .counts, isCount: true) { Double(quotes($0.analysis)) },
        ScalarMetric(references.definition, group: .counts, isCount: true) { Double(references($0.analysis)) },
    ]

    /// The scalars of one group, in report order.
    public static func scalars(in group: ScalarMetric.Group) -> [ScalarMetric] { scalars.filter { $0.group == group } }

    /// The position of each scalar in ``scalars``, by id (``ThreadMetrics/scalarValues``).
    public static let scalarIndex: [String: Int] = {
        var index: [String: Int] = [:]
        for (k, s) in scalars.enumerated() {
            precondition(index[s.definition.id] == nil, "two scalar metrics named \(s.definition.id)")
            index[s.definition.id] = k
        }
        return index
    }()
}
