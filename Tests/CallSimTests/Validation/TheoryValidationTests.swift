import CallSim
import CallSimEngine
import CallSimTestSupport
import Foundation
import Testing

/// The simulator against exact queueing theory (STYLE.md §10; Ciw's approach), at points from
/// 2 to 500 agents with and without patience; tolerances are explained in ``TheoryCheck``.
/// Seeds are fixed: the outcome is deterministic.
@Suite(.serialized) struct TheoryValidationTests {
  @Test(arguments: ValidationPoint.all)
  func agreesWithErlang(_ point: ValidationPoint) throws {
    let result = try #require(try SimulationRunner.run(point.model, threads: 2))
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(3))")
    var simulated: [String: TheoryCheck.Simulated] = [:]
    for (metric, estimate) in result.estimates() {
      if let mean = estimate.mean, let ci95 = estimate.ci95 { simulated[metric.rawValue] = (mean, ci95) }
    }
    let problems = TheoryCheck.problems(point, simulated: simulated, exact: try point.exact)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  /// The answered-wait percentiles against M/M/c (Erlang C: nobody abandons, so every wait is
  /// an answered wait), where P(W > t) = C·exp(−(cμ − λ)t): the q-percentile is 0 when
  /// 1 − C ≥ q, else ln(C / (1 − q)) / (cμ − λ). The exact value must lie within the 99.9 %
  /// band of the mean over replications (as in ``TheoryCheck``), widened by the histogram's
  /// resolution (0.125 s or 1/128 of the wait, ``DurationBins``). The Erlang C points of
  /// up to 60 days (the 400-day one adds minutes and no new case).
  @Test(arguments: ValidationPoint.all.filter { $0.patienceSeconds == nil && $0.days <= 60 })
  func answeredWaitPercentilesAgreeWithErlangC(_ point: ValidationPoint) throws {
    let result = try #require(try SimulationRunner.run(point.model, threads: 2))
    let lambda = point.callsPerHour / 3600
    let mu = 1 / point.handleSeconds
    let c = ErlangQueue.erlangC(agents: point.agents, load: lambda / mu)
    let decay = Double(point.agents) * mu - lambda
    let n = Double(point.replications)
    let widening = StudentT.quantile(0.9995, degreesOfFreedom: n - 1) / StudentT.quantile(0.975, degreesOfFreedom: n - 1)
    let estimates = result.estimates()
    for metric in Metric.waitQuantiles {
      let q = try #require(metric.waitQuantile)
      let exact = 1 - c >= q ? 0 : log(c / (1 - q)) / decay
      let e = try #require(estimates[metric])
      let mean = try #require(e.mean)
      let ci95 = try #require(e.ci95)
      #expect(
        abs(mean - exact) <= widening * ci95 + max(0.125, exact / 128) + 1e-9,
        "\(point) \(metric.rawValue): simulated \(mean) ± \(ci95), exact \(exact) (C = \(c))")
      #expect(result.estimates(callType: 0)[metric] == e, "one call type: the same percentiles")
    }
  }

  /// M/M/c with no patience never abandons.
  @Test func withoutPatienceNobodyAbandons() throws {
    let result = try #require(try SimulationRunner.run(ValidationPoint.all[0].model))
    #expect(result.totals.allSatisfy { $0.abandoned == 0 })
  }
}
