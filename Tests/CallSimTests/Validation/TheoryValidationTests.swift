import CallSim
import CallSimEngine
import CallSimTestSupport
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

  /// M/M/c with no patience never abandons.
  @Test func withoutPatienceNobodyAbandons() throws {
    let result = try #require(try SimulationRunner.run(ValidationPoint.all[0].model))
    #expect(result.totals.allSatisfy { $0.abandoned == 0 })
  }
}
