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
    lines.append(pad("metric", 26) + pad("mean", 14) + "± 95 % CI")
    let rows: [(String, Metric, Kind)] = [
      ("total inflow (calls)", .totalInflow, .count), ("inflow to agents (calls)", .inflow, .count),
      ("answered (calls)", .answered, .count), ("abandoned (calls)", .abandoned, .count),
      ("blocked (calls)", .blocked, .count), ("answer rate", .answerRate, .share),
      ("answer rate (of total)", .answerRateTotal, .share),
      ("service level (\(Int(m.targets.serviceLevelWithin)) s)", .serviceLevel, .share),
      ("abandon rate", .abandonRate, .share), ("ASA (s)", .asaSeconds, .seconds),
      ("mean wait (s)", .meanWaitSeconds, .seconds), ("occupancy", .occupancy, .share),
    ]
    for (label, metric, kind) in rows {
      guard let est = e[metric] else { continue }
      lines.append(pad(label, 26) + pad(kind.format(est.mean), 14) + kind.format(est.ci95))
    }
    return lines.joined(separator: "\n")
  }

  enum Kind {
    case count, share, seconds
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
