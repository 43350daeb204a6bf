import Foundation

/// The readable table `callsim compare` prints: the baseline's value of each metric, then
/// each other scenario's difference from it with the half-width of its 95 % interval, `*`
/// where the interval excludes 0. Overall, then per call type and per agent group (the
/// metrics a manager reads first; `compare.csv` has them all).
public struct CompareTable {
  public let report: CompareReport

  public init(report: CompareReport) { self.report = report }

  /// How a metric's values and differences are written.
  enum Unit {
    case count, share, seconds
    func value(_ v: Double?) -> String {
      guard let v else { return "–" }
      switch self {
      case .count: return String(format: "%.1f", v)
      case .share: return String(format: "%.2f %%", v * 100)
      case .seconds: return String(format: "%.1f s", v)
      }
    }
    /// `other − base ± half-width`, `*` when significant (the other's mean in parentheses
    /// when the baseline does not define the metric); with more decimals than usual
    /// (up to 6) where the usual ones would show a significant difference, or a non-zero
    /// half-width, as 0 — never "+0.0 ± 0.0 *".
    func difference(_ d: PairedDifference) -> String {
      // Undefined in the baseline (a metric of a feature only the other has): its own mean.
      guard let mean = d.mean else { return d.otherMean.map { "(\(value($0)))" } ?? "–" }
      let (scale, places, suffix) =
        switch self {
        case .count: (1.0, 1, "")
        case .share: (100.0, 2, " pp")
        case .seconds: (1.0, 1, " s")
        }
      let m = mean * scale, ci = d.ci95.map { $0 * scale }
      let shown = Self.places(from: places, mean: m, ci: ci, significant: d.isSignificant)
      return String(format: "%+.*f", shown, m) + suffix + (ci.map { String(format: " ± %.*f", shown, $0) } ?? "")
        + (d.isSignificant ? " *" : "")
    }

    /// The fewest decimals from `usual` to 6 at which a significant `mean` and a non-zero `ci`
    /// both show a non-zero digit.
    static func places(from usual: Int, mean: Double, ci: Double?, significant: Bool) -> Int {
      var places = usual
      func vanishes(_ x: Double) -> Bool { (abs(x) * pow(10, Double(places))).rounded() == 0 }
      while places < 6 && ((significant && vanishes(mean)) || (ci.map { $0 > 0 && vanishes($0) } ?? false)) {
        places += 1
      }
      return places
    }
  }

  /// How the catalogue's unit is written.
  static func unit(_ m: Metric) -> Unit {
    switch m.unit {
    case .share: .share
    case .seconds: .seconds
    case .calls, .agents, .agentHours: .count
    }
  }

  /// The overall rows: the catalogue's ``MetricOutputs/compareConsole`` metrics, those of a
  /// feature only when one of `models` has it.
  static func overallRows(_ models: [CallCenterModel]) -> [(String, Metric, Unit)] {
    Metric.listed(in: .compareConsole).filter { m in
      m.shownWith.map { feature in models.contains { feature.isUsed(by: $0) } } ?? true
    }.map { ($0.label, $0, unit($0)) }
  }
  static let groupCapRows: [(String, GroupMetric, Unit)] = [("capped (calls)", .capped, .count)]
  static let groupAbusiveRows: [(String, GroupMetric, Unit)] = [
    ("abusive answered (calls)", .abusiveAnswered, .count), ("recovery (agent-hours)", .recoveryHours, .count),
  ]
  static let typeRows: [(String, Metric, Unit)] = Metric.listed(in: .compareTypeConsole).map { ($0.label, $0, unit($0)) }
  /// A channel's rows: a call type's, and for messages their on-time share and backlog (their
  /// `response_seconds` is the channel's ASA, already a row).
  static func channelRows(_ channel: String) -> [(String, Metric, Unit)] {
    typeRows + (channel == Channel.message.rawValue ? [Metric.onTimeShare, .backlog].map { ($0.label, $0, unit($0)) } : [])
  }
  static let groupRows: [(String, GroupMetric, Unit)] = [
    ("answered (calls)", .answered, .count), ("occupancy", .occupancy, .share),
    ("mean talk", .meanTalkSeconds, .seconds), ("agents on the phones", .agentsOnPhones, .count),
  ]

  /// `20 s`, `7.5 s`.
  static func seconds(_ s: Double) -> String {
    s == s.rounded() && abs(s) < 1e15 ? "\(Int(s)) s" : "\(s) s"
  }

  public func render() -> String {
    let base = report.baseline
    let s = base.model.settings
    var lines = [
      "\(report.comparisons.count + 1) scenarios on common random numbers: \(base.replications.count) replications × \(s.days) days (warm-up \(s.firstMeasuredHour) h), seed \(s.seed)",
      "baseline: \(base.model.name); columns: other − baseline ± 95 % CI (paired); * the interval excludes 0",
    ]
    var threshold = "service level: answered within \(Self.seconds(report.serviceLevelWithin)) (the baseline's targets.service_level.within), measured so in every scenario"
    let others = report.otherServiceLevelThresholds
    if !others.isEmpty {
      threshold += "; not the files' own " + others.map { "\(Self.seconds($0.seconds)) (\($0.scenario))" }.joined(separator: ", ")
    }
    lines.append(threshold)
    if let window = report.comparisons[0].window { lines.append("hours \(window) of each day only (calls by arrival, agent time as spent)") }
    if let dates = report.comparisons[0].dates { lines.append("dates \(dates) only (calls by arrival, agent time as spent)") }
    var table: [[String]] = [["overall", base.model.name] + report.comparisons.map(\.other.model.name)]
    let models = [base.model] + report.comparisons.map(\.other.model)
    let hasCap = models.contains(where: Metric.Feature.callCap.isUsed)
    let hasAbusive = models.contains(where: Metric.Feature.abusiveCallers.isUsed)
    let groupPolicyRows = (hasCap ? Self.groupCapRows : []) + (hasAbusive ? Self.groupAbusiveRows : [])
      + [("chats per agent", GroupMetric.chatsPerAgent, Unit.count)].filter { $0.1.isReported(by: models) }
    for (label, metric, unit) in Self.overallRows(models) {
      table.append(
        [label, unit.value(report.comparisons[0].overall[metric]?.baseMean)]
          + report.comparisons.map { c in c.overall[metric].map(unit.difference) ?? "–" })
    }
    for channel in report.comparisons[0].channels {
      table.append([""])
      table.append(["channel \(channel.name)"])
      for (label, metric, unit) in Self.channelRows(channel.name) {
        let baseValue = report.comparisons.lazy.compactMap { $0.channels.first { $0.name == channel.name }?.differences[metric]?.baseMean }.first
        table.append(
          ["  " + label, unit.value(baseValue)]
            + report.comparisons.map { c in c.channels.first { $0.name == channel.name }?.differences[metric].map(unit.difference) ?? "–" })
      }
    }
    for (i, type) in base.model.callTypes.enumerated() {
      table.append([""])
      table.append(["call type \(type.name)"])
      for (label, metric, unit) in Self.typeRows {
        let baseValue = report.comparisons[0].callTypes.first { $0.name == type.name }?.differences[metric]?.baseMean
          ?? base.estimates(callType: i)[metric]?.mean
        table.append(
          ["  " + label, unit.value(baseValue)]
            + report.comparisons.map { c in
              c.callTypes.first { $0.name == type.name }?.differences[metric].map(unit.difference) ?? "–"
            })
      }
    }
    for (i, group) in base.model.agentGroups.enumerated() {
      let shared = report.comparisons.map { c in c.agentGroups.first { $0.name == group.name } }
      guard shared.contains(where: { $0 != nil }) else { continue }
      table.append([""])
      table.append(["agent group \(group.name)"])
      for (label, metric, unit) in Self.groupRows + groupPolicyRows {
        let baseValue = shared.lazy.compactMap { $0?.differences[metric]?.baseMean }.first ?? base.estimates(group: i)[metric]?.mean
        table.append(["  " + label, unit.value(baseValue)] + shared.map { $0?.differences[metric].map(unit.difference) ?? "–" })
      }
    }
    let columns = table.map(\.count).max() ?? 0
    let widths = (0..<columns).map { col in table.filter { $0.count > 1 }.map { col < $0.count ? $0[col].count : 0 }.max() ?? 0 }
    for row in table {
      guard row.count > 1 else {
        lines.append(row[0])
        continue
      }
      lines.append(
        row.enumerated().map { col, cell in
          col == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[col] - cell.count + 3)
        }.joined())
    }
    return lines.joined(separator: "\n")
  }
}
