import CallSim
import Foundation

/// The readable summary printed after a run.
struct SummaryText {
  let result: RunResult
  let wallSeconds: Double

  func render() -> String {
    let m = result.model
    let s = m.settings
    let e = result.estimates()
    var lines: [String] = []
    lines.append("\(m.name): \(result.replications.count) replications × \(s.days) days (warm-up \(s.firstMeasuredHour) h), seed \(s.seed), \(String(format: "%.2f", wallSeconds)) s")
    let rows = Metric.listed(in: .console, for: m).map { ($0 == .serviceLevel ? "\($0.label) (\(Int(m.targets.serviceLevelWithin)) s)" : Self.label($0), $0, Kind($0.unit)) }
    // 26 columns, wider only for the longer labels of optional metrics.
    let width = max(26, (rows.map(\.0.count).max() ?? 0) + 1)
    lines.append(pad("metric", width) + pad("mean", 14) + "± 95 % CI")
    for (label, metric, kind) in rows {
      guard let est = e[metric] else { continue }
      lines.append(pad(label, width) + pad(kind.format(est.mean), 14) + kind.format(est.ci95))
    }
    return lines.joined(separator: "\n")
  }

  /// The catalogue's label, with ` (s)` for seconds (the values are written without a unit).
  static func label(_ metric: Metric) -> String {
    metric.unit == .seconds ? metric.label + " (s)" : metric.label
  }

  enum Kind {
    case count, share, seconds

    init(_ unit: MetricUnit) {
      switch unit {
      case .share: self = .share
      case .seconds: self = .seconds
      case .calls, .agents, .agentHours: self = .count
      }
    }
    func format(_ v: Double?) -> String {
      guard let v else { return "–" }
      switch self {
      case .count: return String(format: "%.1f", v)
      case .share: return String(format: "%.2f %%", v * 100)
      case .seconds: return String(format: "%.2f", v)
      }
    }
  }

  func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
  }
}
