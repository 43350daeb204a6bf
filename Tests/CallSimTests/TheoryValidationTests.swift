import CallSim
import CallSimEngine
import Testing

/// The simulator against exact queueing theory (STYLE.md §10; Ciw's approach).
///
/// For each point, 10 independent replications give a mean and a 95 % Student-t half-width;
/// the exact value must lie within the 99.9 % band (the 95 % half-width × t(0.9995, 9) /
/// t(0.975, 9) ≈ 2.11), so a correct simulator fails about once in a thousand checks instead
/// of once in twenty. Rates (answered, within 20 s) also allow for the calls still waiting
/// when the horizon ends, which count in the inflow but cannot yet be answered (a bias of
/// the order of E[queue length] / calls simulated, printed by the test when it fails); and
/// the half-width of each rate must be under 2 % of its value, so the
/// check has the power to catch a real bias. Seeds are fixed: the outcome is deterministic.
@Suite(.serialized) struct TheoryValidationTests {
  static let widening = StudentT.quantile(0.9995, degreesOfFreedom: 9) / StudentT.quantile(0.975, degreesOfFreedom: 9)

  @Test(arguments: ValidationPoint.all)
  func agreesWithErlang(_ point: ValidationPoint) throws {
    let exact = try point.exact
    let result = try #require(SimulationRunner.run(point.model, threads: 2))
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(3))")
    let e = result.estimates()
    let endEffect = try #require(e[.inQueueAtEnd]?.mean) / (try #require(e[.inflow]?.mean))
    let checks: [(Metric, Double, Bool)] = [
      (.answerRate, exact.answerRate, true),
      (.serviceLevel, exact.serviceLevel, true),
      (.meanWaitSeconds, exact.meanWaitSeconds, false),
      (.asaSeconds, exact.asaSeconds, false),
      (.occupancy, exact.occupancy, true),
    ]
    for (metric, value, isRate) in checks {
      let est = try #require(e[metric])
      let mean = try #require(est.mean), hw = try #require(est.ci95)
      let allowance = (metric == .answerRate || metric == .serviceLevel) ? endEffect : 0
      #expect(
        abs(mean - value) <= Self.widening * hw + allowance + 1e-12,
        "\(point) \(metric.rawValue): simulated \(mean) ± \(hw), exact \(value)")
      if isRate {
        #expect(hw < 0.02 * value, "\(point) \(metric.rawValue): half-width \(hw) is not under 2 % of \(value)")
      }
    }
  }

  /// M/M/c with no patience never abandons; with patience the answered share is below 1.
  @Test func patienceIsWhatMakesCallersLeave() throws {
    let point = ValidationPoint.all[0]
    let result = try #require(SimulationRunner.run(point.model))
    #expect(result.totals.allSatisfy { $0.abandoned == 0 })
  }
}
