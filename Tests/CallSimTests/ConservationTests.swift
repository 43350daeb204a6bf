import CallSim
import CallSimEngine
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
