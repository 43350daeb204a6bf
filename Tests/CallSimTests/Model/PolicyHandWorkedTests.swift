@_spi(Testing) import CallSim
import CallSimEngine
import Testing

/// The call cap and an abusive caller's recovery, worked by hand.
@Suite struct PolicyHandWorkedTests {
  /// One agent; every caller abusive (talk exactly 100 s, recovery exactly 50 s); a forced
  /// cap at 80 s; patience exactly 120 s; two calls placed by hand:
  ///
  /// | time (s) | event |
  /// | --- | --- |
  /// | 1000 | X arrives and is answered; talk cut to 80 s (capped), done at 1080 |
  /// | 1010 | Y arrives, waits; its patience ends at 1010 + 120 = **1130** |
  /// | 1080 | the agent's recovery starts; it ends at 1080 + 50 = **1130** |
  /// | 1130 | the recovery ends and the agent answers Y (wait 120) before Y's patience event |
  /// | 1210 | Y's talk, cut to 80 s, ends; recovery until 1260 |
  ///
  /// Without the recovery Y would wait 70 s; without the kind order (recovery ends before
  /// abandonments) Y would hang up.
  @Test func recoveryKeepsTheAgentOffThePhonesAndTheCapCutsTalk() throws {
    let settings = SimulationSettings(days: 1, warmup: 0, replications: 1, seed: 1)
    let model = try CallCenterModel(
      name: "policies", settings: settings, arrivals: .constant(callsPerHour: 0, horizon: settings.horizon),
      callTypes: [CallType(name: "c", handle: .deterministic(1000), patience: .deterministic(120))],
      agentGroups: [AgentGroup(name: "agents", skills: [0], staffing: .constant(1, hours: settings.hours))],
      callCap: try CallCap(mode: .forced, limit: 80),
      abusiveCallers: try AbusiveCallers(share: 1, handle: .deterministic(100), recovery: .deterministic(50)))
    var simulation = CallCenterSimulation(model: model, replication: 0)
    simulation.scheduleArrival(at: 1000)
    simulation.scheduleArrival(at: 1010)
    let outcome = try simulation.run()
    let replication = try #require(outcome)
    let result = RunResult(model: model, replications: [replication])
    let t = result.totals[0]
    #expect(t.answered == 2 && t.abandoned == 0)
    #expect(t.answeredWaitSeconds == 120)
    #expect(t.capped == 2 && t.abusiveAnswered == 2 && t.callBacks == 0)
    #expect(t.recoveryAgentSeconds == 100)
    #expect(t.busyAgentSeconds == 160)
    // Recovery is neither busy nor available: 160 busy seconds of 86,400 − 100.
    #expect(Metric.occupancy.value(of: t, periodSeconds: 86_400) == 160.0 / (86_400 - 100))
    let group = result.estimates(group: 0)
    #expect(group[.recoveryHours]?.mean == 100.0 / 3600)
    #expect(group[.capped]?.mean == 2)
  }
}
