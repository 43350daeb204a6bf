import CallSim
import CallSimEngine
import CallSimTestSupport
import Foundation
import Testing

/// Every call ends in exactly one outcome, in every replication and every hour, over many
/// seeds and a spread of small random models (tight, loose, no agents, deterministic ties).
@Suite struct ConservationTests {
  static func randomModel(seed: UInt64) throws -> CallCenterModel {
    try RandomStreamSet(seed: seed, replication: 0).withStream("model") { try randomModel(seed: seed, s: $0) }
  }

  static func randomModel(seed: UInt64, s: RandomStream) throws -> CallCenterModel {
    let agents = s.index(below: 6)
    let rate = 10 + 200 * s.uniform()
    let handle: Distribution = s.uniform() < 0.3 ? .deterministic(60) : .exponential(mean: 30 + 300 * s.uniform())
    let patience: Distribution? = s.uniform() < 0.3 ? nil : (s.uniform() < 0.5 ? .deterministic(60) : .exponential(mean: 30 + 200 * s.uniform()))
    let wrap: Distribution? = s.uniform() < 0.5 ? nil : .exponential(mean: 20)
    let settings = SimulationSettings(days: 2, warmup: 3600 * Double(s.index(below: 5)), replications: 3, seed: seed)
    let staffing: StaffingPlan = try
      s.uniform() < 0.5
      ? .constant(agents, hours: settings.hours)
      : .daily((0..<24).map { _ in s.index(below: 8) }, days: settings.days)
    return try CallCenterModel(
      name: "random-\(seed)", settings: settings, arrivals: .constant(callsPerHour: rate, horizon: settings.horizon),
      callTypes: [
        CallType(name: "a", share: 0.6, handle: handle, wrapUp: wrap, patience: patience),
        CallType(name: "b", share: 0.4, handle: .lognormal(mu: 4, sigma: 0.8), patience: .exponential(mean: 90)),
      ],
      staffing: staffing)
  }

  @Test(arguments: 1...40)
  func everyCallEndsOnce(seed: Int) throws {
    let model = try ConservationTests.randomModel(seed: UInt64(seed))
    let result = try #require(try SimulationRunner.run(model, threads: 1))
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(3))")
    for r in result.replications {
      for (h, hour) in r.hourly.enumerated() {
        // No agent in two calls at once: busy time never exceeds logged-in time.
        #expect(hour.busyAgentSeconds <= hour.availableAgentSeconds + 1e-6, "hour \(h)")
        // Agents log in on time; only those finishing a call stay past the plan.
        #expect(hour.availableAgentSeconds >= hour.scheduledAgentSeconds - 1e-6, "hour \(h)")
        #expect(hour.answeredWaitSeconds >= 0 && hour.abandonedWaitSeconds >= 0)
      }
    }
  }

  @Test func sameSeedSameResultsAnyThreadCount() throws {
    var model = try ConservationTests.randomModel(seed: 5)
    model.settings.replications = 5
    let one = try #require(try SimulationRunner.run(model, threads: 1))
    let two = try #require(try SimulationRunner.run(model, threads: 2))
    let four = try #require(try SimulationRunner.run(model, threads: 4))
    #expect(one.totals == two.totals && two.totals == four.totals)
    #expect(one.replications.map(\.hourly) == four.replications.map(\.hourly))
  }

  @Test func differentSeedsDiffer() throws {
    var a = try ConservationTests.randomModel(seed: 5)
    let ra = try #require(try SimulationRunner.run(a))
    a.settings.seed = 6
    let rb = try #require(try SimulationRunner.run(a))
    #expect(ra.totals != rb.totals)
  }
}

/// The reported outcomes (`answered`, `abandoned`, `blocked`, `ivr_hang_ups`, `self_served`,
/// `in_system_at_end`) add up to `total_inflow` exactly on every scenario shipped in
/// `Scenarios/` — IVR, misrouting and transfers, caps, rosters, remote work, strikes, a year —
/// per replication, per call type, and in every hour, as the tables report them.
@Suite struct ScenarioConservationTests {
  static var scenariosFolder: URL { Repository.root.appendingPathComponent("Scenarios") }

  /// Every scenario file (not the sweep files, not the `parts/` they extend).
  static var scenarioFiles: [String] {
    let root = scenariosFolder
    let all = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
    return all.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("sweeps/") && !$0.contains("/parts/") }
      .filter { !Sweep.isSweepFile(root.appendingPathComponent($0).path) }.sorted()
  }

  @Test func thereAreScenariosToCheck() {
    #expect(Self.scenarioFiles.count >= 25, "\(Self.scenarioFiles)")
    #expect(Self.scenarioFiles.contains("seoul-120/split.yaml"))
  }

  /// One replication of at most 3 days (the merged scenario with a shorter horizon, without
  /// its timeline then: keeps the test fast).
  @Test(arguments: scenarioFiles)
  func outcomesAddUpToInflow(file: String) throws {
    let path = Self.scenariosFolder.appendingPathComponent(file)
    let full = try Scenario.load(path.path)
    let days = min(full.model.settings.days, 3)
    // A shortened horizon drops the timeline (its dates would fall outside, which is refused).
    let tree = (days < full.model.settings.days ? full.resolved.removing("timeline") : full.resolved)
      .setting(["simulation", "days"], to: .scalar(String(days), quoted: false, origin: full.resolved.origin))
      .setting(["simulation", "replications"], to: .scalar("1", quoted: false, origin: full.resolved.origin))
    let scenario = try Scenario.decode(tree, file: path.path)
    let result = try #require(try SimulationRunner.run(scenario.model, threads: 1))
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(3))")
    func outcomes(_ c: CallCounts) -> Double {
      Metric.outcomes.reduce(0) { $0 + $1.value(of: c, periodSeconds: 3600)! }
    }
    // The outcomes this run reports (`callback_lost` only with call-back offers).
    let reported = Metric.outcomes.filter(Metric.reported(for: result.model).contains)
    for total in result.totals {
      #expect(total.totalInflow > 0)
      #expect(outcomes(total) == total.totalInflow, "\(file)")
    }
    let estimates = result.estimates()
    let sum = reported.reduce(0.0) { $0 + estimates[$1]!.mean! }
    #expect(sum == estimates[.totalInflow]!.mean!, "\(file): summary outcomes \(sum) ≠ total_inflow")
    for t in result.model.callTypes.indices {
      let e = result.estimates(callType: t)
      #expect(reported.reduce(0.0) { $0 + e[$1]!.mean! } == e[.totalInflow]!.mean!, "\(file) type \(t)")
    }
    // As the hourly tables print them.
    for (table, columns) in [
      (HourlyTable(result: result).csv(), ["total_inflow"] + reported.map(\.rawValue)),
      (HourlyBreakdownTable(result: result, by: .callType).csv(), ["total_inflow"] + reported.map(\.rawValue)),
    ] {
      let rows = CSVFile(text: table)
      for c in columns { try #require(rows.header.contains(c), "\(c) missing") }
      for row in rows.rows {
        let values = try columns.map { try #require(row.number($0)) }
        #expect(values.dropFirst().reduce(0, +) == values[0], "\(file): \(row.fields.joined(separator: ","))")
      }
    }
  }
}
