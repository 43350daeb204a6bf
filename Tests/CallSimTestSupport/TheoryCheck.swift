import CallSim
import CallSimEngine

/// Compares simulated estimates with exact values, the same way for the library and the
/// command-line tests.
///
/// The exact value must lie within the 99.9 % band of the simulated mean — the 95 % half-width
/// × t(0.9995, n−1) / t(0.975, n−1) — so a correct simulator fails about once in a thousand
/// checks instead of once in twenty. Rates (answered, within 20 s) also allow for the calls
/// still waiting when the horizon ends, which count in the inflow but cannot yet be answered
/// (a bias of E[queue length] / calls simulated). The 95 % half-width of each rate must be
/// under 2 % of its value, so the check has the power to catch a real bias.
public enum TheoryCheck {
  /// A simulated metric: mean and 95 % half-width over replications.
  public typealias Simulated = (mean: Double, ci95: Double)

  /// Problems found; empty when the simulation agrees with theory.
  public static func problems(
    _ point: ValidationPoint, simulated: [String: Simulated], exact: ErlangPerformance
  ) -> [String] {
    let n = Double(point.replications)
    let widening = StudentT.quantile(0.9995, degreesOfFreedom: n - 1) / StudentT.quantile(0.975, degreesOfFreedom: n - 1)
    guard let inQueue = simulated["in_queue_at_end"], let inflow = simulated["inflow"] else {
      return ["\(point): in_queue_at_end or inflow missing"]
    }
    let endEffect = inQueue.mean / inflow.mean
    let checks: [(String, Double, Bool)] = [
      ("answer_rate", exact.answerRate, true),
      ("service_level", exact.serviceLevel, true),
      ("mean_wait_seconds", exact.meanWaitSeconds, false),
      ("asa_seconds", exact.asaSeconds, false),
      ("occupancy", exact.occupancy, true),
    ]
    var problems: [String] = []
    for (name, value, isRate) in checks {
      guard let s = simulated[name] else {
        problems.append("\(point) \(name): missing")
        continue
      }
      let allowance = name == "answer_rate" || name == "service_level" ? endEffect : 0
      if abs(s.mean - value) > widening * s.ci95 + allowance + 1e-12 {
        problems.append("\(point) \(name): simulated \(s.mean) ± \(s.ci95), exact \(value)")
      }
      if isRate && s.ci95 >= 0.02 * value {
        problems.append("\(point) \(name): half-width \(s.ci95) is not under 2 % of \(value)")
      }
    }
    return problems
  }
}
