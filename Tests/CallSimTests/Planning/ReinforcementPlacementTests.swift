@testable import CallSim
import CallSimTestSupport
import Testing

/// The placement's screening: every window on the first replications, the best three on all
/// of them. Replication ranges joined are the whole run, so a finalist's rate is the rate a
/// full evaluation gives, and the choice is the full evaluation's best.
@Suite struct ReinforcementPlacementTests {
  static func model() throws -> CallCenterModel {
    try Scenario.parse(text: PlacementScenario.text(replications: 6, seed: 11), file: "place.yaml").model
  }

  @Test func replicationRangesJoinedAreTheWholeRun() throws {
    let model = try Self.model()
    let whole = try #require(try SimulationRunner.run(model, threads: 2))
    let first = try #require(try SimulationRunner.replications(model, 0..<2, threads: 2))
    let rest = try #require(try SimulationRunner.replications(model, 2..<6, threads: 1))
    let joined = RunResult(model: model, replications: first + rest)
    #expect(joined.replications.map(\.replication) == Array(0..<6))
    #expect(joined.totals == whole.totals)
    for metric in [Metric.answerRate, .serviceLevel, .asaSeconds, .waitP90Seconds, .occupancy] {
      #expect(joined.estimates()[metric] == whole.estimates()[metric], "\(metric)")
    }
  }

  @Test func theScreenedChoiceIsTheFullEvaluationsBest() throws {
    let model = try Self.model()
    let starts = [7.0, 9, 10, 11, 14].map { $0 * 3600 }
    let search = try ReinforcementPlacement(
      model: model, workers: 1, shiftLength: 7200, starts: starts, days: .all, batch: 1, threads: 2)
    #expect(search.screenedReplications == 3)
    let outcome = try search.place()
    let round = try #require(outcome.rounds.first)
    let full = try starts.indices.map { w in
      var agents = Array(repeating: 0, count: starts.count)
      agents[w] = 1
      return try search.answerRate(agents, stop: nil)
    }
    #expect(round.chosen == full.indices.max { full[$0] < full[$1] })
    #expect(round.replications.filter { $0 == 6 }.count == 3 && round.replications.filter { $0 == 3 }.count == 2)
    for w in starts.indices where round.replications[w] == 6 { #expect(round.answerRates[w] == full[w], "window \(w)") }
    #expect(outcome.answerRate == full[round.chosen])
  }
}
