@_spi(Testing) import CallSim
import CallSimEngine
import Testing

/// A caller whose patience ends at the instant an agent frees is answered
/// (`docs/correctness.md`): worked by hand with a real tie, both events at exactly 3700 s.
@Suite struct EventTieTests {
  /// No agent in hour 0, one from 3600 s; talk exactly 100 s; patience exactly 110 s; no
  /// Poisson arrivals, two calls placed by hand:
  ///
  /// | time (s) | event |
  /// | --- | --- |
  /// | 3500 | X arrives, waits (no agent); its patience would end at 3610 |
  /// | 3590 | Y arrives, waits; its patience ends at 3590 + 110 = **3700** (scheduled now) |
  /// | 3600 | an agent comes on duty and answers X (wait 100); it frees at 3600 + 100 = **3700** |
  /// | 3610 | X's patience event finds X answered: nothing |
  /// | 3700 | the agent frees and answers Y (wait 110); Y's patience event then finds Y answered |
  ///
  /// Y's abandonment was scheduled *before* the agent's release, so first-scheduled-first
  /// alone would let Y hang up: only the kind order (agents freeing before abandonments)
  /// gets Y answered.
  static func run(patience: Double) throws -> CallCounts {
    let settings = SimulationSettings(days: 1, warmup: 0, replications: 1, seed: 1)
    let model = try CallCenterModel(
      name: "tie", settings: settings, arrivals: .constant(callsPerHour: 0, horizon: settings.horizon),
      callTypes: [CallType(name: "c", handle: .deterministic(100), patience: .deterministic(patience))],
      staffing: .daily([0] + Array(repeating: 1, count: 23), days: 1))
    var simulation = CallCenterSimulation(model: model, replication: 0)
    simulation.scheduleArrival(at: 3500)
    simulation.scheduleArrival(at: 3590)
    let outcome = try simulation.run()
    let replication = try #require(outcome)
    return RunResult(model: model, replications: [replication]).totals[0]
  }

  @Test func callerWhosePatienceEndsAsAnAgentFreesIsAnswered() throws {
    let t = try Self.run(patience: 110)
    #expect(t.inflow == 2)
    #expect(t.answered == 2 && t.abandoned == 0)
    #expect(t.answeredWaitSeconds == 100 + 110)
    #expect(t.busyAgentSeconds == 200)
  }

  /// The same calls with patience a millisecond shorter: Y hangs up at 3699.999 s, just
  /// before the agent frees, so the test above does hinge on the tie.
  @Test func aMillisecondLessPatienceAndTheCallerHangsUp() throws {
    let t = try Self.run(patience: 109.999)
    #expect(t.answered == 1 && t.abandoned == 1)
    #expect(t.answeredWaitSeconds == 100)
    #expect(abs(t.abandonedWaitSeconds - 109.999) < 1e-9)
  }
}
