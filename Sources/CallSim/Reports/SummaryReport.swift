import Foundation

/// `summary.json`: every metric as {mean, ci95, min, max} over replications, overall, per
/// call type and per agent group (and per channel when some call type is not a phone type),
/// with the run's seed, version and wall time.
public struct SummaryReport {
  public let result: RunResult
  public let wallSeconds: Double
  public let version: String
  /// More top-level keys (a live run's `interventions`); they do not replace the standard ones.
  public let extra: [String: Any]

  public init(result: RunResult, wallSeconds: Double, version: String, extra: [String: Any] = [:]) {
    self.result = result
    self.wallSeconds = wallSeconds
    self.version = version
    self.extra = extra
  }

  /// The text of `summary.json` (with its final newline).
  public func json() throws -> String {
    try JSONText.text(object(), pretty: true) + "\n"
  }

  /// What `summary.json` writes, as the `Any` tree handed to the JSON writer.
  func object() -> [String: Any] {
    let model = result.model
    var callTypes: [String: Any] = [:]
    for (i, t) in model.callTypes.enumerated() {
      callTypes[t.name] = SummaryReport.metricsObject(result.estimates(callType: i), perCallType: true)
    }
    var agentGroups: [String: Any] = [:]
    for (i, g) in model.agentGroups.enumerated() {
      agentGroups[g.name] = SummaryReport.estimateObjects(result.estimates(group: i).map { ($0.key.rawValue, $0.value) })
    }
    var object: [String: Any] = [
      "scenario": model.name,
      "replications": result.replications.count,
      "replications_requested": model.settings.replications,
      "interrupted": !result.isComplete,
      "seed": model.settings.seed,
      "version": version,
      "wall_time_seconds": (wallSeconds * 1000).rounded() / 1000,
      "simulated_days": model.settings.days,
      "warmup_seconds": Double(model.settings.firstMeasuredHour) * 3600,
      "service_level_within_seconds": model.targets.serviceLevelWithin,
      "events": result.replications.reduce(0) { $0 + Int($1.events) },
      "metrics": SummaryReport.metricsObject(result.estimates(), perCallType: false),
      "call_types": callTypes,
      "agent_groups": agentGroups,
      "routing": model.routing.mode.rawValue,
    ]
    if model.hasOtherChannels {
      var channels: [String: Any] = [:]
      for channel in model.channels {
        channels[channel.rawValue] = SummaryReport.metricsObject(result.estimates(channel: channel), perCallType: true)
      }
      object["channels"] = channels
    }
    object.merge(extra) { standard, _ in standard }
    return object
  }

  /// Every metric of the catalogue; per call type those marked ``MetricOutputs/perCallType``.
  static func metricsObject(_ estimates: [Metric: Estimate], perCallType: Bool) -> [String: Any] {
    estimateObjects(estimates.filter { !perCallType || !$0.key.isAgentTime }.map { ($0.key.rawValue, $0.value) })
  }

  /// `{name: {mean, ci95, min, max}}` for each named estimate.
  static func estimateObjects(_ estimates: [(String, Estimate)]) -> [String: Any] {
    var out: [String: Any] = [:]
    for (name, e) in estimates {
      out[name] = ["mean": json(e.mean), "ci95": json(e.ci95), "min": json(e.min), "max": json(e.max)]
    }
    return out
  }

  static func json(_ v: Double?) -> Any {
    guard let v, v.isFinite else { return NSNull() }
    return v
  }
}
