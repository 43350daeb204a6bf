import CallSim
import CallSimEngine
import Testing

/// Tiny cases whose every wait can be worked out by hand.
@Suite struct HandWorkedTests {
  /// One agent, talk of 1 s, callers whose patience (1e9 s) outlasts the horizon: nobody
  /// abandons, and every call is answered or still waiting at the end. (The tie between an
  /// abandonment and an agent freeing at the same instant is worked in `EventTieTests`.)
  @Test func callersWhosePatienceOutlastsTheHorizonNeverAbandon() throws {
    let settings = SimulationSettings(days: 1, warmup: 0, replications: 1, seed: 3)
    let model = try CallCenterModel(
      name: "ties", settings: settings, arrivals: .constant(callsPerHour: 0.5, horizon: settings.horizon),
      callTypes: [CallType(name: "c", handle: .deterministic(1), patience: .deterministic(1e9))],
      agents: 1)
    let result = try #require(try SimulationRunner.run(model))
    let t = result.totals[0]
    #expect(t.abandoned == 0)
    #expect(t.answered + t.inQueueAtEnd == t.inflow)
  }

  /// No agents and no patience: every call that arrives waits until the end.
  @Test func noAgentsMeansEveryoneStillWaits() throws {
    let settings = SimulationSettings(days: 1, replications: 2, seed: 1)
    let model = try CallCenterModel(
      name: "none", settings: settings, arrivals: .constant(callsPerHour: 60, horizon: settings.horizon),
      callTypes: [CallType(name: "c", handle: .exponential(mean: 60))], agents: 0)
    let result = try #require(try SimulationRunner.run(model))
    for t in result.totals {
      #expect(t.answered == 0 && t.abandoned == 0)
      #expect(t.inQueueAtEnd == t.inflow && t.inflow > 1000)
    }
  }

  /// No agents, deterministic patience of 30 s: every call abandons after exactly 30 s,
  /// except those arriving in the last 30 s.
  @Test func everyoneAbandonsAfterTheirPatience() throws {
    let settings = SimulationSettings(days: 1, replications: 1, seed: 1)
    let model = try CallCenterModel(
      name: "abandon", settings: settings, arrivals: .constant(callsPerHour: 120, horizon: settings.horizon),
      callTypes: [CallType(name: "c", handle: .exponential(mean: 60), patience: .deterministic(30))], agents: 0)
    let result = try #require(try SimulationRunner.run(model))
    let t = result.totals[0]
    #expect(t.abandoned > 2500)
    #expect(abs(t.abandonedWaitSeconds - 30 * t.abandoned) < 1e-6 * t.abandonedWaitSeconds)
    #expect(t.inQueueAtEnd <= 5)
  }

  /// Plenty of agents: nobody waits, occupancy equals offered load / agents.
  @Test func noWaitingWithManyAgents() throws {
    let settings = SimulationSettings(days: 3, replications: 3, seed: 9)
    let model = try CallCenterModel(
      name: "idle", settings: settings, arrivals: .constant(callsPerHour: 60, horizon: settings.horizon),
      callTypes: [CallType(name: "c", handle: .deterministic(60))], agents: 50)
    let result = try #require(try SimulationRunner.run(model))
    let e = result.estimates()
    #expect(e[.asaSeconds]?.mean == 0)
    #expect(e[.serviceLevel]?.mean == 1)
    #expect(abs(e[.occupancy]!.mean! - 1.0 / 50) < 0.001)
  }
}
