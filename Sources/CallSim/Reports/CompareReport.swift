import Foundation

/// The outputs of `callsim compare`: `compare.json` and the tidy `compare.csv`, every
/// scenario's paired differences from the baseline (other − base, with the half-width of
/// their 95 % interval), overall, per channel (with message types), per call type and per
/// agent group.
public struct CompareReport {
  public let comparisons: [PairedComparison]
  /// Each scenario's own `targets.service_level.within` as its file gives it, baseline
  /// first; every run measured the service level at the baseline's (``serviceLevelWithin``).
  public let serviceLevelWithinInFiles: [Double]
  /// `compare --weekly`: the same comparisons week by week, in date order; empty otherwise.
  public let weeks: [Week]

  /// The comparisons restricted to one calendar week (Monday to Sunday, cut to the dates
  /// compared): a row of a rollout's week-by-week table.
  public struct Week {
    public let dates: DateRange
    /// In the order of ``CompareReport/comparisons``.
    public let comparisons: [PairedComparison]

    public init(dates: DateRange, comparisons: [PairedComparison]) {
      self.dates = dates
      self.comparisons = comparisons
    }
  }

  /// `comparisons` all against the same baseline run, in the order the scenarios were given.
  /// `serviceLevelWithinInFiles`: the thresholds the files gave, when `compare` replaced them
  /// by the baseline's (default: those the runs used). `weeks`: for `weekly.csv`.
  public init(comparisons: [PairedComparison], serviceLevelWithinInFiles: [Double]? = nil, weeks: [Week] = []) {
    precondition(!comparisons.isEmpty)
    precondition(serviceLevelWithinInFiles.map { $0.count == comparisons.count + 1 } ?? true)
    self.comparisons = comparisons
    self.weeks = weeks
    self.serviceLevelWithinInFiles =
      serviceLevelWithinInFiles ?? ([comparisons[0].baseline] + comparisons.map(\.other)).map(\.model.targets.serviceLevelWithin)
  }

  public var baseline: RunResult { comparisons[0].baseline }

  /// Seconds: the one threshold every scenario's service level was measured at (the baseline's).
  public var serviceLevelWithin: Double { baseline.model.targets.serviceLevelWithin }

  /// The scenarios (other than the baseline) whose files set another threshold, with it.
  public var otherServiceLevelThresholds: [(scenario: String, seconds: Double)] {
    zip(comparisons, serviceLevelWithinInFiles.dropFirst()).compactMap { c, own in
      own == serviceLevelWithin ? nil : (c.other.model.name, own)
    }
  }

  /// The columns of `compare.csv`: `scope` is `overall`, `channel` (with message types),
  /// `call_type` or `agent_group`; `name` the channel, type or group (empty overall);
  /// `significant` whether the interval excludes 0.
  public static let csvHeader = "scenario,scope,name,metric,base_mean,other_mean,difference,ci95,significant,replications"

  /// `compare.json`: `{"baseline", "replications", "seed", "service_level_within_seconds"
  /// (the baseline's threshold, at which every scenario was measured), "scenarios": [{"scenario",
  /// "service_level_within_seconds", "service_level_within_seconds_in_file",
  /// "differences": {METRIC: {"mean", "ci95", "base", "other", "significant"}},
  /// "channels": {NAME: {"differences": …}} (with message types only),
  /// "call_types": {NAME: {"differences": …}}, "agent_groups": {NAME: {"differences": …}}}]}`.
  public func json() throws -> String {
    try JSONText.text(object(), pretty: true) + "\n"
  }

  /// What `compare.json` writes, as the `Any` tree handed to the JSON writer.
  func object() -> [String: Any] {
    let settings = baseline.model.settings
    let scenarios: [[String: Any]] = zip(comparisons, serviceLevelWithinInFiles.dropFirst()).map { c, own in
      var scenario: [String: Any] = [
        "scenario": c.other.model.name,
        "service_level_within_seconds": serviceLevelWithin,
        "service_level_within_seconds_in_file": own,
        "routing": c.other.model.routing.mode.rawValue,
        "differences": Self.object(c.overall.map { ($0.key.rawValue, $0.value) }),
        "call_types": Dictionary(uniqueKeysWithValues: c.callTypes.map {
          ($0.name, ["differences": Self.object($0.differences.map { ($0.key.rawValue, $0.value) })])
        }),
        "agent_groups": Dictionary(uniqueKeysWithValues: c.agentGroups.map {
          ($0.name, ["differences": Self.object($0.differences.map { ($0.key.rawValue, $0.value) })])
        }),
      ]
      if !c.channels.isEmpty {
        scenario["channels"] = Dictionary(uniqueKeysWithValues: c.channels.map {
          ($0.name, ["differences": Self.object($0.differences.map { ($0.key.rawValue, $0.value) })])
        })
      }
      return scenario
    }
    return [
      "baseline": baseline.model.name,
      "baseline_routing": baseline.model.routing.mode.rawValue,
      "replications": baseline.replications.count,
      "seed": settings.seed,
      "simulated_days": settings.days,
      "warmup_seconds": Double(settings.firstMeasuredHour) * 3600,
      "service_level_within_seconds": serviceLevelWithin,
      "scenarios": scenarios,
      "hours": comparisons[0].window.map { "\($0)" } ?? NSNull(),
      "dates": comparisons[0].dates.map { "\($0)" } ?? NSNull(),
    ]
  }

  /// `compare.csv`, one row per scenario, scope, name and metric, in a stable order
  /// (scenarios as given, metrics as in ``Metric`` and ``GroupMetric``).
  public func write(csvTo out: inout TextSink) throws {
    try out.append(Self.csvHeader + "\n")
    for c in comparisons { try Self.rows(of: c, after: [], to: &out) }
  }

  /// The columns of `weekly.csv`: the week's first and last date compared (a Monday and a
  /// Sunday, but for weeks cut by the dates compared), its number of days, then
  /// ``csvHeader``'s columns.
  public static let weeklyCSVHeader = "from,to,days," + csvHeader

  /// `weekly.csv`: ``write(csvTo:)``'s rows for each week in turn.
  public func write(weeklyCSVTo out: inout TextSink) throws {
    try out.append(Self.weeklyCSVHeader + "\n")
    for week in weeks {
      let dates = ["\(week.dates.from)", "\(week.dates.to)", String(week.dates.days)]
      for c in week.comparisons { try Self.rows(of: c, after: dates, to: &out) }
    }
  }

  /// One CSV row per scope, name and metric of `c`, each starting with `leading`.
  static func rows(of c: PairedComparison, after leading: [String], to out: inout TextSink) throws {
    let scenario = c.other.model.name
    func rows(_ scope: String, _ name: String, _ items: [(String, PairedDifference)]) throws {
      for (metric, d) in items {
        try out.append((leading + [
          scenario, scope, name, metric, CSVNumber.format(d.baseMean), CSVNumber.format(d.otherMean),
          CSVNumber.format(d.mean), CSVNumber.format(d.ci95), d.isSignificant ? "true" : "false", String(d.pairs),
        ]).joined(separator: ",") + "\n")
      }
    }
    try rows("overall", "", Metric.allCases.compactMap { m in c.overall[m].map { (m.rawValue, $0) } })
    for channel in c.channels {
      try rows("channel", channel.name, Metric.allCases.compactMap { m in channel.differences[m].map { (m.rawValue, $0) } })
    }
    for t in c.callTypes {
      try rows("call_type", t.name, Metric.allCases.compactMap { m in t.differences[m].map { (m.rawValue, $0) } })
    }
    for g in c.agentGroups {
      try rows("agent_group", g.name, GroupMetric.allCases.compactMap { m in g.differences[m].map { (m.rawValue, $0) } })
    }
  }

  static func object(_ items: [(String, PairedDifference)]) -> [String: Any] {
    var out: [String: Any] = [:]
    for (name, d) in items {
      out[name] = [
        "mean": SummaryReport.json(d.mean), "ci95": SummaryReport.json(d.ci95), "base": SummaryReport.json(d.baseMean),
        "other": SummaryReport.json(d.otherMean), "significant": d.isSignificant,
      ]
    }
    return out
  }
}
