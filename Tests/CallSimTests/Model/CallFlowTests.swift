import CallSim
import CallSimEngine
import Foundation
import Testing

@Suite struct CallFlowTests {
  /// M/G/c/c is insensitive to the talk-time distribution: with lognormal talk times, 10 lines
  /// and 10 agents (nobody waits) the blocked share is Erlang B(10, 5) = 0.0183846. The
  /// exact value must lie in the simulated 99.9 % band.
  @Test func blockingMatchesErlangBWithLognormalTalk() throws {
    let fixture = try ScenarioFixture()
    let scenario = try fixture.load("b.yaml", """
      scenario: erlang-b
      simulation: {days: 60, replications: 10, seed: 3}
      arrivals: {per_hour: 120}
      trunks: 10
      call_types: {call: {handle: {dist: lognormal, mean: 150s, sd: 200s}}}
      agents: 10
      """)
    let result = try #require(try SimulationRunner.run(scenario.model))
    #expect(result.conservationErrors.isEmpty)
    let blocked = try #require(result.estimates()[.blockedShare])
    let exact = ErlangQueue.erlangB(agents: 10, load: 5)
    let k = StudentT.quantile(0.9995, degreesOfFreedom: 9) / StudentT.quantile(0.975, degreesOfFreedom: 9)
    #expect(abs(blocked.mean! - exact) <= k * blocked.ci95!, "simulated \(blocked.mean!) ± \(blocked.ci95!), Erlang B \(exact)")
    #expect(blocked.ci95! < 0.05 * exact)
  }

  /// The IVR splits calls by menu share, loses hang-ups and self-served calls, and the rest
  /// reach the queue; conservation holds per hour. Shares checked within 4.5 binomial
  /// standard deviations.
  @Test func ivrOutcomesFollowTheirShares() throws {
    let fixture = try ScenarioFixture()
    let scenario = try fixture.load("ivr.yaml", """
      scenario: ivr
      simulation: {days: 10, replications: 2, seed: 8}
      arrivals: {per_hour: 600}
      trunks: 200
      ivr:
        duration: {dist: lognormal, mean: 45s, sd: 20s}
        menu: {traffic: 0.3, general: 0.7}
        hang_up: 0.05
        self_service: {traffic: 0.2}
      call_types:
        traffic: {handle: {dist: exponential, mean: 3m}, patience: {dist: exponential, mean: 2m}}
        general: {handle: {dist: exponential, mean: 4m}, patience: {dist: exponential, mean: 2m}}
      agents: 40
      """)
    let result = try #require(try SimulationRunner.run(scenario.model))
    #expect(result.conservationErrors.isEmpty, "\(result.conservationErrors.prefix(2))")
    let total = result.totals.reduce(into: CallCounts()) { $0 += $1 }
    func near(_ observed: Double, _ n: Double, _ p: Double) -> Bool {
      abs(observed - n * p) <= 4.5 * (n * p * (1 - p)).squareRoot()
    }
    let traffic = result.replications.reduce(into: CallCounts()) { $0 += $1.byCallType[0] }
    #expect(near(total.ivrHangUps, total.totalInflow - total.blocked, 0.05))
    #expect(near(traffic.totalInflow, total.totalInflow, 0.3))
    #expect(near(traffic.selfServed, traffic.totalInflow - traffic.blocked - traffic.ivrHangUps - traffic.inIVRAtEnd, 0.2))
    let general = result.replications.reduce(into: CallCounts()) { $0 += $1.byCallType[1] }
    #expect(general.selfServed == 0)
    let e = result.estimates()
    #expect(e[.answerRateTotal]!.mean! < e[.answerRate]!.mean!)
  }

  /// Abandoned and blocked callers redial with the given probability; redials are new calls
  /// counted in the total inflow and also as redials.
  @Test func redialsAreNewCalls() throws {
    let fixture = try ScenarioFixture()
    let scenario = try fixture.load("redial.yaml", """
      scenario: redial
      simulation: {days: 5, replications: 2, seed: 2}
      arrivals: {per_hour: 300}
      trunks: 30
      call_types:
        call:
          handle: {dist: exponential, mean: 5m}
          patience: {dist: exponential, mean: 1m}
          redial: {probability: 0.4, delay: {dist: exponential, mean: 5m}}
      agents: 20
      """)
    let result = try #require(try SimulationRunner.run(scenario.model))
    #expect(result.conservationErrors.isEmpty)
    let t = result.totals.reduce(into: CallCounts()) { $0 += $1 }
    let failed = t.abandoned + t.blocked
    #expect(t.redials > 0)
    #expect(abs(t.redials - 0.4 * failed) < 4.5 * (failed * 0.24).squareRoot() + 50, "redials \(t.redials) of \(failed)")
    let expectedFresh = 300.0 * 24 * 5 * 2
    #expect(abs(t.totalInflow - t.redials - expectedFresh) < 4.5 * expectedFresh.squareRoot())
  }

  /// No IVR, no lines and a constant rate: the call-flow model is the foundation's.
  @Test func plainScenarioHasNoCallFlowLosses() throws {
    let fixture = try ScenarioFixture()
    let scenario = try fixture.load("plain.yaml", """
      scenario: plain
      simulation: {days: 2, replications: 2, seed: 2}
      arrivals: {per_hour: 600}
      call_types: {call: {handle: {dist: exponential, mean: 5m}, patience: {dist: exponential, mean: 3m}}}
      agents: 48
      """)
    let result = try #require(try SimulationRunner.run(scenario.model))
    for t in result.totals {
      #expect(t.blocked == 0 && t.ivrHangUps == 0 && t.selfServed == 0 && t.redials == 0)
      #expect(t.totalInflow == t.inflow)
    }
  }
}
