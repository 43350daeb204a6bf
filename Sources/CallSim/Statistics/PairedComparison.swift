/// One scenario against the baseline, both run on common random numbers: the paired
/// difference of every metric, overall, per call type and per agent group.
///
/// Per call type and per group only for the names both scenarios have (a split design's
/// teams and an integrated pool share no group, so only the overall and per-type
/// differences exist there).
public struct PairedComparison: Sendable {
  /// A call type or agent group present in both scenarios, with its differences.
  public struct Scope<Key: Hashable & Sendable>: Sendable {
    public var name: String
    public var differences: [Key: PairedDifference]
  }

  public let baseline: RunResult
  public let other: RunResult
  public let overall: [Metric: PairedDifference]
  /// In the baseline's order.
  public let callTypes: [Scope<Metric>]
  public let agentGroups: [Scope<GroupMetric>]

  /// Metrics of agent time, reported overall and per group but not per call type.
  public static let agentTimeMetrics: Set<Metric> = [.occupancy, .agentsOnPhones, .agentsScheduled, .recoveryHours]

  /// `baseline` and `other` must have run the same replications (index `r` in both on the
  /// same random numbers).
  public init(baseline: RunResult, other: RunResult) {
    precondition(baseline.replications.count == other.replications.count, "paired runs need the same replications")
    self.baseline = baseline
    self.other = other
    let period = baseline.measuredSeconds
    func differences(_ b: [CallCounts], _ o: [CallCounts], metrics: [Metric]) -> [Metric: PairedDifference] {
      var out: [Metric: PairedDifference] = [:]
      for m in metrics {
        out[m] = PairedDifference(
          base: b.map { m.value(of: $0, periodSeconds: period) }, other: o.map { m.value(of: $0, periodSeconds: period) })
      }
      return out
    }
    overall = differences(baseline.totals, other.totals, metrics: Metric.allCases)
    let typeMetrics = Metric.allCases.filter { !Self.agentTimeMetrics.contains($0) }
    let otherTypes = Dictionary(uniqueKeysWithValues: other.model.callTypes.enumerated().map { ($1.name, $0) })
    callTypes = baseline.model.callTypes.enumerated().compactMap { i, t in
      guard let j = otherTypes[t.name] else { return nil }
      return Scope(
        name: t.name,
        differences: differences(
          baseline.replications.map { $0.byCallType[i] }, other.replications.map { $0.byCallType[j] }, metrics: typeMetrics))
    }
    let otherGroups = Dictionary(uniqueKeysWithValues: other.model.agentGroups.enumerated().map { ($1.name, $0) })
    agentGroups = baseline.model.agentGroups.enumerated().compactMap { i, g in
      guard let j = otherGroups[g.name] else { return nil }
      var out: [GroupMetric: PairedDifference] = [:]
      for m in GroupMetric.allCases {
        out[m] = PairedDifference(
          base: baseline.replications.map { m.value(of: $0.byGroup[i], periodSeconds: period) },
          other: other.replications.map { m.value(of: $0.byGroup[j], periodSeconds: period) })
      }
      return Scope(name: g.name, differences: out)
    }
  }
}
