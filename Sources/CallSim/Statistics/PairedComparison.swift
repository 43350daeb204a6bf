/// One scenario against the baseline, both run on common random numbers: the paired
/// difference of every metric, overall, per channel (when either has message types), per
/// call type and per agent group.
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
  /// The hours of the day compared, or `nil` for all.
  public let window: HourWindow?
  /// The dates compared, or `nil` for every measured day.
  public let dates: DateRange?
  public let overall: [Metric: PairedDifference]
  /// Per channel (``Channel``) either scenario uses, named by its raw value, when either
  /// has message types; empty otherwise (then the phone channel is the whole run).
  public let channels: [Scope<Metric>]
  /// In the baseline's order.
  public let callTypes: [Scope<Metric>]
  public let agentGroups: [Scope<GroupMetric>]

  /// Metrics of agent time, reported overall and per group but not per call type.
  public static let agentTimeMetrics = Set(Metric.allCases.filter(\.isAgentTime))

  /// `baseline` and `other` must have run the same replications (index `r` in both on the
  /// same random numbers) and measured the service level at the same threshold. With a `window`
  /// or `dates`, every metric counts only the measured hours in both (calls by the hour of
  /// their arrival, agent time by the hour it was spent), and the wait percentiles
  /// (``Metric/waitQuantiles``), kept for whole replications only, are left out.
  public init(baseline: RunResult, other: RunResult, window: HourWindow? = nil, dates: DateRange? = nil) {
    precondition(baseline.replications.count == other.replications.count, "paired runs need the same replications")
    precondition(
      baseline.model.targets.serviceLevelWithin == other.model.targets.serviceLevelWithin,
      "paired runs must measure the service level at the same threshold (Scenario.measureServiceLevel(within:))")
    self.baseline = baseline
    self.other = other
    self.window = window
    self.dates = dates
    let settings = baseline.model.settings
    let whole = window == nil && dates == nil
    let hours = (settings.firstMeasuredHour..<settings.hours).filter { h in
      (window?.contains(hour: h) ?? true) && (dates?.contains(settings.date(ofDay: h / 24)) ?? true)
    }
    let period = Double(hours.count) * 3600
    func sum<C>(_ zero: C, _ add: (inout C, Int) -> Void) -> C {
      var c = zero
      for h in hours { add(&c, h) }
      return c
    }
    func totals(_ run: RunResult) -> [CallCounts] {
      whole ? run.totals : run.replications.map { r in sum(CallCounts()) { $0 += r.hourly[$1] } }
    }
    func byType(_ run: RunResult, _ t: Int) -> [CallCounts] {
      whole
        ? run.replications.map { $0.byCallType[t] } : run.replications.map { r in sum(CallCounts()) { $0 += r.counts(hour: $1, type: t) } }
    }
    func byGroup(_ run: RunResult, _ g: Int) -> [GroupCounts] {
      whole
        ? run.replications.map { $0.byGroup[g] } : run.replications.map { r in sum(GroupCounts()) { $0 += r.counts(hour: $1, group: g) } }
    }
    func waits(_ run: RunResult, type t: Int?) -> [WaitQuantiles?] {
      run.replications.map { r in !whole ? nil : t.map { r.answeredWaitQuantilesByType[$0] } ?? r.answeredWaitQuantiles }
    }
    let metrics = Metric.allCases.filter { m in
      (whole || m.waitQuantile == nil)
        && (m.reportedWith.map { $0.isUsed(by: baseline.model) || $0.isUsed(by: other.model) } ?? true)
    }
    func differences(
      _ b: [CallCounts], _ bw: [WaitQuantiles?], _ o: [CallCounts], _ ow: [WaitQuantiles?], metrics: [Metric]
    ) -> [Metric: PairedDifference] {
      var out: [Metric: PairedDifference] = [:]
      for m in metrics {
        out[m] = PairedDifference(
          base: zip(b, bw).map { m.value(of: $0, waits: $1, periodSeconds: period) },
          other: zip(o, ow).map { m.value(of: $0, waits: $1, periodSeconds: period) })
      }
      return out
    }
    overall = differences(
      totals(baseline), waits(baseline, type: nil), totals(other), waits(other, type: nil), metrics: metrics)
    let typeMetrics = metrics.filter { !$0.isAgentTime }
    func byChannel(_ run: RunResult, _ channel: Channel) -> [CallCounts] {
      run.replications.map { r in
        whole ? r.counts(channel: channel, of: run.model) : sum(CallCounts()) { $0 += r.counts(hour: $1, channel: channel, of: run.model) }
      }
    }
    func channelWaits(_ run: RunResult, _ channel: Channel) -> [WaitQuantiles?] { whole ? run.channelWaits(channel) : run.replications.map { _ in nil } }
    let used = Set(baseline.model.channels + other.model.channels)
    channels = baseline.model.hasOtherChannels || other.model.hasOtherChannels
      ? Channel.allCases.filter(used.contains).map { c in
        Scope(
          name: c.rawValue,
          differences: differences(byChannel(baseline, c), channelWaits(baseline, c), byChannel(other, c), channelWaits(other, c), metrics: typeMetrics))
      } : []
    let otherTypes = Dictionary(uniqueKeysWithValues: other.model.callTypes.enumerated().map { ($1.name, $0) })
    callTypes = baseline.model.callTypes.enumerated().compactMap { i, t in
      guard let j = otherTypes[t.name] else { return nil }
      return Scope(
        name: t.name,
        differences: differences(
          byType(baseline, i), waits(baseline, type: i), byType(other, j), waits(other, type: j), metrics: typeMetrics))
    }
    let otherGroups = Dictionary(uniqueKeysWithValues: other.model.agentGroups.enumerated().map { ($1.name, $0) })
    agentGroups = baseline.model.agentGroups.enumerated().compactMap { i, g in
      guard let j = otherGroups[g.name] else { return nil }
      var out: [GroupMetric: PairedDifference] = [:]
      let (b, o) = (byGroup(baseline, i), byGroup(other, j))
      for m in GroupMetric.allCases where m.isReported(by: [baseline.model, other.model]) {
        out[m] = PairedDifference(
          base: b.map { m.value(of: $0, periodSeconds: period) }, other: o.map { m.value(of: $0, periodSeconds: period) })
      }
      return Scope(name: g.name, differences: out)
    }
  }
}
