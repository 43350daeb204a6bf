import CallSim
import CallSimEngine
import CallSimTestSupport
import Foundation
import Testing

/// Agent groups and routing against exact queueing theory: split queues are independent
/// Erlang systems, integrated identical types are one pooled system, priority classes follow
/// Cobham's formula, and overflow lies between split and integrated, tending to each as
/// `overflow_after` goes to infinity and to 0. Tolerances as in ``TheoryCheck``: the exact
/// value within the 99.9 % band of the simulated mean (plus the end-of-horizon allowance
/// for rates). Seeds are fixed: outcomes are deterministic.
@Suite(.serialized) struct RoutingValidationTests {
  /// Three fields of different sizes, two with patience (Erlang A), one without (Erlang C).
  static let fields: [(name: String, perHour: Double, agents: Int, patience: Double?)] = [
    ("traffic", 300, 27, 180), ("water", 120, 12, nil), ("general", 180, 16, 240),
  ]

  static func splitScenario(mode: String = "split") -> String {
    let total = fields.reduce(0) { $0 + $1.perHour }
    let types = fields.map { f in
      let patience = f.patience.map { ", patience: {dist: exponential, mean: \(Int($0))s}" } ?? ""
      return "  \(f.name): {share: \(f.perHour / total), handle: {dist: exponential, mean: 5m}\(patience)}"
    }
    let groups = fields.map { f in
      "  \(f.name)_team: {skills: [\(([f.name] + fields.map(\.name).filter { $0 != f.name }).joined(separator: ", "))], agents: \(f.agents)}"
    }
    return """
      scenario: split-validation
      simulation: {days: 40, warmup: 6h, replications: 10, seed: 20240902}
      arrivals: {per_hour: \(total)}
      call_types:
      \(types.joined(separator: "\n"))
      agent_groups:
      \(groups.joined(separator: "\n"))
      routing: {mode: \(mode)}
      """
  }

  static func run(_ yaml: String) throws -> RunResult {
    let scenario = try Scenario.parse(text: yaml, file: "routing.yaml")
    let result = try #require(try SimulationRunner.run(scenario.model, threads: 2))
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(3))")
    return result
  }

  /// Estimates of call type `t` with the occupancy of group `g`, keyed as in summary.json.
  static func simulated(_ result: RunResult, type t: Int? = nil, group g: Int? = nil) -> [String: TheoryCheck.Simulated] {
    var out: [String: TheoryCheck.Simulated] = [:]
    for (metric, e) in t.map({ result.estimates(callType: $0) }) ?? result.estimates() {
      if let mean = e.mean, let ci95 = e.ci95 { out[metric.rawValue] = (mean, ci95) }
    }
    if let g, let e = result.estimates(group: g)[.occupancy], let mean = e.mean, let ci95 = e.ci95 {
      out["occupancy"] = (mean, ci95)
    }
    return out
  }

  @Test func splitQueuesAreIndependentErlangSystems() throws {
    let result = try Self.run(Self.splitScenario())
    for (i, f) in Self.fields.enumerated() {
      let point = ValidationPoint(agents: f.agents, callsPerHour: f.perHour, handleSeconds: 300, patienceSeconds: f.patience, days: 40)
      let problems = TheoryCheck.problems(point, simulated: Self.simulated(result, type: i, group: i), exact: try point.exact)
      #expect(problems.isEmpty, "\(f.name): \(problems.joined(separator: "\n"))")
    }
  }

  /// Two groups of generalists taking three identical types: one pooled Erlang A system.
  @Test func integratedIdenticalTypesArePooled() throws {
    let result = try Self.run(Self.pooledScenario(routing: "{mode: integrated}"))
    let point = Self.pooledPoint
    let problems = TheoryCheck.problems(point, simulated: Self.simulated(result), exact: try point.exact)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  static let pooledPoint = ValidationPoint(agents: 48, callsPerHour: 600, handleSeconds: 300, patienceSeconds: 180, days: 20)

  static func pooledScenario(routing: String) -> String {
    """
    scenario: pooled-validation
    simulation: {days: 20, warmup: 6h, replications: 10, seed: 20240902}
    arrivals: {per_hour: 600}
    call_types:
      a: {share: 0.5, handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}
      b: {share: 0.25, handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}
      c: {share: 0.25, handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}
    agent_groups:
      first: {skills: [a, b, c], agents: 24}
      second: {skills: [b, c, a], agents: 24}
    routing: \(routing)
    """
  }

  @Test(arguments: [[0.3, 0.7], [0.2, 0.3, 0.5]])
  func priorityClassesFollowCobham(_ shares: [Double]) throws {
    let perHour = 540.0
    let names = shares.indices.map { "class\($0)" }
    let types = zip(names, shares).enumerated().map { i, t in
      "  \(t.0): {share: \(t.1), priority: \(i), handle: {dist: exponential, mean: 5m}}"
    }
    let result = try Self.run(
      """
      scenario: priority-validation
      simulation: {days: 200, warmup: 1d, replications: 10, seed: 20240902}
      arrivals: {per_hour: \(perHour)}
      call_types:
      \(types.joined(separator: "\n"))
      agents: 50
      """)
    let exact = PriorityQueueTheory.meanWaits(callsPerHour: shares.map { $0 * perHour }, handleSeconds: 300, agents: 50)
    let widening = StudentT.quantile(0.9995, degreesOfFreedom: 9) / StudentT.quantile(0.975, degreesOfFreedom: 9)
    for (i, w) in exact.enumerated() {
      let e = try #require(result.estimates(callType: i)[.meanWaitSeconds])
      let mean = try #require(e.mean), ci95 = try #require(e.ci95)
      #expect(abs(mean - w) <= widening * ci95, "class \(i): simulated \(mean) ± \(ci95) s, Cobham \(w) s")
      #expect(ci95 < 0.05 * w, "class \(i): half-width \(ci95) s is not under 5 % of \(w) s (too little power)")
    }
    #expect(exact == exact.sorted(), "lower classes wait longer")
  }

  /// The answer rate, abandon rate and mean wait under overflow lie between split and
  /// integrated. (The service level does not have to: it depends on the order of service,
  /// and home-queue-first can put more answers under 20 s than first-come-first-served.)
  @Test func overflowLiesBetweenSplitAndIntegrated() throws {
    let symmetric = Self.pooledScenario(routing: "{mode: split}").replacingOccurrences(of: "share: 0.25", with: "share: 0.5")
      .replacingOccurrences(of: "  c: {share: 0.5, handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}\n", with: "")
      .replacingOccurrences(of: "[a, b, c]", with: "[a, b]").replacingOccurrences(of: "[b, c, a]", with: "[b, a]")
    let split = try Self.run(symmetric).estimates()
    let overflow = try Self.run(symmetric.replacingOccurrences(of: "{mode: split}", with: "{mode: overflow, overflow_after: 20s}")).estimates()
    let integrated = try Self.run(symmetric.replacingOccurrences(of: "{mode: split}", with: "{mode: integrated}")).estimates()
    for metric in [Metric.answerRate] {
      let (s, o, i) = (split[metric]!.mean!, overflow[metric]!.mean!, integrated[metric]!.mean!)
      #expect(s < o && o < i, "\(metric): split \(s), overflow \(o), integrated \(i)")
    }
    for metric in [Metric.meanWaitSeconds, .abandonRate] {
      let (s, o, i) = (split[metric]!.mean!, overflow[metric]!.mean!, integrated[metric]!.mean!)
      #expect(s > o && o > i, "\(metric): split \(s), overflow \(o), integrated \(i)")
    }
  }

  /// With an overflow time beyond any wait, overflow is split, number for number.
  @Test func overflowNeverReachedIsSplit() throws {
    let split = try Self.run(Self.splitScenario())
    let overflow = try Self.run(Self.splitScenario(mode: "overflow, overflow_after: 1000d"))
    #expect(split.replications.map(\.hourly) == overflow.replications.map(\.hourly))
  }

  /// With overflow at once, every agent takes every waiting call: the number waiting is
  /// that of the pooled Erlang A queue, so the answer rate, mean wait and occupancy agree.
  /// Only the order of service differs (home queues first), which moves the service level
  /// and the waits of answered calls, so those two are not compared.
  @Test func immediateOverflowIsPooled() throws {
    let result = try Self.run(Self.pooledScenario(routing: "{mode: overflow, overflow_after: 0s}"))
    let problems = TheoryCheck.problems(Self.pooledPoint, simulated: Self.simulated(result), exact: try Self.pooledPoint.exact)
      .filter { !$0.contains("service_level") && !$0.contains("asa_seconds") }
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }
}
