import CallSim
import CallSimEngine
import Foundation
import Testing

/// Paired differences on common random numbers: narrower than unpaired ones, exactly 0 for a
/// scenario against itself, and only for the types and groups both scenarios have.
@Suite struct PairedComparisonTests {
  static func run(_ yaml: String) throws -> RunResult {
    let model = try Scenario.parse(text: yaml, file: "compare.yaml").model
    let result = try #require(try SimulationRunner.run(model, threads: 2))
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(3))")
    return result
  }

  static func queue(agents: Int) -> String {
    """
    scenario: queue-\(agents)
    simulation: {days: 3, warmup: 2h, replications: 12, seed: 5}
    arrivals: {per_hour: 600}
    call_types:
      call: {handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}
    agents: \(agents)
    """
  }

  /// Done-when 1: 48 against 50 agents. The paired interval of the service-level difference
  /// must be at least 3× narrower than Welch's unpaired interval from the same replications
  /// (what independent runs would give), and the difference itself clearly positive.
  @Test func pairingNarrowsTheServiceLevelIntervalThreefold() throws {
    let base = try Self.run(Self.queue(agents: 48)), other = try Self.run(Self.queue(agents: 50))
    let comparison = PairedComparison(baseline: base, other: other)
    let paired = try #require(comparison.overall[.serviceLevel])
    let b = base.totals.map { Metric.serviceLevel.value(of: $0, periodSeconds: base.measuredSeconds)! }
    let o = other.totals.map { Metric.serviceLevel.value(of: $0, periodSeconds: other.measuredSeconds)! }
    let unpaired = try #require(PairedDifference.unpairedHalfWidth(base: b, other: o))
    let pairedWidth = try #require(paired.ci95)
    #expect(pairedWidth * 3 <= unpaired, "paired ± \(pairedWidth), unpaired ± \(unpaired)")
    #expect(paired.isSignificant && paired.mean! > 0)
    #expect(abs(paired.mean! - (paired.otherMean! - paired.baseMean!)) < 1e-12)
  }

  /// A center with an IVR, redials, three split teams and misrouting (transfers), over 4
  /// replications.
  static let center = CommonRandomNumbersTests.scenario(
    routing: "{mode: split, misroute: {share: 0.1, transfer: {dist: exponential, mean: 40s}}}"
  ).replacingOccurrences(of: "replications: 2", with: "replications: 4")

  /// Done-when 2 (first half): a scenario against itself differs by exactly 0 in every
  /// metric, overall, per type and per group, with an interval of exactly 0, and nothing is
  /// marked significant.
  @Test func aScenarioAgainstItselfDiffersByExactlyZero() throws {
    let a = try Self.run(Self.center), b = try Self.run(Self.center)
    let c = PairedComparison(baseline: a, other: b)
    #expect(c.overall.count == Metric.reported(for: a.model).count)
    #expect(c.callTypes.map(\.name) == ["traffic", "water", "general"])
    #expect(c.agentGroups.map(\.name) == ["traffic_team", "water_team", "general_team"])
    var all = Array(c.overall.values)
    for t in c.callTypes { all += t.differences.values }
    for g in c.agentGroups { all += g.differences.values }
    for d in all where d.pairs > 0 {
      #expect(d.mean == 0 && d.ci95 == 0 && !d.isSignificant)
    }
    #expect(c.overall[.answered]!.baseMean! > 0 && c.overall[.transferred]!.baseMean! > 0 && c.overall[.redials]!.baseMean! > 0)
  }

  /// Integrated routing pools the three teams into one: per-type differences exist, no
  /// per-group ones (no group name in common), and the overall inflow is unchanged (same callers).
  @Test func typesAndGroupsOnlyWhereBothHaveThem() throws {
    let split = try Self.run(Self.center)
    let pooled = Self.center[..<Self.center.range(of: "agent_groups:")!.lowerBound] + "agents: 47"
    let integrated = try Self.run(String(pooled))
    #expect(integrated.model.agentGroups.map(\.name) == ["agents"])
    let c = PairedComparison(baseline: split, other: integrated)
    #expect(c.callTypes.count == 3 && c.agentGroups.isEmpty)
    // Callers who never reach the queue (IVR hang-ups, self-service) are the same callers.
    #expect(c.overall[.ivrHangUps]!.mean! == 0 || c.overall[.redials]!.mean! != 0)
    #expect(c.overall[.answerRate]!.isSignificant)
    let csv = try Self.csv(CompareReport(comparisons: [c]))
    // Neither scenario has call-back offers: their metrics are not compared.
    let reported = Metric.reported(for: split.model)
    #expect(csv.first == CompareReport.csvHeader)
    #expect(csv.count == 1 + reported.count + 3 * (reported.count - PairedComparison.agentTimeMetrics.count))
    #expect(!csv.contains { $0.contains(",agent_group,") })
  }

  static func csv(_ report: CompareReport) throws -> [String] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    try AtomicFile.write(to: url) { try report.write(csvTo: &$0) }
    return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
  }

  @Test func calendarsMustAgreeKeyByKey() throws {
    let base = SimulationSettings(start: CalendarDate(year: 2024, month: 9, day: 2)!, days: 28, warmup: 3600)
    #expect(base.calendarDifference(from: base) == nil)
    var other = base
    other.replications = 3
    other.seed = 99
    #expect(base.calendarDifference(from: other) == nil, "seed and replications are set by compare")
    other = base
    other.start = CalendarDate(year: 2024, month: 9, day: 3)!
    #expect(base.calendarDifference(from: other)?.key == "simulation.start")
    other = base
    other.days = 27
    #expect(base.calendarDifference(from: other)?.key == "simulation.days")
    other = base
    other.warmup = 7200
    #expect(base.calendarDifference(from: other)?.key == "simulation.warmup")
    other = base
    other.generator = .taus2
    #expect(base.calendarDifference(from: other)?.key == "simulation.generator")
  }
}
